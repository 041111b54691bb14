// How the tour page reads ?t=, ?autoplay= and ?tier=, and the player's first tier guess.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAutoplay, parseFlightStartOptions, parseStartTimeS, parseTierOverride } from '@/components/player/flight-start-options';
import { guessQualityTier } from '@/components/player/guess-quality-tier';

describe('parseStartTimeS', () => {
  test('reads seconds and clamps them to the route', () => {
    assert.equal(parseStartTimeS('12.5', 60), 12.5);
    assert.equal(parseStartTimeS('-4', 60), 0);
    assert.equal(parseStartTimeS('900', 60), 60);
  });

  test('missing or unreadable values start at the beginning', () => {
    assert.equal(parseStartTimeS(undefined, 60), 0);
    assert.equal(parseStartTimeS('', 60), 0);
    assert.equal(parseStartTimeS('soon', 60), 0);
    assert.equal(parseStartTimeS('Infinity', 60), 0);
  });

  test('a repeated parameter uses its first value', () => {
    assert.equal(parseStartTimeS(['7', '9'], 60), 7);
  });
});

describe('parseAutoplay', () => {
  test('only an explicit yes autoplays', () => {
    assert.equal(parseAutoplay('1'), true);
    assert.equal(parseAutoplay('true'), true);
    assert.equal(parseAutoplay('0'), false);
    assert.equal(parseAutoplay('yes please'), false);
    assert.equal(parseAutoplay(undefined), false);
  });
});

describe('parseTierOverride', () => {
  test('accepts the known tiers and nothing else', () => {
    assert.equal(parseTierOverride('phone'), 'phone');
    assert.equal(parseTierOverride('laptop'), 'laptop');
    assert.equal(parseTierOverride('bake'), 'bake');
    assert.equal(parseTierOverride('ultra'), null);
    assert.equal(parseTierOverride(undefined), null);
  });
});

test('parseFlightStartOptions combines the three', () => {
  assert.deepEqual(parseFlightStartOptions({ t: '30', autoplay: '1', tier: 'phone', lang: 'zh' }, 120), {
    startS: 30,
    autoplay: true,
    tierOverride: 'phone',
  });
  assert.deepEqual(parseFlightStartOptions({}, 120), { startS: 0, autoplay: false, tierOverride: null });
});

describe('guessQualityTier', () => {
  test('touch-first or small screens are phones; the rest laptops', () => {
    assert.equal(guessQualityTier({ coarsePointer: true, screenShortSidePx: 1024 }), 'phone');
    assert.equal(guessQualityTier({ coarsePointer: false, screenShortSidePx: 390 }), 'phone');
    assert.equal(guessQualityTier({ coarsePointer: false, screenShortSidePx: 900 }), 'laptop');
    assert.equal(guessQualityTier({ coarsePointer: false, screenShortSidePx: 768 }), 'laptop');
  });
});
