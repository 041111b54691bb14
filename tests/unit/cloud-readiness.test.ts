// The catalogue's cloud readiness, from recorded bake job states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BakeJob } from '@/server/bake/bake-contracts';
import { summarizeCloudReadiness } from '@/server/bake/cloud-readiness';

let nextId = 1;
function job(overrides: Partial<BakeJob>): BakeJob {
  return {
    id: nextId++,
    routeId: 'hallelujah-flyover',
    revision: 1,
    profileId: '360p',
    sceneVersion: 'scene-a',
    status: 'queued',
    framesDone: 0,
    framesTotal: 2851,
    framesPerSecond: null,
    attempts: 0,
    error: null,
    updatedAt: '2026-11-26T04:00:00.000Z',
    ...overrides,
  };
}

test('no jobs for the revision means no cloud version', () => {
  assert.deepEqual(summarizeCloudReadiness([], 1), { state: 'none' });
  assert.deepEqual(summarizeCloudReadiness([job({ revision: 2, status: 'done' })], 1), { state: 'none' });
});

test('queued, baking with a percentage, failed, then ready once 360p is done', () => {
  assert.deepEqual(summarizeCloudReadiness([job({})], 1), { state: 'queued' });
  assert.deepEqual(summarizeCloudReadiness([job({ status: 'running', framesDone: 1426 })], 1), { state: 'baking', percent: 50 });
  assert.deepEqual(summarizeCloudReadiness([job({ status: 'running', framesDone: 2850 })], 1), { state: 'baking', percent: 99 });
  assert.deepEqual(summarizeCloudReadiness([job({ status: 'failed', error: 'renderer died' })], 1), { state: 'failed' });
  assert.deepEqual(
    summarizeCloudReadiness(
      [job({ status: 'done', framesDone: 2851 }), job({ profileId: '360p-jpeg', status: 'done' }), job({ profileId: '720p' })],
      1,
    ),
    { state: 'ready', profilesReady: ['360p', '360p-jpeg'] },
  );
});

test('a higher profile done before 360p does not make the route streamable', () => {
  assert.deepEqual(summarizeCloudReadiness([job({ profileId: '720p', status: 'done' }), job({ status: 'running', framesDone: 285 })], 1), {
    state: 'baking',
    percent: 9,
  });
});

test('frames of an older scene version do not count once a newer one is queued', () => {
  const old = job({ sceneVersion: 'scene-a', status: 'done', framesDone: 2851 });
  const fresh = job({ sceneVersion: 'scene-b' });
  assert.deepEqual(summarizeCloudReadiness([old, fresh], 1), { state: 'queued' });
});
