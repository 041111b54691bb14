// The decoded-frame queue and the frame-for-time mapping the cloud player shows frames by:
// ordering, late-frame drops, pre-roll after a seek, and each frame released exactly once.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DecodedFrameBuffer } from '@/components/player/cloud/frame-buffer';
import { frameIndexForTime, keyframeAtOrBefore, timeOfFrame } from '@/components/player/cloud/frame-for-time';

interface FakeFrame {
  index: number;
  released: number;
}

function frame(index: number): FakeFrame {
  return { index, released: 0 };
}

function bufferWithLog(capacity = 6) {
  const released: FakeFrame[] = [];
  const buffer = new DecodedFrameBuffer<FakeFrame>((f) => {
    f.released += 1;
    released.push(f);
  }, capacity);
  return { buffer, released };
}

describe('frameIndexForTime', () => {
  test('rounds route time to the nearest 30 fps frame and clamps to the frames that exist', () => {
    assert.equal(frameIndexForTime(0, 601), 0);
    assert.equal(frameIndexForTime(1, 601), 30);
    assert.equal(frameIndexForTime(1.016, 601), 30);
    assert.equal(frameIndexForTime(1.017, 601), 31);
    assert.equal(frameIndexForTime(20, 601), 600);
    assert.equal(frameIndexForTime(25, 601), 600);
    assert.equal(frameIndexForTime(-3, 601), 0);
    assert.equal(frameIndexForTime(Number.NaN, 601), 0);
    assert.throws(() => frameIndexForTime(1, 0), RangeError);
  });

  test('a frame index maps back to the time it was drawn at', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (index) => {
        assert.equal(frameIndexForTime(timeOfFrame(index), 10_001), index);
      }),
    );
  });

  test('keyframes sit on whole seconds', () => {
    assert.equal(keyframeAtOrBefore(0), 0);
    assert.equal(keyframeAtOrBefore(29), 0);
    assert.equal(keyframeAtOrBefore(30), 30);
    assert.equal(keyframeAtOrBefore(59), 30);
  });
});

describe('DecodedFrameBuffer', () => {
  test('shows the newest frame due and keeps frames ahead of the clock waiting', () => {
    const { buffer } = bufferWithLog();
    for (const index of [10, 11, 12, 13]) buffer.add(index, frame(index));
    assert.equal(buffer.take(9), null, 'nothing due yet: the canvas keeps what it has');
    assert.equal(buffer.take(10)?.index, 10);
    assert.equal(buffer.take(10), null, 'the same instant asks for nothing new');
    assert.equal(buffer.take(11)?.index, 11);
    assert.equal(buffer.size, 2);
    assert.deepEqual(buffer.counters, { shown: 2, dropped: 0, skipped: 0, discarded: 0 });
  });

  test('frames the clock has passed by more than the tolerance are dropped, counted and released', () => {
    const { buffer, released } = bufferWithLog();
    for (const index of [0, 1, 2, 3, 4]) buffer.add(index, frame(index));
    const shown = buffer.take(3, { lateToleranceFrames: 0 });
    assert.equal(shown?.index, 3);
    assert.equal(buffer.counters.dropped, 3);
    assert.deepEqual(
      released.map((f) => f.index),
      [0, 1, 2],
    );
    assert.equal(buffer.lastShownIndex, 3);
  });

  test('one late refresh costs no frame: the frame a step behind is shown, and the next refresh catches up', () => {
    const { buffer } = bufferWithLog();
    for (const index of [10, 11, 12, 13]) buffer.add(index, frame(index));
    assert.equal(buffer.take(10)?.index, 10);
    // The refresh that should have shown 11 came late; the clock already names 12.
    assert.equal(buffer.take(12)?.index, 11);
    assert.equal(buffer.take(12)?.index, 12);
    assert.equal(buffer.take(13)?.index, 13);
    assert.equal(buffer.counters.dropped, 0);
    // Two frames behind is too late: the older goes, the one within tolerance shows.
    for (const index of [14, 15, 16, 17]) buffer.add(index, frame(index));
    assert.equal(buffer.take(17)?.index, 16);
    assert.equal(buffer.counters.dropped, 2);
  });

  test('passing over frames at a faster speed counts them as skipped, not dropped', () => {
    const { buffer } = bufferWithLog();
    for (const index of [0, 1, 2, 3, 4]) buffer.add(index, frame(index));
    buffer.take(0);
    buffer.take(2, { skipsIntended: true, lateToleranceFrames: 0 });
    buffer.take(4, { skipsIntended: true, lateToleranceFrames: 0 });
    assert.deepEqual(buffer.counters, { shown: 3, dropped: 0, skipped: 2, discarded: 0 });
  });

  test('out-of-order arrivals are shown in frame order', () => {
    const { buffer } = bufferWithLog();
    buffer.add(5, frame(5));
    buffer.add(3, frame(3));
    buffer.add(4, frame(4));
    assert.equal(buffer.newestIndex, 5);
    assert.equal(buffer.take(3)?.index, 3);
    assert.equal(buffer.take(4)?.index, 4);
    assert.equal(buffer.take(5)?.index, 5);
  });

  test('after a seek, frames decoded from the keyframe up to the target are pre-roll, not drops', () => {
    const { buffer } = bufferWithLog(40);
    buffer.add(100, frame(100));
    buffer.take(100);
    buffer.startAt(45);
    for (let index = 30; index <= 50; index++) buffer.add(index, frame(index));
    assert.equal(buffer.take(45)?.index, 45);
    assert.equal(buffer.counters.dropped, 0);
    assert.equal(buffer.counters.discarded, 15);
  });

  test('a frame already shown or a duplicate is released at once', () => {
    const { buffer } = bufferWithLog();
    buffer.add(7, frame(7));
    buffer.take(7);
    const again = frame(7);
    assert.equal(buffer.add(7, again), false);
    assert.equal(again.released, 1);
    buffer.add(8, frame(8));
    const duplicate = frame(8);
    assert.equal(buffer.add(8, duplicate), false);
    assert.equal(duplicate.released, 1);
  });

  test('over capacity the oldest frame goes, counted as dropped', () => {
    const { buffer } = bufferWithLog(3);
    for (const index of [1, 2, 3, 4]) buffer.add(index, frame(index));
    assert.equal(buffer.size, 3);
    assert.equal(buffer.counters.dropped, 1);
    assert.equal(buffer.take(10)?.index, 4);
  });

  test('every frame added is either shown or released exactly once, whatever the order of events', () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), index: fc.integer({ min: 0, max: 60 }) }),
      fc.record({
        kind: fc.constant('take' as const),
        index: fc.integer({ min: 0, max: 60 }),
        skips: fc.boolean(),
        tolerance: fc.integer({ min: 0, max: 3 }),
      }),
      fc.record({ kind: fc.constant('seek' as const), index: fc.integer({ min: 0, max: 60 }) }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 80 }), fc.integer({ min: 1, max: 8 }), (events, capacity) => {
        const { buffer } = bufferWithLog(capacity);
        const all: FakeFrame[] = [];
        const shown: FakeFrame[] = [];
        let lastShown = -1;
        for (const step of events) {
          if (step.kind === 'add') {
            const f = frame(step.index);
            all.push(f);
            buffer.add(step.index, f);
          } else if (step.kind === 'take') {
            const taken = buffer.take(step.index, { skipsIntended: step.skips, lateToleranceFrames: step.tolerance });
            if (taken) {
              assert.ok(taken.index <= step.index, 'never a frame from the future');
              assert.ok(taken.index > lastShown, 'never backwards');
              shown.push(taken.frame);
              lastShown = taken.index;
            }
          } else if (step.kind === 'seek') {
            buffer.startAt(step.index);
            lastShown = Math.min(lastShown, step.index - 1);
          } else {
            buffer.clear();
          }
          assert.ok(buffer.size <= capacity);
          assert.equal(buffer.lastShownIndex, lastShown);
        }
        buffer.clear();
        for (const f of all) {
          const outcomes = f.released + (shown.includes(f) ? 1 : 0);
          assert.equal(outcomes, 1, `frame ${f.index} shown or released once`);
        }
        const { shown: shownCount, dropped, skipped, discarded } = buffer.counters;
        assert.equal(shownCount + dropped + skipped + discarded, all.length);
      }),
    );
  });
});
