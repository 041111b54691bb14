// The catalogue's 360° mark and the studio's "360° ready", from recorded bake job states as
// the render server summarises them (summarizeCloudReadiness) and answers them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BakeJob } from '@/server/bake/bake-contracts';
import { summarizeCloudReadiness } from '@/server/bake/cloud-readiness';
import { DEFAULT_BAKE_PROFILE_IDS, type ProfileId } from '@/scenes/protocol/profile-ladder';
import { bakedSphereProfiles, lookAroundReady } from '@/components/catalogue/look-around-readiness';

let nextId = 1;
function job(profileId: ProfileId, status: BakeJob['status'], overrides: Partial<BakeJob> = {}): BakeJob {
  return {
    id: nextId++,
    routeId: 'hallelujah-flyover',
    revision: 1,
    profileId,
    sceneVersion: 'scene-a',
    status,
    framesDone: status === 'done' ? 2851 : 0,
    framesTotal: 2851,
    framesPerSecond: null,
    attempts: 0,
    error: null,
    updatedAt: '2026-12-03T11:00:00.000Z',
    ...overrides,
  };
}

/** Every default profile of revision 1, done up to (not including) `until`, the rest queued. */
function bakedUpTo(until: ProfileId | null, overrides: Partial<BakeJob> = {}): BakeJob[] {
  const stop = until === null ? DEFAULT_BAKE_PROFILE_IDS.length : DEFAULT_BAKE_PROFILE_IDS.indexOf(until);
  return DEFAULT_BAKE_PROFILE_IDS.map((id, i) => job(id, i < stop ? 'done' : 'queued', overrides));
}

test('nothing is 360° without a readiness, or before the flight streams at all', () => {
  assert.equal(lookAroundReady(undefined), false);
  assert.equal(lookAroundReady(null), false);
  for (const readiness of [{ state: 'none' }, { state: 'queued' }, { state: 'failed' }, { state: 'baking', percent: 40 }] as const) {
    assert.equal(lookAroundReady(readiness), false, readiness.state);
  }
});

test('every flat profile baked but the sphere still queued or running: ready to stream, not 360°', () => {
  const flatOnly = summarizeCloudReadiness(bakedUpTo('sphere-2k'), 1);
  assert.equal(flatOnly.state, 'ready');
  assert.equal(lookAroundReady(flatOnly), false);
  const running = bakedUpTo('sphere-2k').map((j) =>
    j.profileId === 'sphere-2k' ? { ...j, status: 'running' as const, framesDone: 2000 } : j,
  );
  assert.equal(lookAroundReady(summarizeCloudReadiness(running, 1)), false);
});

test('360° once the 2k sphere is done, and the 4k one (on request) counts too', () => {
  const all = summarizeCloudReadiness(bakedUpTo(null), 1);
  assert.equal(lookAroundReady(all), true);
  assert.deepEqual(bakedSphereProfiles(all), ['sphere-2k']);
  const with4k = summarizeCloudReadiness([...bakedUpTo('sphere-2k'), job('sphere-4k', 'done')], 1);
  assert.deepEqual(bakedSphereProfiles(with4k), ['sphere-4k']);
});

test('a failed sphere bake, or one of another revision or an older scene version, is not 360°', () => {
  const failed = bakedUpTo('sphere-2k').map((j) => (j.profileId === 'sphere-2k' ? { ...j, status: 'failed' as const } : j));
  assert.equal(lookAroundReady(summarizeCloudReadiness(failed, 1)), false);
  // Revision 2 published since: its own flat bakes are done, its sphere not yet; revision 1's sphere does not count.
  const older = [...bakedUpTo(null), ...bakedUpTo('sphere-2k', { revision: 2 })];
  assert.equal(lookAroundReady(summarizeCloudReadiness(older, 1)), true);
  assert.equal(lookAroundReady(summarizeCloudReadiness(older, 2)), false);
  // A new scene version re-bakes: until its sphere lands, the old scene's sphere does not show.
  const rebaking = [...bakedUpTo(null, { sceneVersion: 'scene-a' }), ...bakedUpTo('sphere-2k', { sceneVersion: 'scene-b' })];
  assert.equal(lookAroundReady(summarizeCloudReadiness(rebaking, 1)), false);
});
