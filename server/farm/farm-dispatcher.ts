// The bridge between the bake jobs the app knows (the SQLite queue: one row per route
// revision x profile, which the studio and catalogue read) and the farm (BullMQ: one job per
// segment). The render server runs it instead of its own bake worker when the queue setting
// is redis: it leases each queued row, queues the bake's segments for the render nodes, and
// mirrors the farm's aggregated progress into the row (frames done, frames/s) until the
// manifest is in, so the studio's live progress reads the same as on one machine.
import { EventEmitter } from 'node:events';
import type { Route } from '@/scenes/routes/route-schema';
import type { BakeJob, BakeKey, BakeQueue } from '../bake/bake-contracts';
import { isLeaseLostError, notPublishedReason } from '../bake/bake-queue-errors';
import { silentLogger, type Logger } from '../log';
import { WakeablePause } from '../bake/wakeable-pause';
import type { BullmqSegmentQueue } from './bullmq-segment-queue';
import type { FarmBakeProgress } from './farm-progress';

export const DEFAULT_DISPATCH_POLL_MS = 1_000;
export const DEFAULT_DISPATCH_LEASE_MS = 60_000;

export interface FarmDispatcherOptions {
  queue: BakeQueue;
  farm: BullmqSegmentQueue;
  /** The route at exactly this revision, or null when it is gone or no longer the one to bake. */
  loadRoute: (routeId: string, revision: number) => Promise<Route | null>;
  workerId: string;
  pollMs?: number;
  leaseMs?: number;
  log?: Logger;
}

export interface FarmDispatcherEvents {
  /** A bake job's row changed: claimed, progress, done, failed. */
  job: [job: BakeJob];
  progress: [progress: FarmBakeProgress];
}

interface Tracked {
  job: BakeJob;
  route: Route;
  key: BakeKey;
  lastProgress: FarmBakeProgress | null;
}

export class FarmDispatcher extends EventEmitter<FarmDispatcherEvents> {
  private readonly tracked = new Map<number, Tracked>();
  private loop: Promise<void> | null = null;
  private stopping = false;
  private readonly pause = new WakeablePause();
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly log: Logger;

  constructor(private readonly options: FarmDispatcherOptions) {
    super();
    this.pollMs = options.pollMs ?? DEFAULT_DISPATCH_POLL_MS;
    this.leaseMs = options.leaseMs ?? DEFAULT_DISPATCH_LEASE_MS;
    this.log = options.log ?? silentLogger();
  }

  start(): void {
    if (this.loop !== null) return;
    this.stopping = false;
    this.loop = this.runLoop().finally(() => {
      this.loop = null;
    });
  }

  /** Look for new rows now instead of at the next poll. */
  wake(): void {
    this.pause.wake();
  }

  /** The bakes in flight on the farm, as last read. */
  progress(): FarmBakeProgress[] {
    return [...this.tracked.values()].flatMap((entry) => (entry.lastProgress === null ? [] : [entry.lastProgress]));
  }

  /** Stops and gives the rows back; the farm keeps baking, and the next dispatcher picks the rows up where the farm stands. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.pause.wake();
    await this.loop;
    for (const { job } of this.tracked.values()) {
      await this.options.queue.release(job.id, this.options.workerId).catch(() => {});
    }
    this.tracked.clear();
  }

  private async runLoop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.claimQueued();
        await this.followTracked();
      } catch (error) {
        this.log.error({ err: error }, 'dispatch round failed');
      }
      await this.idle();
    }
  }

  private idle(): Promise<void> {
    return this.stopping ? Promise.resolve() : this.pause.wait(this.pollMs);
  }

  /** Every queued row goes to the farm at once: BullMQ's priorities order the segments across all of them. */
  private async claimQueued(): Promise<void> {
    const { queue, farm, workerId } = this.options;
    for (;;) {
      const job = await queue.claim(workerId, this.leaseMs);
      if (job === null) return;
      this.emit('job', job);
      const route = await this.options.loadRoute(job.routeId, job.revision);
      if (route === null) {
        await queue.fail(job.id, workerId, notPublishedReason(job), false);
        this.emit('job', { ...job, status: 'failed' });
        continue;
      }
      const key: BakeKey = { sceneVersion: job.sceneVersion, routeId: job.routeId, revision: job.revision, profileId: job.profileId };
      try {
        if (await farm.enqueueBake(key, route))
          this.log.info(`queued ${job.routeId} r${job.revision} ${job.profileId} for the render nodes`);
      } catch (error) {
        // Redis, not the bake, is at fault: give the row back without counting a try, and try again next round.
        this.log.warn({ err: error }, `could not queue ${job.routeId} r${job.revision} ${job.profileId} on Redis; trying again shortly`);
        await queue.release(job.id, workerId);
        this.emit('job', { ...job, status: 'queued' });
        return;
      }
      this.tracked.set(job.id, { job, route, key, lastProgress: null });
    }
  }

  private async followTracked(): Promise<void> {
    const { queue, farm, workerId } = this.options;
    for (const [id, entry] of this.tracked) {
      const progress = await farm.progressOf(entry.key, entry.route.durationS);
      if (progress === null) {
        // Removed from Redis behind our back (flushed, or another site's cleanup): queue it afresh.
        await farm.enqueueBake(entry.key, entry.route);
        continue;
      }
      entry.lastProgress = progress;
      this.emit('progress', progress);
      try {
        if (progress.state === 'done') {
          await queue.complete(id, workerId);
          this.tracked.delete(id);
          this.emit('job', {
            ...entry.job,
            status: 'done',
            framesDone: progress.framesTotal,
            framesPerSecond: progress.framesPerSecond,
            updatedAt: new Date().toISOString(),
          });
          this.log.info(`${entry.job.routeId} r${entry.job.revision} ${entry.job.profileId}: done`);
        } else if (progress.state === 'failed') {
          this.tracked.delete(id);
          await farm.removeBake(entry.key).catch((error: unknown) => this.log.warn({ err: error }, 'could not clear a failed bake'));
          await this.failTry(entry.job, progress.error ?? 'a segment failed on every try');
        } else {
          await queue.heartbeat(id, workerId, { framesDone: progress.framesDone, framesPerSecond: progress.framesPerSecond }, this.leaseMs);
          if (progress.framesDone !== entry.job.framesDone || progress.framesPerSecond !== entry.job.framesPerSecond) {
            entry.job = {
              ...entry.job,
              framesDone: progress.framesDone,
              framesPerSecond: progress.framesPerSecond,
              updatedAt: new Date().toISOString(),
            };
            this.emit('job', entry.job);
          }
        }
      } catch (error) {
        if (!isLeaseLostError(error)) throw error;
        // Another dispatcher took the row after our lease ran out; it follows the same farm bake.
        this.tracked.delete(id);
      }
    }
  }

  /** A failed try: the row goes back to the queue while it has tries left (SQLite counts them), else fails for good. */
  private async failTry(job: BakeJob, message: string): Promise<void> {
    const { queue, workerId } = this.options;
    this.log.warn(`${job.routeId} r${job.revision} ${job.profileId}: ${message}`);
    await queue.fail(job.id, workerId, message, true);
    const listed = (await queue.list({ routeId: job.routeId })).find((candidate) => candidate.id === job.id);
    this.emit('job', listed ?? { ...job, status: 'failed', error: message });
  }
}
