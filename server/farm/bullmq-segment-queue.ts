// The farm's bake queue on BullMQ (Redis): a bake is a flow, one "assemble manifest" job
// waiting on one job per segment. Enqueueing is idempotent (stable job ids), priorities put
// standard profiles before cinematic ones, and a render node that dies mid-segment loses its
// lock, so BullMQ's stalled-job check hands the segment to another node.
import { FlowProducer, Queue, Worker, type ConnectionOptions, type Job, type Processor } from 'bullmq';
import type { Route } from '@/scenes/routes/route-schema';
import type { BakeKey } from '../bake/bake-contracts';
import { aggregateFarmProgress, type FarmBakeProgress } from './farm-progress';
import type { FarmSettings } from './farm-settings';
import { bakeFlow, manifestJobId, MANIFEST_QUEUE, SEGMENT_QUEUE, SegmentResultSchema, type SegmentResult } from './segment-job';

export type FarmQueueSettings = Pick<FarmSettings, 'redisUrl' | 'prefix' | 'segmentAttempts'>;
export type FarmWorkerSettings = Pick<FarmSettings, 'redisUrl' | 'prefix' | 'stalledMs' | 'maxStalls'>;

/** Jobs by state in one of the farm's queues, as /metrics and /healthz report them. */
export interface FarmQueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

export function farmConnection(redisUrl: string): ConnectionOptions {
  // Workers block on Redis; BullMQ wants them to retry for ever rather than give up a request.
  return { url: redisUrl, maxRetriesPerRequest: null };
}

export class BullmqSegmentQueue {
  readonly segments: Queue;
  readonly manifests: Queue;
  private readonly flows: FlowProducer;

  constructor(private readonly settings: FarmQueueSettings) {
    const options = { connection: farmConnection(settings.redisUrl), prefix: settings.prefix };
    this.segments = new Queue(SEGMENT_QUEUE, options);
    this.manifests = new Queue(MANIFEST_QUEUE, options);
    this.flows = new FlowProducer(options);
  }

  /**
   * Queues every segment of a bake and its manifest. Idempotent: a bake already queued,
   * running or done is left as it is (false); one that failed is cleared and queued afresh.
   */
  async enqueueBake(key: BakeKey, route: Route): Promise<boolean> {
    const existing = await this.manifests.getJob(manifestJobId(key));
    if (existing !== undefined) {
      if (!(await hasFailed(existing))) return false;
      await this.removeBake(key);
    }
    await this.flows.add(bakeFlow(key, route, { segmentAttempts: this.settings.segmentAttempts }));
    return true;
  }

  /** Progress aggregated from the segments' results; null when the bake is not on the queue. */
  async progressOf(key: BakeKey, routeDurationS: number): Promise<FarmBakeProgress | null> {
    const job = await this.manifests.getJob(manifestJobId(key));
    if (job === undefined) return null;
    const [state, values] = await Promise.all([job.getState(), job.getChildrenValues<unknown>()]);
    const results: SegmentResult[] = [];
    for (const value of Object.values(values)) {
      const parsed = SegmentResultSchema.safeParse(value);
      if (parsed.success) results.push(parsed.data);
    }
    // A segment that failed for good marks its manifest job to fail when next taken (BullMQ's
    // deferred failure): the bake has failed already, whether or not a node has taken it yet.
    const deferred = job.deferredFailure ?? '';
    if (deferred !== '')
      return aggregateFarmProgress(key, routeDurationS, results, 'failed', `A segment failed on every try (${deferred}).`);
    return aggregateFarmProgress(key, routeDurationS, results, state, job.failedReason ?? null);
  }

  /** Removes a bake's manifest job and the segments still queued; segments a node is drawing finish harmlessly. */
  async removeBake(key: BakeKey): Promise<void> {
    const job = await this.manifests.getJob(manifestJobId(key));
    if (job === undefined) return;
    // The parent is tied to its children both ways: take the waiting ones first, then the parent.
    await job.removeUnprocessedChildren();
    await job.remove({ removeChildren: true });
  }

  /**
   * Jobs by state in both queues. The connection retries for ever while Redis is away, so a
   * health check passes `timeoutMs` to hear "no answer" instead of waiting with it.
   */
  async counts(timeoutMs?: number): Promise<{ segments: FarmQueueCounts; manifests: FarmQueueCounts }> {
    const counting = Promise.all([countsOf(this.segments), countsOf(this.manifests)]).then(([segments, manifests]) => ({
      segments,
      manifests,
    }));
    if (timeoutMs === undefined) return counting;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([counting, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.flows.close(), this.segments.close(), this.manifests.close()]);
  }
}

/** Failed, or bound to fail when next taken because a segment failed for good (BullMQ's deferred failure). */
async function hasFailed(manifestJob: Job): Promise<boolean> {
  return (manifestJob.deferredFailure ?? '') !== '' || (await manifestJob.getState()) === 'failed';
}

async function countsOf(queue: Queue): Promise<FarmQueueCounts> {
  const counts = await queue.getJobCounts('waiting', 'prioritized', 'waiting-children', 'active', 'delayed', 'completed', 'failed');
  return {
    waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts['waiting-children'] ?? 0),
    active: counts.active ?? 0,
    delayed: counts.delayed ?? 0,
    completed: counts.completed ?? 0,
    failed: counts.failed ?? 0,
  };
}

export interface FarmWorkerOptions {
  concurrency: number;
  /** False for a worker whose jobs are fetched by hand (getNextJob), as the queue's tests and bench do. */
  autorun?: boolean;
}

/**
 * A BullMQ worker on one of the farm's queues. Its lock on a job lasts `stalledMs` and is
 * renewed at half that while the job runs; a node that dies stops renewing, and the stalled
 * check (every `stalledMs`, run by any live worker) puts its job back, up to `maxStalls` times.
 */
export function createFarmWorker<Data, Result>(
  queueName: typeof SEGMENT_QUEUE | typeof MANIFEST_QUEUE,
  processor: Processor<Data, Result> | null,
  settings: FarmWorkerSettings,
  options: FarmWorkerOptions,
): Worker<Data, Result> {
  return new Worker<Data, Result>(queueName, processor, {
    connection: farmConnection(settings.redisUrl),
    prefix: settings.prefix,
    concurrency: options.concurrency,
    autorun: options.autorun ?? true,
    lockDuration: settings.stalledMs,
    stalledInterval: settings.stalledMs,
    maxStalledCount: settings.maxStalls,
  });
}
