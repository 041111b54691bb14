// The sphere profiles are a ladder of their own: a flat view never climbs onto one, however
// fast the link, and a look-around view starts on the cheapest sphere and climbs only spheres.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allowedProfiles,
  chooseProfile,
  projectionOfProfile,
  startingProfile,
  type ProfileCaps,
  type StreamProfileInfo,
} from '@/components/player/cloud/adaptive-profile';
import { QUALITY_PROFILES, type ProfileId } from '@/scenes/protocol/profile-ladder';

const info = (id: ProfileId): StreamProfileInfo => {
  const { width, height, codec, bitrateKbps } = QUALITY_PROFILES[id];
  return { id, width, height, codec, bitrateKbps };
};
const AVAILABLE = (['360p', '720p', '1080p', 'sphere-2k', 'sphere-4k'] as const).map(info);
const FLAT: ProfileCaps = { vp8Supported: true, dataSaver: false, maxUsefulWidthPx: null };
const SPHERE: ProfileCaps = { ...FLAT, projection: 'equirect' };

test('each profile says what it projects; an unknown id is flat', () => {
  assert.equal(projectionOfProfile('sphere-2k'), 'equirect');
  assert.equal(projectionOfProfile('720p-cinematic'), 'flat');
  assert.equal(projectionOfProfile('from-a-newer-server'), 'flat');
});

test('a flat view never streams a sphere, a look-around view nothing else', () => {
  assert.deepEqual(
    allowedProfiles(AVAILABLE, FLAT).map((profile) => profile.id),
    ['360p', '720p', '1080p'],
  );
  assert.deepEqual(
    allowedProfiles(AVAILABLE, SPHERE).map((profile) => profile.id),
    ['sphere-2k', 'sphere-4k'],
  );
  assert.equal(startingProfile(AVAILABLE, SPHERE, null)?.id, 'sphere-2k');
  assert.equal(startingProfile(AVAILABLE, FLAT, null)?.id, '360p');
});

test('with all the bandwidth in the world, Auto on a flat view stops at the top flat rung', () => {
  const decision = chooseProfile({
    available: AVAILABLE,
    currentId: '1080p',
    caps: FLAT,
    manualId: null,
    capacityKbps: 1_000_000,
    bufferAheadS: 3,
    playing: true,
    lateFrameRatio: 0,
    secondsSinceSwitch: 60,
  });
  assert.equal(decision.profileId, '1080p');
});

test('no sphere baked (yet): a look-around view streams the flat ladder', () => {
  assert.deepEqual(
    allowedProfiles(AVAILABLE.slice(0, 3), SPHERE).map((profile) => profile.id),
    ['360p', '720p', '1080p'],
  );
});
