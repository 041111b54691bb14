// A look away (or a headset) while the flight is paused on the cloud path: the stream moves to
// the sphere at once, starting again at the frame on screen, instead of at the next segment
// boundary, which a paused stream never reaches (the visitor saw "360° view loading" and the
// headset black until they pressed play). Playing, the switch still waits for that boundary.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { HttpSegmentsMessage } from '@/scenes/protocol/http-segment-messages';
import { CAPABILITIES, emitted, Harness, READY } from '../helpers/stream-session-harness';

const PROFILES = [...READY.profiles, { id: 'sphere-2k' as const, codec: 'vp8' as const, width: 2048, height: 1024, bitrateKbps: 4500 }];
const LOOKING = { capacityKbps: 20_000, bufferAheadS: 2, lateFrameRatio: 0, maxUsefulWidthPx: 1280, projection: 'equirect' as const };

describe('moving onto the sphere', () => {
  test('paused: the profile switch is followed by a seek to the clock, so the sphere comes now', () => {
    const h = new Harness().joined({ profiles: PROFILES });
    h.clock = { timeS: 6, playing: false, rate: 1, shownFrame: 180 };
    h.nowMs = 5_000;
    const commands = h.send({ type: 'adapt', measurements: LOOKING, immediate: true });
    assert.deepEqual(emitted(commands, 'control'), [
      { type: 'profile', id: 'sphere-2k' },
      { type: 'seek', timeS: 6 },
    ]);
    assert.deepEqual(
      commands.find((command) => command.type === 'media-seek'),
      { type: 'media-seek', targetFrame: 180, flush: true },
    );
  });

  test('playing: only the profile is asked for; it lands at the next segment boundary with no gap', () => {
    const h = new Harness().joined({ profiles: PROFILES, paused: false });
    h.clock = { timeS: 6, playing: true, rate: 1, shownFrame: 180 };
    h.nowMs = 5_000;
    const commands = h.send({ type: 'adapt', measurements: LOOKING, immediate: true });
    assert.deepEqual(emitted(commands, 'control'), [{ type: 'profile', id: 'sphere-2k' }]);
    assert.equal(
      commands.some((command) => command.type === 'media-seek'),
      false,
    );
  });

  test('back to the flat picture while paused: no restart (the sphere shows the frame until play)', () => {
    const h = new Harness().joined({ profiles: PROFILES, profile: 'sphere-2k' });
    h.clock = { timeS: 6, playing: false, rate: 1, shownFrame: 180 };
    h.nowMs = 5_000;
    const commands = h.send({ type: 'adapt', measurements: { ...LOOKING, projection: 'flat' }, immediate: true });
    assert.equal(emitted(commands, 'control').length, 1);
    assert.equal(
      emitted(commands, 'control').some((message) => (message as { type: string }).type === 'seek'),
      false,
    );
  });

  test("over HTTP, paused: the sphere's segments open at the clock's frame, the held frames dropped", () => {
    const manifests = [
      { profileId: '360p' as const, url: '/bakes/scene-1/tianmen-ascent/r3/360p/manifest.json' },
      { profileId: 'sphere-2k' as const, url: '/bakes/scene-1/tianmen-ascent/r3/sphere-2k/manifest.json' },
    ];
    const handoff: HttpSegmentsMessage = {
      reason: 'at-cap',
      routeId: 'tianmen-ascent',
      revision: 3,
      fps: 30,
      frameCount: 601,
      durationS: 20,
      profiles: PROFILES,
      httpManifests: manifests,
    };
    const h = new Harness({ httpTransport: true });
    h.send({ type: 'start', webrtcAvailable: true }, { type: 'socket-connected' });
    h.server('http-segments', handoff);
    h.clock = { timeS: 6, playing: false, rate: 1, shownFrame: 180 };
    assert.equal(CAPABILITIES.webcodecsVp8, true);
    const commands = h.send({ type: 'adapt', measurements: LOOKING, immediate: true });
    assert.deepEqual(
      commands.find((command) => command.type === 'open-http'),
      { type: 'open-http', http: { manifestUrl: manifests[1].url, profileId: 'sphere-2k', restart: true } },
    );
    h.clock = { ...h.clock, playing: true };
    h.nowMs = 60_000;
    const back = h.send({ type: 'adapt', measurements: { ...LOOKING, projection: 'flat' }, immediate: true });
    assert.deepEqual(
      back.find((command) => command.type === 'open-http'),
      { type: 'open-http', http: { manifestUrl: manifests[0].url, profileId: '360p' } },
      'back to flat goes on after the frames held',
    );
  });
});
