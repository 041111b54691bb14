// The bench's quality measure, in the render page: each drawn frame's pixels are kept, every
// encoding's chunks are decoded again with WebCodecs as they leave for Node, and each decoded
// frame is compared with the frame that was drawn (PSNR of luma). So VP8 and VP9 are judged
// against the same rendered frames, and bitrates can be set for equal quality. Off in a bake.
import type { ChunkSocket } from './chunk-socket';

export interface EncodingQuality {
  /** The encoding's place in the job (0 the profile's own, 1 its VP9 twin). */
  encoding: number;
  frames: number;
  /** Mean over frames of luma PSNR in dB (identical frames count as 100 dB). */
  meanPsnrDb: number;
  /** The worst frame's luma PSNR in dB. */
  minPsnrDb: number;
}

export interface QualityProbe {
  /** Passes chunks on to Node and decodes a copy of each. */
  readonly socket: ChunkSocket;
  /** Keeps the canvas's pixels as drawn now, for frame `index`. */
  capture(canvas: HTMLCanvasElement, index: number): void;
  /** Waits for every decode and reports per encoding. */
  finish(): Promise<EncodingQuality[]>;
}

const PSNR_CAP_DB = 100;

/** `codecs[encoding]` is the WebCodecs codec string that encoding's chunks decode with. */
export function createQualityProbe(inner: ChunkSocket, codecs: readonly string[], width: number, height: number): QualityProbe {
  const references = new Map<number, Float32Array>();
  const scores = codecs.map(() => [] as number[]);
  const pending: Promise<void>[] = [];
  const scratch = new OffscreenCanvas(width, height);
  const context = scratch.getContext('2d', { willReadFrequently: true })!;
  let failure: Error | null = null;

  const lumaOf = (source: CanvasImageSource): Float32Array => {
    context.drawImage(source, 0, 0, width, height);
    const rgba = context.getImageData(0, 0, width, height).data;
    const luma = new Float32Array(width * height);
    for (let i = 0, p = 0; p < luma.length; i += 4, p++) luma[p] = 0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2];
    return luma;
  };

  const decoders = codecs.map((codec, encoding) => {
    const decoder = new VideoDecoder({
      output(frame) {
        const reference = references.get(frame.timestamp);
        const decoded = lumaOf(frame);
        frame.close();
        if (reference === undefined) {
          failure ??= new Error(`decoded frame ${frame.timestamp} has no drawn frame to compare with`);
          return;
        }
        let squared = 0;
        for (let p = 0; p < decoded.length; p++) squared += (decoded[p] - reference[p]) ** 2;
        const mse = squared / decoded.length;
        scores[encoding].push(mse === 0 ? PSNR_CAP_DB : Math.min(PSNR_CAP_DB, 10 * Math.log10((255 * 255) / mse)));
      },
      error(error) {
        failure ??= error;
      },
    });
    decoder.configure({ codec, codedWidth: width, codedHeight: height });
    return decoder;
  });

  return {
    socket: {
      sendChunk(frame) {
        inner.sendChunk(frame);
        const decoder = decoders[frame.encoding ?? 0];
        // The frame index stands in for the timestamp, so a decoded frame finds its reference.
        decoder.decode(new EncodedVideoChunk({ type: frame.key ? 'key' : 'delta', timestamp: frame.index, data: frame.data }));
      },
      endRequest: (requestId, chunkCount) => inner.endRequest(requestId, chunkCount),
    },
    capture(canvas, index) {
      references.set(index, lumaOf(canvas));
    },
    async finish() {
      pending.push(...decoders.map((decoder) => decoder.flush()));
      await Promise.all(pending);
      for (const decoder of decoders) decoder.close();
      if (failure) throw failure;
      return scores.map((frames, encoding) => ({
        encoding,
        frames: frames.length,
        meanPsnrDb: frames.reduce((sum, score) => sum + score, 0) / Math.max(1, frames.length),
        minPsnrDb: Math.min(...frames),
      }));
    },
  };
}
