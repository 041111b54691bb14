// Bakes one route revision at one profile: every frame at poseAt(route, i / BAKE_FPS),
// segment by segment into the frame store, then the manifest. Segments already stored
// with valid checksums are kept, so a killed bake resumes where it stopped and ends
// byte-identical to an uninterrupted one.
import type { Route } from '../../scenes/routes/route-schema';
import { describeChunk } from '../frame-store/chunk-entry';
import { isCorruptChunkError } from '../frame-store/frame-store-errors';
import type { BakeKey, BakeManifest, ChunkEntry, EncodedChunk, FrameStore, RendererPool } from './bake-contracts';
import { BAKE_FPS, FRAMES_PER_SEGMENT, frameCountFor, type QualityProfile } from './quality-profiles';

export const DEFAULT_SEGMENT_ATTEMPTS = 3;

export interface BakeRouteRequest {
  route: Route;
  revision: number;
  profile: QualityProfile;
  sceneVersion: string;
}

export interface BakeProgress {
  key: BakeKey;
  framesDone: number;
  framesTotal: number;
  segmentsDone: number;
  segmentCount: number;
  /** Frames rendered per second of wall time in this run (segments found on disk excluded); null before the first render. */
  framesPerSecond: number | null;
  /** Seconds left at that rate; 0 when done, null while unknown. */
  etaS: number | null;
}

export interface SegmentBaked {
  key: BakeKey;
  segmentIndex: number;
  frames: number;
  /** 'rendered': new; 'reused': found on disk with valid checksums; 'rebaked': found corrupt and rendered again. */
  outcome: 'rendered' | 'reused' | 'rebaked';
  renderMs: number;
  totalMs: number;
}

export interface BakeRouteOptions {
  pool: RendererPool;
  store: FrameStore;
  /** Awaited after every segment: a worker renews its lease here, and a throw stops the bake. */
  onProgress?: (progress: BakeProgress) => void | Promise<void>;
  onSegment?: (segment: SegmentBaked) => void;
  signal?: AbortSignal;
  /** Segments in flight at once; match the renderer pool's size (default 1). Segments are independent, so order does not change the bytes. */
  concurrency?: number;
  /** Tries per segment when the renderer fails (it is replaced between tries). */
  segmentAttempts?: number;
  log?: Pick<Console, 'warn'>;
  nowMs?: () => number;
}

export interface BakeRouteResult {
  manifest: BakeManifest;
  renderedSegments: number;
  reusedSegments: number;
  /** Segments found on disk with a bad chunk and rendered again. */
  rebakedSegments: number;
  rendererRetries: number;
  elapsedMs: number;
  /** Time the renderer spent drawing and reading back, summed over rendered segments. */
  renderMs: number;
}

/** RendererFailedError lives with the renderer pool; matching by name keeps this module independent of it. */
export function isRendererFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'RendererFailedError';
}

export function bakeKeyOf(request: BakeRouteRequest): BakeKey {
  return { sceneVersion: request.sceneVersion, routeId: request.route.id, revision: request.revision, profileId: request.profile.id };
}

export async function bakeRoute(request: BakeRouteRequest, options: BakeRouteOptions): Promise<BakeRouteResult> {
  const { pool, store } = options;
  const nowMs = options.nowMs ?? Date.now;
  const log = options.log ?? console;
  const segmentAttempts = options.segmentAttempts ?? DEFAULT_SEGMENT_ATTEMPTS;
  const key = bakeKeyOf(request);
  const framesTotal = frameCountFor(request.route.durationS);
  const segmentCount = Math.ceil(framesTotal / FRAMES_PER_SEGMENT);
  const concurrency = Math.max(1, Math.min(Math.floor(options.concurrency ?? 1), segmentCount));
  const startedMs = nowMs();
  const result = { renderedSegments: 0, reusedSegments: 0, rebakedSegments: 0, rendererRetries: 0, renderMs: 0 };
  const segmentEntries: ChunkEntry[][] = new Array(segmentCount);
  let framesDone = 0;
  let segmentsDone = 0;
  let framesRendered = 0;
  let firstRenderMs: number | null = null;
  // One failing segment stops the others instead of letting them run on.
  const stopAll = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stopAll.signal]) : stopAll.signal;

  const bakeSegment = async (segmentIndex: number): Promise<void> => {
    signal.throwIfAborted();
    const firstFrame = segmentIndex * FRAMES_PER_SEGMENT;
    const frameCount = Math.min(FRAMES_PER_SEGMENT, framesTotal - firstFrame);
    const segmentStartMs = nowMs();

    let chunks: EncodedChunk[] | null = null;
    let foundCorrupt = false;
    if (await store.hasSegment(key, segmentIndex)) {
      try {
        chunks = await store.readSegment(key, segmentIndex);
        assertSegmentShape(chunks, firstFrame, frameCount, `stored segment ${segmentIndex}`);
      } catch (error) {
        if (!isCorruptChunkError(error) && !isSegmentShapeError(error)) throw error;
        // Never served, never kept: render this second again.
        log.warn(`[bake] ${error.message}; re-baking the segment.`);
        chunks = null;
        foundCorrupt = true;
      }
    }

    let outcome: SegmentBaked['outcome'] = 'reused';
    let renderMs = 0;
    if (chunks === null) {
      firstRenderMs ??= segmentStartMs;
      const segmentRequest = { route: request.route, profile: request.profile, segmentIndex, firstFrame, frameCount };
      const rendered = await renderWithRetries(pool, segmentRequest, segmentAttempts, signal, log, () => {
        result.rendererRetries++;
      });
      assertSegmentShape(rendered.chunks, firstFrame, frameCount, `rendered segment ${segmentIndex}`);
      signal.throwIfAborted();
      await store.writeSegment(key, segmentIndex, rendered.chunks);
      chunks = rendered.chunks;
      renderMs = rendered.renderMs;
      result.renderMs += rendered.renderMs;
      framesRendered += frameCount;
      outcome = foundCorrupt ? 'rebaked' : 'rendered';
      if (foundCorrupt) result.rebakedSegments++;
      else result.renderedSegments++;
    } else {
      result.reusedSegments++;
    }

    segmentEntries[segmentIndex] = chunks.map(describeChunk);
    framesDone += frameCount;
    segmentsDone++;
    const finishedMs = nowMs();
    options.onSegment?.({ key, segmentIndex, frames: frameCount, outcome, renderMs, totalMs: finishedMs - segmentStartMs });
    const renderWallMs = firstRenderMs === null ? 0 : finishedMs - firstRenderMs;
    const framesPerSecond = framesRendered > 0 && renderWallMs > 0 ? (framesRendered * 1000) / renderWallMs : null;
    const framesLeft = framesTotal - framesDone;
    await options.onProgress?.({
      key,
      framesDone,
      framesTotal,
      segmentsDone,
      segmentCount,
      framesPerSecond,
      etaS: framesLeft === 0 ? 0 : framesPerSecond === null ? null : framesLeft / framesPerSecond,
    });
  };

  let nextSegment = 0;
  const lane = async (): Promise<void> => {
    while (nextSegment < segmentCount) {
      const segmentIndex = nextSegment++;
      try {
        await bakeSegment(segmentIndex);
      } catch (error) {
        stopAll.abort(error);
        throw error;
      }
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: concurrency }, lane));
  options.signal?.throwIfAborted();
  const failed = lanes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw stopAll.signal.aborted ? stopAll.signal.reason : failed.reason;

  const manifest: BakeManifest = {
    key,
    codec: request.profile.codec,
    width: request.profile.width,
    height: request.profile.height,
    fps: BAKE_FPS,
    frameCount: framesTotal,
    segmentCount,
    chunks: segmentEntries.flat(),
  };
  await store.writeManifest(manifest);
  return { manifest, ...result, elapsedMs: nowMs() - startedMs };
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
    if (chunk.index !== firstFrame + position) throw new SegmentShapeError(`${what} holds frame ${chunk.index} at position ${position}, expected ${firstFrame + position}`);
  });
  if (!chunks[0].key) throw new SegmentShapeError(`${what} does not start with a keyframe`);
}

async function renderWithRetries(
  pool: RendererPool,
  request: Parameters<RendererPool['renderSegment']>[0],
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
      log.warn(`[bake] renderer failed on ${request.route.id} ${request.profile.id} segment ${request.segmentIndex} (try ${attempt} of ${attempts}): ${(error as Error).message}`);
    }
  }
}
