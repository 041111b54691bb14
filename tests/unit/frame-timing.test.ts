// Frame and segment maths: one frame rate, segments of one second, seeks to whole seconds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FRAMES_PER_SEGMENT,
  firstFrameOfSegment,
  frameCountFor,
  frameIndexForTime,
  frameTimestampUs,
  keyframeAtOrBefore,
  segmentCountFor,
  seekStartFrame,
  segmentOfFrame,
} from '@/scenes/protocol/frame-timing';
import { BAKE_FPS } from '@/scenes/protocol/profile-ladder';

test('a 20 s route is 601 frames in 21 one-second segments', () => {
  assert.equal(BAKE_FPS, 30);
  assert.equal(FRAMES_PER_SEGMENT, BAKE_FPS);
  assert.equal(frameCountFor(20), 601);
  assert.equal(segmentCountFor(20), 21);
  assert.equal(segmentOfFrame(600), 20);
  assert.equal(segmentOfFrame(29), 0);
  assert.equal(firstFrameOfSegment(3), 90);
});

test('timestamps are whole microseconds; time maps to the nearest existing frame', () => {
  assert.equal(frameTimestampUs(1), 33_333);
  assert.equal(frameTimestampUs(2), 66_667);
  assert.equal(frameIndexForTime(-1, 601), 0);
  assert.equal(frameIndexForTime(1.01, 601), 30);
  assert.equal(frameIndexForTime(99, 601), 600);
  assert.throws(() => frameIndexForTime(1, 0), RangeError);
});

test('a seek starts at the whole second at or before the target, never past the last keyframe', () => {
  const frameAt = (timeS: number) => timeS * BAKE_FPS;
  assert.equal(seekStartFrame(frameAt(0), 601), 0);
  assert.equal(seekStartFrame(frameAt(4.99), 601), 120);
  assert.equal(seekStartFrame(frameAt(5), 601), 150);
  assert.equal(seekStartFrame(frameAt(20), 601), 600);
  assert.equal(seekStartFrame(frameAt(500), 601), 600);
  assert.equal(seekStartFrame(frameAt(19.5), 600), 570);
  assert.equal(seekStartFrame(-5, 600), 0);
  assert.equal(keyframeAtOrBefore(59), 30);
  assert.equal(keyframeAtOrBefore(60), 60);
});
