// When a bake steps aside: as soon as the foreground (the web app, the streams, a browser on
// the same machine) uses more than a set share of the CPU, and only back once it has stayed
// under that share for a while, so a player's pauses between frames do not let the bake
// back in. Renderers already run at nice 19 and SCHED_IDLE, but on two cores that was not
// enough: a 360p bake at the lowest priority still cost a cloud player 10 % of its frames
// (bench:player), through the caches and memory bus the scheduler does not share out.
// Pure; the bake yield (bake-yield.ts) feeds it readings.

export interface BakeYieldSettings {
  /** Cores' worth of foreground work above which the bake holds (default 0.5). */
  holdAboveCores: number;
  /** How long the foreground must stay under that before the bake carries on (default 3 s). */
  calmMs: number;
}

export const DEFAULT_BAKE_YIELD: BakeYieldSettings = { holdAboveCores: 0.5, calmMs: 3_000 };

export interface BakeYieldState {
  held: boolean;
  /** Since when the foreground has been under the line while held; null while it is over it. */
  calmSinceMs: number | null;
}

export const OPEN: BakeYieldState = { held: false, calmSinceMs: null };

/**
 * A viewer starting a stream holds the bake before any reading shows it: the first second of a
 * stream (decoding, the player catching up with its clock) is when a bake costs it most, and a
 * reading takes half a second to see the load. The usual calm period then decides when to let go.
 */
export function heldForStreamStart(nowMs: number): BakeYieldState {
  return { held: true, calmSinceMs: nowMs };
}

export function nextBakeYield(state: BakeYieldState, foregroundCores: number, nowMs: number, settings: BakeYieldSettings): BakeYieldState {
  const busy = foregroundCores > settings.holdAboveCores;
  if (busy) return { held: true, calmSinceMs: null };
  if (!state.held) return OPEN;
  const calmSinceMs = state.calmSinceMs ?? nowMs;
  return nowMs - calmSinceMs >= settings.calmMs ? OPEN : { held: true, calmSinceMs };
}
