// The bake worker: claims jobs from the queue one at a time, bakes them with a renderer
// pool, renews its lease while it works, and reports every change as events the HTTP
// service turns into /metrics and the progress API. stop() gives a running job back.
import { EventEmitter } from 'node:events';
import os from 'node:os';
import type { Route } from '@/scenes/routes/route-schema';
import type { RouteStore } from '../routes/route-store';
import type { BakeJob, BakeQueue, FrameStore, RendererPool } from './bake-contracts';
import { createLogger, type Logger } from '../log';
import { isLeaseLostError, notPublishedReason } from './bake-queue-errors';
import { bakePosterAfter } from './bake-poster';
import { bakeRoute, type BakeProgress, type BakeRouteResult, type SegmentBaked } from './bake-route';
import { QUALITY_PROFILES, type ProfileId } from '@/scenes/protocol/profile-ladder';
import { WakeablePause } from './wakeable-pause';
import { processIsAlive } from '../frame-store/atomic-file';

export const DEFAULT_LEASE_MS = 60_000;
export const DEFAULT_IDLE_POLL_MS = 2_000;
/** Pause after a failed try, so a broken renderer does not burn every job's tries in seconds. */
export const DEFAULT_FAILURE_PAUSE_MS = 15_000;

export interface BakeWorkerEvents {
  /** Any change to a job: claimed, progress, done, failed, given back. Carries the job as the queue would list it. */
  job: [job: BakeJob];
  progress: [job: BakeJob, progress: BakeProgress];
  segment: [segment: SegmentBaked];
  'job-done': [job: BakeJob, result: BakeRouteResult];
  /** A try failed; job.status says whether it is queued again ('queued') or failed for good ('failed'). */
  'job-failed': [job: BakeJob, error: string];
  poster: [routeId: string, revision: number];
}

export interface BakeWorkerOptions {
  queue: BakeQueue;
  pool: RendererPool;
  store: FrameStore;
  /** The route at exactly this revision, or null when it is gone or no longer the one to bake. */
  loadRoute: (routeId: string, revision: number) => Promise<Route | null>;
  workerId: string;
  leaseMs?: number;
  idlePollMs?: number;
  failurePauseMs?: number;
  /** Segments in flight at once; set it to the renderer pool's size (default 1). */
  concurrency?: number;
  /** Render a poster per route revision after its first finished bake (default true). */
  posters?: boolean;
  log?: Logger;
}

export interface BakeWorkerStatus {
  running: boolean;
  job: BakeJob | null;
  progress: BakeProgress | null;
  jobsDone: number;
  /** Tries that failed, including those queued again. */
  jobsFailed: number;
  framesRendered: number;
  framesReused: number;
}

/** A loader for the worker from the route store: only the latest published revision is worth baking. */
export function publishedRevisionLoader(routes: Pick<RouteStore, 'getPublished'>): BakeWorkerOptions['loadRoute'] {
  return async (routeId, revision) => {
    const published = await routes.getPublished(routeId);
    return published !== null && published.revision === revision ? published.route : null;
  };
}

/**
 * Whether a lease owner named `host:pid` (the render server's worker id) was a process on
 * this host that is gone: a killed earlier run whose jobs need not wait out their leases.
 * Owners on other hosts, and live processes here (another server on the same file), are not lost.
 */
export function isLostLocalWorker(
  leaseOwner: string,
  host: string = os.hostname(),
  isAlive: (pid: number) => boolean = processIsAlive,
): boolean {
  const match = /^(.*):(\d+)$/.exec(leaseOwner);
  if (match === null || match[1] !== host) return false;
  const pid = Number(match[2]);
  return pid !== process.pid && !isAlive(pid);
}

export class BakeWorker extends EventEmitter<BakeWorkerEvents> {
  private readonly options: Required<Omit<BakeWorkerOptions, 'log'>> & { log: Logger };
  private loop: Promise<void> | null = null;
  private stopping = false;
  private readonly pause = new WakeablePause();
  private pausingAfterFailure = false;
  private currentAbort: AbortController | null = null;
  private readonly state: BakeWorkerStatus = {
    running: false,
    job: null,
    progress: null,
    jobsDone: 0,
    jobsFailed: 0,
    framesRendered: 0,
    framesReused: 0,
  };

  constructor(options: BakeWorkerOptions) {
    super();
    this.options = {
      leaseMs: DEFAULT_LEASE_MS,
      idlePollMs: DEFAULT_IDLE_POLL_MS,
      failurePauseMs: DEFAULT_FAILURE_PAUSE_MS,
      concurrency: 1,
      posters: true,
      log: createLogger().child({ component: 'bake' }),
      ...options,
    };
  }

  /** Starts the claim loop; calling it again while running does nothing. */
  start(): void {
    if (this.loop !== null) return;
    this.stopping = false;
    this.state.running = true;
    this.loop = this.runLoop().finally(() => {
      this.state.running = false;
      this.loop = null;
    });
  }

  /** Claim now instead of at the next poll: call after enqueueing. Does not cut short the pause after a failed try. */
  wake(): void {
    if (!this.pausingAfterFailure) this.pause.wake();
  }

  /** Stops after giving the current job back to the queue (its finished segments stay on disk). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.currentAbort?.abort(new Error('the bake worker is stopping'));
    this.pause.wake();
    await this.loop;
  }

  status(): BakeWorkerStatus {
    return { ...this.state };
  }

  private async runLoop(): Promise<void> {
    const { queue, workerId, leaseMs, idlePollMs, log } = this.options;
    while (!this.stopping) {
      let job: BakeJob | null = null;
      try {
        job = await queue.claim(workerId, leaseMs);
      } catch (error) {
        log.error({ err: error }, 'could not claim a job');
      }
      if (job === null) {
        await this.idle(idlePollMs);
        continue;
      }
      const succeeded = await this.runJob(job);
      if (!succeeded) {
        this.pausingAfterFailure = true;
        await this.idle(this.options.failurePauseMs);
        this.pausingAfterFailure = false;
      }
    }
  }

  private idle(ms: number): Promise<void> {
    return this.stopping ? Promise.resolve() : this.pause.wait(ms);
  }

  /** False when the try failed. */
  private async runJob(claimed: BakeJob): Promise<boolean> {
    const { queue, pool, store, workerId, leaseMs } = this.options;
    // Every line about this job carries it, so one bake's story can be read on its own.
    const log = this.jobLog(claimed);
    let job = claimed;
    this.state.job = job;
    this.state.progress = null;
    this.emit('job', job);
    const abort = new AbortController();
    this.currentAbort = abort;
    // Renews the lease between segments too, in case one segment takes longer than the lease.
    const renew = setInterval(
      () => {
        queue
          .heartbeat(job.id, workerId, { framesDone: job.framesDone, framesPerSecond: job.framesPerSecond }, leaseMs)
          .catch((error: unknown) => {
            if (isLeaseLostError(error)) abort.abort(error);
            else log.warn({ err: error }, 'lease renewal failed');
          });
      },
      Math.max(1000, leaseMs / 3),
    );

    try {
      const route = await this.options.loadRoute(job.routeId, job.revision);
      if (route === null) {
        await queue.fail(job.id, workerId, notPublishedReason(job), false);
        await this.finishWith(job, 'failed');
        return true;
      }
      const result = await bakeRoute(
        { route, revision: job.revision, profile: QUALITY_PROFILES[job.profileId], sceneVersion: job.sceneVersion },
        {
          pool,
          store,
          signal: abort.signal,
          concurrency: this.options.concurrency,
          log,
          onSegment: (segment) => {
            if (segment.outcome === 'reused') this.state.framesReused += segment.frames;
            else this.state.framesRendered += segment.frames;
            this.emit('segment', segment);
          },
          onProgress: async (progress) => {
            await queue.heartbeat(
              job.id,
              workerId,
              { framesDone: progress.framesDone, framesPerSecond: progress.framesPerSecond },
              leaseMs,
            );
            job = {
              ...job,
              framesDone: progress.framesDone,
              framesPerSecond: progress.framesPerSecond,
              updatedAt: new Date().toISOString(),
            };
            this.state.job = job;
            this.state.progress = progress;
            this.emit('progress', job, progress);
            this.emit('job', job);
          },
        },
      );
      if (this.options.posters) await this.bakePoster(route, job.revision, job.profileId);
      await queue.complete(job.id, workerId);
      this.state.jobsDone++;
      const done = await this.finishWith(job, 'done');
      this.emit('job-done', done, result);
      return true;
    } catch (error) {
      await this.handleJobError(job, error, abort.signal);
      return false;
    } finally {
      clearInterval(renew);
      this.currentAbort = null;
      this.state.job = null;
      this.state.progress = null;
    }
  }

  private jobLog(job: BakeJob): Logger {
    return this.options.log.child({ jobId: job.id, routeId: job.routeId, revision: job.revision, profile: job.profileId });
  }

  private async bakePoster(route: Route, revision: number, profileId: ProfileId): Promise<void> {
    try {
      if ((await bakePosterAfter(route, revision, profileId, this.options.pool, this.options.store)) !== null)
        this.emit('poster', route.id, revision);
    } catch (error) {
      // A missing poster leaves the catalogue card on its fallback; the frames are what matter.
      this.options.log.warn({ err: error, routeId: route.id, revision }, 'poster failed');
    }
  }

  private async handleJobError(job: BakeJob, error: unknown, signal: AbortSignal): Promise<void> {
    const { queue, workerId } = this.options;
    const log = this.jobLog(job);
    const reason = signal.aborted ? signal.reason : error;
    if (isLeaseLostError(reason) || isLeaseLostError(error)) {
      log.warn(`gave up the job: ${(reason as Error).message}`);
      return;
    }
    try {
      if (this.stopping && signal.aborted) {
        await queue.release(job.id, workerId);
        await this.finishWith(job, 'queued');
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      log.error({ err: error }, 'job failed');
      await queue.fail(job.id, workerId, message, true);
      this.state.jobsFailed++;
      const failed = await this.finishWith(job, 'failed');
      this.emit('job-failed', failed, message);
    } catch (queueError) {
      if (!isLeaseLostError(queueError)) log.error({ err: queueError }, 'could not record the end of the job');
    }
  }

  /** Reads the job back as the queue now lists it (a failed try may be queued again) and announces it. */
  private async finishWith(job: BakeJob, fallbackStatus: BakeJob['status']): Promise<BakeJob> {
    const listed = (await this.options.queue.list({ routeId: job.routeId })).find((candidate) => candidate.id === job.id);
    const finished = listed ?? { ...job, status: fallbackStatus };
    this.emit('job', finished);
    return finished;
  }
}
