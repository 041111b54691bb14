// One segment of a bake into the frame store: kept when it is already stored with valid
// checksums, rendered (again) when it is missing or corrupt. A whole bake runs it per
// segment (bake-route.ts); a render node of the farm runs it per queued segment job, so
// both paths store exactly the same bytes. A VP8 profile's VP9 twin is encoded from the same
// rendered frames in the same pass and stored under its own key beside it: one render, two
// encoders, so VP9 costs an encode, not a second bake, and lands with its VP8 twin.
import type { Route } from '@/scenes/routes/route-schema';
import { isCorruptChunkError } from '../frame-store/frame-store-errors';
import { createLogger } from '../log';
import type { BakeKey, FrameStore, RendererPool, SegmentRequest } from './bake-contracts';
import type { EncodedChunk } from '@/scenes/protocol/chunk-codec';
import { FRAMES_PER_SEGMENT, frameCountFor } from '@/scenes/protocol/frame-timing';
import { QUALITY_PROFILES, vp9TwinOf, type QualityProfile } from '@/scenes/protocol/profile-ladder';

export const DEFAULT_SEGMENT_ATTEMPTS = 3;

export interface SegmentOutcome {
  chunks: EncodedChunk[];
  /** The VP9 twin's chunks, when the request named a twin. */
  twinChunks?: EncodedChunk[];
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

/**
 * The frames of segment `segmentIndex` of a route: a full second, or what is left of the
 * route; with the profile's VP9 twin unless `vp9` is false.
 */
export function segmentRequestFor(route: Route, profile: QualityProfile, segmentIndex: number, { vp9 = true } = {}): SegmentRequest {
  const framesTotal = frameCountFor(route.durationS);
  const firstFrame = segmentIndex * FRAMES_PER_SEGMENT;
  if (!Number.isInteger(segmentIndex) || segmentIndex < 0 || firstFrame >= framesTotal) {
    throw new RangeError(`Route "${route.id}" has no segment ${segmentIndex}`);
  }
  const twinId = vp9 ? vp9TwinOf(profile.id) : null;
  return {
    route,
    profile,
    segmentIndex,
    firstFrame,
    frameCount: Math.min(FRAMES_PER_SEGMENT, framesTotal - firstFrame),
    ...(twinId === null ? {} : { twin: QUALITY_PROFILES[twinId] }),
  };
}

/** Where a twin's segments and manifest are stored: its VP8 twin's key with its own profile. */
export function twinKeyOf(key: BakeKey, twin: QualityProfile): BakeKey {
  return { ...key, profileId: twin.id };
}

export async function bakeSegment(key: BakeKey, request: SegmentRequest, options: BakeSegmentOptions): Promise<SegmentOutcome> {
  const { pool, store } = options;
  const log = options.log ?? createLogger().child({ component: 'bake' });
  const signal = options.signal ?? new AbortController().signal;
  const { segmentIndex, firstFrame, frameCount } = request;
  signal.throwIfAborted();

  const twinKey = request.twin === undefined ? null : twinKeyOf(key, request.twin);
  let foundCorrupt = false;
  // Kept only when every encoding the request asks for is stored: a VP8-only bake from before
  // VP9 is rendered again (the same VP8 bytes, per backend) to gain its twin.
  const stored = await readStoredSegment(store, key, segmentIndex);
  const storedTwin = twinKey === null ? null : await readStoredSegment(store, twinKey, segmentIndex);
  for (const [found, what] of [
    [stored, `stored segment ${segmentIndex}`],
    [storedTwin, `stored ${request.twin?.id} segment ${segmentIndex}`],
  ] as const) {
    if (found === null || Array.isArray(found)) continue;
    if (!isCorruptChunkError(found) && !isSegmentShapeError(found)) throw found;
    // Never served, never kept: render this second again.
    log.warn(`${what}: ${found.message}; re-baking the segment.`);
    foundCorrupt = true;
  }
  if (Array.isArray(stored) && (twinKey === null || Array.isArray(storedTwin))) {
    try {
      assertSegmentShape(stored, firstFrame, frameCount, `stored segment ${segmentIndex}`);
      if (Array.isArray(storedTwin))
        assertSegmentShape(storedTwin, firstFrame, frameCount, `stored ${request.twin?.id} segment ${segmentIndex}`);
      return {
        chunks: stored,
        ...(Array.isArray(storedTwin) ? { twinChunks: storedTwin } : {}),
        outcome: 'reused',
        renderMs: 0,
        rendererRetries: 0,
      };
    } catch (error) {
      if (!isSegmentShapeError(error)) throw error;
      log.warn(`${error.message}; re-baking the segment.`);
      foundCorrupt = true;
    }
  }

  let rendererRetries = 0;
  const rendered = await renderWithRetries(pool, request, options.segmentAttempts ?? DEFAULT_SEGMENT_ATTEMPTS, signal, log, () => {
    rendererRetries++;
  });
  assertSegmentShape(rendered.chunks, firstFrame, frameCount, `rendered segment ${segmentIndex}`);
  if (twinKey !== null) {
    if (rendered.twinChunks === undefined)
      throw new SegmentShapeError(`rendered segment ${segmentIndex} has no ${request.twin?.id} chunks`);
    assertSegmentShape(rendered.twinChunks, firstFrame, frameCount, `rendered ${request.twin?.id} segment ${segmentIndex}`);
  }
  signal.throwIfAborted();
  // The twin first: a segment is kept only when both are stored, so a kill in between re-renders it.
  if (twinKey !== null && rendered.twinChunks !== undefined) await store.writeSegment(twinKey, segmentIndex, rendered.twinChunks);
  await store.writeSegment(key, segmentIndex, rendered.chunks);
  return {
    chunks: rendered.chunks,
    ...(twinKey === null ? {} : { twinChunks: rendered.twinChunks }),
    outcome: foundCorrupt ? 'rebaked' : 'rendered',
    renderMs: rendered.renderMs,
    rendererRetries,
  };
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

/** The stored segment's chunks, null when it is not stored, or the error reading it raised (checked by the caller). */
async function readStoredSegment(store: FrameStore, key: BakeKey, segmentIndex: number): Promise<EncodedChunk[] | null | Error> {
  if (!(await store.hasSegment(key, segmentIndex))) return null;
  try {
    return await store.readSegment(key, segmentIndex);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
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
