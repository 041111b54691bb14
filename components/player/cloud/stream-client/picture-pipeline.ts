// The browser's media side of the stream: encoded frames queue in order, the decoder
// turns them into pictures, and the small decoded buffer hands the canvas the picture the
// clock names. The protocol client feeds it (StreamMedia); the stream client's animation
// frame takes from it.
import type { LabelledChunk } from '@/scenes/protocol/chunk-codec';
import { BAKE_FPS, profileIndexOf } from '@/scenes/protocol/profile-ladder';
import { ChunkQueue } from '../chunk-queue';
import { DecodedFrameBuffer } from '../frame-buffer';
import { closePicture, StreamFrameDecoder, type DecodedPicture } from '../frame-decoder';
import { readyToStartClock } from '../playback-start';
import { ThroughputMeter } from '../throughput-meter';
import type { StreamMedia } from './protocol-client';
import type { MediaSession } from './session-state';

export interface PicturePipelineEvents {
  /** The first picture ever decoded (the session's first-frame deadline ends). */
  firstPicture(): void;
  problem(problem: string): void;
}

export class PicturePipeline implements StreamMedia {
  readonly queue = new ChunkQueue();
  readonly buffer = new DecodedFrameBuffer<DecodedPicture>(closePicture);
  readonly meter = new ThroughputMeter();
  #decoder: StreamFrameDecoder | null = null;
  readonly #events: PicturePipelineEvents;
  readonly #now: () => number;
  #framesSkippedEncoded = 0;
  /** Frames handed to a decoder per codec over every session of this player (VP9 or VP8: what the server chose). */
  readonly framesByCodec = { vp8: 0, vp9: 0, jpeg: 0 };
  #firstDecodedAtMs: number | null = null;
  fps = BAKE_FPS;
  frameCount = 1;
  /** When frames were last delivered, or last became due (play, seek, join): a stop in delivery is measured from here. */
  deliveryExpectedSinceMs = 0;

  constructor(events: PicturePipelineEvents, now: () => number) {
    this.#events = events;
    this.#now = now;
  }

  get firstDecodedAtMs(): number | null {
    return this.#firstDecodedAtMs;
  }

  get counters(): {
    framesDecoded: number;
    framesShown: number;
    dropped: number;
    lastShownFrameIndex: number;
    framesByCodec: { vp8: number; vp9: number; jpeg: number };
  } {
    const { shown, dropped } = this.buffer.counters;
    return {
      framesByCodec: { ...this.framesByCodec },
      framesDecoded: this.#decoder?.decodedCount ?? 0,
      framesShown: shown,
      dropped: dropped + this.#framesSkippedEncoded,
      lastShownFrameIndex: this.buffer.lastShownIndex,
    };
  }

  get lastDecodedIndex(): number {
    return this.#decoder?.lastDecodedIndex ?? -1;
  }

  session({ profiles, fps, frameCount, firstTargetFrame }: MediaSession): void {
    this.fps = fps;
    this.frameCount = frameCount;
    const profilesByIndex = new Map(profiles.map((profile) => [profileIndexOf(profile.id), profile]));
    this.#decoder?.close();
    this.#decoder = new StreamFrameDecoder(
      profilesByIndex,
      {
        onPicture: (picture) => this.#onPicture(picture),
        onFailure: (error) => this.#onDecoderFailure(error),
      },
      this.framesByCodec,
    );
    if (firstTargetFrame !== null) this.buffer.startAt(firstTargetFrame);
    this.deliveryExpectedSinceMs = this.#now();
  }

  epoch(): void {
    this.queue.reset();
    this.#decoder?.reset();
  }

  seek(targetFrame: number, flush: boolean): void {
    this.buffer.clear();
    this.buffer.startAt(targetFrame);
    this.deliveryExpectedSinceMs = this.#now();
    if (!flush) return;
    this.queue.reset();
    this.#decoder?.reset();
  }

  bytes(byteLength: number, nowMs: number): void {
    this.deliveryExpectedSinceMs = nowMs;
    this.meter.record(byteLength, nowMs);
  }

  frame(frame: LabelledChunk): void {
    this.queue.push({ index: frame.index, key: frame.key, profileIndex: frame.profileIndex, data: frame.data, last: frame.last });
    this.pump();
  }

  /** Far behind the clock: jump to the keyframe nearest before the playhead instead of decoding frames nobody will see. */
  skipTo(targetFrame: number): void {
    if (this.queue.headIndex >= 0 && targetFrame > this.queue.headIndex + BAKE_FPS / 2) {
      this.#framesSkippedEncoded += this.queue.skipToKeyframeAtOrBefore(targetFrame);
    }
  }

  pump(): void {
    const decoder = this.#decoder;
    if (!decoder) return;
    while (this.queue.length > 0 && this.buffer.size + decoder.inFlight < this.buffer.capacity) {
      const chunk = this.queue.shift()!;
      if (!decoder.decode(chunk)) {
        // A delta the decoder has no reference for: wait for the next keyframe.
        decoder.reset();
        this.queue.reset();
        break;
      }
    }
  }

  /** Frames received beyond what is on screen or due. */
  bufferAheadFrames(targetFrame: number): number {
    const playhead = Math.max(this.buffer.lastShownIndex, targetFrame);
    return Math.max(0, this.queue.lastReceivedIndex - playhead);
  }

  /** A stopped clock may start: see playback-start.ts. */
  primed(): boolean {
    return readyToStartClock({
      shownIndex: this.buffer.lastShownIndex,
      decodedWaiting: this.buffer.size,
      decodedCapacity: this.buffer.capacity,
      lastReceivedIndex: this.queue.lastReceivedIndex,
      frameCount: this.frameCount,
      fps: this.fps,
    });
  }

  close(): void {
    this.#decoder?.close();
    this.buffer.clear();
  }

  #onPicture(picture: DecodedPicture): void {
    if (this.#firstDecodedAtMs === null) {
      this.#firstDecodedAtMs = this.#now();
      this.#events.firstPicture();
    }
    this.buffer.add(picture.index, picture);
    this.pump();
  }

  #onDecoderFailure(error: Error): void {
    // Start again from the next keyframe; the stream carries one every second.
    this.queue.reset();
    this.#decoder?.reset();
    this.#events.problem(`decoder: ${error.message}`);
  }
}
