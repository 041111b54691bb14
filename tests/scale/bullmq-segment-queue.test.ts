// The farm's queue contract against a real redis-server: enqueueing a bake is idempotent;
// segments come out standard profiles first, cinematic last; a claimed segment completes
// and counts towards its bake's progress, whose manifest job then becomes available; a
// segment that throws is retried, and one that fails every try fails its bake (which can be
// queued afresh); a segment whose node stopped renewing its lock is taken by another node.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job, Worker } from 'bullmq';
import type { BakeKey } from '@/server/bake/bake-contracts';
import { frameCountFor, segmentCountFor } from '@/scenes/protocol/frame-timing';
import type { ProfileId } from '@/scenes/protocol/profile-ladder';
import { BullmqSegmentQueue, createFarmWorker, type FarmWorkerSettings } from '@/server/farm/bullmq-segment-queue';
import { MANIFEST_QUEUE, SEGMENT_QUEUE, manifestJobId, type SegmentJobData, type SegmentResult } from '@/server/farm/segment-job';
import { startRedisServer, type RunningRedis } from '../helpers/redis-server';
import { buildShortestTestRoute } from '../helpers/test-routes';

const shortRoute = buildShortestTestRoute;

const SEGMENTS = segmentCountFor(20);
const SEGMENT_ATTEMPTS = 2;
/** Short, so a lost lock is noticed within seconds; these bound waits, they assert no speed. */
const STALLED_MS = 1_000;
const WAIT_LIMIT_MS = 30_000;

let redis: RunningRedis;
let prefix = '';
let queue: BullmqSegmentQueue;
const workers: Worker[] = [];
let run = 0;

function keyOf(routeId: string, profileId: ProfileId): BakeKey {
  return { sceneVersion: 'wtest-stest', routeId, revision: 1, profileId };
}

function workerSettings(): FarmWorkerSettings {
  return { redisUrl: redis.url, prefix, stalledMs: STALLED_MS, maxStalls: 3 };
}

/** A worker whose jobs the test takes by hand, like a render node that never renews its locks. */
function manualWorker(queueName: typeof SEGMENT_QUEUE | typeof MANIFEST_QUEUE): Worker {
  const worker = createFarmWorker(queueName, null, workerSettings(), { concurrency: 1, autorun: false });
  workers.push(worker);
  return worker;
}

async function nextJob(worker: Worker, token: string): Promise<Job | undefined> {
  return worker.getNextJob(token, { block: false });
}

/** Polls for a job until one is there (after a retry's back-off, say); bounded so a bug fails instead of hanging. */
async function awaitJob(worker: Worker, token: string): Promise<Job> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    const job = await nextJob(worker, token);
    if (job !== undefined) return job;
    if (Date.now() > deadline) throw new Error('no job became available');
    await sleep(100);
  }
}

function resultFor(job: Job, nodeId: string): SegmentResult {
  const { segmentIndex } = job.data as SegmentJobData;
  const now = Date.now();
  return {
    segmentIndex,
    frames: Math.min(30, frameCountFor(20) - segmentIndex * 30),
    outcome: 'rendered',
    renderMs: 1,
    startedAtMs: now - 5,
    finishedAtMs: now,
    nodeId,
  };
}

before(async () => {
  redis = await startRedisServer();
});

after(async () => {
  await Promise.all(workers.map((worker) => worker.close(true)));
  await queue?.close();
  await redis?.stop();
});

beforeEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.close(true)));
  await queue?.close();
  // A fresh prefix per test: the same Redis, no state carried between tests.
  prefix = `test${++run}`;
  queue = new BullmqSegmentQueue({ redisUrl: redis.url, prefix, segmentAttempts: SEGMENT_ATTEMPTS });
});

describe('the farm segment queue on Redis', () => {
  test('enqueueing a bake twice queues its segments once', async () => {
    const route = shortRoute('idempotent');
    const key = keyOf(route.id, '360p');
    assert.equal(await queue.enqueueBake(key, route), true);
    assert.equal(await queue.enqueueBake(key, route), false);
    const counts = await queue.counts();
    assert.equal(counts.segments.waiting, SEGMENTS);
    assert.equal(counts.manifests.waiting, 1, 'one manifest job, waiting for its segments');
    const progress = await queue.progressOf(key, route.durationS);
    assert.deepEqual(
      {
        state: progress?.state,
        segmentsDone: progress?.segmentsDone,
        segmentCount: progress?.segmentCount,
        framesTotal: progress?.framesTotal,
      },
      { state: 'queued', segmentsDone: 0, segmentCount: SEGMENTS, framesTotal: frameCountFor(20) },
    );
  });

  test('standard profiles come out before cinematic ones, cheapest first; completing every segment frees the manifest', async () => {
    const cinematic = shortRoute('first-queued');
    const standard = shortRoute('queued-later');
    // Queued in the worst order: the cinematic bake first.
    await queue.enqueueBake(keyOf(cinematic.id, '720p-cinematic'), cinematic);
    await queue.enqueueBake(keyOf(standard.id, '720p'), standard);
    await queue.enqueueBake(keyOf(standard.id, '360p'), standard);
    const worker = manualWorker(SEGMENT_QUEUE);
    const order: string[] = [];
    for (let taken = 0; taken < 3 * SEGMENTS; taken++) {
      const job = await nextJob(worker, `token-${taken}`);
      assert.ok(job, `segment ${taken} of ${3 * SEGMENTS} is available`);
      order.push((job.data as SegmentJobData).key.profileId);
      await job.moveToCompleted(resultFor(job, 'node-a'), `token-${taken}`, false);
    }
    assert.equal(await nextJob(worker, 'token-end'), undefined, 'nothing left');
    assert.deepEqual(order, [...Array(SEGMENTS).fill('360p'), ...Array(SEGMENTS).fill('720p'), ...Array(SEGMENTS).fill('720p-cinematic')]);

    const progress = await queue.progressOf(keyOf(standard.id, '360p'), standard.durationS);
    assert.equal(progress?.segmentsDone, SEGMENTS);
    assert.equal(progress?.framesDone, frameCountFor(20));
    assert.ok(progress?.framesPerSecond !== null && (progress?.framesPerSecond ?? 0) > 0, 'a rate from the segments drawn');

    const manifests = manualWorker(MANIFEST_QUEUE);
    const manifestOrder: string[] = [];
    for (let taken = 0; taken < 3; taken++) {
      const job = await awaitJob(manifests, `manifest-${taken}`);
      manifestOrder.push(job.id ?? '');
      await job.moveToCompleted({ frameCount: frameCountFor(20) }, `manifest-${taken}`, false);
    }
    assert.deepEqual(manifestOrder, [
      manifestJobId(keyOf(standard.id, '360p')),
      manifestJobId(keyOf(standard.id, '720p')),
      manifestJobId(keyOf(cinematic.id, '720p-cinematic')),
    ]);
    assert.equal((await queue.progressOf(keyOf(standard.id, '360p'), standard.durationS))?.state, 'done');
    assert.equal(await queue.enqueueBake(keyOf(standard.id, '360p'), standard), false, 'a finished bake is not queued again');
  });

  test('a segment that throws is retried; one that fails every try fails its bake, which can be queued afresh', async () => {
    const route = shortRoute('failing');
    const key = keyOf(route.id, '360p');
    await queue.enqueueBake(key, route);
    const worker = manualWorker(SEGMENT_QUEUE);
    const first = await awaitJob(worker, 'try-1');
    await first.moveToFailed(new Error('the renderer crashed'), 'try-1', false);
    // The other segments carry on meanwhile; the failed one comes back after its back-off.
    let again = await awaitJob(worker, 'try-2');
    while (again.id !== first.id) {
      await again.moveToCompleted(resultFor(again, 'node-a'), 'try-2', false);
      again = await awaitJob(worker, 'try-2');
    }
    assert.equal(again.attemptsMade, 1, 'taken again after one failed try');
    await again.moveToFailed(new Error('the renderer crashed again'), 'try-2', false);

    const progress = await queue.progressOf(key, route.durationS);
    assert.equal(progress?.state, 'failed');
    assert.match(progress?.error ?? '', /failed|crashed/);
    assert.equal(await queue.enqueueBake(key, route), true, 'a failed bake is cleared and queued again');
    assert.equal((await queue.progressOf(key, route.durationS))?.state, 'queued');
    assert.equal((await queue.counts()).manifests.failed, 0);
  });

  test('a segment whose node stopped renewing its lock is taken by another node', async () => {
    const route = shortRoute('stalled');
    const key = keyOf(route.id, '360p');
    await queue.enqueueBake(key, route);
    // Node A takes segment 0 and dies: it never completes nor renews the lock.
    const lost = await awaitJob(manualWorker(SEGMENT_QUEUE), 'node-a-token');
    const lostIndex = (lost.data as SegmentJobData).segmentIndex;

    const bakedBy = new Map<number, string>();
    const nodeB = createFarmWorker<SegmentJobData, SegmentResult>(
      SEGMENT_QUEUE,
      async (job) => {
        bakedBy.set(job.data.segmentIndex, 'node-b');
        return resultFor(job, 'node-b');
      },
      workerSettings(),
      { concurrency: 1 },
    );
    workers.push(nodeB);
    const deadline = Date.now() + WAIT_LIMIT_MS;
    while (!bakedBy.has(lostIndex) && Date.now() < deadline) await sleep(100);
    assert.equal(bakedBy.get(lostIndex), 'node-b', `segment ${lostIndex} was taken again after node A's lock ran out`);
    while (bakedBy.size < SEGMENTS && Date.now() < deadline) await sleep(100);
    const progress = await queue.progressOf(key, route.durationS);
    assert.equal(progress?.segmentsDone, SEGMENTS);
    assert.equal(progress?.state, 'running', 'every segment in; the manifest job is next');
  });
});
