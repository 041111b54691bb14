// The HTTP transport's fetch schedule (issue 13, item 1): a few seconds ahead of the playhead,
// a few requests at once, handed to the decoder strictly in order, fresh starts at a keyframe.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  deliverableSegments,
  firstSegmentFor,
  HTTP_SEGMENTS_AHEAD,
  HTTP_SEGMENTS_IN_FLIGHT,
  segmentsToFetch,
} from '@/components/player/cloud/http-segment-schedule';

const state = (nextToDeliver: number, fetched: number[] = [], inFlight: number[] = [], segmentCount = 21) => ({
  segmentCount,
  nextToDeliver,
  fetched: new Set(fetched),
  inFlight: new Set(inFlight),
});

describe('what to fetch', () => {
  test('from the next segment due, in order, as many as may be in flight', () => {
    assert.equal(HTTP_SEGMENTS_IN_FLIGHT, 2);
    assert.deepEqual(segmentsToFetch(state(0), 0), [0, 1]);
    assert.deepEqual(segmentsToFetch(state(0, [], [0]), 0), [1]);
    assert.deepEqual(segmentsToFetch(state(0, [], [0, 1]), 0), [], 'no room');
    assert.deepEqual(segmentsToFetch(state(0, [0, 1], [2]), 0), [3], 'fetched and in-flight ones are skipped');
  });

  test('no further ahead of the playhead than the window, to the end and not past it', () => {
    const ahead = HTTP_SEGMENTS_AHEAD;
    const fetchedUpTo = (last: number) => Array.from({ length: last + 1 }, (_, index) => index);
    assert.deepEqual(segmentsToFetch(state(0, fetchedUpTo(ahead)), 0), [], 'the window is full while the playhead is at 0');
    assert.deepEqual(segmentsToFetch(state(0, fetchedUpTo(ahead)), 30), [ahead + 1], 'a second later one more is due');
    assert.deepEqual(segmentsToFetch(state(20), 590), [20]);
    assert.deepEqual(segmentsToFetch(state(21), 600), [], 'all handed on');
    assert.deepEqual(segmentsToFetch(state(ahead + 1), 0), [], 'delivered up to the window: a paused playhead fetches no more');
  });

  test('a playhead ahead of delivery (a slow link) still fetches the segment the decoder waits for first', () => {
    assert.deepEqual(segmentsToFetch(state(3), 300), [3, 4]);
  });
});

describe('what to hand on', () => {
  test('only the unbroken run from the segment due', () => {
    assert.deepEqual(deliverableSegments(state(2, [3, 4])), [], 'segment 2 is not here yet');
    assert.deepEqual(deliverableSegments(state(2, [2, 3, 5])), [2, 3]);
  });

  test('a fresh start begins at the segment holding the frame (its first frame is a keyframe)', () => {
    assert.equal(firstSegmentFor(0, 21), 0);
    assert.equal(firstSegmentFor(29, 21), 0);
    assert.equal(firstSegmentFor(30, 21), 1);
    assert.equal(firstSegmentFor(10_000, 21), 20, 'past the end: the last segment');
    assert.equal(firstSegmentFor(-1, 21), 0);
  });
});
