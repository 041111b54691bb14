// The live bake reading behind "Preparing the cloud picture, N %": the reply's schema, the
// poll's backoff, and what the player makes of a reading and a stream's "not baked" reply.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bakingPercentOf,
  nextPollDelayMs,
  POLL_BASE_MS,
  POLL_FAILED_MAX_MS,
  POLL_STILL_MAX_MS,
  readinessMoved,
  bakeWorthFollowing,
} from '@/components/player/cloud/cloud-readiness-poll';
import { CloudReadinessReplySchema } from '@/components/player/cloud/cloud-readiness-reply';
import type { CloudReadiness } from '@/server/bake/cloud-readiness';

describe('cloud readiness poll', () => {
  test('the reply is checked at the boundary', () => {
    assert.deepEqual(CloudReadinessReplySchema.parse({ readiness: { state: 'baking', percent: 42 } }).readiness, {
      state: 'baking',
      percent: 42,
    });
    assert.deepEqual(CloudReadinessReplySchema.parse({ readiness: { state: 'ready', profilesReady: ['360p'] } }).readiness, {
      state: 'ready',
      profilesReady: ['360p'],
    });
    for (const bad of [
      {},
      { readiness: { state: 'baking' } },
      { readiness: { state: 'baking', percent: 140 } },
      { readiness: { state: 'ready', profilesReady: ['8k'] } },
      { readiness: { state: 'done' } },
    ]) {
      assert.equal(CloudReadinessReplySchema.safeParse(bad).success, false, JSON.stringify(bad));
    }
  });

  test('asks soon while the bake moves, backs off while it stands still or the server fails, and comes back when it moves', () => {
    let delay = POLL_BASE_MS;
    const still: number[] = [];
    for (let i = 0; i < 12; i++) still.push((delay = nextPollDelayMs(delay, 'still')));
    assert.ok(
      still.every((ms, i) => i === 0 || ms >= still[i - 1]),
      `never shorter: ${still.join(', ')}`,
    );
    assert.ok(still[0] > POLL_BASE_MS);
    assert.equal(still.at(-1), POLL_STILL_MAX_MS);
    assert.equal(nextPollDelayMs(delay, 'moved'), POLL_BASE_MS);

    delay = POLL_BASE_MS;
    for (let i = 0; i < 12; i++) delay = nextPollDelayMs(delay, 'failed');
    assert.equal(delay, POLL_FAILED_MAX_MS);
    assert.equal(nextPollDelayMs(delay, 'moved'), POLL_BASE_MS);
  });

  test('a reading moved when its state or its percentage changed', () => {
    assert.equal(readinessMoved(null, { state: 'queued' }), true);
    assert.equal(readinessMoved({ state: 'queued' }, { state: 'queued' }), false);
    assert.equal(readinessMoved({ state: 'baking', percent: 4 }, { state: 'baking', percent: 4 }), false);
    assert.equal(readinessMoved({ state: 'baking', percent: 4 }, { state: 'baking', percent: 9 }), true);
    assert.equal(readinessMoved({ state: 'baking', percent: 99 }, { state: 'ready', profilesReady: ['360p'] }), true);
  });

  test('a bake under way is worth following; a queued job only once a stream said the route is not baked', () => {
    assert.equal(bakeWorthFollowing({ state: 'baking', percent: 10 }, false), true);
    assert.equal(bakeWorthFollowing({ state: 'queued' }, false), false, 'a queued job may have its frames stored already');
    assert.equal(bakeWorthFollowing({ state: 'queued' }, true), true);
    assert.equal(bakeWorthFollowing({ state: 'none' }, true), true);
    assert.equal(bakeWorthFollowing(null, false), false);
    const settled: CloudReadiness[] = [{ state: 'ready', profilesReady: [] }, { state: 'failed' }];
    for (const reading of settled) assert.equal(bakeWorthFollowing(reading, true), false);
  });

  test('the percentage shown: the live reading leads, a landed bake shows none, a stream reply fills in', () => {
    const streamBaking = { status: 'baking' as const, percent: 30 };
    assert.equal(bakingPercentOf(true, { state: 'baking', percent: 65 }, streamBaking), 65);
    assert.equal(bakingPercentOf(true, { state: 'queued' }, null), null, "queued on the page's word alone: the stream decides");
    assert.equal(bakingPercentOf(true, { state: 'queued' }, { status: 'queued', percent: 0 }), 0);
    assert.equal(
      bakingPercentOf(true, { state: 'ready', profilesReady: ['360p'] }, streamBaking),
      null,
      'landed: nothing to wait for, whatever the stream said before',
    );
    assert.equal(bakingPercentOf(true, { state: 'none' }, streamBaking), 30);
    assert.equal(bakingPercentOf(true, null, { status: 'failed', percent: 0 }), null);
    assert.equal(bakingPercentOf(false, { state: 'baking', percent: 65 }, null), null, 'no render server, no cloud picture to wait for');
  });
});
