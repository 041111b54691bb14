// One segment of a bake into the frame store: kept when it is already stored with valid
// checksums, rendered (again) when it is missing or corrupt. A whole bake runs it per
// segment (bake-route.ts); a render node of the farm runs it per queued segment job, so
// both paths store exactly the same bytes.
import type { Route } from '@/scenes/routes/route-schema';
import { isCorruptChunkError } from '../frame-store/frame-store-errors';
import { createLogger } from '../log';
import type { BakeKey, FrameStore, RendererPool, SegmentRequest } from './bake-contracts';
import type { EncodedChunk } from '@/scenes/protocol/chunk-codec';
import { FRAMES_PER_SEGMENT, frameCountFor } from '@/scenes/protocol/frame-timing';
import type { QualityProfile } from '@/scenes/protocol/profile-ladder';

export const DEFAULT_SEGMENT_ATTEMPTS = 3;

export interface SegmentOutcome {
  chunks: EncodedChunk[];
  /** 'rendered': new; 'reused': found stored with valid checksums; 'rebaked': found corrupt and rendered again. */
  outcome: 'rendered' | 'reused' | 'rebaked';
  /** Milliseconds the renderer spent drawing and reading back (0 when reused). */
  renderMs: number;
  /** Renderer failures retried on the way. */
  rendererRetries: number;
}

export interface BakeSegmentOptions {
  pool: RendererPool;
  store: FrameStore;
  signal?: AbortSignal;
  /** Tries when the renderer fails (it is replaced between tries). */
  segmentAttempts?: number;
  /** Where retries are reported: a Logger (server/log.ts) or anything with a warn(line); the bake component's logger by default. */
  log?: Pick<Console, 'warn'>;
}

/** The frames of segment `segmentIndex` of a route: a full second, or what is left of the route. */
export function segmentRequestFor(route: Route, profile: QualityProfile, segmentIndex: number): SegmentRequest {
  const framesTotal = frameCountFor(route.durationS);
  const firstFrame = segmentIndex * FRAMES_PER_SEGMENT;
  if (!Number.isInteger(segmentIndex) || segmentIndex < 0 || firstFrame >= framesTotal) {
    throw new RangeError(`Route "${route.id}" has no segment ${segmentIndex}`);
  }
  return { route, profile, segmentIndex, firstFrame, frameCount: Math.min(FRAMES_PER_SEGMENT, framesTotal - firstFrame) };
}

export async function bakeSegment(key: BakeKey, request: SegmentRequest, options: BakeSegmentOptions): Promise<SegmentOutcome> {
  const { pool, store } = options;
  const log = options.log ?? createLogger().child({ component: 'bake' });
  const signal = options.signal ?? new AbortController().signal;
  const { segmentIndex, firstFrame, frameCount } = request;
  signal.throwIfAborted();

  let foundCorrupt = false;
  if (await store.hasSegment(key, segmentIndex)) {
    try {
      const chunks = await store.readSegment(key, segmentIndex);
      assertSegmentShape(chunks, firstFrame, frameCount, `stored segment ${segmentIndex}`);
      return { chunks, outcome: 'reused', renderMs: 0, rendererRetries: 0 };
    } catch (error) {
      if (!isCorruptChunkError(error) && !isSegmentShapeError(error)) throw error;
      // Never served, never kept: render this second again.
      log.warn(`${error.message}; re-baking the segment.`);
      foundCorrupt = true;
    }
  }

  let rendererRetries = 0;
  const rendered = await renderWithRetries(pool, request, options.segmentAttempts ?? DEFAULT_SEGMENT_ATTEMPTS, signal, log, () => {
    rendererRetries++;
  });
  assertSegmentShape(rendered.chunks, firstFrame, frameCount, `rendered segment ${segmentIndex}`);
  signal.throwIfAborted();
  await store.writeSegment(key, segmentIndex, rendered.chunks);
  return { chunks: rendered.chunks, outcome: foundCorrupt ? 'rebaked' : 'rendered', renderMs: rendered.renderMs, rendererRetries };
}

/** RendererFailedError lives with the renderer pool; matching by name keeps this module independent of it. */
export function isRendererFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'RendererFailedError';
}

const SEGMENT_SHAPE_CODE = 'segment_shape';

class SegmentShapeError extends Error {
  override name = 'SegmentShapeError';
  readonly code = SEGMENT_SHAPE_CODE;
}

function isSegmentShapeError(error: unknown): error is SegmentShapeError {
  return error instanceof Error && (error as Partial<SegmentShapeError>).code === SEGMENT_SHAPE_CODE;
}

/** A segment holds exactly its frames, in order, and opens with a keyframe so a viewer can start there. */
function assertSegmentShape(chunks: readonly EncodedChunk[], firstFrame: number, frameCount: number, what: string): void {
  if (chunks.length !== frameCount) throw new SegmentShapeError(`${what} holds ${chunks.length} chunks, expected ${frameCount}`);
  chunks.forEach((chunk, position) => {
    if (chunk.index !== firstFrame + position)
      throw new SegmentShapeError(`${what} holds frame ${chunk.index} at position ${position}, expected ${firstFrame + position}`);
  });
  if (!chunks[0].key) throw new SegmentShapeError(`${what} does not start with a keyframe`);
}

async function renderWithRetries(
  pool: RendererPool,
  request: SegmentRequest,
  attempts: number,
  signal: AbortSignal,
  log: Pick<Console, 'warn'>,
  onRetry: () => void,
) {
  for (let attempt = 1; ; attempt++) {
    signal.throwIfAborted();
    try {
      return await pool.renderSegment(request);
    } catch (error) {
      if (!isRendererFailure(error) || attempt >= attempts) throw error;
      onRetry();
      log.warn(
        `renderer failed on ${request.route.id} ${request.profile.id} segment ${request.segmentIndex} (try ${attempt} of ${attempts}): ${(error as Error).message}`,
      );
    }
  }
}
