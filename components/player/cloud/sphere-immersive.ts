// The cloud path's immersive mode: a headset session drawn from the baked sphere (mono) with
// the sphere view's own WebGL2 context, no three.js: the session's layer is bound to that
// context and every eye is one draw of the sphere shader (xr-sphere-view.ts for the eye, the
// rig and its comfort from xr-comfort.ts, as on the device path: heading only, level horizon,
// a vignette on fast turns). The headset's frames drive the stream client too, since a page
// may get no animation frames of its own while a headset shows. The controller's grip ends
// the session; so do the player's button, Escape and the headset's menu (immersive-store.ts).
import type { LookOffset } from '@/scenes/routes/look-offset';
import type { Route, Vec3 } from '@/scenes/routes/route-schema';
import { headingChange, rigAt, smoothTurnRate, vignetteFor } from '@/components/xr/xr-comfort';
import { eyeSphereView, lookAfterHeadset } from '@/components/xr/xr-sphere-view';
import { IMMERSIVE_REFERENCE_SPACE } from '@/components/xr/immersive-session';
import type { SphereViewRenderer } from './sphere-view-renderer';

export interface SphereImmersiveEvents {
  /** Every headset frame, before drawing: the stream client takes the frame the clock names. */
  beforeFrame(nowMs: number): void;
  /** The session could not be bound to the sphere's context. */
  failed(): void;
  /** The session ended: the look to go on with on the page (null when no eye was ever drawn). */
  ended(look: LookOffset | null): void;
}

export interface SphereImmersiveSource {
  route: Route;
  getLookOffset: () => LookOffset;
  /** Route time of the sphere frame on the GPU; null before the first. */
  frameTimeS: () => number | null;
}

export class SphereImmersive {
  readonly #session: XRSession;
  readonly #renderer: SphereViewRenderer;
  readonly #source: SphereImmersiveSource;
  readonly #events: SphereImmersiveEvents;
  #layer: XRWebGLLayer | null = null;
  #space: XRReferenceSpace | null = null;
  #over = false;
  #turn = { headingRad: 0, atMs: 0, rateRadPerS: 0 };
  /** The first eye's last view: where the visitor looked, and at which frame's time. */
  #lastEye: { timeS: number; forward: Vec3 } | null = null;
  /** Headset frames drawn with a sphere frame. */
  frames = 0;

  constructor(session: XRSession, renderer: SphereViewRenderer, source: SphereImmersiveSource, events: SphereImmersiveEvents) {
    this.#session = session;
    this.#renderer = renderer;
    this.#source = source;
    this.#events = events;
    session.addEventListener('end', this.#onEnd);
    session.addEventListener('squeeze', this.#leave);
    void this.#bind();
  }

  /** The sphere's frames go to the headset now (the page's view waits). */
  get presenting(): boolean {
    return this.#layer !== null && !this.#over;
  }

  /** Stops drawing into the session without ending it (the stream view is going away). */
  dispose(): void {
    this.#stop();
  }

  async #bind(): Promise<void> {
    const gl = this.#renderer.gl;
    try {
      await gl.makeXRCompatible();
      if (this.#over) return;
      const layer = new XRWebGLLayer(this.#session, gl);
      await this.#session.updateRenderState({ baseLayer: layer });
      this.#space = await this.#session.requestReferenceSpace(IMMERSIVE_REFERENCE_SPACE);
      if (this.#over) return;
      this.#layer = layer;
      this.#session.requestAnimationFrame(this.#frame);
    } catch {
      if (this.#over) return;
      this.#stop();
      this.#events.failed();
    }
  }

  #frame = (_timeMs: number, frame: XRFrame): void => {
    if (this.#over) return;
    this.#session.requestAnimationFrame(this.#frame);
    const nowMs = performance.now();
    this.#events.beforeFrame(nowMs);
    const layer = this.#layer;
    const pose = this.#space ? frame.getViewerPose(this.#space) : undefined;
    if (!layer || !pose) return;
    const timeS = this.#source.frameTimeS();
    if (timeS === null || !this.#renderer.hasPicture) {
      // The sphere is still on its way (the stream switches at its next segment boundary).
      for (const view of pose.views) this.#renderer.clear({ framebuffer: layer.framebuffer, viewport: viewportOf(layer, view) });
      return;
    }
    const rig = rigAt(this.#source.route, timeS, this.#source.getLookOffset().yawRad);
    const last = this.#turn;
    const rate =
      last.atMs === 0 ? 0 : smoothTurnRate(last.rateRadPerS, headingChange(last.headingRad, rig.yawRad), (nowMs - last.atMs) / 1000);
    this.#turn = { headingRad: rig.yawRad, atMs: nowMs, rateRadPerS: rate };
    const vignette = vignetteFor(rate);
    let first: Vec3 | null = null;
    for (const view of pose.views) {
      const eye = eyeSphereView(rig.yawRad, view.transform.orientation, view.projectionMatrix);
      this.#renderer.draw(eye.view, { framebuffer: layer.framebuffer, viewport: viewportOf(layer, view), shift: eye.shift, vignette });
      first ??= eye.view.forward;
    }
    if (first === null) return;
    this.#lastEye = { timeS, forward: first };
    this.frames += 1;
    const rigForward: Vec3 = [-Math.sin(rig.yawRad), 0, -Math.cos(rig.yawRad)];
    window.__yunshanXR = {
      frames: (window.__yunshanXR?.frames ?? 0) + 1,
      timeS,
      position: rig.position,
      forward: rigForward,
      up: [0, 1, 0],
      vignette,
      eyeForward: first,
    };
  };

  #leave = (): void => {
    void this.#session.end().catch(() => null);
  };

  #onEnd = (): void => {
    if (this.#over) return;
    const eye = this.#lastEye;
    this.#stop();
    this.#events.ended(eye ? lookAfterHeadset(this.#source.route, eye.timeS, eye.forward) : null);
  };

  #stop(): void {
    this.#over = true;
    this.#layer = null;
    this.#session.removeEventListener('end', this.#onEnd);
    this.#session.removeEventListener('squeeze', this.#leave);
    // The page's own drawing goes back to the canvas.
    this.#renderer.gl.bindFramebuffer(this.#renderer.gl.FRAMEBUFFER, null);
  }
}

function viewportOf(layer: XRWebGLLayer, view: XRView): { x: number; y: number; width: number; height: number } {
  const viewport = layer.getViewport(view);
  return viewport ? { x: viewport.x, y: viewport.y, width: viewport.width, height: viewport.height } : { x: 0, y: 0, width: 0, height: 0 };
}
