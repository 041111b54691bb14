// The share of frames dropped as late over the last few seconds, from the running
// dropped and shown counters: one of the adaptive profile choice's inputs.

const WINDOW_MS = 3000;

export class LateFrameWindow {
  #samples: Array<{ atMs: number; dropped: number; shown: number }> = [];

  ratio(nowMs: number, dropped: number, shown: number): number {
    this.#samples.push({ atMs: nowMs, dropped, shown });
    while (this.#samples.length > 1 && this.#samples[0].atMs < nowMs - WINDOW_MS) this.#samples.shift();
    const first = this.#samples[0];
    const droppedInWindow = dropped - first.dropped;
    const total = droppedInWindow + (shown - first.shown);
    return total > 0 ? droppedInWindow / total : 0;
  }
}
