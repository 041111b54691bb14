// The codec choice (VP9 where it decodes and is baked, VP8 where not, JPEG without WebCodecs)
// and the ladder's VP9 twins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodes, sameRungIn, streamableProfiles } from '@/scenes/protocol/codec-choice';
import {
  BAKED_PROFILE_IDS,
  PROFILE_IDS,
  QUALITY_PROFILES,
  profileIdAt,
  profileIndexOf,
  vp9TwinOf,
  type ProfileId,
} from '@/scenes/protocol/profile-ladder';
import { allowedProfiles, chooseProfile } from '@/server/stream/stream-profile-rules';
import { allowedProfiles as playerAllowed, profileCapsOf } from '@/components/player/cloud/adaptive-profile';

const bakedSet = (ids: readonly ProfileId[]) => (id: ProfileId) => ids.includes(id);
const BOTH = { vp8: true, vp9: true };
const VP8_ONLY = { vp8: true, vp9: false };
const NO_WEBCODECS = { vp8: false, vp9: false };

test('the chunk header indices of the profiles before VP9 keep their meaning (append only)', () => {
  const before = ['360p', '360p-jpeg', '540p', '720p', '1080p', '720p-cinematic', '1080p-cinematic'] as const;
  before.forEach((id, index) => assert.equal(profileIndexOf(id), index));
  for (const id of PROFILE_IDS) assert.equal(profileIdAt(profileIndexOf(id)), id);
  assert.ok(PROFILE_IDS.length <= 256, 'the profile index is one byte');
});

test('each VP8 rung, standard and cinematic, has a VP9 twin of its size and tier, at fewer bits; it has no bake job of its own', () => {
  for (const id of ['360p', '540p', '720p', '1080p', '720p-cinematic', '1080p-cinematic'] as const) {
    const twinId = vp9TwinOf(id);
    assert.ok(twinId !== null, `${id} has a VP9 twin`);
    const [vp8, vp9] = [QUALITY_PROFILES[id], QUALITY_PROFILES[twinId]];
    assert.equal(vp9.codec, 'vp9');
    assert.equal(vp9.encodedBeside, id);
    assert.deepEqual([vp9.width, vp9.height, vp9.sceneTier], [vp8.width, vp8.height, vp8.sceneTier]);
    assert.ok(vp9.bitrateKbps < vp8.bitrateKbps, `${twinId} costs fewer bits than ${id}`);
    assert.ok(!BAKED_PROFILE_IDS.includes(twinId));
    assert.ok(BAKED_PROFILE_IDS.includes(id));
  }
  assert.equal(vp9TwinOf('360p-jpeg'), null);
  assert.equal(vp9TwinOf('sphere-2k'), null);
  assert.equal(vp9TwinOf('720p-vp9'), null);
  assert.equal(vp9TwinOf('720p-cinematic-vp9'), null);
});

test('a browser that decodes VP9 gets the cinematic rung in VP9 once its twin is baked', () => {
  const baked = bakedSet(['360p', '360p-jpeg', '720p', '720p-cinematic', '360p-vp9', '720p-vp9', '720p-cinematic-vp9']);
  assert.deepEqual(streamableProfiles(baked, BOTH), ['360p-vp9', '360p-jpeg', '720p-vp9', '720p-cinematic-vp9']);
  assert.deepEqual(streamableProfiles(bakedSet(['360p', '720p-cinematic']), BOTH), ['360p', '720p-cinematic']);
});

test('a browser that decodes VP9 gets each rung in VP9 where the twin is baked, VP8 where it is not', () => {
  const baked = bakedSet(['360p', '360p-jpeg', '540p', '720p', '360p-vp9', '720p-vp9']);
  assert.deepEqual(streamableProfiles(baked, BOTH), ['360p-vp9', '360p-jpeg', '540p', '720p-vp9']);
});

test('a browser without VP9 gets VP8 even where VP9 is baked; without WebCodecs only JPEG decodes', () => {
  const baked = bakedSet(['360p', '360p-jpeg', '540p', '360p-vp9', '540p-vp9']);
  assert.deepEqual(streamableProfiles(baked, VP8_ONLY), ['360p', '360p-jpeg', '540p']);
  assert.deepEqual(streamableProfiles(baked, NO_WEBCODECS), ['360p-jpeg']);
  assert.equal(decodes('jpeg', NO_WEBCODECS), true);
  assert.equal(decodes('vp9', VP8_ONLY), false);
});

test('an old VP8-only bake streams VP8 to a browser that decodes VP9', () => {
  const baked = bakedSet(['360p', '360p-jpeg', '540p']);
  assert.deepEqual(streamableProfiles(baked, BOTH), ['360p', '360p-jpeg', '540p']);
});

test('a VP9 twin baked without its VP8 profile is still offered to a VP9 browser, never to a VP8-only one', () => {
  const baked = bakedSet(['360p-vp9']);
  assert.deepEqual(streamableProfiles(baked, BOTH), ['360p-vp9']);
  assert.deepEqual(streamableProfiles(baked, VP8_ONLY), []);
});

test('a rung asked for in one codec is found in the other', () => {
  assert.equal(sameRungIn('720p', ['360p-vp9', '720p-vp9']), '720p-vp9');
  assert.equal(sameRungIn('720p-vp9', ['360p', '720p']), '720p');
  assert.equal(sameRungIn('540p', ['360p-vp9', '720p-vp9']), null);
  assert.equal(sameRungIn('360p-jpeg', ['360p', '360p-jpeg']), '360p-jpeg');
});

test('the server offers and starts on VP9 for a VP9 browser, VP8 for another, and honours the data-saver cap', () => {
  const manifests = new Map(['360p', '360p-jpeg', '540p', '360p-vp9', '540p-vp9'].map((id) => [id as ProfileId, null as never]));
  const route = { manifests };
  const vp9Join = {
    profile: '540p' as const,
    capabilities: { webcodecsVp8: true, webcodecsVp9: true, saveData: false, connectionType: 'wifi' as const },
  };
  const vp9Allowed = allowedProfiles(route, vp9Join);
  assert.deepEqual(vp9Allowed, ['360p-vp9', '360p-jpeg', '540p-vp9']);
  assert.equal(chooseProfile(vp9Allowed, vp9Join), '540p-vp9');

  const vp8Join = { profile: '540p' as const, capabilities: { webcodecsVp8: true, saveData: false, connectionType: 'wifi' as const } };
  const vp8Allowed = allowedProfiles(route, vp8Join);
  assert.deepEqual(vp8Allowed, ['360p', '360p-jpeg', '540p']);
  assert.equal(chooseProfile(vp8Allowed, vp8Join), '540p');

  const saver = { ...vp9Join, capabilities: { ...vp9Join.capabilities, saveData: true } };
  const saverAllowed = allowedProfiles(route, saver);
  assert.deepEqual(saverAllowed, ['360p-vp9', '360p-jpeg']);
  assert.equal(chooseProfile(saverAllowed, saver), '360p-vp9');
});

test('the player climbs a ladder that mixes VP9 and VP8 rungs, and never picks VP9 without a decoder for it', () => {
  const summary = (id: ProfileId) => QUALITY_PROFILES[id];
  const offered = (['360p-vp9', '360p-jpeg', '540p', '720p-vp9'] as const).map(summary);
  const vp9Caps = profileCapsOf({ webcodecsVp8: true, webcodecsVp9: true, saveData: false }, null);
  assert.deepEqual(
    playerAllowed(offered, vp9Caps).map((profile) => profile.id),
    ['360p-vp9', '540p', '720p-vp9'],
  );
  const vp8Caps = profileCapsOf({ webcodecsVp8: true, saveData: false }, null);
  assert.deepEqual(
    playerAllowed(offered, vp8Caps).map((profile) => profile.id),
    ['540p'],
  );
});
