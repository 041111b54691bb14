// One bake queue contract, run against the embedded queue (SQLite, one job per bake) and the
// farm's (BullMQ on a real redis-server, one job per segment plus the manifest): enqueueing a
// bake twice queues it once; every standard profile's work comes out before any cinematic
// one; a bake whose work is all claimed and completed is done; failed work is tried again,
// and work that fails every try fails its bake; work whose worker stopped renewing its lock
// is claimed again by another worker. Each queue has its own unit of work, behind an adapter.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job, Worker } from 'bullmq';
import type { BakeKey } from '@/server/bake/bake-contracts';
import { frameCountFor } from '@/scenes/protocol/frame-timing';
import type { ProfileId } from '@/scenes/protocol/profile-ladder';
import { openSqliteBakeQueue, type SqliteBakeQueue } from '@/server/bake/sqlite-bake-queue';
import { openDatabase } from '@/server/db/database';
import { BullmqSegmentQueue, createFarmWorker } from '@/server/farm/bullmq-segment-queue';
import { MANIFEST_QUEUE, SEGMENT_QUEUE, type SegmentJobData } from '@/server/farm/segment-job';
import { createSqliteRouteStore } from '@/server/routes/route-store';
import { startRedisServer, type RunningRedis } from '../helpers/redis-server';
import { buildShortestTestRoute } from '../helpers/test-routes';

const ROUTES = ['contract-a', 'contract-b'];
const SCENE = 'wcontract-scontract';
const TRIES = 2;
/** Bounds waits on real time (BullMQ's back-off and stalled check); nothing asserts speed. */
const WAIT_LIMIT_MS = 30_000;

/** A unit of work as a worker holds it: a whole bake (SQLite) or one segment or manifest (BullMQ). */
interface Claimed {
  profileId: ProfileId;
  /** Names the unit, to see the same one come back. */
  id: string;
  complete(): Promise<void>;
  fail(message: string): Promise<void>;
}

interface QueueUnderContract {
  enqueue(routeId: string, profileId: ProfileId): Promise<void>;
  /** Units waiting to be claimed. */
  waiting(): Promise<number>;
  /** The next unit, or null when none is claimable now; `lockMs` is how long it stays this worker's without renewal. */
  claim(worker: string, lockMs: number): Promise<Claimed | null>;
  bakeState(routeId: string, profileId: ProfileId): Promise<'queued' | 'running' | 'done' | 'failed'>;
  /** Lets locks run out: the embedded queue's clock moves; the farm waits for real time and its stalled check. */
  letLocksExpire(lockMs: number): Promise<void>;
  close(): Promise<void>;
}

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-queue-contract-'));
let redis: RunningRedis;
let opened = 0;

before(async () => {
  redis = await startRedisServer();
});
after(async () => {
  await redis?.stop();
  fs.rmSync(tempRoot, { recursive: true, force: true });
});

async function sqliteQueue(): Promise<QueueUnderContract> {
  const filePath = path.join(tempRoot, `queue-${++opened}.sqlite`);
  const routes = createSqliteRouteStore(openDatabase(filePath));
  await routes.seedPublished(ROUTES.map(buildShortestTestRoute));
  routes.close();
  const clock = { nowMs: Date.parse('2026-12-02T08:00:00Z') };
  const queue: SqliteBakeQueue = openSqliteBakeQueue(filePath, { maxAttempts: TRIES, now: () => clock.nowMs });
  return {
    async enqueue(routeId, profileId) {
      await queue.enqueue({ routeId, revision: 1, profileId, sceneVersion: SCENE, framesTotal: frameCountFor(20) });
    },
    async waiting() {
      return (await queue.countByStatus()).queued;
    },
    async claim(worker, lockMs) {
      const job = await queue.claim(worker, lockMs);
      if (job === null) return null;
      return {
        profileId: job.profileId,
        id: String(job.id),
        complete: () => queue.complete(job.id, worker),
        fail: (message) => queue.fail(job.id, worker, message, true),
      };
    },
    async bakeState(routeId, profileId) {
      const job = (await queue.list({ routeId })).find((candidate) => candidate.profileId === profileId);
      assert.ok(job);
      return job.status;
    },
    async letLocksExpire(lockMs) {
      clock.nowMs += lockMs + 1;
    },
    async close() {
      queue.close();
    },
  };
}

async function bullmqQueue(): Promise<QueueUnderContract> {
  const prefix = `contract${++opened}`;
  const settings = { redisUrl: redis.url, prefix, segmentAttempts: TRIES, maxStalls: 3 };
  const queue = new BullmqSegmentQueue(settings);
  const workers = new Map<string, Worker[]>();
  const keyOf = (routeId: string, profileId: ProfileId): BakeKey => ({ sceneVersion: SCENE, routeId, revision: 1, profileId });
  /** One worker per name and lock duration, on both queues, taking jobs by hand and checking for stalled ones. */
  const workersFor = (name: string, lockMs: number): Worker[] => {
    const key = `${name}/${lockMs}`;
    let pair = workers.get(key);
    if (pair === undefined) {
      // Manifests first: a bake whose segments are all in is finished before new segments start.
      pair = ([MANIFEST_QUEUE, SEGMENT_QUEUE] as const).map((queueName) =>
        createFarmWorker(queueName, null, { ...settings, stalledMs: lockMs }, { concurrency: 1, autorun: false }),
      );
      for (const worker of pair) void worker.startStalledCheckTimer();
      workers.set(key, pair);
    }
    return pair;
  };
  const asClaimed = (job: Job, token: string): Claimed => ({
    profileId: (job.data as SegmentJobData).key.profileId,
    id: job.id ?? '',
    complete: async () => {
      await job.moveToCompleted(
        {
          segmentIndex: (job.data as SegmentJobData).segmentIndex ?? 0,
          frames: 30,
          outcome: 'rendered',
          renderMs: 1,
          startedAtMs: 0,
          finishedAtMs: 1,
          nodeId: token,
        },
        token,
        false,
      );
    },
    fail: async (message) => {
      await job.moveToFailed(new Error(message), token, false);
    },
  });
  return {
    async enqueue(routeId, profileId) {
      await queue.enqueueBake(keyOf(routeId, profileId), buildShortestTestRoute(routeId));
    },
    async waiting() {
      const counts = await queue.counts();
      return counts.segments.waiting + counts.manifests.waiting;
    },
    async claim(worker, lockMs) {
      const token = `${worker}-${Math.random().toString(36).slice(2)}`;
      for (const candidate of workersFor(worker, lockMs)) {
        const job = await candidate.getNextJob(token, { block: false });
        if (job !== undefined) return asClaimed(job, token);
      }
      return null;
    },
    async bakeState(routeId, profileId) {
      const progress = await queue.progressOf(keyOf(routeId, profileId), 20);
      assert.ok(progress);
      return progress.state;
    },
    async letLocksExpire(lockMs) {
      await sleep(lockMs);
    },
    async close() {
      for (const pair of workers.values()) await Promise.all(pair.map((worker) => worker.close(true)));
      await queue.close();
    },
  };
}

/** Claims until `accept` takes a unit, completing the others on the way; bounded in time, as back-off and stalled checks run on real time. */
async function claimUntil(
  queue: QueueUnderContract,
  worker: string,
  lockMs: number,
  accept: (claimed: Claimed) => boolean,
): Promise<Claimed> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    const claimed = await queue.claim(worker, lockMs);
    if (claimed !== null && accept(claimed)) return claimed;
    if (claimed !== null) await claimed.complete();
    else if (Date.now() > deadline) throw new Error('the unit never came back');
    else await sleep(100);
  }
}

async function drain(queue: QueueUnderContract, worker: string): Promise<ProfileId[]> {
  const order: ProfileId[] = [];
  for (let claimed = await queue.claim(worker, 30_000); claimed !== null; claimed = await queue.claim(worker, 30_000)) {
    order.push(claimed.profileId);
    await claimed.complete();
  }
  return order;
}

for (const [name, open] of [
  ['SQLite (embedded)', sqliteQueue],
  ['BullMQ on Redis (farm)', bullmqQueue],
] as const) {
  describe(`bake queue contract: ${name}`, () => {
    const withQueue = async (run: (queue: QueueUnderContract) => Promise<void>) => {
      const queue = await open();
      try {
        await run(queue);
      } finally {
        await queue.close();
      }
    };

    test('enqueueing a bake twice queues it once', () =>
      withQueue(async (queue) => {
        await queue.enqueue('contract-a', '360p');
        const once = await queue.waiting();
        await queue.enqueue('contract-a', '360p');
        assert.ok(once > 0);
        assert.equal(await queue.waiting(), once);
      }));

    test('standard profiles come out before cinematic ones, cheapest first; all work completed is a bake done', () =>
      withQueue(async (queue) => {
        await queue.enqueue('contract-a', '720p-cinematic');
        await queue.enqueue('contract-b', '720p');
        await queue.enqueue('contract-b', '360p');
        const order = await drain(queue, 'worker');
        const firstOf = (profile: ProfileId) => order.indexOf(profile);
        const lastOf = (profile: ProfileId) => order.lastIndexOf(profile);
        assert.ok(
          lastOf('360p') < firstOf('720p') && lastOf('720p') < firstOf('720p-cinematic'),
          `order: ${[...new Set(order)].join(', ')}`,
        );
        for (const [routeId, profileId] of [
          ['contract-a', '720p-cinematic'],
          ['contract-b', '720p'],
          ['contract-b', '360p'],
        ] as const) {
          assert.equal(await queue.bakeState(routeId, profileId), 'done');
        }
      }));

    test('failed work is tried again; work that fails every try fails its bake', () =>
      withQueue(async (queue) => {
        await queue.enqueue('contract-a', '360p');
        const first = await claimUntil(queue, 'worker', 30_000, () => true);
        await first.fail('the renderer crashed');
        const again = await claimUntil(queue, 'worker', 30_000, (claimed) => claimed.id === first.id);
        await again.fail('the renderer crashed again');
        assert.equal(await queue.bakeState('contract-a', '360p'), 'failed');
      }));

    test('work whose worker stopped renewing its lock is claimed again by another worker', () =>
      withQueue(async (queue) => {
        const lockMs = 1_000;
        await queue.enqueue('contract-a', '360p');
        const lost = await claimUntil(queue, 'lost-worker', lockMs, () => true);
        await queue.letLocksExpire(lockMs);
        const retaken = await claimUntil(queue, 'other-worker', lockMs, (claimed) => claimed.id === lost.id);
        await retaken.complete();
      }));
  });
}
