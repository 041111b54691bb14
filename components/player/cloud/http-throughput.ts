// How fast the HTTP transport's segments arrive, for the adaptive profile choice. A segment
// comes as one response body, so the stream meter's short windows (throughput-meter.ts) would
// see a whole segment land in one instant and read any link as fast. Here each response is a
// transfer with a start (the request) and an end (the last byte), and the link carries what the
// recent transfers brought over the time at least one of them was under way: two requests in
// flight at once share the link, so their overlap counts once. The request's wait for its first
// byte counts too, which keeps the estimate on the safe side on a high-latency mobile link.

export interface HttpThroughputOptions {
  /** How long a transfer keeps counting. */
  memoryMs?: number;
  /** Fewer bytes than this in memory say nothing yet (a manifest, a lone small segment). */
  minBytes?: number;
}

interface Transfer {
  startMs: number;
  endMs: number;
  bytes: number;
}

export class HttpThroughput {
  readonly #memoryMs: number;
  readonly #minBytes: number;
  #transfers: Transfer[] = [];

  constructor(options: HttpThroughputOptions = {}) {
    this.#memoryMs = options.memoryMs ?? 10_000;
    this.#minBytes = options.minBytes ?? 48_000;
  }

  record(bytes: number, startMs: number, endMs: number): void {
    if (!(bytes >= 0) || !Number.isFinite(startMs) || !(endMs >= startMs)) return;
    this.#transfers.push({ startMs, endMs, bytes });
  }

  /** What the link carried while busy, in kbps; null until enough bytes are in memory to tell. */
  capacityKbps(nowMs: number): number | null {
    this.#transfers = this.#transfers.filter((transfer) => transfer.endMs >= nowMs - this.#memoryMs);
    const bytes = this.#transfers.reduce((sum, transfer) => sum + transfer.bytes, 0);
    if (bytes < this.#minBytes) return null;
    // bits per millisecond are kilobits per second; a transfer faster than a millisecond counts one.
    return (bytes * 8) / Math.max(1, busyMs(this.#transfers));
  }

  reset(): void {
    this.#transfers = [];
  }
}

/** The length of the union of the transfers' intervals. */
function busyMs(transfers: readonly Transfer[]): number {
  const sorted = [...transfers].sort((a, b) => a.startMs - b.startMs);
  let total = 0;
  let openStart = -Infinity;
  let openEnd = -Infinity;
  for (const { startMs, endMs } of sorted) {
    if (startMs > openEnd) {
      if (openEnd > openStart) total += openEnd - openStart;
      openStart = startMs;
      openEnd = endMs;
    } else openEnd = Math.max(openEnd, endMs);
  }
  if (openEnd > openStart) total += openEnd - openStart;
  return total;
}
