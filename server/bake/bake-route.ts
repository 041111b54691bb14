// Bakes one route revision at one profile: every frame at poseAt(route, i / BAKE_FPS),
// segment by segment into the frame store, then the manifest. Segments already stored
// with valid checksums are kept, so a killed bake resumes where it stopped and ends
// byte-identical to an uninterrupted one. A VP8 profile with a VP9 twin bakes the twin in the
// same pass (bake-segment.ts) and writes the twin's manifest just before its own.
import type { Route } from '@/scenes/routes/route-schema';
import { describeChunk } from '../frame-store/chunk-entry';
import type { BakeKey, BakeManifest, FrameStore, RendererPool } from './bake-contracts';
import type { ChunkEntry } from '@/scenes/protocol/chunk-entry';
import { bakeSegment, segmentRequestFor, twinKeyOf } from './bake-segment';
import { FRAMES_PER_SEGMENT, frameCountFor } from '@/scenes/protocol/frame-timing';
import { BAKE_FPS, QUALITY_PROFILES, vp9TwinOf, type QualityProfile } from '@/scenes/protocol/profile-ladder';

export { DEFAULT_SEGMENT_ATTEMPTS, isRendererFailure } from './bake-segment';

export interface BakeRouteRequest {
  route: Route;
  revision: number;
  profile: QualityProfile;
  sceneVersion: string;
  /** False bakes the profile's own encoding only, without its VP9 twin (default true). */
  vp9?: boolean;
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

export function bakeKeyOf(request: BakeRouteRequest): BakeKey {
  return { sceneVersion: request.sceneVersion, routeId: request.route.id, revision: request.revision, profileId: request.profile.id };
}

export async function bakeRoute(request: BakeRouteRequest, options: BakeRouteOptions): Promise<BakeRouteResult> {
  const { pool, store } = options;
  const nowMs = options.nowMs ?? Date.now;
  const log = options.log;
  const key = bakeKeyOf(request);
  const framesTotal = frameCountFor(request.route.durationS);
  const segmentCount = Math.ceil(framesTotal / FRAMES_PER_SEGMENT);
  const concurrency = Math.max(1, Math.min(Math.floor(options.concurrency ?? 1), segmentCount));
  const startedMs = nowMs();
  const result = { renderedSegments: 0, reusedSegments: 0, rebakedSegments: 0, rendererRetries: 0, renderMs: 0 };
  const segmentEntries: ChunkEntry[][] = new Array(segmentCount);
  const twinEntries: ChunkEntry[][] = new Array(segmentCount);
  let framesDone = 0;
  let segmentsDone = 0;
  let framesRendered = 0;
  let firstRenderMs: number | null = null;
  // One failing segment stops the others instead of letting them run on.
  const stopAll = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stopAll.signal]) : stopAll.signal;

  const bakeOne = async (segmentIndex: number): Promise<void> => {
    signal.throwIfAborted();
    const segmentRequest = segmentRequestFor(request.route, request.profile, segmentIndex, { vp9: request.vp9 ?? true });
    const frameCount = segmentRequest.frameCount;
    const segmentStartMs = nowMs();

    const { chunks, twinChunks, outcome, renderMs, rendererRetries } = await bakeSegment(key, segmentRequest, {
      pool,
      store,
      signal,
      segmentAttempts: options.segmentAttempts,
      log,
    });
    result.rendererRetries += rendererRetries;
    if (outcome === 'reused') {
      result.reusedSegments++;
    } else {
      // The rate counts from the first segment that had to be drawn; stored ones cost nothing.
      firstRenderMs ??= segmentStartMs;
      result.renderMs += renderMs;
      framesRendered += frameCount;
      if (outcome === 'rebaked') result.rebakedSegments++;
      else result.renderedSegments++;
    }

    segmentEntries[segmentIndex] = chunks.map(describeChunk);
    if (twinChunks !== undefined) twinEntries[segmentIndex] = twinChunks.map(describeChunk);
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
        await bakeOne(segmentIndex);
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

  const manifestOf = (profile: QualityProfile, entries: ChunkEntry[][]): BakeManifest => ({
    key: twinKeyOf(key, profile),
    codec: profile.codec,
    width: profile.width,
    height: profile.height,
    fps: BAKE_FPS,
    frameCount: framesTotal,
    segmentCount,
    chunks: entries.flat(),
  });
  const twinId = request.vp9 === false ? null : vp9TwinOf(request.profile.id);
  // Every segment came back with its twin's chunks (bake-segment.ts checks), so the twin is complete.
  if (twinId !== null) await store.writeManifest(manifestOf(QUALITY_PROFILES[twinId], twinEntries));
  const manifest = manifestOf(request.profile, segmentEntries);
  await store.writeManifest(manifest);
  return { manifest, ...result, elapsedMs: nowMs() - startedMs };
}
