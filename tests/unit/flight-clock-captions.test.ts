// Caption windows and the m:ss time labels the player shows beside the timeline.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { activePointOfInterest } from '@/scenes/timeline/active-point-of-interest';
import { formatClockTime } from '@/scenes/timeline/clock-time-format';
import type { PointOfInterest } from '@/scenes/routes/route-schema';

function poi(id: string, timeS: number, dwellS: number): PointOfInterest {
  return {
    id,
    title: { zh: `标题${id}`, en: `Title ${id}` },
    narration: { zh: `解说${id}`, en: `Narration ${id}` },
    position: [0, 0, 0],
    timeS,
    dwellS,
  };
}

describe('activePointOfInterest', () => {
  const pois = [poi('a', 5, 6), poi('b', 20, 4), poi('c', 22, 8)];

  test('shows a caption from its time through its dwell, inclusive', () => {
    assert.equal(activePointOfInterest(pois, 4.99), null);
    assert.equal(activePointOfInterest(pois, 5)?.id, 'a');
    assert.equal(activePointOfInterest(pois, 11)?.id, 'a');
    assert.equal(activePointOfInterest(pois, 11.01), null);
  });

  test('where windows overlap the most recently started one wins', () => {
    assert.equal(activePointOfInterest(pois, 21)?.id, 'b');
    assert.equal(activePointOfInterest(pois, 23)?.id, 'c');
    assert.equal(activePointOfInterest(pois, 29)?.id, 'c');
  });

  test('does not depend on the order the points are listed in', () => {
    assert.equal(activePointOfInterest([...pois].reverse(), 23)?.id, 'c');
  });

  test('no points, no caption', () => {
    assert.equal(activePointOfInterest([], 10), null);
  });
});

describe('formatClockTime', () => {
  test('formats whole seconds as m:ss', () => {
    assert.equal(formatClockTime(0), '0:00');
    assert.equal(formatClockTime(9.99), '0:09');
    assert.equal(formatClockTime(60), '1:00');
    assert.equal(formatClockTime(95.7), '1:35');
    assert.equal(formatClockTime(300), '5:00');
  });

  test('reads negative and non-finite input as zero', () => {
    assert.equal(formatClockTime(-3), '0:00');
    assert.equal(formatClockTime(Number.NaN), '0:00');
  });
});
