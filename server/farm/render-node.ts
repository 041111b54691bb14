// A render node of the farm: takes segment jobs from Redis, bakes each with its renderer
// pool into the frame store, and assembles a bake's manifest once all its segments are in
// (that job also re-renders any segment found missing or corrupt, and draws the poster).
// Every write is of deterministic, checksummed bytes, so a segment baked twice (its node
// was lost mid-way and another took it) is stored identically. stop() finishes the segments
// in hand, or gives them back to the queue when they outlast the grace period.
import { EventEmitter } from 'node:events';
import { WaitingError, type Job, type Worker } from 'bullmq';
import type { BakeKey, FrameStore, RendererPool } from '../bake/bake-contracts';
import { bakePosterAfter } from '../bake/bake-poster';
import { bakeRoute } from '../bake/bake-route';
import { bakeSegment, segmentRequestFor } from '../bake/bake-segment';
import { QUALITY_PROFILES } from '@/scenes/protocol/profile-ladder';
import { silentLogger, type Logger } from '../log';
import { createFarmWorker, type FarmWorkerSettings } from './bullmq-segment-queue';
import {
  ManifestJobDataSchema,
  MANIFEST_QUEUE,
  SEGMENT_QUEUE,
  SegmentJobDataSchema,
  type ManifestJobData,
  type SegmentJobData,
  type SegmentResult,
} from './segment-job';

export interface RenderNodeEvents {
  /** A segment was taken from the queue and is being baked. */
  claimed: [key: BakeKey, segmentIndex: number];
  segment: [key: BakeKey, result: SegmentResult];
  manifest: [key: BakeKey];
  /** A segment or manifest try threw; BullMQ retries it or fails the bake. */
  failed: [key: BakeKey | null, error: Error];
}

export interface RenderNodeOptions {
  settings: FarmWorkerSettings;
  nodeId: string;
  /**
   * The scene version this node's code draws (currentSceneVersion()). A segment of another
   * version (a node left on an older release) fails its try here, so another node takes it,
   * instead of storing other pixels under the bake's key.
   */
  sceneVersion: string;
  pool: RendererPool;
  store: FrameStore;
  /** Segments baked at once: the pool's size. */
  concurrency: number;
  /** Draw a poster after a manifest, as the embedded worker does (default true). */
  posters?: boolean;
  log?: Logger;
}

export interface RenderNodeStatus {
  running: boolean;
  activeSegments: number;
  segmentsBaked: number;
  segmentsReused: number;
  framesRendered: number;
  manifests: number;
  failures: number;
}

export class RenderNode extends EventEmitter<RenderNodeEvents> {
  private segmentWorker: Worker<SegmentJobData, SegmentResult> | null = null;
  private manifestWorker: Worker<ManifestJobData, { frameCount: number }> | null = null;
  private stopping = false;
  private readonly log: Logger;
  private readonly state: RenderNodeStatus = {
    running: false,
    activeSegments: 0,
    segmentsBaked: 0,
    segmentsReused: 0,
    framesRendered: 0,
    manifests: 0,
    failures: 0,
  };

  constructor(private readonly options: RenderNodeOptions) {
    super();
    this.log = options.log ?? silentLogger();
  }

  start(): void {
    if (this.segmentWorker !== null) return;
    const { settings, concurrency } = this.options;
    this.segmentWorker = createFarmWorker<SegmentJobData, SegmentResult>(
      SEGMENT_QUEUE,
      (job, token, signal) => this.bakeSegmentJob(job, token, signal),
      settings,
      { concurrency },
    );
    this.manifestWorker = createFarmWorker<ManifestJobData, { frameCount: number }>(
      MANIFEST_QUEUE,
      (job, token, signal) => this.assembleManifestJob(job, token, signal),
      settings,
      {
        concurrency: 1,
      },
    );
    for (const worker of [this.segmentWorker, this.manifestWorker]) {
      // A Redis outage is reported and retried by BullMQ; it must not crash the node.
      worker.on('error', (error) => this.log.error({ err: error }, 'queue error'));
    }
    this.state.running = true;
  }

  status(): RenderNodeStatus {
    return { ...this.state };
  }

  /** Stops taking work; segments in hand get `graceMs` to finish, then go back to the queue for another node. */
  async stop(graceMs: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    const workers = [this.segmentWorker, this.manifestWorker].filter((worker) => worker !== null);
    const closing = Promise.all(workers.map((worker) => worker.close()));
    let timer: NodeJS.Timeout | undefined;
    const outlasted = await Promise.race([
      closing.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
    ]);
    clearTimeout(timer);
    if (outlasted) {
      this.log.info('giving the segments in hand back to the queue');
      for (const worker of workers) worker.cancelAllJobs('the render node is stopping');
      await closing;
    }
    this.state.running = false;
  }

  private async bakeSegmentJob(
    job: Job<SegmentJobData, SegmentResult>,
    token: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<SegmentResult> {
    const data = SegmentJobDataSchema.parse(job.data);
    const { key, route, segmentIndex } = data;
    const startedAtMs = Date.now();
    this.state.activeSegments++;
    this.emit('claimed', key, segmentIndex);
    try {
      this.assertSameScene(key);
      const request = segmentRequestFor(route, QUALITY_PROFILES[key.profileId], segmentIndex);
      const baked = await bakeSegment(key, request, { pool: this.options.pool, store: this.options.store, signal, log: this.log });
      if (baked.outcome === 'reused') this.state.segmentsReused++;
      else {
        this.state.segmentsBaked++;
        this.state.framesRendered += request.frameCount;
      }
      const result: SegmentResult = {
        segmentIndex,
        frames: request.frameCount,
        outcome: baked.outcome,
        renderMs: baked.renderMs,
        startedAtMs,
        finishedAtMs: Date.now(),
        nodeId: this.options.nodeId,
      };
      this.emit('segment', key, result);
      return result;
    } catch (error) {
      await this.giveBackIfStopping(job, token, signal);
      this.state.failures++;
      this.emit('failed', key, error as Error);
      throw error;
    } finally {
      this.state.activeSegments--;
    }
  }

  private async assembleManifestJob(
    job: Job<ManifestJobData, { frameCount: number }>,
    token: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<{ frameCount: number }> {
    const { key, route } = ManifestJobDataSchema.parse(job.data);
    const profile = QUALITY_PROFILES[key.profileId];
    try {
      this.assertSameScene(key);
      // Every segment is stored by now: this reads and verifies each, re-renders any that is
      // missing or corrupt, and writes the manifest exactly as a one-node bake would.
      const baked = await bakeRoute(
        { route, revision: key.revision, profile, sceneVersion: key.sceneVersion },
        { pool: this.options.pool, store: this.options.store, signal, log: this.log },
      );
      if (this.options.posters ?? true) {
        try {
          await bakePosterAfter(route, key.revision, key.profileId, this.options.pool, this.options.store);
        } catch (error) {
          // A missing poster leaves the catalogue card on its fallback; the frames are what matter.
          this.log.warn({ err: error }, `poster for ${route.id} r${key.revision} failed`);
        }
      }
      this.state.manifests++;
      this.emit('manifest', key);
      return { frameCount: baked.manifest.frameCount };
    } catch (error) {
      await this.giveBackIfStopping(job, token, signal);
      this.state.failures++;
      this.emit('failed', key, error as Error);
      throw error;
    }
  }

  private assertSameScene(key: BakeKey): void {
    if (key.sceneVersion !== this.options.sceneVersion) {
      throw new Error(
        `render node ${this.options.nodeId} draws scene ${this.options.sceneVersion}, not the bake's ${key.sceneVersion}: run the same release on every node`,
      );
    }
  }

  /** A job cut short by stop() goes back to the queue untouched instead of counting a failed try. */
  private async giveBackIfStopping(job: Job, token: string | undefined, signal: AbortSignal | undefined): Promise<void> {
    if (!this.stopping || signal?.aborted !== true || token === undefined) return;
    await job.moveToWait(token);
    throw new WaitingError();
  }
}
