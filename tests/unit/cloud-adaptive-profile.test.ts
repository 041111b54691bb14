// Adaptive quality for the cloud player: codec and data-saver caps, steps down when the
// buffer runs low or frames come late, steps up on measured headroom or a long full buffer.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  allowedProfiles,
  chooseProfile,
  connectionAsksToSaveData,
  startingProfile,
  type AdaptiveInputs,
  type StreamProfileInfo,
} from '@/components/player/cloud/adaptive-profile';
import { ThroughputMeter } from '@/components/player/cloud/throughput-meter';

const LADDER: StreamProfileInfo[] = [
  { id: '360p', width: 640, height: 360, codec: 'vp8', bitrateKbps: 900 },
  { id: '360p-jpeg', width: 640, height: 360, codec: 'jpeg', bitrateKbps: 0 },
  { id: '540p', width: 960, height: 540, codec: 'vp8', bitrateKbps: 1600 },
  { id: '720p', width: 1280, height: 720, codec: 'vp8', bitrateKbps: 2800 },
  { id: '1080p', width: 1920, height: 1080, codec: 'vp8', bitrateKbps: 5500 },
];
const OPEN_CAPS = { vp8Supported: true, dataSaver: false, maxUsefulWidthPx: null };

function inputs(overrides: Partial<AdaptiveInputs>): AdaptiveInputs {
  return {
    available: LADDER,
    currentId: '540p',
    caps: OPEN_CAPS,
    manualId: null,
    capacityKbps: null,
    bufferAheadS: 1.5,
    playing: true,
    lateFrameRatio: 0,
    secondsSinceSwitch: 10,
    ...overrides,
  };
}

const ids = (profiles: StreamProfileInfo[]) => profiles.map((profile) => profile.id);

describe('allowed profiles', () => {
  test('VP8 browsers stream the VP8 ladder; the rest get JPEG only', () => {
    assert.deepEqual(ids(allowedProfiles(LADDER, OPEN_CAPS)), ['360p', '540p', '720p', '1080p']);
    assert.deepEqual(ids(allowedProfiles(LADDER, { ...OPEN_CAPS, vp8Supported: false })), ['360p-jpeg']);
    assert.deepEqual(ids(allowedProfiles(LADDER.slice(0, 1), { ...OPEN_CAPS, vp8Supported: false })), []);
  });

  test('data saver caps at 360p, and a small screen does not fetch 1080p', () => {
    assert.deepEqual(ids(allowedProfiles(LADDER, { ...OPEN_CAPS, dataSaver: true })), ['360p']);
    // A 390 px phone at 3× has 1170 device pixels: 1080p (1920) is more than half again too wide.
    assert.deepEqual(ids(allowedProfiles(LADDER, { ...OPEN_CAPS, maxUsefulWidthPx: 1170 })), ['360p', '540p', '720p']);
    // The cheapest profile always remains, however small the screen.
    assert.deepEqual(ids(allowedProfiles(LADDER, { ...OPEN_CAPS, maxUsefulWidthPx: 100 })), ['360p']);
  });

  test('a stream starts at the cheapest allowed profile unless one was picked by hand', () => {
    assert.equal(startingProfile(LADDER, OPEN_CAPS)?.id, '360p');
    assert.equal(startingProfile(LADDER, OPEN_CAPS, '720p')?.id, '720p');
    assert.equal(startingProfile(LADDER, { ...OPEN_CAPS, dataSaver: true }, '720p')?.id, '360p');
    assert.equal(startingProfile(LADDER, { ...OPEN_CAPS, vp8Supported: false })?.id, '360p-jpeg');
  });

  test('saveData, cellular and slow links ask for the data-saver cap', () => {
    assert.equal(connectionAsksToSaveData({ saveData: true }), true);
    assert.equal(connectionAsksToSaveData({ type: 'cellular', effectiveType: '4g' }), true);
    assert.equal(connectionAsksToSaveData({ effectiveType: '3g' }), true);
    assert.equal(connectionAsksToSaveData({ effectiveType: '4g', type: 'wifi', saveData: false }), false);
    assert.equal(connectionAsksToSaveData(undefined), false);
  });
});

describe('chooseProfile', () => {
  test('holds while the buffer is comfortable and nothing proves more headroom', () => {
    assert.deepEqual(chooseProfile(inputs({})), { profileId: '540p', reason: 'hold' });
  });

  test('steps up one rung when a burst showed capacity for it and the buffer is full enough', () => {
    assert.deepEqual(chooseProfile(inputs({ capacityKbps: 8000, bufferAheadS: 2.2 })), { profileId: '720p', reason: 'up' });
    assert.equal(chooseProfile(inputs({ capacityKbps: 3000, bufferAheadS: 2.2 })).reason, 'hold', '2800 kbps needs 30% headroom');
    assert.equal(chooseProfile(inputs({ capacityKbps: 8000, bufferAheadS: 1.2 })).reason, 'hold', 'not with a thin buffer');
  });

  test('probes one rung up after a long spell with a full buffer', () => {
    assert.deepEqual(chooseProfile(inputs({ bufferAheadS: 2.8, secondsSinceSwitch: 15 })), { profileId: '720p', reason: 'probe-up' });
    assert.equal(chooseProfile(inputs({ bufferAheadS: 2.8, secondsSinceSwitch: 6 })).reason, 'hold');
  });

  test('a starving buffer steps down to what the link has shown it carries', () => {
    assert.deepEqual(chooseProfile(inputs({ currentId: '1080p', bufferAheadS: 0.3, capacityKbps: 1500 })), {
      profileId: '360p',
      reason: 'down',
    });
    assert.deepEqual(chooseProfile(inputs({ currentId: '1080p', bufferAheadS: 0.3, capacityKbps: null })), {
      profileId: '720p',
      reason: 'down',
    });
    assert.equal(chooseProfile(inputs({ currentId: '360p', bufferAheadS: 0 })).reason, 'hold', 'nothing below the bottom rung');
    assert.equal(
      chooseProfile(inputs({ currentId: '720p', bufferAheadS: 0, playing: false })).reason,
      'hold',
      'a paused viewer is not starving',
    );
  });

  test('late frames mean the device cannot decode it in time: one step down, and no step up', () => {
    assert.deepEqual(chooseProfile(inputs({ currentId: '720p', lateFrameRatio: 0.2, bufferAheadS: 2.5 })), {
      profileId: '540p',
      reason: 'down',
    });
    assert.equal(chooseProfile(inputs({ lateFrameRatio: 0.05, capacityKbps: 9000, bufferAheadS: 2.5 })).reason, 'hold');
  });

  test('no switch right after the last one', () => {
    assert.equal(chooseProfile(inputs({ currentId: '720p', bufferAheadS: 0.2, secondsSinceSwitch: 1 })).reason, 'hold');
  });

  test('caps apply at once: data saver takes a 720p stream down to 360p', () => {
    assert.deepEqual(chooseProfile(inputs({ currentId: '720p', caps: { ...OPEN_CAPS, dataSaver: true }, secondsSinceSwitch: 0 })), {
      profileId: '360p',
      reason: 'cap',
    });
    assert.deepEqual(chooseProfile(inputs({ currentId: '540p', caps: { ...OPEN_CAPS, vp8Supported: false } })), {
      profileId: '360p-jpeg',
      reason: 'codec',
    });
  });

  test('a manual choice wins within the caps', () => {
    assert.deepEqual(chooseProfile(inputs({ manualId: '1080p', bufferAheadS: 0.1 })), { profileId: '1080p', reason: 'manual' });
    assert.equal(
      chooseProfile(inputs({ manualId: '1080p', caps: { ...OPEN_CAPS, dataSaver: true }, currentId: '360p' })).profileId,
      '360p',
    );
  });

  test('whatever the numbers, the choice is an allowed profile at most one rung up', () => {
    const vp8 = allowedProfiles(LADDER, OPEN_CAPS);
    fc.assert(
      fc.property(
        fc.constantFrom(...vp8.map((profile) => profile.id)),
        fc.option(fc.double({ min: 0, max: 50_000, noNaN: true })),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        (currentId, capacityKbps, bufferAheadS, playing, lateFrameRatio, secondsSinceSwitch) => {
          const decision = chooseProfile(inputs({ currentId, capacityKbps, bufferAheadS, playing, lateFrameRatio, secondsSinceSwitch }));
          const from = vp8.findIndex((profile) => profile.id === currentId);
          const to = vp8.findIndex((profile) => profile.id === decision.profileId);
          assert.ok(to >= 0);
          assert.ok(to <= from + 1);
          if (decision.reason === 'hold') assert.equal(to, from);
        },
      ),
    );
  });
});

describe('ThroughputMeter', () => {
  test('the recent rate follows paced delivery; capacity remembers the fastest burst', () => {
    const meter = new ThroughputMeter({ windowMs: 250, memoryMs: 10_000, minBurstBytes: 20_000 });
    // A fill: 300 kB within one window is 9.6 Mbps of capacity.
    for (let i = 0; i < 30; i++) meter.record(10_000, 1000 + i);
    // Then paced at 900 kbps: about 3.75 kB per 33 ms frame.
    for (let t = 1300; t < 5300; t += 33) meter.record(3750, t);
    const recent = meter.recentKbps(5300, 2000);
    assert.ok(recent > 800 && recent < 1000, `recent ${recent} kbps`);
    assert.equal(meter.capacityKbps(5300), 9600);
    assert.equal(meter.capacityKbps(20_000), null, 'a burst is forgotten after the memory span');
  });
});

describe('a route with a cinematic bake', () => {
  const CINEMATIC: StreamProfileInfo[] = [
    ...LADDER,
    { id: '720p-cinematic', width: 1280, height: 720, codec: 'vp8', bitrateKbps: 4000 },
    { id: '1080p-cinematic', width: 1920, height: 1080, codec: 'vp8', bitrateKbps: 7500 },
  ];

  test('the cinematic profiles replace the standard ones of their size and above; smaller rungs stay for thin links', () => {
    assert.deepEqual(ids(allowedProfiles(CINEMATIC, OPEN_CAPS)), ['360p', '540p', '720p-cinematic', '1080p-cinematic']);
    // Only the 720p cinematic baked so far: climbing from it to the standard 1080p would lose the picture.
    assert.deepEqual(ids(allowedProfiles(CINEMATIC.slice(0, -1), OPEN_CAPS)), ['360p', '540p', '720p-cinematic']);
    assert.deepEqual(ids(allowedProfiles(CINEMATIC, { ...OPEN_CAPS, dataSaver: true })), ['360p']);
    assert.deepEqual(ids(allowedProfiles(CINEMATIC, { ...OPEN_CAPS, vp8Supported: false })), ['360p-jpeg']);
    // The viewer may still pick the standard ones by hand.
    assert.deepEqual(ids(allowedProfiles(CINEMATIC, OPEN_CAPS, { includeSuperseded: true })), [
      '360p',
      '540p',
      '720p',
      '720p-cinematic',
      '1080p',
      '1080p-cinematic',
    ]);
  });

  test('with the headroom measured, Auto climbs from 540p straight to the cinematic 720p, then holds there', () => {
    const up = chooseProfile(inputs({ available: CINEMATIC, currentId: '540p', capacityKbps: 4000 * 1.3 + 1, bufferAheadS: 1.8 }));
    assert.deepEqual(up, { profileId: '720p-cinematic', reason: 'up' });
    const narrow = chooseProfile(
      inputs({
        available: CINEMATIC,
        currentId: '720p-cinematic',
        capacityKbps: 6000,
        bufferAheadS: 1.8,
        caps: { ...OPEN_CAPS, maxUsefulWidthPx: 1170 },
      }),
    );
    assert.deepEqual(narrow, { profileId: '720p-cinematic', reason: 'hold' });
  });

  test('a link that cannot carry it steps down to the standard 540p', () => {
    const down = chooseProfile(inputs({ available: CINEMATIC, currentId: '720p-cinematic', capacityKbps: 2500, bufferAheadS: 0.3 }));
    assert.deepEqual(down, { profileId: '540p', reason: 'down' });
  });

  test('a standard profile picked by hand stays picked', () => {
    assert.deepEqual(chooseProfile(inputs({ available: CINEMATIC, currentId: '540p', manualId: '720p' })), {
      profileId: '720p',
      reason: 'manual',
    });
    assert.equal(startingProfile(CINEMATIC, OPEN_CAPS, '1080p')?.id, '1080p');
    assert.equal(startingProfile(CINEMATIC, OPEN_CAPS)?.id, '360p');
  });
});
