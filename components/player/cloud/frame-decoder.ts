// Turns encoded stream frames into pictures for the canvas: VP8 and VP9 through WebCodecs
// VideoDecoder, JPEG through createImageBitmap. Every reset starts a new generation,
// so pictures still on their way from before a seek are closed instead of shown.
import type { ProfileSummary } from '@/scenes/protocol/server-messages';
import type { QueuedChunk } from './chunk-queue';
import { WEBCODECS_CODEC_STRINGS } from '@/scenes/protocol/codec-choice';

export interface DecodedPicture {
  index: number;
  image: VideoFrame | ImageBitmap;
  width: number;
  height: number;
}

export function closePicture(picture: DecodedPicture): void {
  picture.image.close();
}

export interface FrameDecoderEvents {
  onPicture(picture: DecodedPicture): void;
  /** The decoder broke (corrupt data, lost context): the caller restarts it at a keyframe. */
  onFailure(error: Error): void;
}

/** Frame indices stay below this, so generation and index share one integer timestamp. */
const GENERATION_STRIDE = 10_000_000;

/** Whether this browser decodes VP8 with WebCodecs; false where VideoDecoder is missing. */
export function canDecodeVp8(): Promise<boolean> {
  return canDecode('vp8');
}

/** Whether this browser decodes VP9 (profile 0, 8 bit) with WebCodecs: the server then streams VP9 where it is baked. */
export function canDecodeVp9(): Promise<boolean> {
  return canDecode('vp9');
}

async function canDecode(codec: keyof typeof WEBCODECS_CODEC_STRINGS): Promise<boolean> {
  if (typeof VideoDecoder === 'undefined' || typeof EncodedVideoChunk === 'undefined') return false;
  try {
    const support = await VideoDecoder.isConfigSupported({ codec: WEBCODECS_CODEC_STRINGS[codec], codedWidth: 640, codedHeight: 360 });
    return support.supported === true;
  } catch {
    return false;
  }
}

export class StreamFrameDecoder {
  readonly #profiles: ReadonlyMap<number, ProfileSummary>;
  readonly #events: FrameDecoderEvents;
  #generation = 1;
  #video: VideoDecoder | null = null;
  #configuredProfile = -1;
  #inFlight = 0;
  #decoded = 0;
  readonly #submittedByCodec: Record<ProfileSummary['codec'], number>;
  #lastDecodedIndex = -1;
  #closed = false;

  /** `submittedByCodec` may be shared by the decoders of one player, so its counts outlive a session. */
  constructor(
    profiles: ReadonlyMap<number, ProfileSummary>,
    events: FrameDecoderEvents,
    submittedByCodec: Record<ProfileSummary['codec'], number> = { vp8: 0, vp9: 0, jpeg: 0 },
  ) {
    this.#profiles = profiles;
    this.#events = events;
    this.#submittedByCodec = submittedByCodec;
  }

  /** Frames submitted and not yet come out. */
  get inFlight(): number {
    return this.#inFlight;
  }

  get decodedCount(): number {
    return this.#decoded;
  }

  /** Frames handed to the decoder, per codec (the stats and the tests tell VP9 from VP8 by it). */
  get submittedByCodec(): Readonly<Record<ProfileSummary['codec'], number>> {
    return this.#submittedByCodec;
  }

  get lastDecodedIndex(): number {
    return this.#lastDecodedIndex;
  }

  /** Submits one frame; false when it cannot be decoded here (unknown profile, or a delta with no keyframe before it). */
  decode(chunk: QueuedChunk): boolean {
    if (this.#closed) return false;
    const profile = this.#profiles.get(chunk.profileIndex);
    if (!profile) return false;
    const { codec } = profile;
    const submitted = codec === 'jpeg' ? this.#decodeJpeg(chunk) : this.#decodeVideo(chunk, codec, profile);
    if (submitted) this.#submittedByCodec[codec] += 1;
    return submitted;
  }

  /** Drops everything in flight; the next frame must be a keyframe. */
  reset(): void {
    this.#generation += 1;
    this.#inFlight = 0;
    this.#configuredProfile = -1;
    if (this.#video && this.#video.state !== 'closed') this.#video.reset();
  }

  close(): void {
    this.#closed = true;
    this.#generation += 1;
    if (this.#video && this.#video.state !== 'closed') this.#video.close();
    this.#video = null;
  }

  #decodeVideo(chunk: QueuedChunk, codec: 'vp8' | 'vp9', profile: ProfileSummary): boolean {
    if (this.#video === null || this.#video.state === 'closed') {
      this.#video = this.#createVideoDecoder();
      this.#configuredProfile = -1;
    }
    if (this.#configuredProfile !== chunk.profileIndex) {
      // A new size or codec (profile switch) starts at a keyframe; configure is queued after earlier decodes.
      if (!chunk.key) return false;
      this.#video.configure({
        codec: WEBCODECS_CODEC_STRINGS[codec],
        codedWidth: profile.width,
        codedHeight: profile.height,
        optimizeForLatency: true,
      });
      this.#configuredProfile = chunk.profileIndex;
    }
    this.#inFlight += 1;
    this.#video.decode(
      new EncodedVideoChunk({
        type: chunk.key ? 'key' : 'delta',
        timestamp: this.#generation * GENERATION_STRIDE + chunk.index,
        data: chunk.data,
      }),
    );
    return true;
  }

  #createVideoDecoder(): VideoDecoder {
    return new VideoDecoder({
      output: (frame) => {
        const generation = Math.floor(frame.timestamp / GENERATION_STRIDE);
        if (generation !== this.#generation || this.#closed) {
          frame.close();
          return;
        }
        this.#inFlight = Math.max(0, this.#inFlight - 1);
        const index = frame.timestamp - generation * GENERATION_STRIDE;
        this.#noteDecoded(index);
        this.#events.onPicture({ index, image: frame, width: frame.displayWidth, height: frame.displayHeight });
      },
      error: (error) => {
        this.#inFlight = 0;
        this.#configuredProfile = -1;
        if (!this.#closed) this.#events.onFailure(error instanceof Error ? error : new Error(String(error)));
      },
    });
  }

  #decodeJpeg(chunk: QueuedChunk): boolean {
    const generation = this.#generation;
    this.#inFlight += 1;
    // A copy, so the blob owns bytes that the transport may reuse.
    createImageBitmap(new Blob([new Uint8Array(chunk.data)], { type: 'image/jpeg' })).then(
      (bitmap) => {
        if (generation !== this.#generation || this.#closed) {
          bitmap.close();
          return;
        }
        this.#inFlight = Math.max(0, this.#inFlight - 1);
        this.#noteDecoded(chunk.index);
        this.#events.onPicture({ index: chunk.index, image: bitmap, width: bitmap.width, height: bitmap.height });
      },
      (error: unknown) => {
        if (generation !== this.#generation || this.#closed) return;
        this.#inFlight = Math.max(0, this.#inFlight - 1);
        this.#events.onFailure(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return true;
  }

  #noteDecoded(index: number): void {
    this.#decoded += 1;
    this.#lastDecodedIndex = index;
  }
}
