// The SQLite bake queue on a real database file: one job per bake key, cheapest profile
// first, leases that expire when a worker dies, heartbeats that carry progress, and a
// limit on tries after which a job fails with its error kept.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/server/db/database';
import { createSqliteRouteStore } from '@/server/routes/route-store';
import { LeaseLostError } from '@/server/bake/bake-queue-errors';
import { openSqliteBakeQueue, type SqliteBakeQueue } from '@/server/bake/sqlite-bake-queue';
import type { ProfileId } from '@/scenes/protocol/profile-ladder';
import { buildTestRoute } from '../helpers/test-routes';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-bake-queue-'));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));
let fileCount = 0;

const SCENE = 'w0123456789abcdef-p1';
const LEASE_MS = 30_000;

/** A fresh database with the given routes published (jobs reference route revisions), and a queue on a clock the test moves. */
async function freshQueue(routeIds: string[] = ['route-a', 'route-b'], maxAttempts = 3) {
  const filePath = path.join(tempRoot, `queue-${++fileCount}.sqlite`);
  const routes = createSqliteRouteStore(openDatabase(filePath));
  await routes.seedPublished(routeIds.map((id) => buildTestRoute(id)));
  routes.close();
  const clock = { nowMs: Date.parse('2026-11-26T08:00:00Z') };
  const queue = openSqliteBakeQueue(filePath, { maxAttempts, now: () => clock.nowMs });
  return { queue, clock, filePath };
}

const job = (routeId: string, profileId: ProfileId, framesTotal = 601) => ({
  routeId,
  revision: 1,
  profileId,
  sceneVersion: SCENE,
  framesTotal,
});

async function withQueue(
  run: (context: Awaited<ReturnType<typeof freshQueue>>) => Promise<void>,
  routeIds?: string[],
  maxAttempts?: number,
) {
  const context = await freshQueue(routeIds, maxAttempts);
  try {
    await run(context);
  } finally {
    context.queue.close();
  }
}

async function claimAll(queue: SqliteBakeQueue, workerId: string): Promise<string[]> {
  const order: string[] = [];
  for (let job = await queue.claim(workerId, LEASE_MS); job !== null; job = await queue.claim(workerId, LEASE_MS)) {
    order.push(`${job.routeId}/${job.profileId}`);
  }
  return order;
}

describe('SqliteBakeQueue', () => {
  test('enqueue is idempotent per (route, revision, profile, scene version)', () =>
    withQueue(async ({ queue }) => {
      const first = await queue.enqueue(job('route-a', '360p'));
      const again = await queue.enqueue(job('route-a', '360p'));
      assert.equal(again.id, first.id);
      assert.deepEqual(again, first);
      assert.equal(first.status, 'queued');
      assert.equal(first.framesTotal, 601);
      assert.equal(first.framesDone, 0);
      const otherScene = await queue.enqueue({ ...job('route-a', '360p'), sceneVersion: 'wffffffffffffffff-p2' });
      assert.notEqual(otherScene.id, first.id, 'a new scene version is a new bake');
      assert.equal((await queue.list()).length, 2);
      assert.deepEqual((await queue.list({ routeId: 'route-b' })).length, 0);
    }));

  test('enqueue refuses an unknown profile and a route revision that does not exist', () =>
    withQueue(async ({ queue }) => {
      await assert.rejects(queue.enqueue({ ...job('route-a', '360p'), profileId: '4k' as ProfileId }), /Unknown profile/);
      await assert.rejects(queue.enqueue({ ...job('route-a', '360p'), revision: 9 }), /FOREIGN KEY/);
    }));

  test('claims the lowest profile of every route first, then the oldest job', () =>
    withQueue(async ({ queue, clock }) => {
      await queue.enqueue(job('route-b', '720p'));
      clock.nowMs += 1000;
      await queue.enqueue(job('route-b', '360p-jpeg'));
      clock.nowMs += 1000;
      await queue.enqueue(job('route-a', '720p'));
      await queue.enqueue(job('route-a', '360p'));
      clock.nowMs += 1000;
      await queue.enqueue(job('route-b', '360p'));
      await queue.enqueue(job('route-a', '540p'));
      assert.deepEqual(await claimAll(queue, 'worker-1'), [
        'route-a/360p',
        'route-b/360p',
        'route-b/360p-jpeg',
        'route-a/540p',
        'route-b/720p',
        'route-a/720p',
      ]);
      const counts = await queue.countByStatus();
      assert.deepEqual(counts, { queued: 0, running: 6, done: 0, failed: 0 });
    }));

  test('a claimed job is leased: no one else gets it until the lease expires, then it is claimed again', () =>
    withQueue(async ({ queue, clock }) => {
      const queued = await queue.enqueue(job('route-a', '360p'));
      const claimed = await queue.claim('worker-1', LEASE_MS);
      assert.equal(claimed?.id, queued.id);
      assert.equal(claimed?.status, 'running');
      assert.equal(await queue.claim('worker-2', LEASE_MS), null);

      clock.nowMs += LEASE_MS - 1;
      assert.equal(await queue.claim('worker-2', LEASE_MS), null, 'the lease still holds');
      clock.nowMs += 1;
      // worker-1 died without a word: its lease ran out.
      const reclaimed = await queue.claim('worker-2', LEASE_MS);
      assert.equal(reclaimed?.id, queued.id);
      assert.equal(reclaimed?.attempts, 1, 'the lost try counts');

      await assert.rejects(queue.heartbeat(queued.id, 'worker-1', { framesDone: 10, framesPerSecond: 5 }, LEASE_MS), LeaseLostError);
      await assert.rejects(queue.complete(queued.id, 'worker-1'), LeaseLostError);
      await queue.complete(queued.id, 'worker-2');
      const [done] = await queue.list();
      assert.equal(done.status, 'done');
      assert.equal(done.framesDone, done.framesTotal);
    }));

  test('heartbeats publish progress and keep the lease alive past its first expiry', () =>
    withQueue(async ({ queue, clock }) => {
      const { id } = await queue.enqueue(job('route-a', '360p'));
      await queue.claim('worker-1', LEASE_MS);
      for (let framesDone = 30; framesDone <= 300; framesDone += 30) {
        clock.nowMs += LEASE_MS / 2;
        await queue.heartbeat(id, 'worker-1', { framesDone, framesPerSecond: 12.5 }, LEASE_MS);
      }
      assert.equal(await queue.claim('worker-2', LEASE_MS), null, 'renewed leases never expired');
      const [running] = await queue.list({ routeId: 'route-a' });
      assert.equal(running.status, 'running');
      assert.equal(running.framesDone, 300);
      assert.equal(running.framesPerSecond, 12.5);
      assert.equal(running.updatedAt, new Date(clock.nowMs).toISOString());
      await queue.heartbeat(id, 'worker-1', { framesDone: 10_000, framesPerSecond: null }, LEASE_MS);
      assert.equal((await queue.list())[0].framesDone, 601, 'progress never exceeds the total');
    }));

  test('a failed try is retried until the limit, then the job fails with its error kept', () =>
    withQueue(
      async ({ queue }) => {
        const { id } = await queue.enqueue(job('route-a', '360p'));
        for (let attempt = 1; attempt <= 3; attempt++) {
          const claimed = await queue.claim('worker-1', LEASE_MS);
          assert.equal(claimed?.id, id, `try ${attempt} is claimable`);
          await queue.fail(id, 'worker-1', `renderer crashed (${attempt})`, true);
        }
        assert.equal(await queue.claim('worker-1', LEASE_MS), null);
        const [failed] = await queue.list();
        assert.equal(failed.status, 'failed');
        assert.equal(failed.attempts, 3);
        assert.equal(failed.error, 'renderer crashed (3)');
      },
      ['route-a'],
      3,
    ));

  test('a failure without retry fails at once; a release gives the job back without counting a try', () =>
    withQueue(async ({ queue }) => {
      const a = await queue.enqueue(job('route-a', '360p'));
      const b = await queue.enqueue(job('route-b', '360p'));
      assert.equal((await queue.claim('worker-1', LEASE_MS))?.id, a.id);
      await queue.fail(a.id, 'worker-1', 'route revision no longer published', false);
      assert.equal((await queue.claim('worker-1', LEASE_MS))?.id, b.id);
      await queue.release(b.id, 'worker-1');
      await assert.rejects(queue.release(b.id, 'worker-1'), LeaseLostError, 'a released job is no longer leased');
      const jobs = await queue.list();
      assert.deepEqual(
        jobs.map((j) => [j.routeId, j.status, j.attempts, j.error]),
        [
          ['route-a', 'failed', 1, 'route revision no longer published'],
          ['route-b', 'queued', 0, null],
        ],
      );
      assert.equal((await queue.claim('worker-2', LEASE_MS))?.id, b.id);
    }));

  test('a job whose worker keeps dying fails after the limit instead of looping forever', () =>
    withQueue(
      async ({ queue, clock }) => {
        const { id } = await queue.enqueue(job('route-a', '360p'));
        await queue.claim('worker-1', LEASE_MS);
        await queue.fail(id, 'worker-1', 'renderer crashed', true);
        await queue.claim('worker-2', LEASE_MS);
        clock.nowMs += LEASE_MS;
        assert.equal(await queue.claim('worker-3', LEASE_MS), null, 'the third lost try used the last attempt');
        const [failed] = await queue.list();
        assert.equal(failed.status, 'failed');
        assert.equal(failed.attempts, 2);
        assert.match(failed.error ?? '', /worker was lost.*all 2 tries.*renderer crashed/);
      },
      ['route-a'],
      2,
    ));

  test('a job whose lease expired is claimed ahead of cheaper jobs not yet begun: an interrupted bake resumes first', () =>
    withQueue(async ({ queue, clock }) => {
      const interrupted = await queue.enqueue(job('route-a', '720p'));
      await queue.claim('worker-1', LEASE_MS);
      await queue.enqueue(job('route-b', '360p'));
      await queue.enqueue(job('route-a', '360p'));
      clock.nowMs += LEASE_MS;
      const first = await queue.claim('worker-2', LEASE_MS);
      assert.equal(first?.id, interrupted.id, 'the expired 720p bake, not a fresh 360p one');
      assert.deepEqual(await claimAll(queue, 'worker-2'), ['route-b/360p', 'route-a/360p']);
    }));

  test('a released job (the server stopped) is claimed first on the next start', () =>
    withQueue(async ({ queue }) => {
      const stopped = await queue.enqueue(job('route-b', '540p'));
      await queue.claim('worker-1', LEASE_MS);
      await queue.enqueue(job('route-a', '360p'));
      await queue.release(stopped.id, 'worker-1');
      assert.equal((await queue.claim('worker-2', LEASE_MS))?.id, stopped.id);
    }));

  test("reclaimLeases takes back a dead owner's jobs at once, counts the lost try, and leaves live owners alone", () =>
    withQueue(
      async ({ queue }) => {
        const killed = await queue.enqueue(job('route-a', '720p'));
        const alive = await queue.enqueue(job('route-b', '720p'));
        assert.equal((await queue.claim('host-1:100', LEASE_MS))?.id, killed.id);
        assert.equal((await queue.claim('host-1:200', LEASE_MS))?.id, alive.id);
        await queue.enqueue(job('route-a', '360p'));
        assert.equal(await queue.reclaimLeases((owner) => owner === 'host-1:100'), 1);
        // No clock moved: without the reclaim the job would wait out its lease behind the new one.
        const resumed = await queue.claim('host-1:300', LEASE_MS);
        assert.equal(resumed?.id, killed.id);
        assert.equal(resumed?.attempts, 1, 'the killed try counts');
        const others = await queue.list({ routeId: 'route-b' });
        assert.equal(others[0].status, 'running', "a live owner's job stays leased");

        // A job out of tries fails instead of looping.
        assert.equal(await queue.reclaimLeases((owner) => owner === 'host-1:300'), 1);
        const [failed] = (await queue.list({ routeId: 'route-a' })).filter((candidate) => candidate.id === killed.id);
        assert.equal(failed.status, 'failed');
        assert.match(failed.error ?? '', /worker was lost.*all 2 tries/);
      },
      ['route-a', 'route-b'],
      2,
    ));

  test('the queue survives a reopen: state lives in the file', async () => {
    const { queue, filePath } = await freshQueue(['route-a']);
    const { id } = await queue.enqueue(job('route-a', '540p'));
    await queue.claim('worker-1', LEASE_MS);
    await queue.heartbeat(id, 'worker-1', { framesDone: 90, framesPerSecond: 8 }, LEASE_MS);
    queue.close();
    const reopened = openSqliteBakeQueue(filePath);
    try {
      const [job] = await reopened.list();
      assert.deepEqual([job.id, job.status, job.framesDone, job.framesPerSecond], [id, 'running', 90, 8]);
    } finally {
      reopened.close();
    }
  });
});
