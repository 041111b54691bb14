// The bake's view of its machine: every half second it reads how much CPU the foreground used
// (foreground-load.ts) and decides, by the bake yield policy, whether renderers may draw.
// Renderers wait between frames while it holds; their hang timeouts do not count the wait.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { heldForStreamStart, nextBakeYield, OPEN, type BakeYieldSettings, type BakeYieldState } from './bake-yield-policy';
import { backgroundTicksOf, foregroundCores, parseCpuLine, type CpuReading } from './foreground-load';
import { readAllStats } from './proc-stats';

export const BAKE_YIELD_INTERVAL_MS = 500;

export interface BakeYieldStatus {
  held: boolean;
  /** The latest reading of the foreground's CPU use, in cores. */
  foregroundCores: number | null;
  /** Seconds held since the yield started. */
  heldSeconds: number;
}

/** What changed the yield: a /proc reading, a stream starting, or the yield stopping. */
export type BakeYieldCause = 'reading' | 'stream-start' | 'stopped';

export interface BakeYield {
  /** True while renderers must not start another frame. */
  readonly held: boolean;
  /** The latest reading: cores' worth of foreground work, or null before the first. */
  readonly foregroundCores: number | null;
  /** Milliseconds held since the yield started, the hold in progress included. */
  heldMs(): number;
  /** For health and metrics. */
  status(): BakeYieldStatus;
  /** A stream is starting: hold now, and let the readings decide from there (heldForStreamStart). */
  holdForStreamStart(): void;
  /** Called with the new state on every change, and what changed it. */
  onChange(listener: (held: boolean, cause: BakeYieldCause) => void): void;
  stop(): void;
}

async function readCpu(): Promise<CpuReading | null> {
  const totals = parseCpuLine(await readFile('/proc/stat', 'utf8'));
  if (totals === null) return null;
  return { ...totals, backgroundTicks: backgroundTicksOf(await readAllStats('/proc')) };
}

/** Null where /proc cannot be read (not Linux): there the bake relies on its low priority alone. */
export async function startBakeYield(settings: BakeYieldSettings, intervalMs = BAKE_YIELD_INTERVAL_MS): Promise<BakeYield | null> {
  const first = await readCpu().catch(() => null);
  if (first === null) return null;
  let previous: CpuReading = first;
  const cpuCount = os.availableParallelism();
  const listeners: ((held: boolean, cause: BakeYieldCause) => void)[] = [];
  let state: BakeYieldState = OPEN;
  let lastCores: number | null = null;
  let heldBeforeMs = 0;
  let heldSinceMs: number | null = null;
  let reading = false;
  let stopped = false;

  const enter = (next: BakeYieldState, now: number, cause: BakeYieldCause) => {
    const changed = next.held !== state.held;
    state = next;
    if (!changed) return;
    if (state.held) heldSinceMs = now;
    else if (heldSinceMs !== null) {
      heldBeforeMs += now - heldSinceMs;
      heldSinceMs = null;
    }
    for (const listener of listeners) listener(state.held, cause);
  };

  const sample = async () => {
    if (reading) return;
    reading = true;
    try {
      const current = await readCpu();
      if (current === null) return;
      lastCores = foregroundCores(previous, current, cpuCount);
      previous = current;
      const now = performance.now();
      enter(nextBakeYield(state, lastCores, now, settings), now, 'reading');
    } catch {
      // A /proc read that failed this once: keep the last decision until the next reading.
    } finally {
      reading = false;
    }
  };
  const timer = setInterval(() => void sample(), intervalMs);
  timer.unref();

  const heldMs = () => heldBeforeMs + (heldSinceMs === null ? 0 : performance.now() - heldSinceMs);
  return {
    get held() {
      return state.held;
    },
    get foregroundCores() {
      return lastCores;
    },
    heldMs,
    status: () => ({ held: state.held, foregroundCores: lastCores, heldSeconds: heldMs() / 1000 }),
    holdForStreamStart() {
      if (stopped) return;
      const now = performance.now();
      enter(heldForStreamStart(now), now, 'stream-start');
    },
    onChange: (listener) => void listeners.push(listener),
    stop() {
      stopped = true;
      clearInterval(timer);
      enter(OPEN, performance.now(), 'stopped');
    },
  };
}
