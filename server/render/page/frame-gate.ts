// Where a segment waits between frames while Node holds the bake (the machine's foreground
// needs the CPU, see server/render/bake-yield.ts). A frame already started finishes; the next
// one waits. Holding changes when a frame is drawn, never what it shows.

export interface FrameGate {
  /** Node's word: hold (true) or carry on (false). */
  setHeld(held: boolean): void;
  /** Resolves at once while open; otherwise when Node lets go. */
  pass(): Promise<void>;
  /** Milliseconds spent waiting in pass() so far, for the segment's report. */
  waitedMs(): number;
}

export function createFrameGate(): FrameGate {
  let held = false;
  const waiters: (() => void)[] = [];
  let waitedMs = 0;
  return {
    setHeld(next) {
      held = next;
      if (!held) for (const wake of waiters.splice(0)) wake();
    },
    async pass() {
      if (!held) return;
      const startMs = performance.now();
      await new Promise<void>((resolve) => waiters.push(resolve));
      waitedMs += performance.now() - startMs;
    },
    waitedMs: () => waitedMs,
  };
}
