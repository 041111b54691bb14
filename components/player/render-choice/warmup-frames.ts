// The warm-up's measuring loop: a few untimed frames (shader compiles, first uploads), then
// timed frames at route times spread over the route, each forced to finish, within a hard
// budget. Free of React and WebGL: the caller passes how to draw, finish and read the clock.
import type { WarmupResult } from './probe-device';

/** Shader compiles and buffer uploads land in the first frames; they say nothing about steady drawing. */
export const WARMUP_UNTIMED_FRAMES = 3;
export const WARMUP_TIMED_FRAMES = 12;
/** The visitor waits behind the loading veil meanwhile. */
export const WARMUP_BUDGET_MS = 2000;

export interface WarmupDriver {
  /** Draws the route at timeS. */
  draw(timeS: number): void;
  /**
   * Resolves once the GPU has finished the frame, so a timing is real work, not queued work.
   * Asynchronous (a fence polled between tasks), not a blocking read-back: a slow device's
   * frame would otherwise be one main-thread task as long as the frame, the veil frozen.
   */
  finish(): Promise<void> | void;
  nowMs(): number;
  /** Lets the page breathe between frames (the veil animates); resolves false when the warm-up must stop. */
  yieldBetweenFrames(): Promise<boolean>;
  /** False once the drawing surface is gone (context lost): the measurement is then worthless. */
  usable(): boolean;
}

/** Route times spread evenly, each in the middle of its share, so no frame sits on the route's ends. */
export function spreadTimesS(durationS: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => (durationS * (index + 0.5)) / count);
}

export function medianMs(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Resolves with the median of the timed frames. When the budget runs out before any timed frame
 * (a very slow device), the untimed frames after the first stand in, then the first itself: an
 * honest upper bound that the decision reads as "too slow", not as "failed". Null only when
 * drawing failed, the surface was lost or the caller stopped it.
 */
export async function measureWarmupFrames(durationS: number, driver: WarmupDriver): Promise<WarmupResult | null> {
  const failed = null;
  const startMs = driver.nowMs();
  const overBudget = () => driver.nowMs() - startMs > WARMUP_BUDGET_MS;

  const untimedMs: number[] = [];
  for (const timeS of spreadTimesS(durationS, WARMUP_UNTIMED_FRAMES)) {
    if (untimedMs.length > 0 && overBudget()) break;
    const frameStartMs = driver.nowMs();
    driver.draw(timeS);
    await driver.finish();
    untimedMs.push(driver.nowMs() - frameStartMs);
    if (!driver.usable() || !(await driver.yieldBetweenFrames())) return failed;
  }

  const timedMs: number[] = [];
  for (const timeS of spreadTimesS(durationS, WARMUP_TIMED_FRAMES)) {
    if (overBudget()) break;
    const frameStartMs = driver.nowMs();
    driver.draw(timeS);
    await driver.finish();
    timedMs.push(driver.nowMs() - frameStartMs);
    if (!driver.usable() || !(await driver.yieldBetweenFrames())) return failed;
  }

  const samples = timedMs.length > 0 ? timedMs : untimedMs.length > 1 ? untimedMs.slice(1) : untimedMs;
  const frameMs = medianMs(samples);
  // A timer coarser than the frame (privacy-clamped performance.now) can read 0: call it the clock's resolution.
  return frameMs === null ? failed : { frameMs: Math.max(frameMs, 0.1), frames: samples.length };
}
