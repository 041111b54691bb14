// The cloud path's look-around rule (issue 14): the flat stream while the visitor only
// watches, the sphere from the first look away, back to flat only after the look has rested
// on the route's direction for FLAT_AFTER_REST_MS; and what the view says meanwhile, never
// silence where a drag cannot turn the stream. Also the ladder's side: whether a sphere can
// stream at all here, and that the adaptive choice then moves onto it and back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  FLAT_AFTER_REST_MS,
  lookAroundStatus,
  NO_LOOK_DEMAND,
  nextLookDemand,
  streamsSphere,
  type LookDemand,
} from '@/components/player/cloud/look-around-demand';
import { chooseProfile, sphereAvailability, type ProfileCaps, type StreamProfileInfo } from '@/components/player/cloud/adaptive-profile';
import { QUALITY_PROFILES, type ProfileId } from '@/scenes/protocol/profile-ladder';
import { NO_LOOK_OFFSET } from '@/scenes/routes/look-offset';

const AWAY = { yawRad: 0.4, pitchRad: 0 };
const info = (id: ProfileId): StreamProfileInfo => {
  const { width, height, codec, bitrateKbps } = QUALITY_PROFILES[id];
  return { id, width, height, codec, bitrateKbps };
};
const WITH_SPHERE = (['360p', '360p-jpeg', '720p', 'sphere-2k'] as const).map(info);
const FLAT_ONLY = (['360p', '360p-jpeg', '720p'] as const).map(info);
const CAPS: ProfileCaps = { vp8Supported: true, dataSaver: false, maxUsefulWidthPx: 1280 };

test('watching only, the stream stays flat; the first look away asks for the sphere', () => {
  let demand = nextLookDemand(NO_LOOK_DEMAND, NO_LOOK_OFFSET, 0);
  assert.equal(demand, NO_LOOK_DEMAND, 'nothing changes while the look rests');
  demand = nextLookDemand(demand, AWAY, 100);
  assert.deepEqual(demand, { wantsSphere: true, restingSinceMs: null });
  assert.equal(nextLookDemand(demand, { yawRad: 0, pitchRad: -0.1 }, 200), demand, 'still looking: the same demand');
});

test('back on the route direction, the sphere is kept until the look has rested FLAT_AFTER_REST_MS', () => {
  let demand: LookDemand = nextLookDemand(NO_LOOK_DEMAND, AWAY, 0);
  demand = nextLookDemand(demand, NO_LOOK_OFFSET, 1000);
  assert.deepEqual(demand, { wantsSphere: true, restingSinceMs: 1000 });
  assert.equal(nextLookDemand(demand, NO_LOOK_OFFSET, 1000 + FLAT_AFTER_REST_MS - 1).wantsSphere, true);
  // A look in between starts the rest over.
  const again = nextLookDemand(demand, AWAY, 5000);
  assert.deepEqual(again, { wantsSphere: true, restingSinceMs: null });
  assert.equal(nextLookDemand(demand, NO_LOOK_OFFSET, 1000 + FLAT_AFTER_REST_MS), NO_LOOK_DEMAND);
});

test('the sphere is wanted exactly when the look was away within the rest window (any sequence of looks)', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ stepMs: fc.integer({ min: 0, max: 9000 }), away: fc.boolean() }), { maxLength: 40 }), (steps) => {
      let demand = NO_LOOK_DEMAND;
      let nowMs = 0;
      let lastAwayMs: number | null = null;
      let restStartMs: number | null = null;
      for (const step of steps) {
        nowMs += step.stepMs;
        demand = nextLookDemand(demand, step.away ? AWAY : NO_LOOK_OFFSET, nowMs);
        if (step.away) {
          lastAwayMs = nowMs;
          restStartMs = null;
        } else if (lastAwayMs !== null && restStartMs === null) restStartMs = nowMs;
        // The rest is measured from the first reading back home, as a renderer sees it.
        const expected: boolean = lastAwayMs !== null && (restStartMs === null || nowMs - restStartMs < FLAT_AFTER_REST_MS);
        if (!expected) {
          lastAwayMs = null;
          restStartMs = null;
        }
        assert.equal(demand.wantsSphere, expected, `at ${nowMs} ms`);
      }
    }),
  );
});

test('what the view says: loading until the sphere shows, and why a drag cannot turn the stream', () => {
  const looking = { wantsSphere: true, restingSinceMs: null };
  const facts = { demand: looking, availability: 'ready' as const, drawable: true, sphereShown: false };
  assert.equal(lookAroundStatus({ ...facts, demand: NO_LOOK_DEMAND }), 'off');
  assert.equal(lookAroundStatus(facts), 'loading');
  assert.equal(lookAroundStatus({ ...facts, availability: null }), 'loading', 'profiles not listed yet');
  assert.equal(lookAroundStatus({ ...facts, sphereShown: true }), 'sphere');
  assert.equal(lookAroundStatus({ ...facts, availability: 'not-baked' }), 'not-baked');
  assert.equal(lookAroundStatus({ ...facts, availability: 'data-saver' }), 'data-saver');
  assert.equal(lookAroundStatus({ ...facts, drawable: false }), 'unsupported');
  assert.equal(streamsSphere(facts), true);
  assert.equal(streamsSphere({ ...facts, availability: null }), true);
  for (const blocked of [{ availability: 'not-baked' as const }, { availability: 'data-saver' as const }, { drawable: false }]) {
    assert.equal(streamsSphere({ ...facts, ...blocked }), false, JSON.stringify(blocked));
  }
  assert.equal(streamsSphere({ ...facts, demand: NO_LOOK_DEMAND }), false);
});

test('a sphere streams where one is listed and decodes, not under data saver, not as JPEG', () => {
  assert.equal(sphereAvailability(WITH_SPHERE, CAPS), 'ready');
  assert.equal(sphereAvailability(FLAT_ONLY, CAPS), 'not-baked');
  assert.equal(sphereAvailability(WITH_SPHERE, { ...CAPS, dataSaver: true }), 'data-saver');
  // Under data saver the server lists no sphere, baked or not: the cap is what the visitor can change.
  assert.equal(sphereAvailability(FLAT_ONLY, { ...CAPS, dataSaver: true }), 'data-saver');
  // A narrow screen does not forbid the sphere: a view of it is a quarter of it across.
  assert.equal(sphereAvailability(WITH_SPHERE, { ...CAPS, maxUsefulWidthPx: 360 }), 'ready');
  assert.equal(sphereAvailability(WITH_SPHERE, { ...CAPS, vp8Supported: false }), 'not-baked');
});

test('asked for the sphere, the adaptive choice moves from the flat rung onto it at once, and back down the flat ladder after', () => {
  const inputs = {
    available: WITH_SPHERE,
    manualId: null,
    capacityKbps: 3000,
    bufferAheadS: 1.8,
    playing: true,
    lateFrameRatio: 0,
    secondsSinceSwitch: Number.POSITIVE_INFINITY,
  };
  assert.equal(chooseProfile({ ...inputs, currentId: '720p', caps: { ...CAPS, projection: 'equirect' } }).profileId, 'sphere-2k');
  assert.equal(chooseProfile({ ...inputs, currentId: 'sphere-2k', caps: { ...CAPS, projection: 'flat' } }).profileId, '720p');
  // A flat profile picked by hand gives way while looking around: the flat picture cannot turn.
  assert.equal(
    chooseProfile({ ...inputs, currentId: '360p', manualId: '360p', caps: { ...CAPS, projection: 'equirect' } }).profileId,
    'sphere-2k',
  );
});
