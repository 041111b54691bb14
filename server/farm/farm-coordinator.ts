// The render server's side of the farm (YUNSHAN_BAKE_QUEUE=redis): the dispatcher that sends
// the bake rows of the SQLite queue to Redis as segments and mirrors their progress back,
// the farm's series on /metrics, and, when this server has renderers of its own, a render
// node in-process, so the machine that runs the site bakes too. Loaded only when the setting
// asks for Redis: a one-machine install never loads BullMQ.
import type { BakeJob, BakeQueue, FrameStore } from '../bake/bake-contracts';
import type { Logger } from '../log';
import type { MetricsRegistry } from '../metrics';
import type { ChromiumRendererPool } from '../render/renderer-pool';
import type { Route } from '@/scenes/routes/route-schema';
import { BullmqSegmentQueue, type FarmQueueCounts } from './bullmq-segment-queue';
import { FarmDispatcher } from './farm-dispatcher';
import { registerFarmProgressMetrics, registerRenderNodeMetrics } from './farm-metrics';
import type { FarmSettings } from './farm-settings';
import { RenderNode } from './render-node';

/** How often the queues are counted for /metrics. */
const COUNTS_REFRESH_MS = 5_000;
/** Redis counts as away when it does not answer within this long. */
const COUNTS_TIMEOUT_MS = 3_000;
/** On close, the in-process node's segment in hand gets this long before it goes back to the queue. */
const LOCAL_NODE_GRACE_MS = 10_000;

export interface FarmCoordinatorOptions {
  settings: FarmSettings;
  queue: BakeQueue;
  loadRoute: (routeId: string, revision: number) => Promise<Route | null>;
  workerId: string;
  sceneVersion: string;
  store: FrameStore;
  /** This server's renderers, or null when it does not bake. */
  pool: ChromiumRendererPool | null;
  metrics: MetricsRegistry;
  onJob: (job: BakeJob) => void;
  log: Logger;
}

export interface FarmCoordinator {
  wake(): void;
  /** For /healthz: whether rows are being dispatched, and in plain words how. */
  status(): { running: boolean; detail: string };
  close(): Promise<void>;
}

export function startFarmCoordinator(options: FarmCoordinatorOptions): FarmCoordinator {
  const { settings, log } = options;
  const farm = new BullmqSegmentQueue(settings);
  const dispatcher = new FarmDispatcher({
    queue: options.queue,
    farm,
    loadRoute: options.loadRoute,
    workerId: options.workerId,
    log: log.child({ component: 'farm' }),
  });
  dispatcher.on('job', options.onJob);

  let counts: { segments: FarmQueueCounts; manifests: FarmQueueCounts } | null = null;
  let redisProblem: string | null = null;
  const refreshCounts = async () => {
    try {
      counts = await farm.counts(COUNTS_TIMEOUT_MS);
      redisProblem = null;
    } catch (error) {
      redisProblem = (error as Error).message;
    }
  };
  void refreshCounts();
  const countsTimer = setInterval(() => void refreshCounts(), COUNTS_REFRESH_MS);
  countsTimer.unref();
  registerFarmProgressMetrics(options.metrics, { progress: () => dispatcher.progress(), counts: () => counts });

  let node: RenderNode | null = null;
  if (options.pool !== null) {
    node = new RenderNode({
      settings,
      nodeId: options.workerId,
      sceneVersion: options.sceneVersion,
      pool: options.pool,
      store: options.store,
      concurrency: options.pool.size,
      log: log.child({ component: 'node' }),
    });
    registerRenderNodeMetrics(options.metrics, node);
    node.start();
  }
  dispatcher.start();
  log
    .child({ component: 'farm' })
    .info(
      `bakes go to the render farm through Redis at ${settings.redisUrl}${node === null ? '' : `; this server bakes segments too with ${options.pool?.size} renderer(s)`}`,
    );

  return {
    wake: () => dispatcher.wake(),
    status: () => ({
      running: redisProblem === null,
      detail:
        redisProblem !== null
          ? `Redis at ${settings.redisUrl} does not answer (${redisProblem}); bakes wait until it does`
          : `dispatching bakes to the render farm at ${settings.redisUrl}: ${counts?.segments.waiting ?? 0} segment(s) waiting, ${counts?.segments.active ?? 0} being baked${node === null ? '' : ', some of them here'}`,
    }),
    async close() {
      clearInterval(countsTimer);
      await dispatcher.stop();
      await node?.stop(LOCAL_NODE_GRACE_MS);
      await farm.close();
    },
  };
}
