// A render node as a service: its renderer pool (count, Chromium, GPU flags and CPU priority
// from the render server's own settings), its frame store (local disk or object storage, by
// the same settings as the render server), the RenderNode taking segments from Redis, and a
// small HTTP face with /healthz and /metrics under the render server's operations rules
// (loopback, or the YUNSHAN_OPS_TOKEN bearer token). No streaming, no web app, no database.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { currentSceneVersion } from '../bake/scene-version';
import { openFrameStore } from '../frame-store/open-frame-store';
import { createRenderHttpHandler, type HealthReport } from '../http/render-http-server';
import { createLogger, type Logger } from '../log';
import { MetricsRegistry } from '../metrics';
import { loadRenderServerConfig } from '../render-server-config';
import { createRendererPool } from '../render/renderer-pool';
import { BullmqSegmentQueue, type FarmQueueCounts } from './bullmq-segment-queue';
import { registerRenderNodeMetrics } from './farm-metrics';
import { loadRenderNodeSettings } from './farm-settings';
import { RenderNode } from './render-node';

/** /healthz reports Redis as away when it does not answer within this long. */
const HEALTH_REDIS_TIMEOUT_MS = 3_000;

export interface RunningRenderNode {
  url: string;
  nodeId: string;
  node: RenderNode;
  /** Finishes (or, past the grace period, gives back) the segments in hand, then closes everything. */
  close(): Promise<void>;
}

export async function startRenderNodeService(
  env: Readonly<Record<string, string | undefined>> = process.env,
  log: Logger = createLogger(),
): Promise<RunningRenderNode> {
  const nodeLog = log.child({ component: 'node' });
  const renderLog = log.child({ component: 'render' });
  const settings = loadRenderNodeSettings(env);
  const renderConfig = loadRenderServerConfig(env);
  const frames = await openFrameStore(renderConfig.frameStore);
  const pool = await createRendererPool({
    size: renderConfig.renderers,
    executablePath: renderConfig.chromiumPath,
    lowPriority: renderConfig.renderLowPriority,
    yieldToForeground: renderConfig.bakeYield,
    log: (line) => renderLog.info(line),
  });
  const queue = new BullmqSegmentQueue(settings);
  const sceneVersion = currentSceneVersion();
  const node = new RenderNode({
    settings,
    nodeId: settings.nodeId,
    sceneVersion,
    pool,
    store: frames.store,
    concurrency: pool.size,
    log: nodeLog,
  });
  const metrics = new MetricsRegistry();
  registerRenderNodeMetrics(metrics, node);
  metrics.collected('yunshan_renderers', 'Renderer processes in the pool.', 'gauge', () => [{ value: pool.size }]);
  metrics.collected('yunshan_renderer_restarts_total', 'Renderer processes replaced after a crash or hang.', 'counter', () => [
    { value: pool.restarts },
  ]);

  node.on('claimed', (key, segmentIndex) =>
    nodeLog.info(`segment ${segmentIndex} of ${key.routeId} r${key.revision} ${key.profileId}: baking`),
  );
  node.on('segment', (key, result) =>
    nodeLog.info(`segment ${result.segmentIndex} of ${key.routeId} r${key.revision} ${key.profileId}: ${result.outcome}`),
  );
  node.on('manifest', (key) => nodeLog.info(`manifest of ${key.routeId} r${key.revision} ${key.profileId}: written`));
  node.on('failed', (key, error) =>
    nodeLog.warn({ err: error }, `${key === null ? 'a job' : `${key.routeId} r${key.revision} ${key.profileId}`} failed`),
  );
  node.start();

  const health = async (): Promise<HealthReport> => {
    const counts = await queue.counts(HEALTH_REDIS_TIMEOUT_MS).catch(() => null);
    const baking = node.status().running && pool.failure === null && counts !== null;
    return {
      status: baking ? 'ok' : 'degraded',
      detail:
        pool.failure !== null
          ? `no renderer is running (${pool.failure}); restart the render node`
          : counts === null
            ? `Redis at ${settings.redisUrl} does not answer; segments wait until it does`
            : `render node ${settings.nodeId} baking with ${pool.liveRenderers} of ${pool.size} renderer(s) on ${pool.backend}`,
      baking,
      renderers: pool.liveRenderers,
      rendererRestarts: pool.restarts,
      queue: counts === null ? { queued: 0, running: 0, done: 0, failed: 0 } : asJobStatusCounts(counts.segments),
    };
  };

  const server = http.createServer(
    createRenderHttpHandler({
      health,
      metrics,
      // A node keeps no bake rows and serves no posters: those are the render server's.
      listBakes: async () => [],
      subscribeBakes: () => () => {},
      readPoster: async () => null,
      opsToken: renderConfig.opsToken,
      trustedProxyHops: renderConfig.trustedProxyHops,
      log: log.child({ component: 'http' }),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const url = `http://${settings.host}:${(server.address() as AddressInfo).port}`;
  nodeLog.info(
    `render node ${settings.nodeId} on ${url}: ${pool.size} renderer(s), scene ${sceneVersion}, segments from ${settings.redisUrl}, frames in ${frames.location}`,
  );

  return {
    url,
    nodeId: settings.nodeId,
    node,
    async close() {
      await node.stop(settings.shutdownGraceMs);
      await pool.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue.close();
      await frames.close();
    },
  };
}

/** The segment queue in the words of /healthz's bake queue report. */
function asJobStatusCounts(counts: FarmQueueCounts): HealthReport['queue'] {
  return { queued: counts.waiting + counts.delayed, running: counts.active, done: counts.completed, failed: counts.failed };
}
