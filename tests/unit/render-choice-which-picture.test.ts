// The player's line saying which picture the visitor sees and why, from what the player knows
// (what the stage shows, the streamed profile, the cinematic bake, Auto's reasons, the last
// handover), and that both dictionaries carry every line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { whichPicture, type PictureContext } from '@/components/player/picture/which-picture';
import { DICTIONARIES } from '@/components/i18n/messages';

const base: PictureContext = {
  showing: 'local',
  cloudAvailable: true,
  preference: 'auto',
  streamProfile: null,
  cinematicReady: true,
  reasons: ['warmup-smooth'],
  lastHandoverToDevice: null,
};

describe('which picture', () => {
  test('streaming a cinematic profile says so; a standard one says whether the cinematic one is coming or still being prepared', () => {
    assert.equal(
      whichPicture({ ...base, showing: 'cloud', streamProfile: '720p-cinematic', reasons: ['warmup-smooth', 'cinematic-cloud'] }),
      'picture.cloudCinematic',
    );
    assert.equal(whichPicture({ ...base, showing: 'cloud', streamProfile: '1080p-cinematic' }), 'picture.cloudCinematic');
    assert.equal(whichPicture({ ...base, showing: 'cloud', streamProfile: '540p' }), 'picture.cloudClimbing');
    assert.equal(whichPicture({ ...base, showing: 'cloud', streamProfile: '720p', cinematicReady: false }), 'picture.cloudPending');
  });

  test('drawn on the device, it says what keeps the cinematic picture away', () => {
    assert.equal(whichPicture({ ...base, cinematicReady: false }), 'picture.devicePending');
    assert.equal(whichPicture({ ...base, reasons: ['warmup-slow', 'save-data'] }), 'picture.deviceSaveData');
    assert.equal(whichPicture({ ...base, reasons: ['warmup-smooth', 'slow-network'] }), 'picture.deviceSlowNetwork');
    assert.equal(
      whichPicture({ ...base, reasons: ['warmup-smooth', 'cinematic-network-short', 'gpu-strong'] }),
      'picture.deviceSlowNetwork',
    );
    assert.equal(whichPicture({ ...base, lastHandoverToDevice: 'stream-stalled' }), 'picture.deviceStreamFaltered');
    assert.equal(whichPicture({ ...base, lastHandoverToDevice: 'stream-failed', cinematicReady: false }), 'picture.deviceStreamFaltered');
    assert.equal(whichPicture({ ...base, preference: 'local', reasons: [] }), 'picture.deviceChosen');
    assert.equal(whichPicture({ ...base, preference: 'local', reasons: [], cinematicReady: false }), 'picture.device');
  });

  test('without a cloud there is nothing to explain; posters and a stage not yet up say nothing', () => {
    assert.equal(whichPicture({ ...base, cloudAvailable: false, reasons: ['warmup-smooth', 'no-cloud'] }), 'picture.device');
    assert.equal(whichPicture({ ...base, showing: 'posters' }), null);
    assert.equal(whichPicture({ ...base, showing: null }), null);
  });

  test('every line exists in Chinese and English, and they differ', () => {
    const keys = Object.keys(DICTIONARIES.en).filter((key) => key.startsWith('picture.'));
    assert.equal(keys.length, 9);
    for (const key of keys) {
      const k = key as keyof typeof DICTIONARIES.en;
      assert.ok(DICTIONARIES.zh[k].length > 0 && DICTIONARIES.zh[k] !== DICTIONARIES.en[k], key);
    }
  });
});
