// A token bucket: `capacity` messages at once, refilled at `refillPerS`. Rate-limits what
// one socket may send, and how many error replies the server spends on it.
export class TokenBucket {
  private tokens: number;
  private lastMs: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerS: number,
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.lastMs = nowMs();
  }

  /** Takes `cost` tokens if there are enough; false leaves the bucket as it was. */
  take(cost = 1): boolean {
    const now = this.nowMs();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.lastMs) / 1000) * this.refillPerS);
    this.lastMs = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}
