// The render server as one object: route store, bake queue, frame store, renderer pool
// and bake worker wired together, with metrics and the HTTP face. main.ts runs it; tests
// start it in-process on port 0.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import type { BakeJob, BakeJobStatus } from './bake/bake-contracts';
import { BakeWorker, isLostLocalWorker, publishedRevisionLoader } from './bake/bake-worker';
import { enqueuePublishedRouteBakes } from './bake/enqueue-route-bakes';
import { currentSceneVersion } from './bake/scene-version';
import { openSqliteBakeQueue } from './bake/sqlite-bake-queue';
import { openFrameStore } from './frame-store/open-frame-store';
import type { FarmCoordinator } from './farm/farm-coordinator';
import { createRenderHttpHandler, type HealthReport } from './http/render-http-server';
import { HttpSegmentCatalog } from './http/segment-catalog';
import { segmentHttpRoutes } from './http/segment-http-routes';
import { renderApiRoutes } from './http/render-api-routes';
import { enqueueRouteBakes } from './bake/enqueue-route-bakes';
import { routeBakeProgress } from './bake/route-bake-progress';
import { createLogger, type Logger } from './log';
import { MetricsRegistry } from './metrics';
import type { RenderServerConfig } from './render-server-config';
import { createRendererPool, type ChromiumRendererPool } from './render/renderer-pool';
import type { BakeYieldStatus } from './render/bake-yield';
import { openRouteStore } from './routes/open-route-store';
import { BakedRouteSource } from './stream/baked-route-source';
import { BakeProgressPublisher } from './stream/bake-progress-room';
import { isLoopbackHost } from './stream/ice-servers';
import { attachStreamSignalling, type StreamSignalling } from './stream/stream-signalling';
import type { DrainOutcome } from './stream/stream-drain';
import { startMultiNode, type MultiNode } from './nodes/multi-node';

/** Staff publish new revisions while the server runs: look for routes to bake this often. */
const ENQUEUE_SWEEP_MS = 30_000;

export interface RunningRenderServer {
  url: string;
  /** Streaming signalling (socket.io at STREAM_SOCKET_PATH) and its live sessions. */
  stream: StreamSignalling;
  /** The server's logger, for its entry point's own lines. */
  log: Logger;
  /** SIGTERM: moves the viewers to another node (or HTTP segments) and waits for them, bounded; null where draining is off. */
  drain(): Promise<DrainOutcome | null>;
  close(): Promise<void>;
}

export async function startRenderServer(config: RenderServerConfig, log: Logger = createLogger()): Promise<RunningRenderServer> {
  const renderLog = log.child({ component: 'render' });
  const bakeLog = log.child({ component: 'bake' });
  const frames = await openFrameStore(config.frameStore);
  const store = frames.store;
  const routes = await openRouteStore({ filePath: config.databasePath });
  const queue = openSqliteBakeQueue(config.databasePath);
  const metrics = new MetricsRegistry();
  const jobUpdates = new EventEmitter<{ job: [BakeJob] }>();
  jobUpdates.setMaxListeners(0);

  let pool: ChromiumRendererPool | null = null;
  let worker: BakeWorker | null = null;
  let bakingOffReason = config.bakeEnabled ? '' : 'baking is switched off (YUNSHAN_BAKE=0)';
  if (config.bakeEnabled) {
    try {
      pool = await createRendererPool({
        size: config.renderers,
        executablePath: config.chromiumPath,
        lowPriority: config.renderLowPriority,
        yieldToForeground: config.bakeYield,
        log: (line) => renderLog.info(line),
      });
    } catch (error) {
      // The site still works without the cloud path: devices render locally. Say why, plainly.
      bakingOffReason = `no renderer: ${(error as Error).message}`;
      renderLog.warn(`Baking is off: ${(error as Error).message}`);
    }
  }

  const framesBaked = metrics.counter('yunshan_bake_frames_total', 'Frames rendered and encoded by this node.', ['profile']);
  const jobsFinished = metrics.counter('yunshan_bake_jobs_finished_total', 'Bake jobs finished, by outcome.', ['outcome', 'profile']);
  const bakeFps = metrics.gauge('yunshan_bake_frames_per_second', 'Frames per second of the running bake, by profile.', ['profile']);
  metrics.collected(
    'yunshan_bake_queue_depth',
    'Bake jobs by status.',
    'gauge',
    () => Object.entries(queueCounts).map(([status, value]) => ({ labels: { status }, value })),
    ['status'],
  );
  metrics.collected('yunshan_renderer_restarts_total', 'Renderer processes replaced after a crash or hang.', 'counter', () => [
    { value: pool?.restarts ?? 0 },
  ]);
  metrics.collected('yunshan_renderers', 'Renderer processes in the pool.', 'gauge', () => [{ value: pool?.size ?? 0 }]);
  metrics.collected('yunshan_bake_held', '1 while renderers hold between frames for the machine’s foreground.', 'gauge', () => [
    { value: pool?.yieldStatus()?.held ? 1 : 0 },
  ]);
  metrics.collected('yunshan_bake_held_seconds_total', 'Seconds renderers held for the machine’s foreground.', 'counter', () => [
    { value: pool?.yieldStatus()?.heldSeconds ?? 0 },
  ]);

  let queueCounts: Record<BakeJobStatus, number> = await queue.countByStatus();
  const refreshCounts = async () => {
    queueCounts = await queue.countByStatus();
  };

  const sceneVersion = currentSceneVersion();
  const wakeForQueued = (jobs: readonly BakeJob[]) => {
    if (!jobs.some((job) => job.status === 'queued')) return;
    worker?.wake();
    farm?.wake();
  };
  const sweep = async () => {
    try {
      const jobs = await enqueuePublishedRouteBakes(queue, routes, sceneVersion);
      await refreshCounts();
      wakeForQueued(jobs);
    } catch (error) {
      bakeLog.error({ err: error }, 'could not queue published routes');
    }
  };

  let farm: FarmCoordinator | null = null;
  let nodes: MultiNode | null = null;
  if (config.farm.queue === 'redis') {
    // Loaded only here: a one-machine install (SQLite, the default) never needs BullMQ or Redis.
    const { startFarmCoordinator } = await import('./farm/farm-coordinator');
    farm = startFarmCoordinator({
      settings: config.farm,
      queue,
      loadRoute: publishedRevisionLoader(routes),
      workerId: config.workerId,
      sceneVersion,
      store,
      pool,
      metrics,
      onJob: (job) => {
        jobUpdates.emit('job', job);
        void refreshCounts();
      },
      log,
    });
  } else if (pool) {
    worker = new BakeWorker({
      queue,
      pool,
      store,
      loadRoute: publishedRevisionLoader(routes),
      workerId: config.workerId,
      concurrency: pool.size,
      log: bakeLog,
    });
    worker.on('job', (job) => {
      jobUpdates.emit('job', job);
      void refreshCounts();
    });
    worker.on('progress', (job, progress) => {
      if (progress.framesPerSecond !== null) bakeFps.set(progress.framesPerSecond, { profile: job.profileId });
    });
    worker.on('segment', (segment) => {
      if (segment.outcome !== 'reused') framesBaked.inc({ profile: segment.key.profileId }, segment.frames);
    });
    worker.on('job-done', (job) => {
      jobsFinished.inc({ outcome: 'done', profile: job.profileId });
      bakeFps.set(0, { profile: job.profileId });
      bakeLog.info(`${job.routeId} r${job.revision} ${job.profileId}: done`);
    });
    worker.on('job-failed', (job, error) => {
      jobsFinished.inc({ outcome: job.status === 'failed' ? 'failed' : 'retried', profile: job.profileId });
      bakeLog.warn(`${job.routeId} r${job.revision} ${job.profileId}: ${error}`);
    });
  }
  if (worker || farm) {
    // A bake this host's previous run was killed in resumes now, ahead of new jobs, not after its lease.
    const reclaimed = await queue.reclaimLeases((owner) => isLostLocalWorker(owner));
    if (reclaimed > 0) bakeLog.info(`took back ${reclaimed} job(s) from a previous run that was stopped mid-bake`);
  }
  await sweep();
  worker?.start();
  const sweepTimer = setInterval(() => void sweep(), ENQUEUE_SWEEP_MS);
  sweepTimer.unref();

  const health = async (): Promise<HealthReport> => {
    await refreshCounts();
    // A worker whose every renderer died and could not be restarted is running, but bakes nothing.
    const poolFailure = pool?.failure ?? null;
    const baking = farm !== null ? farm.status().running : (worker?.status().running ?? false) && poolFailure === null;
    return {
      // On the farm the server's job is dispatching, so Redis decides, whether or not it bakes too.
      status: baking || (!config.bakeEnabled && farm === null) ? 'ok' : 'degraded',
      detail:
        farm !== null
          ? farm.status().detail
          : poolFailure !== null
            ? `no renderer is running (${poolFailure}); bakes wait until the render server is restarted`
            : baking
              ? `baking with ${pool?.liveRenderers ?? 0} of ${pool?.size ?? 0} renderer(s) on ${pool?.backend ?? 'unknown GL'}${heldNote(pool?.yieldStatus() ?? null)}`
              : bakingOffReason || 'the bake worker is not running',
      baking,
      renderers: pool?.liveRenderers ?? 0,
      rendererRestarts: pool?.restarts ?? 0,
      queue: queueCounts,
    };
  };

  const source = new BakedRouteSource({ routes, store, listBakes: (routeId) => queue.list({ routeId }), sceneVersion });
  const server = http.createServer(
    createRenderHttpHandler({
      health,
      metrics,
      listBakes: (routeId) => queue.list(routeId === undefined ? undefined : { routeId }),
      subscribeBakes: (listener) => {
        jobUpdates.on('job', listener);
        return () => jobUpdates.off('job', listener);
      },
      readPoster: async (routeId) => {
        const published = await routes.getPublished(routeId);
        return published === null ? null : store.readPoster(routeId, published.revision);
      },
      opsToken: config.opsToken,
      maxEventStreams: config.maxEventStreams,
      trustedProxyHops: config.trustedProxyHops,
      log: log.child({ component: 'http' }),
      // Baked segments as immutable HTTP objects, for nginx or a CDN to cache; the same site origins as streaming.
      extraRoutes: segmentHttpRoutes({
        catalog: new HttpSegmentCatalog(store),
        allowedOrigins: config.stream.allowedOrigins,
        metrics,
        log: log.child({ component: 'http-segments' }),
      }).concat(
        // The web app asks here for bake state and the scene version, and to queue a publish's bakes.
        renderApiRoutes({
          sceneVersion,
          bakeProgress: async (routeId, revision) => routeBakeProgress(await queue.list({ routeId }), revision),
          requestBakes: async (routeId, revision) => {
            const published = await routes.getPublished(routeId);
            if (published === null) return 'not-published';
            if (published.revision !== revision) return 'not-latest';
            const jobs = await enqueueRouteBakes(queue, published, sceneVersion);
            await refreshCounts();
            wakeForQueued(jobs);
            return routeBakeProgress(await queue.list({ routeId }), revision);
          },
          // The nodes share the frame store: a revision whose manifests this node finds is baked for
          // every node of its scene version, and the registry says which of those has room.
          chooseNode: async (routeId, revision) =>
            nodes === null
              ? { node: null, reason: 'single-node' }
              : nodes.chooseNode((await source.lookup(routeId, revision)).kind === 'ready'),
          apiToken: config.apiToken,
          allowedOrigins: config.stream.allowedOrigins,
        }),
      ),
    }),
  );
  const stream = attachStreamSignalling(server, {
    source,
    allowedOrigins: config.stream.allowedOrigins,
    maxSessions: config.stream.maxSessions,
    transportMode: config.stream.transportMode,
    segmentBaseUrl: config.stream.segmentBaseUrl,
    maxSocketsPerAddress: config.stream.maxSocketsPerAddress,
    maxSessionsPerAddress: config.stream.maxSessionsPerAddress,
    idleSocketMs: config.stream.idleSocketMs,
    trustedProxyHops: config.trustedProxyHops,
    resumeGraceMs: config.stream.resumeGraceMs,
    ice: { ...config.stream, loopbackOnly: isLoopbackHost(config.host) },
    onStreamStart: () => pool?.holdForStreamStart(),
    metrics,
    log: log.child({ component: 'stream' }),
  });
  // Viewers waiting for a bake (on any node, through the Redis adapter) see its progress as it comes.
  const progress = new BakeProgressPublisher(stream.io, source, (error) => log.warn({ err: error }, 'bake progress not sent'));
  jobUpdates.on('job', (job) => progress.update(job.routeId, job.revision));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${config.host}:${address.port}`;
  // Frames are read from the store for every viewer: a node that cannot read it is not healthy.
  const probeKey = { sceneVersion, routeId: 'node-health-probe', revision: 1, profileId: '360p' as const };
  nodes = await startMultiNode({
    settings: config.nodes,
    redisUrl: config.farm.redisUrl,
    prefix: config.farm.prefix,
    nodeId: config.workerId,
    listenUrl: url,
    sceneVersion,
    maxSessions: config.stream.maxSessions,
    stream,
    probeStore: async () => void (await store.readManifest(probeKey)),
    log: log.child({ component: 'nodes' }),
  });

  return {
    url,
    stream,
    log,
    drain: () => nodes?.drain() ?? Promise.resolve(null),
    async close() {
      clearInterval(sweepTimer);
      // The stream closes first: disconnecting its sockets still speaks through the Redis adapter.
      await stream.close();
      await nodes?.close();
      // Give the running job back first, so its lease does not linger until it expires.
      await worker?.stop();
      await farm?.close();
      await pool?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      queue.close();
      routes.close();
      await frames.close();
    },
  };
}

/** Said beside "baking with …" while the bake steps aside, so an operator sees why it is slow. */
function heldNote(status: BakeYieldStatus | null): string {
  if (status === null || !status.held) return '';
  const cores = status.foregroundCores === null ? '' : ` (${status.foregroundCores.toFixed(1)} cores in use)`;
  return `; holding between frames while the rest of the machine is busy${cores}`;
}
