// The stream client's look-around, a live setting: the visitor's look (given, changed or
// taken away without restarting the stream) is read every animation frame into a demand
// (look-around-demand.ts), sphere frames are drawn through the presenter, made on the first
// look (no WebGL context for a visitor who only watches), and the client is told when the
// stream should switch between the flat and the sphere profile. A headset session counts as
// looking around for as long as it lasts: the sphere is all it can show.
import type { LookOffset } from '@/scenes/routes/look-offset';
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

export interface ImmersiveEvents {
  /** No headset view could be made here (no WebGL2, or the session would not bind). */
  failed(): void;
  /** The session ended; `look` is where the visitor looked last, for the page's view to go on from. */
  ended(look: LookOffset | null): void;
}

interface ImmersiveRequest {
  session: XRSession;
  events: ImmersiveEvents;
  /** Steps the stream on the headset's frames. */
  beforeFrame(nowMs: number): void;
  /** The presenter drawing it, once bound. */
  boundTo: SpherePresenter | null;
}

export class LookAroundDriver {
  readonly #flatCanvas: HTMLCanvasElement;
  #options: LookAroundOptions | null = null;
  #presenter: SpherePresenter | null = null;
  /** False once a presenter could not be made (no WebGL2): the stream stays flat and the player says why. */
  #drawable = true;
  #demand: LookDemand = NO_LOOK_DEMAND;
  #status: LookAroundStatus = 'off';
  #sphereStream = false;
  #immersive: ImmersiveRequest | null = null;

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

  /** A headset session to draw from the sphere (bound at the next update), or null once it is over. */
  setImmersive(session: XRSession | null, events: ImmersiveEvents, beforeFrame: (nowMs: number) => void): void {
    if (session === this.#immersive?.session) return;
    // A session taken away while it lasts (the stream view is going): stop drawing into it, without ending it.
    if (this.#immersive?.boundTo) this.#immersive.boundTo.exitImmersive();
    this.#immersive = session ? { session, events, beforeFrame, boundTo: null } : null;
  }

  /** The headset draws the sphere now, and steps the stream on its own frames. */
  get immersive(): boolean {
    return this.#presenter?.immersive ?? false;
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
    const immersive = this.#immersive;
    this.#demand = !options
      ? NO_LOOK_DEMAND
      : immersive
        ? { wantsSphere: true, restingSinceMs: null }
        : nextLookDemand(this.#demand, options.getLookOffset(), nowMs);
    const demand = this.#demand;
    if (options && demand.wantsSphere && this.#presenter === null && this.#drawable) {
      this.#presenter = createSpherePresenter(options, this.#flatCanvas);
      this.#drawable = this.#presenter !== null;
    }
    if (immersive) this.#bindImmersive(immersive);
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

  #bindImmersive(request: ImmersiveRequest): void {
    const presenter = this.#presenter;
    if (presenter === null) {
      if (!this.#drawable || !this.#options) {
        this.#immersive = null;
        request.events.failed();
      }
      return;
    }
    if (request.boundTo === presenter) return;
    request.boundTo = presenter;
    presenter.enterImmersive(request.session, {
      beforeFrame: request.beforeFrame,
      failed: () => {
        if (this.#immersive === request) this.#immersive = null;
        request.events.failed();
      },
      ended: (look) => {
        if (this.#immersive === request) this.#immersive = null;
        request.events.ended(look);
      },
    });
  }
}
