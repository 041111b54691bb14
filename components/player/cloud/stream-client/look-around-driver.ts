// The stream client's look-around, a live setting: the visitor's look (given, changed or
// taken away without restarting the stream) is read every animation frame into a demand
// (look-around-demand.ts), sphere frames are drawn through the presenter, made on the first
// look (no WebGL context for a visitor who only watches), and the client is told when the
// stream should switch between the flat and the sphere profile.
import type { ProfileProjection } from '@/scenes/protocol/profile-ladder';
import type { SphereAvailability } from '../adaptive-profile';
import type { DecodedPicture } from '../frame-decoder';
import {
  lookAroundStatus,
  NO_LOOK_DEMAND,
  nextLookDemand,
  streamsSphere,
  type LookAroundStatus,
  type LookDemand,
} from '../look-around-demand';
import { createSpherePresenter, type LookAroundOptions, type SpherePresenter } from '../sphere-presenter';

export class LookAroundDriver {
  readonly #flatCanvas: HTMLCanvasElement;
  #options: LookAroundOptions | null = null;
  #presenter: SpherePresenter | null = null;
  /** False once a presenter could not be made (no WebGL2): the stream stays flat and the player says why. */
  #drawable = true;
  #demand: LookDemand = NO_LOOK_DEMAND;
  #status: LookAroundStatus = 'off';
  #sphereStream = false;

  constructor(flatCanvas: HTMLCanvasElement) {
    this.#flatCanvas = flatCanvas;
  }

  /** The look to follow, or null (only watching); a new object starts a new view. */
  set(options: LookAroundOptions | null): void {
    if (options === this.#options) return;
    this.#presenter?.dispose();
    this.#presenter = null;
    this.#drawable = true;
    this.#options = options;
  }

  get presenter(): SpherePresenter | null {
    return this.#presenter;
  }

  get status(): LookAroundStatus {
    return this.#status;
  }

  /** What the stream should carry now (the adaptive choice's projection). */
  get projection(): ProfileProjection {
    return this.#sphereStream ? 'equirect' : 'flat';
  }

  /**
   * Reads the look at `nowMs`; true when the stream should change projection (the client
   * then asks for a profile at once). `availability` is asked only while the visitor looks.
   */
  update(nowMs: number, availability: () => SphereAvailability | null): boolean {
    const options = this.#options;
    this.#demand = options ? nextLookDemand(this.#demand, options.getLookOffset(), nowMs) : NO_LOOK_DEMAND;
    const demand = this.#demand;
    if (options && demand.wantsSphere && this.#presenter === null && this.#drawable) {
      this.#presenter = createSpherePresenter(options, this.#flatCanvas);
      this.#drawable = this.#presenter !== null;
    }
    const facts = { demand, availability: demand.wantsSphere ? availability() : null, drawable: this.#drawable };
    this.#status = lookAroundStatus({ ...facts, sphereShown: this.#presenter?.showing ?? false });
    const sphereStream = streamsSphere(facts);
    const changed = sphereStream !== this.#sphereStream;
    this.#sphereStream = sphereStream;
    return changed;
  }

  /** Shows a sphere frame (true), or leaves a flat one to the flat canvas (false). */
  show(picture: DecodedPicture, timeS: number): boolean {
    return this.#presenter?.show(picture, timeS) ?? false;
  }

  /** Redraws the view when the look turned since (no new frame needed). */
  redraw(): void {
    this.#presenter?.redraw();
  }

  dispose(): void {
    this.set(null);
  }
}
