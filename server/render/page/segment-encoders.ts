// Encoders for one segment in the render page: a fresh WebCodecs VP8 or VP9 encoder per
// segment (so segments are independent and bakes resumable), or JPEG per frame. Both snapshot the
// canvas right after it is drawn and encode off the main thread, so the next frame renders
// while this one encodes; they only wait when their queue gets deep.
import { WEBCODECS_CODEC_STRINGS } from '@/scenes/protocol/codec-choice';
import type { ChunkSocket } from './chunk-socket';

export interface SegmentEncoder {
  /** Takes the canvas as drawn now; resolves when the next frame may be drawn. */
  addFrame(canvas: HTMLCanvasElement, index: number, timestampUs: number): Promise<void>;
  /** Resolves with the number of chunks sent once every frame has been encoded and sent. */
  finish(): Promise<number>;
}

export interface SegmentEncoderOptions {
  requestId: number;
  width: number;
  height: number;
  fps: number;
  frameCount: number;
  bitrateKbps: number;
  jpegQuality: number;
  /** The encoding's place in the job, sent with each chunk (0 for the profile's own, 1 for its VP9 twin). */
  encoding?: number;
}

/** Frames waiting in the encoder before the page stops drawing: enough to keep it busy, few enough to bound memory. */
const MAX_QUEUED_FRAMES = 2;

export async function createVideoSegmentEncoder(
  codec: keyof typeof WEBCODECS_CODEC_STRINGS,
  options: SegmentEncoderOptions,
  socket: ChunkSocket,
): Promise<SegmentEncoder> {
  const name = codec.toUpperCase();
  const config: VideoEncoderConfig = {
    codec: WEBCODECS_CODEC_STRINGS[codec],
    width: options.width,
    height: options.height,
    bitrate: options.bitrateKbps * 1000,
    framerate: options.fps,
    // Offline encoding: nothing is gained by trading quality for latency.
    latencyMode: 'quality',
    bitrateMode: 'variable',
  };
  const support = await VideoEncoder.isConfigSupported(config);
  if (!support.supported) throw new Error(`This Chromium cannot encode ${name} at ${options.width}×${options.height}`);

  const indexByTimestamp = new Map<number, number>();
  let sent = 0;
  let failure: Error | null = null;
  const encoder = new VideoEncoder({
    output(chunk) {
      const index = indexByTimestamp.get(chunk.timestamp);
      if (index === undefined) {
        failure ??= new Error(`${name} encoder returned a chunk for unknown timestamp ${chunk.timestamp}`);
        return;
      }
      const data = new Uint8Array(chunk.byteLength);
      chunk.copyTo(data);
      socket.sendChunk({
        requestId: options.requestId,
        encoding: options.encoding ?? 0,
        index,
        timestampUs: chunk.timestamp,
        key: chunk.type === 'key',
        data,
      });
      sent++;
    },
    error(error) {
      failure ??= error;
    },
  });
  encoder.configure(config);
  const frameDurationUs = Math.round(1_000_000 / options.fps);
  let first = true;

  return {
    async addFrame(canvas, index, timestampUs) {
      if (failure) throw failure;
      indexByTimestamp.set(timestampUs, index);
      const frame = new VideoFrame(canvas, { timestamp: timestampUs, duration: frameDurationUs, alpha: 'discard' });
      encoder.encode(frame, { keyFrame: first });
      frame.close();
      first = false;
      while (encoder.encodeQueueSize > MAX_QUEUED_FRAMES && !failure) {
        await new Promise((resolve) => encoder.addEventListener('dequeue', resolve, { once: true }));
      }
    },
    async finish() {
      await encoder.flush();
      encoder.close();
      if (failure) throw failure;
      // A rate controller that drops frames would leave holes in the route's timeline.
      if (sent !== options.frameCount) throw new Error(`${name} encoder returned ${sent} chunks for ${options.frameCount} frames`);
      return sent;
    },
  };
}

export function createJpegSegmentEncoder(options: SegmentEncoderOptions, socket: ChunkSocket): SegmentEncoder {
  const pending: Promise<void>[] = [];
  // Chained so chunks leave in frame order whatever order the blobs finish in.
  let sendChain = Promise.resolve();
  let sent = 0;
  return {
    async addFrame(canvas, index, timestampUs) {
      const blob = canvasBlob(canvas, 'image/jpeg', options.jpegQuality).then((b) => b.arrayBuffer());
      sendChain = sendChain.then(async () => {
        const data = new Uint8Array(await blob);
        socket.sendChunk({ requestId: options.requestId, index, timestampUs, key: true, data });
        sent++;
      });
      pending.push(sendChain);
      while (pending.length > MAX_QUEUED_FRAMES) await pending.shift();
    },
    async finish() {
      await sendChain;
      return sent;
    },
  };
}

/** toBlob copies the canvas when called, so the next frame may be drawn before the blob is ready. */
export function canvasBlob(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`The canvas gave no ${type} image`))), type, quality);
  });
}
