// Watches the frame rate of local drawing: a sustained low rate first lowers the quality tier,
// then hands the flight over to the cloud. Fed each frame's duration and time; it never reads a
// clock, so a test can replay any frame history exactly.
import type { LocalTier } from './render-choice-types';

/** Below this a flight judders visibly; the stream runs at 30. */
export const LOW_FPS = 20;
/** The median over this window ignores a single hitch (a texture upload, a GC pause). */
export const FPS_WINDOW_MS = 2000;
/** The window's median must stay low this long: a short busy stretch (a landmark coming into view) passes. */
export const SUSTAINED_LOW_MS = 3000;
/** Shader compiles, geometry uploads and a tier switch's rebuild make the first frames slow by nature. */
export const GRACE_MS = 2500;
/** A longer pause between frames is a hidden tab or a debugger, not a slow frame. */
export const FRAME_GAP_MS = 1000;

export type LocalRenderAction = 'none' | 'lower-tier' | 'handover';

export interface LocalRenderWatchOptions {
  tier: LocalTier;
  /** Whether the cloud can take over; false: a slow picture is the best there is. */
  canHandOver: boolean;
}

interface FrameSample {
  atMs: number;
  frameMs: number;
}

export class LocalRenderWatch {
  private currentTier: LocalTier;
  private canHandOver: boolean;
  private samples: FrameSample[] = [];
  private lastFrameAtMs: number | null = null;
  /** null until the first frame (or a reset) starts the grace period. */
  private graceUntilMs: number | null = null;
  private lowSinceMs: number | null = null;
  private handedOver = false;
  private reportedStuck = false;
  /** A paused flight was drawn (on demand, or not at all): the next flying frame starts a fresh grace period. */
  private resumePending = false;

  constructor({ tier, canHandOver }: LocalRenderWatchOptions) {
    this.currentTier = tier;
    this.canHandOver = canHandOver;
  }

  /** The tier the watch believes is drawn: it moves to 'phone' when it asks to lower the tier. */
  get tier(): LocalTier {
    return this.currentTier;
  }

  /** The median rate over the current window, or null while there is none (grace, after a gap). */
  get medianFps(): number | null {
    if (this.samples.length === 0) return null;
    const sorted = this.samples.map((sample) => sample.frameMs).sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    const medianMs = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return 1000 / medianMs;
  }

  /** The cloud became reachable or was lost; a low rate already sustained hands over at the next frame. */
  setCanHandOver(canHandOver: boolean): void {
    this.canHandOver = canHandOver;
  }

  /**
   * Starts a new grace period with an empty window: call it after a tier change (pass the new
   * tier), when the tab is visible again, on resume, and when local drawing takes over again.
   */
  reset(nowMs: number, tier: LocalTier = this.currentTier): void {
    this.currentTier = tier;
    this.startGrace(nowMs);
    this.handedOver = false;
    this.reportedStuck = false;
  }

  /**
   * A frame drawn while the flight is paused: a paused flight is drawn only when its picture
   * changes (a seek, a resize), so the time between such frames says nothing of the frame rate.
   * It is not counted, and the first frame once the flight flies again starts a grace period.
   */
  pausedFrame(): void {
    this.resumePending = true;
  }

  /** One drawn frame that took frameMs and ended at nowMs. Asks for 'handover' once, then stays quiet until reset. */
  frame(frameMs: number, nowMs: number): LocalRenderAction {
    if (this.handedOver || !Number.isFinite(frameMs) || frameMs <= 0 || !Number.isFinite(nowMs)) return 'none';
    if (this.resumePending) {
      this.resumePending = false;
      this.startGrace(nowMs);
      return 'none';
    }
    if (this.graceUntilMs === null) this.graceUntilMs = nowMs + GRACE_MS;

    const sinceLastMs = this.lastFrameAtMs === null ? 0 : nowMs - this.lastFrameAtMs;
    this.lastFrameAtMs = nowMs;
    if (frameMs > FRAME_GAP_MS || sinceLastMs > FRAME_GAP_MS) {
      this.samples = [];
      this.lowSinceMs = null;
      return 'none';
    }
    if (nowMs < this.graceUntilMs) return 'none';

    this.samples.push({ atMs: nowMs, frameMs });
    const windowStartMs = nowMs - FPS_WINDOW_MS;
    while (this.samples.length > 0 && this.samples[0].atMs < windowStartMs) this.samples.shift();

    const fps = this.medianFps as number;
    if (fps >= LOW_FPS) {
      this.lowSinceMs = null;
      return 'none';
    }
    this.lowSinceMs ??= nowMs;
    if (nowMs - this.lowSinceMs < SUSTAINED_LOW_MS) return 'none';

    if (this.currentTier === 'laptop') {
      this.reset(nowMs, 'phone');
      return 'lower-tier';
    }
    if (this.canHandOver) {
      this.handedOver = true;
      return 'handover';
    }
    if (!this.reportedStuck) {
      this.reportedStuck = true;
      console.info(`Local drawing runs at about ${fps.toFixed(1)} fps at the phone tier and no cloud can take over: staying local.`);
    }
    return 'none';
  }

  private startGrace(nowMs: number): void {
    this.samples = [];
    this.lowSinceMs = null;
    this.lastFrameAtMs = nowMs;
    this.graceUntilMs = nowMs + GRACE_MS;
  }
}
