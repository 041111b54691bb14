// Encoded frames of one stream epoch waiting for the decoder, in frame order. Both
// transports deliver in order; a gap (a lost fragment) breaks a VP8 chain, so the queue
// then holds back delta frames until the next keyframe. Pure: frames are plain data.

export interface QueuedChunk {
  index: number;
  key: boolean;
  profileIndex: number;
  data: Uint8Array;
  /** The route's last frame. */
  last: boolean;
}

export type ChunkPushResult = 'queued' | 'stale' | 'waiting-for-key';

export class ChunkQueue {
  #chunks: QueuedChunk[] = [];
  #lastReceivedIndex = -1;
  // A decoder fed from a fresh start or across a gap needs a keyframe before any delta.
  #needKey = true;
  #unusable = 0;

  /** Highest frame index received in this epoch; -1 before the first. */
  get lastReceivedIndex(): number {
    return this.#lastReceivedIndex;
  }

  get length(): number {
    return this.#chunks.length;
  }

  /** Delta frames thrown away because their chain was broken (gap or start without a keyframe). */
  get unusable(): number {
    return this.#unusable;
  }

  /** Index of the next frame the decoder would get, or -1 when empty. */
  get headIndex(): number {
    return this.#chunks.length === 0 ? -1 : this.#chunks[0].index;
  }

  push(chunk: QueuedChunk): ChunkPushResult {
    if (chunk.index <= this.#lastReceivedIndex) return 'stale';
    const gap = this.#lastReceivedIndex >= 0 && chunk.index !== this.#lastReceivedIndex + 1;
    this.#lastReceivedIndex = chunk.index;
    if (gap) this.#needKey = true;
    if (this.#needKey && !chunk.key) {
      this.#unusable += 1;
      return 'waiting-for-key';
    }
    this.#needKey = false;
    this.#chunks.push(chunk);
    return 'queued';
  }

  /** The next frame to decode, in order, or null. */
  shift(): QueuedChunk | null {
    return this.#chunks.shift() ?? null;
  }

  /**
   * When the playhead has run past a queued keyframe, everything before that keyframe is
   * too late to show: skip it and decode from the keyframe. Returns how many frames were skipped.
   */
  skipToKeyframeAtOrBefore(targetIndex: number): number {
    let keyAt = -1;
    for (let position = 1; position < this.#chunks.length && this.#chunks[position].index <= targetIndex; position++) {
      if (this.#chunks[position].key) keyAt = position;
    }
    if (keyAt < 0) return 0;
    this.#chunks.splice(0, keyAt);
    return keyAt;
  }

  /** A new epoch (seek, resume, new transport): the next frame must be a keyframe. */
  reset(): void {
    this.#chunks = [];
    this.#lastReceivedIndex = -1;
    this.#needKey = true;
  }
}
