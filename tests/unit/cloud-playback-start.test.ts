// When a cloud flight's clock may start: not at the first picture, but once the frames the
// clock asks for first are decoded and a second of encoded frames has arrived.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  displayKeepsPace,
  readyToStartClock,
  START_BUFFER_S,
  STEADY_DISPLAY_TICKS,
  type StartBufferState,
} from '@/components/player/cloud/playback-start';
import { DecodedFrameBuffer } from '@/components/player/cloud/frame-buffer';
import { frameIndexForTime } from '@/components/player/cloud/frame-for-time';

const FPS = 30;
const primedAtZero: StartBufferState = {
  shownIndex: 0,
  decodedWaiting: 6,
  decodedCapacity: 6,
  lastReceivedIndex: START_BUFFER_S * FPS,
  frameCount: 601,
  fps: FPS,
};

describe('readyToStartClock', () => {
  test('frame 0 on the canvas alone is not enough: the decoded queue must be full and a second received', () => {
    assert.equal(readyToStartClock(primedAtZero), true);
    assert.equal(readyToStartClock({ ...primedAtZero, decodedWaiting: 0, lastReceivedIndex: 0 }), false, 'only the first picture');
    assert.equal(readyToStartClock({ ...primedAtZero, decodedWaiting: 5 }), false, 'decoder still filling');
    assert.equal(readyToStartClock({ ...primedAtZero, lastReceivedIndex: 29 }), false, 'less than a second received');
    assert.equal(readyToStartClock({ ...primedAtZero, shownIndex: -1, lastReceivedIndex: 60 }), false, 'no picture yet');
  });

  test('counts from the frame on screen (after a seek), and near the end needs only what is left', () => {
    assert.equal(readyToStartClock({ ...primedAtZero, shownIndex: 300, lastReceivedIndex: 329 }), false);
    assert.equal(readyToStartClock({ ...primedAtZero, shownIndex: 300, lastReceivedIndex: 330 }), true);
    assert.equal(readyToStartClock({ ...primedAtZero, shownIndex: 597, decodedWaiting: 3, lastReceivedIndex: 600 }), true);
    assert.equal(readyToStartClock({ ...primedAtZero, shownIndex: 600, decodedWaiting: 0, lastReceivedIndex: 600 }), true);
  });

  test('started primed, the clock drops none of the first second that it drops when started at the first picture', () => {
    // A decoder warming up: nothing for eight refreshes (1/30 s each) after the first picture,
    // then up to three frames a refresh until its queue is full. All frames have arrived.
    function firstSecondDrops(startWhenPrimed: boolean): number {
      const buffer = new DecodedFrameBuffer<number>(() => {}, 6);
      buffer.add(0, 0);
      buffer.take(0);
      let decoded = 0;
      let clockStartTick: number | null = null;
      for (let tick = 1; buffer.counters.shown + buffer.counters.dropped < 33; tick++) {
        for (let n = tick <= 8 ? 0 : 3; n > 0 && buffer.size < buffer.capacity; n--) buffer.add(++decoded, decoded);
        const primed = readyToStartClock({
          shownIndex: buffer.lastShownIndex,
          decodedWaiting: buffer.size,
          decodedCapacity: buffer.capacity,
          lastReceivedIndex: 600,
          frameCount: 601,
          fps: FPS,
        });
        if (clockStartTick === null && (!startWhenPrimed || primed)) clockStartTick = tick;
        if (clockStartTick !== null) buffer.take(frameIndexForTime((tick - clockStartTick) / FPS, 601));
      }
      return buffer.counters.dropped;
    }
    assert.ok(firstSecondDrops(false) > 0, 'the clock started at the first picture outruns the warming decoder');
    assert.equal(firstSecondDrops(true), 0);
  });
});

describe('displayKeepsPace', () => {
  const ticks = (intervalsMs: number[], startMs = 1000) =>
    intervalsMs.reduce((times, interval) => [...times, times[times.length - 1] + interval], [startMs]);

  test('lets a 60 Hz page start the clock of a 30 fps flight', () => {
    assert.equal(displayKeepsPace(ticks(Array(STEADY_DISPLAY_TICKS).fill(16.7)), 30), true);
  });

  test('waits while the page paints slower than the flight (hydration, shader compiles)', () => {
    assert.equal(displayKeepsPace(ticks(Array(STEADY_DISPLAY_TICKS).fill(45)), 30), false, '22 Hz');
    assert.equal(
      displayKeepsPace(ticks(Array(STEADY_DISPLAY_TICKS).fill(40)), 30),
      false,
      '25 Hz: each interval within 1.5 frames, but the pace falls behind',
    );
  });

  test('waits out one long task among quick frames', () => {
    const intervals = Array(STEADY_DISPLAY_TICKS).fill(10);
    intervals[3] = 120;
    assert.equal(displayKeepsPace(ticks(intervals), 30), false);
  });

  test('needs enough frames to judge, and only the most recent count', () => {
    assert.equal(displayKeepsPace(ticks(Array(STEADY_DISPLAY_TICKS - 1).fill(16.7)), 30), false);
    assert.equal(displayKeepsPace(ticks([300, 250, ...Array(STEADY_DISPLAY_TICKS).fill(16.7)]), 30), true);
  });

  test('accepts a 30 Hz display for a 30 fps flight', () => {
    assert.equal(displayKeepsPace(ticks(Array(STEADY_DISPLAY_TICKS).fill(1000 / 30)), 30), true);
  });
});
