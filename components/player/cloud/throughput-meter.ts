// Measures how fast stream bytes arrive. The server paces each viewer to stay a few
// seconds ahead, so most of the time bytes arrive at the profile's own bitrate; only
// while it fills the buffer (start, seek, switch) do they show what the link could carry.
// The meter keeps short windows and reports both: the recent rate and the best recent burst.

export interface ThroughputMeterOptions {
  windowMs?: number;
  /** How long a burst keeps counting as evidence of capacity. */
  memoryMs?: number;
  /** A window with fewer bytes says nothing about capacity (a lone keyframe is not a burst). */
  minBurstBytes?: number;
}

interface Window {
  startMs: number;
  bytes: number;
}

export class ThroughputMeter {
  readonly #windowMs: number;
  readonly #memoryMs: number;
  readonly #minBurstBytes: number;
  #windows: Window[] = [];
  #totalBytes = 0;

  constructor(options: ThroughputMeterOptions = {}) {
    this.#windowMs = options.windowMs ?? 250;
    this.#memoryMs = options.memoryMs ?? 10_000;
    this.#minBurstBytes = options.minBurstBytes ?? 24_000;
  }

  get totalBytes(): number {
    return this.#totalBytes;
  }

  record(bytes: number, nowMs: number): void {
    if (!(bytes >= 0) || !Number.isFinite(nowMs)) return;
    this.#totalBytes += bytes;
    const startMs = Math.floor(nowMs / this.#windowMs) * this.#windowMs;
    const last = this.#windows[this.#windows.length - 1];
    if (last && last.startMs === startMs) last.bytes += bytes;
    else this.#windows.push({ startMs, bytes });
    this.#forget(nowMs);
  }

  /** Bytes per second over the last `spanMs`, in kilobits per second: what the stats overlay shows. */
  recentKbps(nowMs: number, spanMs = 2000): number {
    this.#forget(nowMs);
    const fromMs = nowMs - spanMs;
    let bytes = 0;
    for (const window of this.#windows) if (window.startMs + this.#windowMs > fromMs) bytes += window.bytes;
    return (bytes * 8) / spanMs;
  }

  /** The fastest full window within memory, in kbps; null when no burst was big enough to tell. */
  capacityKbps(nowMs: number): number | null {
    this.#forget(nowMs);
    let best: number | null = null;
    for (const window of this.#windows) {
      if (window.bytes < this.#minBurstBytes) continue;
      const kbps = (window.bytes * 8) / this.#windowMs;
      if (best === null || kbps > best) best = kbps;
    }
    return best;
  }

  reset(): void {
    this.#windows = [];
  }

  #forget(nowMs: number): void {
    const oldestMs = nowMs - this.#memoryMs;
    while (this.#windows.length > 0 && this.#windows[0].startMs + this.#windowMs < oldestMs) this.#windows.shift();
  }
}
