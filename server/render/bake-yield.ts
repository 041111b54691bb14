// The bake's view of its machine: every half second it reads how much CPU the foreground used
// (foreground-load.ts) and decides, by the bake yield policy, whether renderers may draw.
// Renderers wait between frames while it holds; their hang timeouts do not count the wait.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { nextBakeYield, OPEN, type BakeYieldSettings, type BakeYieldState } from './bake-yield-policy';
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

export interface BakeYield {
  /** True while renderers must not start another frame. */
  readonly held: boolean;
  /** The latest reading: cores' worth of foreground work, or null before the first. */
  readonly foregroundCores: number | null;
  /** Milliseconds held since the yield started, the hold in progress included. */
  heldMs(): number;
  /** For health and metrics. */
  status(): BakeYieldStatus;
  /** Called with the new state on every change. */
  onChange(listener: (held: boolean) => void): void;
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
  const listeners: ((held: boolean) => void)[] = [];
  let state: BakeYieldState = OPEN;
  let lastCores: number | null = null;
  let heldBeforeMs = 0;
  let heldSinceMs: number | null = null;
  let reading = false;

  const sample = async () => {
    if (reading) return;
    reading = true;
    try {
      const current = await readCpu();
      if (current === null) return;
      lastCores = foregroundCores(previous, current, cpuCount);
      previous = current;
      const now = performance.now();
      const next = nextBakeYield(state, lastCores, now, settings);
      const changed = next.held !== state.held;
      state = next;
      if (!changed) return;
      if (state.held) heldSinceMs = now;
      else if (heldSinceMs !== null) {
        heldBeforeMs += now - heldSinceMs;
        heldSinceMs = null;
      }
      for (const listener of listeners) listener(state.held);
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
    onChange: (listener) => void listeners.push(listener),
    stop() {
      clearInterval(timer);
      if (state.held) {
        state = OPEN;
        for (const listener of listeners) listener(false);
      }
    },
  };
}
