// The flight clock: turns wall-clock milliseconds into route time. Pure and DOM-free:
// the caller passes `nowMs` (performance.now() in the browser, fake values in tests),
// so the player, the canvas and the tests all read one deterministic timeline.

export const MIN_PLAYBACK_SPEED = 0.1;
export const MAX_PLAYBACK_SPEED = 8;

export interface FlightClockOptions {
  durationS: number;
  /** Route time to start from; clamped to [0, durationS]. */
  startS?: number;
  speed?: number;
}

export class FlightClock {
  readonly durationS: number;
  #speed: number;
  #playing = false;
  // Route time at the anchor instant; while playing, time runs on from there.
  #anchorS: number;
  #anchorNowMs = 0;

  constructor({ durationS, startS = 0, speed = 1 }: FlightClockOptions) {
    if (!Number.isFinite(durationS) || durationS <= 0) {
      throw new RangeError(`durationS must be a positive finite number, got ${durationS}`);
    }
    this.durationS = durationS;
    this.#speed = checkedSpeed(speed);
    this.#anchorS = this.#clamp(startS);
  }

  get speed(): number {
    return this.#speed;
  }

  /** Route time in seconds at `nowMs`, always within [0, durationS]. */
  timeAt(nowMs: number): number {
    if (!this.#playing) return this.#anchorS;
    // A clock read slightly before its anchor (out-of-order timestamps) must not run backwards.
    const elapsedS = Math.max(0, nowMs - this.#anchorNowMs) / 1000;
    return this.#clamp(this.#anchorS + elapsedS * this.#speed);
  }

  /** True once route time has reached the end; a playing clock stops there on its own. */
  isEnded(nowMs: number): boolean {
    return this.timeAt(nowMs) >= this.durationS;
  }

  /** True while time is advancing: playing and not yet at the end. */
  isPlaying(nowMs: number): boolean {
    return this.#playing && !this.isEnded(nowMs);
  }

  /** Starts or resumes; a clock at its end starts over from 0, as a replay button would. */
  play(nowMs: number): void {
    if (this.isPlaying(nowMs)) return;
    const fromS = this.isEnded(nowMs) ? 0 : this.timeAt(nowMs);
    this.#reanchor(fromS, nowMs);
    this.#playing = true;
  }

  pause(nowMs: number): void {
    this.#reanchor(this.timeAt(nowMs), nowMs);
    this.#playing = false;
  }

  /** Jumps to `timeS` (clamped); playing stays playing, paused stays paused. */
  seek(timeS: number, nowMs: number): void {
    if (!Number.isFinite(timeS)) throw new RangeError(`seek time must be finite, got ${timeS}`);
    this.#reanchor(this.#clamp(timeS), nowMs);
  }

  /** Moves by `deltaS` from the current time (negative goes back). */
  seekBy(deltaS: number, nowMs: number): void {
    this.seek(this.timeAt(nowMs) + deltaS, nowMs);
  }

  /** Changes speed without a jump in time: the current moment becomes the new anchor. */
  setSpeed(speed: number, nowMs: number): void {
    const checked = checkedSpeed(speed);
    this.#reanchor(this.timeAt(nowMs), nowMs);
    this.#speed = checked;
  }

  #reanchor(timeS: number, nowMs: number): void {
    this.#anchorS = timeS;
    this.#anchorNowMs = nowMs;
  }

  #clamp(timeS: number): number {
    return Math.min(this.durationS, Math.max(0, timeS));
  }
}

function checkedSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed < MIN_PLAYBACK_SPEED || speed > MAX_PLAYBACK_SPEED) {
    throw new RangeError(`speed must be within [${MIN_PLAYBACK_SPEED}, ${MAX_PLAYBACK_SPEED}], got ${speed}`);
  }
  return speed;
}
