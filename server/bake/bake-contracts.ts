// The seams of the bake pipeline, as interfaces: a renderer pool that turns poses into
// encoded chunks, a frame store that keeps them, and a durable job queue. Each has an
// embedded implementation here and can be swapped (S3-compatible store, BullMQ queue).
import type { Route } from '@/scenes/routes/route-schema';
import type { SceneTier } from '@/scenes/world/quality-tiers';
import type { EncodedChunk } from '@/scenes/protocol/chunk-codec';
import type { ChunkEntry } from '@/scenes/protocol/chunk-entry';
import type { ProfileId, ProfileProjection, QualityProfile } from '@/scenes/protocol/profile-ladder';

/** One second of frames, starting at a keyframe, encoded with a fresh encoder so it does not depend on any other segment. */
export interface SegmentRequest {
  route: Route;
  profile: QualityProfile;
  segmentIndex: number;
  /** First frame index (segmentIndex * FRAMES_PER_SEGMENT) and how many frames (the last segment may be short). */
  firstFrame: number;
  frameCount: number;
  /**
   * The profile's VP9 twin (profile-ladder.ts), encoded from the same rendered frames by a
   * second encoder in the same pass. Absent: the profile's own encoding only.
   */
  twin?: QualityProfile;
}

export interface RenderedSegment {
  chunks: EncodedChunk[];
  /** The twin's chunks for the same frames, when the request named a twin. */
  twinChunks?: EncodedChunk[];
  /** Milliseconds spent rendering (draw + readback) and in total, for the bench and metrics. */
  renderMs: number;
  totalMs: number;
  /** Of totalMs: time the renderer held the segment between frames because the machine's foreground needed the CPU. */
  heldMs?: number;
  /** Luma PSNR of each encoding against the drawn frames, when the bench asked for it. */
  quality?: { encoding: number; frames: number; meanPsnrDb: number; minPsnrDb: number }[];
}

export interface RendererPool {
  /** Renders and encodes one segment; restarts a crashed or hung browser and rejects with RendererFailedError. */
  renderSegment(request: SegmentRequest): Promise<RenderedSegment>;
  /** A still frame (JPEG) at route time t, e.g. a poster; at the pool's tier unless `tier` names another. */
  /** 'equirect': the whole sphere around the pose (width = 2 × height), as a sphere profile's frames are drawn. */
  renderStill(
    route: Route,
    timeS: number,
    width: number,
    height: number,
    format?: 'jpeg' | 'png',
    tier?: SceneTier,
    projection?: ProfileProjection,
  ): Promise<Uint8Array>;
  /** Times a renderer process was replaced since start. */
  readonly restarts: number;
  close(): Promise<void>;
}

/** What decides the pixels: a change to any of these makes a new bake. */
export interface BakeKey {
  sceneVersion: string;
  routeId: string;
  revision: number;
  profileId: ProfileId;
}

export interface BakeManifest {
  key: BakeKey;
  codec: QualityProfile['codec'];
  width: number;
  height: number;
  fps: number;
  frameCount: number;
  segmentCount: number;
  chunks: ChunkEntry[];
}

export interface FrameStore {
  hasSegment(key: BakeKey, segmentIndex: number): Promise<boolean>;
  writeSegment(key: BakeKey, segmentIndex: number, chunks: readonly EncodedChunk[]): Promise<void>;
  /** Verifies every chunk's SHA-256; throws CorruptChunkError rather than return bad bytes. */
  readSegment(key: BakeKey, segmentIndex: number): Promise<EncodedChunk[]>;
  writeManifest(manifest: BakeManifest): Promise<void>;
  readManifest(key: BakeKey): Promise<BakeManifest | null>;
  writePoster(routeId: string, revision: number, jpeg: Uint8Array): Promise<void>;
  readPoster(routeId: string, revision: number): Promise<Uint8Array | null>;
}

export type BakeJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface BakeJob {
  id: number;
  routeId: string;
  revision: number;
  profileId: ProfileId;
  sceneVersion: string;
  status: BakeJobStatus;
  framesDone: number;
  framesTotal: number;
  framesPerSecond: number | null;
  attempts: number;
  error: string | null;
  updatedAt: string;
}

export interface BakeQueue {
  /** Idempotent: one job per (route revision, profile, scene version). */
  enqueue(job: { routeId: string; revision: number; profileId: ProfileId; sceneVersion: string; framesTotal: number }): Promise<BakeJob>;
  /** Takes the next queued job (or one whose lease expired), lowest profile first. */
  claim(workerId: string, leaseMs: number): Promise<BakeJob | null>;
  heartbeat(
    jobId: number,
    workerId: string,
    progress: { framesDone: number; framesPerSecond: number | null },
    leaseMs: number,
  ): Promise<void>;
  complete(jobId: number, workerId: string): Promise<void>;
  fail(jobId: number, workerId: string, error: string, retry: boolean): Promise<void>;
  /** Gives a running job back to the queue without counting a failed try (a worker stopping cleanly). */
  release(jobId: number, workerId: string): Promise<void>;
  list(filter?: { routeId?: string }): Promise<BakeJob[]>;
}
