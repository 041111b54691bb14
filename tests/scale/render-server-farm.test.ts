// The render server with YUNSHAN_BAKE_QUEUE=redis, against a real redis-server: it keeps
// the bake rows the studio reads in SQLite, and sends each to the farm as segments, the
// standard profiles first. The test takes the segments as a render node would (by hand,
// through BullMQ, without drawing), and the server's /api/bakes, its event stream and
// /metrics follow the farm: frames done while segments come in, then done with the manifest.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job, Worker } from 'bullmq';
import type { BakeJob } from '@/server/bake/bake-contracts';
import { frameCountFor, segmentCountFor } from '@/scenes/protocol/frame-timing';
import { createFarmWorker } from '@/server/farm/bullmq-segment-queue';
import { MANIFEST_QUEUE, SEGMENT_QUEUE, type SegmentJobData, type SegmentResult } from '@/server/farm/segment-job';
import { silentLogger } from '@/server/log';
import { startRenderServer, type RunningRenderServer } from '@/server/render-server';
import { loadRenderServerConfig } from '@/server/render-server-config';
import { startRedisServer, type RunningRedis } from '../helpers/redis-server';

/** These bound waits; nothing asserts speed. */
const WAIT_LIMIT_MS = 60_000;

let redis: RunningRedis;
let server: RunningRenderServer;
let dir: string;
const workers: Worker[] = [];

async function bakes(routeId?: string): Promise<BakeJob[]> {
  const response = await fetch(`${server.url}/api/bakes${routeId === undefined ? '' : `?routeId=${routeId}`}`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { jobs: BakeJob[] }).jobs;
}

async function waitFor<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

function segmentResult(job: Job): SegmentResult {
  const { route, segmentIndex } = job.data as SegmentJobData;
  const now = Date.now();
  const frames = Math.min(30, frameCountFor(route.durationS) - segmentIndex * 30);
  return { segmentIndex, frames, outcome: 'rendered', renderMs: 1, startedAtMs: now - 10, finishedAtMs: now, nodeId: 'test-node' };
}

before(async () => {
  redis = await startRedisServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-render-server-farm-'));
  const config = loadRenderServerConfig({
    YUNSHAN_DB_PATH: path.join(dir, 'db.sqlite'),
    YUNSHAN_FRAMES_DIR: path.join(dir, 'frames'),
    YUNSHAN_RENDER_PORT: '0',
    // The server only dispatches: the segments are baked elsewhere (here, taken by the test).
    YUNSHAN_BAKE: '0',
    YUNSHAN_BAKE_QUEUE: 'redis',
    YUNSHAN_REDIS_URL: redis.url,
    YUNSHAN_FARM_PREFIX: 'rsfarm',
  });
  server = await startRenderServer(config, silentLogger());
});

after(async () => {
  await Promise.all(workers.map((worker) => worker.close(true)));
  await server?.close();
  await redis?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('render server on the render farm', () => {
  test('bake rows go to Redis as segments, and their progress comes back to /api/bakes and /metrics', async () => {
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { status: string; detail: string };
    assert.equal(health.status, 'ok');
    assert.match(health.detail, /render farm/);

    const settings = { redisUrl: redis.url, prefix: 'rsfarm', stalledMs: 30_000, maxStalls: 1 };
    const segments = createFarmWorker(SEGMENT_QUEUE, null, settings, { concurrency: 1, autorun: false });
    const manifests = createFarmWorker(MANIFEST_QUEUE, null, settings, { concurrency: 1, autorun: false });
    workers.push(segments, manifests);

    // The first segment out is of the cheapest profile; follow that bake.
    const first = await waitFor(
      async () => (await segments.getNextJob('node', { block: false })) ?? undefined,
      'the first segment on Redis',
    );
    const { key, route } = first.data as SegmentJobData;
    assert.equal(key.profileId, '360p');
    await first.moveToCompleted(segmentResult(first), 'node', false);

    // Segments of one profile come out in the order they were queued: this bake's, one by one.
    const segmentCount = segmentCountFor(route.durationS);
    const half = Math.ceil(segmentCount / 2);
    for (let taken = 1; taken < half; taken++) {
      const job = await segments.getNextJob('node', { block: false });
      assert.ok(job);
      assert.equal((job.data as SegmentJobData).key.routeId, key.routeId);
      await job.moveToCompleted(segmentResult(job), 'node', false);
    }
    const partway = await waitFor(
      async () => (await bakes(key.routeId)).find((row) => row.profileId === '360p' && row.framesDone > 0),
      'frames done on the row',
    );
    assert.equal(partway.status, 'running');
    assert.ok(partway.framesDone < partway.framesTotal);
    assert.ok(partway.framesPerSecond !== null && partway.framesPerSecond > 0);
    // /metrics shows what the dispatcher last read from the farm: every segment taken so far, soon.
    const halfDone = new RegExp(`yunshan_farm_bake_segments_done\\{[^}]*route="${key.routeId}"[^}]*profile="360p"[^}]*\\} ${half}\\n`);
    const metrics = await waitFor(async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      return halfDone.test(text) ? text : undefined;
    }, `${half} segments done on /metrics`);
    assert.match(
      metrics,
      new RegExp(`yunshan_farm_bake_segments_total\\{[^}]*route="${key.routeId}"[^}]*profile="360p"[^}]*\\} ${segmentCount}\\n`),
    );
    assert.match(metrics, /yunshan_farm_queue_jobs\{[^}]*queue="segments"[^}]*\} \d+/);

    for (let taken = half; taken < segmentCount; taken++) {
      const job = await segments.getNextJob('node', { block: false });
      assert.ok(job);
      await job.moveToCompleted(segmentResult(job), 'node', false);
    }
    const manifest = await waitFor(async () => (await manifests.getNextJob('node', { block: false })) ?? undefined, 'the manifest job');
    assert.deepEqual((manifest.data as SegmentJobData).key, key);
    await manifest.moveToCompleted({ frameCount: frameCountFor(route.durationS) }, 'node', false);

    const done = await waitFor(
      async () => (await bakes(key.routeId)).find((row) => row.profileId === '360p' && row.status === 'done'),
      'the row to be done',
    );
    assert.equal(done.framesDone, frameCountFor(route.durationS));
    const others = (await bakes()).filter((row) => row.id !== done.id);
    assert.ok(
      others.length > 0 && others.every((row) => row.status === 'running' && row.framesDone === 0),
      'every other bake is on the farm, waiting',
    );
  });
});
