// The small queue of decoded frames between the decoder and the canvas. The flight clock
// names the frame it wants; the frame due is shown, frames the clock has passed by more
// than a frame are dropped (and counted), frames ahead wait. Pure: frames are opaque, and
// `release` (VideoFrame.close, ImageBitmap.close) is called exactly once for each.

export interface FrameBufferCounters {
  /** Frames handed to the canvas. */
  shown: number;
  /** Frames decoded but never shown because the clock had passed them (late frames). */
  dropped: number;
  /** Frames passed over on purpose: faster than 1× playback shows every other frame, and so on. */
  skipped: number;
  /** Frames decoded only to reach a seek target (from the keyframe before it), or seen before. */
  discarded: number;
}

export interface TakeOptions {
  /** Frames passed over count as skipped, not dropped (playback faster than real time). */
  skipsIntended?: boolean;
  /**
   * A frame this many frames behind the clock is still shown, one display refresh late,
   * rather than dropped: one late animation frame (a garbage collection, a layout) must not
   * cost a picture when the next refresh can catch up. 0 shows only the newest frame due.
   */
  lateToleranceFrames?: number;
}

export const DEFAULT_LATE_TOLERANCE_FRAMES = 1;

interface BufferedFrame<F> {
  index: number;
  frame: F;
}

export const DEFAULT_DECODED_CAPACITY = 6;

export class DecodedFrameBuffer<F> {
  readonly capacity: number;
  readonly counters: FrameBufferCounters = { shown: 0, dropped: 0, skipped: 0, discarded: 0 };
  readonly #release: (frame: F) => void;
  // Ascending by index, no duplicates.
  #frames: BufferedFrame<F>[] = [];
  #lastShownIndex = -1;
  #firstWantedIndex = 0;

  constructor(release: (frame: F) => void, capacity: number = DEFAULT_DECODED_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.#release = release;
    this.capacity = capacity;
  }

  get size(): number {
    return this.#frames.length;
  }

  get isFull(): boolean {
    return this.#frames.length >= this.capacity;
  }

  /** Index of the frame last handed to the canvas; -1 before the first. */
  get lastShownIndex(): number {
    return this.#lastShownIndex;
  }

  /** Highest decoded index waiting to be shown, or -1. */
  get newestIndex(): number {
    return this.#frames.length === 0 ? -1 : this.#frames[this.#frames.length - 1].index;
  }

  /**
   * Frames below `index` are wanted only to get the decoder there (after a seek the stream
   * restarts at the keyframe before the target): they are released without being counted as drops.
   */
  startAt(index: number): void {
    this.#firstWantedIndex = index;
    this.#lastShownIndex = Math.min(this.#lastShownIndex, index - 1);
    this.#releaseWhere((buffered) => buffered.index < index, 'discarded');
  }

  /** Adds a decoded frame; returns false when it was released at once (pre-roll, already shown or a duplicate). */
  add(index: number, frame: F): boolean {
    if (index < this.#firstWantedIndex || index <= this.#lastShownIndex || this.#frames.some((buffered) => buffered.index === index)) {
      this.counters.discarded += 1;
      this.#release(frame);
      return false;
    }
    let at = this.#frames.length;
    while (at > 0 && this.#frames[at - 1].index > index) at -= 1;
    this.#frames.splice(at, 0, { index, frame });
    // The decode pump stops at capacity; past it, the oldest frame is the one the clock needs least.
    while (this.#frames.length > this.capacity) {
      const oldest = this.#frames.shift()!;
      this.counters.dropped += 1;
      this.#release(oldest.frame);
    }
    return true;
  }

  /**
   * The frame to draw for `targetIndex`, or null to keep what is on the canvas (nothing new is
   * due): the oldest buffered frame within the late tolerance, else the newest at or before the
   * target. Frames passed over are released and counted. The caller owns the returned frame.
   */
  take(targetIndex: number, options: TakeOptions = {}): { index: number; frame: F } | null {
    const tolerance = options.lateToleranceFrames ?? DEFAULT_LATE_TOLERANCE_FRAMES;
    let due = -1;
    while (due + 1 < this.#frames.length && this.#frames[due + 1].index <= targetIndex) due += 1;
    if (due < 0) return null;
    // Frames are ascending: the first one still within tolerance is the one to show.
    while (due > 0 && this.#frames[due - 1].index >= targetIndex - tolerance) due -= 1;
    const passedOver = this.#frames.splice(0, due);
    const shown = this.#frames.shift()!;
    for (const buffered of passedOver) {
      if (options.skipsIntended) this.counters.skipped += 1;
      else this.counters.dropped += 1;
      this.#release(buffered.frame);
    }
    this.counters.shown += 1;
    this.#lastShownIndex = shown.index;
    return shown;
  }

  /** Releases every waiting frame (seek, profile change, close) without counting drops. */
  clear(): void {
    this.#releaseWhere(() => true, 'discarded');
  }

  #releaseWhere(predicate: (buffered: BufferedFrame<F>) => boolean, counter: keyof FrameBufferCounters): void {
    const kept: BufferedFrame<F>[] = [];
    for (const buffered of this.#frames) {
      if (predicate(buffered)) {
        this.counters[counter] += 1;
        this.#release(buffered.frame);
      } else {
        kept.push(buffered);
      }
    }
    this.#frames = kept;
  }
}
