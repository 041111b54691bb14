// The cloud player's look-around: while the visitor may look around, decoded sphere frames
// are drawn through SphereViewRenderer in the direction the route looks at that frame turned
// by the visitor's offset, and redrawn from the frame already on the GPU whenever the offset
// changes, paused or playing: turning never asks the server for anything. Flat frames (before
// the switch to a sphere profile lands, or where none is baked) go to the flat canvas as before.
//
// Looking never waits for a frame: a due frame's planes are copied out of the decoder's
// VideoFrame asynchronously (sphere-frame-copy.ts) and uploaded once, when the copy lands; the
// view is drawn from whatever frame is on the GPU at every animation frame and at every change
// of the look, the moment the input changes it. In a headset (sphere-immersive.ts) the same
// frames are drawn into the session instead, and the page's view waits until it ends.
import type { LookOffset } from '@/scenes/routes/look-offset';
import type { Route } from '@/scenes/routes/route-schema';
import { QUALITY_PROFILES, SPHERE_PROFILE_IDS } from '@/scenes/protocol/profile-ladder';
import type { SphereView } from '@/scenes/protocol/sphere-mapping';
import type { DecodedPicture } from './frame-decoder';
import { isPlanarI420, SphereFrameCopier } from './sphere-frame-copy';
import { SphereImmersive, type SphereImmersiveEvents } from './sphere-immersive';
import { sightMarksIn, sphereLookAt } from './sphere-look';
import { SphereViewRenderer, type I420Picture } from './sphere-view-renderer';

export interface LookAroundOptions {
  route: Route;
  /** The visitor's look offset now; cheap, read every animation frame. */
  getLookOffset: () => LookOffset;
  /** Hears of every change of the look (a drag's move), so the view turns in the input's own task; returns what stops it. */
  subscribeLook?: (listener: () => void) => () => void;
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
  } catch (error) {
    // The view then says the cloud cannot turn here; the console says why, for whoever looks.
    console.warn('No look-around view here:', error);
    return null;
  }
}

export class SpherePresenter {
  readonly #options: LookAroundOptions;
  readonly #renderer: SphereViewRenderer;
  readonly #flatCanvas: HTMLCanvasElement;
  readonly #copier: SphereFrameCopier;
  readonly #unsubscribeLook: () => void;
  #immersive: SphereImmersive | null = null;
  #frameTimeS: number | null = null;
  #drawnKey = '';
  /**
   * Views drawn, of them redraws of a frame already shown (turning without a new frame), sphere
   * frames uploaded, and of them those that went up as planes (the rest as RGBA, the slow way).
   */
  readonly counters = { sphereViews: 0, lookRedraws: 0, framesUploaded: 0, planarUploads: 0 };
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
    this.#copier = new SphereFrameCopier((picture, timeS) => this.#uploaded(picture, timeS));
    this.#unsubscribeLook = options.subscribeLook?.(() => this.redraw()) ?? (() => {});
  }

  /** The picture on screen is a sphere frame (not the flat one the stream carried before the switch landed). */
  get showing(): boolean {
    return this.#showing;
  }

  /** Route time of the sphere frame on the GPU; null before the first. */
  get frameTimeS(): number | null {
    return this.#frameTimeS;
  }

  /** Headset frames drawn from the sphere; null while no headset session is bound. */
  get immersiveFrames(): number | null {
    return this.#immersive?.frames ?? null;
  }

  /**
   * Takes a sphere frame (true; its planes land on the GPU shortly, off this task, and the view
   * is drawn then), or hands back a flat one (false) after showing the flat canvas again. The
   * caller keeps and closes its picture.
   */
  show(picture: DecodedPicture, timeS: number): boolean {
    if (!isSpherePicture(picture)) {
      this.#copier.drop();
      this.#setShown(false);
      return false;
    }
    if (isPlanarI420(picture.image)) {
      this.#copier.copy(picture.image, timeS);
      return true;
    }
    this.#renderer.upload(picture.image);
    this.#landed(timeS);
    return true;
  }

  /** Draws this headset session from the sphere until it ends; the page's view waits meanwhile. */
  enterImmersive(session: XRSession, events: Omit<SphereImmersiveEvents, 'ended'> & { ended(look: LookOffset | null): void }): void {
    this.#immersive?.dispose();
    // The page's canvas at its display size whatever the headset does (its own layer is the headset's size).
    this.#fitCanvas();
    this.#immersive = new SphereImmersive(
      session,
      this.#renderer,
      { route: this.#options.route, getLookOffset: this.#options.getLookOffset, frameTimeS: () => this.#frameTimeS },
      {
        beforeFrame: events.beforeFrame,
        failed: () => {
          this.#immersive = null;
          events.failed();
        },
        ended: (look) => {
          this.#immersive = null;
          events.ended(look);
          // The page's view again, from the headset's last look (the caller has set it by now).
          this.#drawnKey = '';
          this.redraw(false);
        },
      },
    );
  }

  /** Stops drawing into the headset (its session goes on, for another view to take) and draws the page's view again. */
  exitImmersive(): void {
    if (this.#immersive === null) return;
    this.#immersive.dispose();
    this.#immersive = null;
    this.#drawnKey = '';
    this.redraw(false);
  }

  /** Whether a headset session is drawn from the sphere now. */
  get immersive(): boolean {
    return this.#immersive !== null;
  }

  #uploaded(picture: I420Picture, timeS: number): void {
    this.#renderer.uploadI420(picture);
    this.counters.planarUploads++;
    this.#landed(timeS);
  }

  #landed(timeS: number): void {
    this.counters.framesUploaded++;
    this.#frameTimeS = timeS;
    this.#setShown(true);
    this.#drawnKey = '';
    this.redraw(false);
  }

  /** Draws the view again when the look (or the canvas size) changed since it was last drawn; call every animation frame. */
  redraw(isTurn = true): void {
    if (this.#immersive !== null || !this.#showing || this.#frameTimeS === null || !this.#renderer.hasPicture) return;
    const { width, height } = this.#displaySize();
    const offset = this.#options.getLookOffset();
    const key = `${offset.yawRad}:${offset.pitchRad}:${width}x${height}`;
    if (key === this.#drawnKey) return;
    this.#drawnKey = key;
    this.#fitCanvas();
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
    this.#unsubscribeLook();
    this.#copier.close();
    this.#immersive?.dispose();
    this.#immersive = null;
    this.#setShown(false);
    this.#renderer.dispose();
  }

  /** The canvas's size on screen in device pixels. */
  #displaySize(): { width: number; height: number } {
    const canvas = this.#options.sphereCanvas;
    const ratio = window.devicePixelRatio || 1;
    return {
      width: Math.max(1, Math.round((canvas.clientWidth || this.#flatCanvas.clientWidth || 1) * ratio)),
      height: Math.max(1, Math.round((canvas.clientHeight || this.#flatCanvas.clientHeight || 1) * ratio)),
    };
  }

  #fitCanvas(): void {
    const canvas = this.#options.sphereCanvas;
    const { width, height } = this.#displaySize();
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
  }

  #setShown(sphere: boolean): void {
    this.#showing = sphere;
    this.#options.sphereCanvas.hidden = !sphere;
    if (this.#options.sightMarks) this.#options.sightMarks.hidden = !sphere;
    this.#flatCanvas.style.visibility = sphere ? 'hidden' : '';
  }
}
