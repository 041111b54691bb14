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
    requests.push({ route, profile, segmentIndex: s, firstFrame, frameCount: Math.min(framesPerSegment, totalFrames - firstFrame) });
  }
  if (requests.length === 0) throw new RangeError(`Route ${route.id} has no segment ${firstSegment}`);
  // Mount the scene at this size and compile its shaders on every renderer before the clock starts.
  await Promise.all(Array.from({ length: pool.size }, () => pool.renderSegment({ ...requests[0], frameCount: 1 }, { renderOnly: true })));

  const startMs = performance.now();
  // Every segment settles before this returns, so a failed one leaves no job behind to
  // take the replacement renderer from whoever measures next.
  const settled = await Promise.allSettled(requests.map((request) => pool.renderSegment(request, { renderOnly })));
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
    bytes: results.reduce((sum, result) => sum + result.chunks.reduce((s, chunk) => s + chunk.data.byteLength, 0), 0),
  };
}
