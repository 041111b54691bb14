// The flight clock: turns wall-clock milliseconds into route time. DOM-free: the caller
// passes `nowMs` (performance.now() in the browser, fake values in tests), so the player,
// the canvas and the tests all read one deterministic timeline. Its state changes only on
// play, pause, seek, speed and the end; subscribers hear of each change once, with an
// immutable snapshot (getSnapshot), while render loops keep pulling time with timeAt.
import {
  snapshotEndMs,
  snapshotTimeAt,
  type FlightClockEvent,
  type FlightClockListener,
  type FlightClockSnapshot,
} from './flight-clock-events';

export const MIN_PLAYBACK_SPEED = 0.1;
export const MAX_PLAYBACK_SPEED = 8;

/** Wakes the clock when a playing flight reaches its end, so 'ended' is told without anyone ticking. */
export interface ClockEndTimer {
  /** Calls `callback` after about `delayMs`; returns what cancels it. */
  schedule(callback: () => void, delayMs: number): () => void;
}

/** setTimeout, unref'd under Node so a clock never keeps a process alive. */
export const realEndTimer: ClockEndTimer = {
  schedule(callback, delayMs) {
    const handle = setTimeout(callback, delayMs);
    (handle as { unref?: () => void }).unref?.();
    return () => clearTimeout(handle);
  },
};

export interface FlightClockOptions {
  durationS: number;
  /** Route time to start from; clamped to [0, durationS]. */
  startS?: number;
  speed?: number;
  /** Tests pass a manual one; the end moment itself is computed, so a late timer never shifts it. */
  endTimer?: ClockEndTimer;
}

export class FlightClock {
  readonly durationS: number;
  #snapshot: FlightClockSnapshot;
  /**
   * Asked to play and not paused since. Differs from snapshot.playing only at the end: a
   * flight that played to its end plays on from wherever it is sought back to.
   */
  #wantsToPlay = false;
  readonly #listeners = new Set<FlightClockListener>();
  readonly #endTimer: ClockEndTimer;
  #cancelEndTimer: (() => void) | null = null;

  constructor({ durationS, startS = 0, speed = 1, endTimer = realEndTimer }: FlightClockOptions) {
    if (!Number.isFinite(durationS) || durationS <= 0) {
      throw new RangeError(`durationS must be a positive finite number, got ${durationS}`);
    }
    this.durationS = durationS;
    this.#endTimer = endTimer;
    const anchorS = this.#clamp(startS);
    this.#snapshot = Object.freeze({
      serial: 0,
      event: null,
      durationS,
      playing: false,
      ended: anchorS >= durationS,
      speed: checkedSpeed(speed),
      anchorS,
      anchorNowMs: 0,
    });
  }

  get speed(): number {
    return this.#snapshot.speed;
  }

  /** The state as of the last event: the same object until the next one. */
  getSnapshot = (): FlightClockSnapshot => this.#snapshot;

  /** Hears every change of state once (not every tick); returns what stops it. */
  subscribe = (listener: FlightClockListener): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** Route time in seconds at `nowMs`, always within [0, durationS]. */
  timeAt(nowMs: number): number {
    return snapshotTimeAt(this.#snapshot, nowMs);
  }

  /** True once route time has reached the end; a playing clock stops there on its own. */
  isEnded(nowMs: number): boolean {
    return this.timeAt(nowMs) >= this.durationS;
  }

  /** True while time is advancing: playing and not yet at the end. */
  isPlaying(nowMs: number): boolean {
    return this.#snapshot.playing && !this.isEnded(nowMs);
  }

  /** Starts or resumes; a clock at its end starts over from 0, as a replay button would. */
  play(nowMs: number): void {
    this.#settle(nowMs);
    this.#wantsToPlay = true;
    const current = this.#snapshot;
    if (current.playing) return;
    if (current.ended) {
      this.#commit(
        { playing: true, ended: false, anchorS: 0, anchorNowMs: nowMs },
        { type: 'restart', fromS: current.anchorS, toS: 0, nowMs },
      );
    } else {
      this.#commit({ playing: true, anchorNowMs: nowMs }, { type: 'play', atS: current.anchorS, nowMs });
    }
  }

  pause(nowMs: number): void {
    this.#settle(nowMs);
    this.#wantsToPlay = false;
    if (!this.#snapshot.playing) return;
    const atS = this.timeAt(nowMs);
    this.#commit({ playing: false, anchorS: atS, anchorNowMs: nowMs }, { type: 'pause', atS, nowMs });
  }

  /** Jumps to `timeS` (clamped); playing stays playing, paused stays paused. */
  seek(timeS: number, nowMs: number): void {
    if (!Number.isFinite(timeS)) throw new RangeError(`seek time must be finite, got ${timeS}`);
    this.#settle(nowMs);
    const fromS = this.timeAt(nowMs);
    const toS = this.#clamp(timeS);
    if (toS === fromS) return;
    const ended = toS >= this.durationS;
    this.#commit({ playing: this.#wantsToPlay && !ended, ended, anchorS: toS, anchorNowMs: nowMs }, { type: 'seek', fromS, toS, nowMs });
  }

  /** Moves by `deltaS` from the current time (negative goes back). */
  seekBy(deltaS: number, nowMs: number): void {
    this.seek(this.timeAt(nowMs) + deltaS, nowMs);
  }

  /** Changes speed without a jump in time: the current moment becomes the new anchor. */
  setSpeed(speed: number, nowMs: number): void {
    const toSpeed = checkedSpeed(speed);
    this.#settle(nowMs);
    const fromSpeed = this.#snapshot.speed;
    if (toSpeed === fromSpeed) return;
    const atS = this.timeAt(nowMs);
    this.#commit({ speed: toSpeed, anchorS: atS, anchorNowMs: nowMs }, { type: 'rate', fromSpeed, toSpeed, atS, nowMs });
  }

  /** A playing clock past its end (its timer not yet run) ends before anything else happens to it. */
  #settle(nowMs: number): void {
    if (this.#snapshot.playing && nowMs >= snapshotEndMs(this.#snapshot)) this.#end();
  }

  #end(): void {
    const endMs = snapshotEndMs(this.#snapshot);
    this.#commit(
      { playing: false, ended: true, anchorS: this.durationS, anchorNowMs: endMs },
      { type: 'ended', atS: this.durationS, nowMs: endMs },
    );
  }

  #commit(
    change: Partial<Pick<FlightClockSnapshot, 'playing' | 'ended' | 'speed' | 'anchorS' | 'anchorNowMs'>>,
    event: FlightClockEvent,
  ): void {
    const previous = this.#snapshot;
    const next: FlightClockSnapshot = Object.freeze({ ...previous, ...change, serial: previous.serial + 1, event });
    this.#snapshot = next;
    this.#scheduleEnd(next);
    // A copy: a listener may unsubscribe (itself or another) while being told.
    for (const listener of [...this.#listeners]) listener(event, next);
  }

  #scheduleEnd(snapshot: FlightClockSnapshot): void {
    this.#cancelEndTimer?.();
    this.#cancelEndTimer = null;
    if (!snapshot.playing) return;
    const delayMs = Math.max(0, snapshotEndMs(snapshot) - snapshot.anchorNowMs);
    this.#cancelEndTimer = this.#endTimer.schedule(() => {
      this.#cancelEndTimer = null;
      // Every commit reschedules, so this is still the run it was set for.
      if (this.#snapshot === snapshot) this.#end();
    }, delayMs);
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
