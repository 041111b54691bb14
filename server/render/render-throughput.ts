// Measures how fast a renderer pool bakes: frames per second rendered only (draw and wait
// for the GPU) or rendered, encoded and moved to Node, over whole segments of a route.
import type { Route } from '@/scenes/routes/route-schema';
import { FRAMES_PER_SEGMENT, frameCountFor } from '@/scenes/protocol/frame-timing';
import { BAKE_FPS, type QualityProfile } from '@/scenes/protocol/profile-ladder';
import type { RenderedSegment, SegmentRequest } from '../bake/bake-contracts';
import type { ChromiumRendererPool } from './renderer-pool';

export interface ThroughputOptions {
  segments: number;
  /** Draw only: no snapshot, encode or transfer. */
  renderOnly?: boolean;
  /** Where to start on the route (default 1: past the start, the camera already moving). */
  firstSegment?: number;
  /** Frames drawn from the start of each segment (default: the whole segment), for profiles that take seconds a frame. */
  framesPerSegment?: number;
  /** A VP9 twin encoded from the same frames (one render, two encoders), as a bake does. */
  twin?: QualityProfile;
  /** Decode every chunk again and compare it with the drawn frame (luma PSNR); slows the run. */
  measureQuality?: boolean;
}

export interface EncodingQualitySummary {
  frames: number;
  meanPsnrDb: number;
  minPsnrDb: number;
}

export interface RenderThroughput {
  profileId: string;
  renderOnly: boolean;
  frames: number;
  wallMs: number;
  framesPerSecond: number;
  /** Bake speed as a multiple of real time: 1 means a second of flight takes a second to bake. */
  realTimeMultiple: number;
  /** Encoded bytes (0 when rendering only). */
  bytes: number;
  /** The twin's encoded bytes (0 without a twin). */
  twinBytes: number;
  /** Per encoding (0 the profile's own, 1 the twin), when quality was measured. */
  quality: EncodingQualitySummary[];
}

export async function measureRenderThroughput(
  pool: ChromiumRendererPool,
  route: Route,
  profile: QualityProfile,
  options: ThroughputOptions,
): Promise<RenderThroughput> {
  const totalFrames = frameCountFor(route.durationS);
  const firstSegment = options.firstSegment ?? 1;
  const renderOnly = options.renderOnly ?? false;
  const framesPerSegment = Math.min(FRAMES_PER_SEGMENT, options.framesPerSegment ?? FRAMES_PER_SEGMENT);
  const requests: SegmentRequest[] = [];
  for (let s = firstSegment; s < firstSegment + options.segments; s++) {
    const firstFrame = s * FRAMES_PER_SEGMENT;
    if (firstFrame >= totalFrames) break;
    const frameCount = Math.min(framesPerSegment, totalFrames - firstFrame);
    requests.push({ route, profile, segmentIndex: s, firstFrame, frameCount, ...(options.twin ? { twin: options.twin } : {}) });
  }
  if (requests.length === 0) throw new RangeError(`Route ${route.id} has no segment ${firstSegment}`);
  // Mount the scene at this size and compile its shaders on every renderer before the clock starts.
  await Promise.all(Array.from({ length: pool.size }, () => pool.renderSegment({ ...requests[0], frameCount: 1 }, { renderOnly: true })));

  const startMs = performance.now();
  // Every segment settles before this returns, so a failed one leaves no job behind to
  // take the replacement renderer from whoever measures next.
  const settled = await Promise.allSettled(
    requests.map((request) => pool.renderSegment(request, { renderOnly, measureQuality: options.measureQuality })),
  );
  const wallMs = performance.now() - startMs;
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  const results = settled.map((outcome) => (outcome as PromiseFulfilledResult<RenderedSegment>).value);
  const frames = requests.reduce((sum, request) => sum + request.frameCount, 0);
  const framesPerSecond = (frames * 1000) / wallMs;
  return {
    profileId: profile.id,
    renderOnly,
    frames,
    wallMs,
    framesPerSecond,
    realTimeMultiple: framesPerSecond / BAKE_FPS,
    bytes: results.reduce((sum, result) => sum + bytesOf(result.chunks), 0),
    twinBytes: results.reduce((sum, result) => sum + bytesOf(result.twinChunks ?? []), 0),
    quality: qualityOver(results),
  };
}

function bytesOf(chunks: readonly { data: Uint8Array }[]): number {
  return chunks.reduce((sum, chunk) => sum + chunk.data.byteLength, 0);
}

/** Frame-weighted mean and worst PSNR per encoding over the segments. */
function qualityOver(results: readonly RenderedSegment[]): EncodingQualitySummary[] {
  const byEncoding: EncodingQualitySummary[] = [];
  for (const result of results) {
    for (const { encoding, frames, meanPsnrDb, minPsnrDb } of result.quality ?? []) {
      const so = byEncoding[encoding] ?? { frames: 0, meanPsnrDb: 0, minPsnrDb: Number.POSITIVE_INFINITY };
      const total = so.frames + frames;
      byEncoding[encoding] = {
        frames: total,
        meanPsnrDb: total === 0 ? 0 : (so.meanPsnrDb * so.frames + meanPsnrDb * frames) / total,
        minPsnrDb: Math.min(so.minPsnrDb, minPsnrDb),
      };
    }
  }
  return byEncoding;
}
