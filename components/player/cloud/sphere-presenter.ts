// The cloud player's look-around: while the visitor may look around, decoded sphere frames
// are drawn through SphereViewRenderer in the direction the route looks at that frame turned
// by the visitor's offset, and redrawn from the frame already on the GPU whenever the offset
// changes, paused or playing: turning never asks the server for anything. Flat frames (before
// the switch to a sphere profile lands, or where none is baked) go to the flat canvas as before.
import type { LookOffset } from '@/scenes/routes/look-offset';
import type { Route } from '@/scenes/routes/route-schema';
import { QUALITY_PROFILES, SPHERE_PROFILE_IDS } from '@/scenes/protocol/profile-ladder';
import type { SphereView } from '@/scenes/protocol/sphere-mapping';
import type { DecodedPicture } from './frame-decoder';
import { sightMarksIn, sphereLookAt } from './sphere-look';
import { SphereViewRenderer } from './sphere-view-renderer';

export interface LookAroundOptions {
  route: Route;
  /** The visitor's look offset now; cheap, read every animation frame. */
  getLookOffset: () => LookOffset;
  /** A canvas of its own (the flat canvas has a 2D context), laid over the flat one. */
  sphereCanvas: HTMLCanvasElement;
  /** Elements with data-sight="<point of interest id>", positioned over the sights in view and hidden otherwise. */
  sightMarks?: HTMLElement | null;
}

export function isSpherePicture(picture: Pick<DecodedPicture, 'width' | 'height'>): boolean {
  return SPHERE_PROFILE_IDS.some((id) => QUALITY_PROFILES[id].width === picture.width && QUALITY_PROFILES[id].height === picture.height);
}

/** A presenter when the visitor may look around and WebGL2 is there; null keeps the flat picture. */
export function createSpherePresenter(options: LookAroundOptions | undefined, flatCanvas: HTMLCanvasElement): SpherePresenter | null {
  if (!options) return null;
  try {
    return new SpherePresenter(options, flatCanvas);
  } catch {
    return null;
  }
}

export class SpherePresenter {
  readonly #options: LookAroundOptions;
  readonly #renderer: SphereViewRenderer;
  readonly #flatCanvas: HTMLCanvasElement;
  #frameTimeS: number | null = null;
  #drawnKey = '';
  /** Views drawn, and of them redraws of a frame already shown (turning without a new frame). */
  readonly counters = { sphereViews: 0, lookRedraws: 0 };
  /** performance.now() of the last drawn view: the bench's look-around latency reads it. */
  lastDrawnAtMs: number | null = null;
  /** What the last view was drawn with (the frame's route time, the look, the view's axes): tests check it against lookedQuaternion. */
  lastDrawn: { timeS: number; offset: LookOffset; view: SphereView } | null = null;
  #showing = false;

  /** Throws where the browser gives no WebGL2 context: the player then streams the flat picture. */
  constructor(options: LookAroundOptions, flatCanvas: HTMLCanvasElement) {
    this.#options = options;
    this.#flatCanvas = flatCanvas;
    this.#renderer = new SphereViewRenderer(options.sphereCanvas);
  }

  /** The picture on screen is a sphere frame (not the flat one the stream carried before the switch landed). */
  get showing(): boolean {
    return this.#showing;
  }

  /** Shows a sphere frame (true), or hands back a flat one (false) after showing the flat canvas again. */
  show(picture: DecodedPicture, timeS: number): boolean {
    if (!isSpherePicture(picture)) {
      this.#setShown(false);
      return false;
    }
    this.#renderer.upload(picture.image);
    this.#frameTimeS = timeS;
    this.#setShown(true);
    this.#drawnKey = '';
    this.redraw(false);
    return true;
  }

  /** Draws the view again when the look (or the canvas size) changed since it was last drawn; call every animation frame. */
  redraw(isTurn = true): void {
    if (!this.#showing || this.#frameTimeS === null || !this.#renderer.hasPicture) return;
    const canvas = this.#options.sphereCanvas;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round((canvas.clientWidth || this.#flatCanvas.clientWidth || 1) * ratio));
    const height = Math.max(1, Math.round((canvas.clientHeight || this.#flatCanvas.clientHeight || 1) * ratio));
    const offset = this.#options.getLookOffset();
    const key = `${offset.yawRad}:${offset.pitchRad}:${width}x${height}`;
    if (key === this.#drawnKey) return;
    this.#drawnKey = key;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const { view, eye } = sphereLookAt(this.#options.route, this.#frameTimeS, offset, width / height);
    this.#renderer.draw(view);
    this.counters.sphereViews++;
    if (isTurn) this.counters.lookRedraws++;
    this.lastDrawnAtMs = performance.now();
    this.lastDrawn = { timeS: this.#frameTimeS, offset, view };
    const layer = this.#options.sightMarks;
    if (!layer) return;
    const marks = new Map(sightMarksIn(this.#options.route, view, eye).map((mark) => [mark.id, mark]));
    for (const element of layer.querySelectorAll<HTMLElement>('[data-sight]')) {
      const mark = marks.get(element.dataset.sight ?? '');
      element.hidden = mark === undefined;
      if (mark) element.style.transform = `translate(${(mark.x * 100).toFixed(2)}cqw, ${(mark.y * 100).toFixed(2)}cqh)`;
    }
  }

  /** Gives the WebGL context back and the stage back to the flat canvas. */
  dispose(): void {
    this.#setShown(false);
    this.#renderer.dispose();
  }

  #setShown(sphere: boolean): void {
    this.#showing = sphere;
    this.#options.sphereCanvas.hidden = !sphere;
    if (this.#options.sightMarks) this.#options.sightMarks.hidden = !sphere;
    this.#flatCanvas.style.visibility = sphere ? 'hidden' : '';
  }
}
