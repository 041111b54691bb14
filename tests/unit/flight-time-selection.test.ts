// The time display's store: it follows the clock's events, asks for frames only while the
// clock plays, and tells its subscribers only when the selected value changes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FlightClock } from '@/scenes/timeline/flight-clock';
import { selectFlightTime } from '@/scenes/timeline/flight-time-selection';

function manualFrames() {
  const pending = new Set<() => void>();
  return {
    request: (callback: () => void) => {
      pending.add(callback);
      return () => pending.delete(callback);
    },
    pending: () => pending.size,
    runFrame() {
      const callbacks = [...pending];
      pending.clear();
      for (const callback of callbacks) callback();
    },
  };
}

function setup(select: (timeS: number) => number = (timeS) => Math.floor(timeS)) {
  let fakeNowMs = 0;
  const endTimers: (() => void)[] = [];
  const clock = new FlightClock({
    durationS: 10,
    endTimer: { schedule: (callback) => (endTimers.push(callback), () => endTimers.splice(endTimers.indexOf(callback), 1)) },
  });
  const frames = manualFrames();
  const store = selectFlightTime(clock, select, frames.request, () => fakeNowMs);
  let changes = 0;
  const unsubscribe = store.subscribe(() => changes++);
  return {
    clock,
    frames,
    store,
    unsubscribe,
    endTimers,
    changes: () => changes,
    at: (ms: number) => (fakeNowMs = ms),
  };
}

describe('selectFlightTime', () => {
  test('a paused clock asks for no frames; play starts them and pause stops them', () => {
    const { clock, frames, at } = setup();
    assert.equal(frames.pending(), 0);
    clock.play(at(0));
    assert.equal(frames.pending(), 1);
    at(500);
    frames.runFrame();
    assert.equal(frames.pending(), 1, 'each frame asks for the next while playing');
    clock.pause(at(600));
    assert.equal(frames.pending(), 0);
  });

  test('subscribers hear only changes of the selected value, not every frame', () => {
    const { clock, frames, store, at, changes } = setup();
    clock.play(at(0));
    for (let ms = 16; ms <= 2_500; ms += 16) {
      at(ms);
      frames.runFrame();
    }
    assert.equal(store.getSnapshot(), 2);
    assert.equal(changes(), 2, 'whole seconds 0 → 1 → 2');
  });

  test('a seek while paused moves the value at once, without a frame', () => {
    const { clock, frames, store, at, changes } = setup();
    clock.seek(7.5, at(1_000));
    assert.equal(store.getSnapshot(), 7);
    assert.equal(changes(), 1);
    assert.equal(frames.pending(), 0);
  });

  test('the end stops the frames and shows the end', () => {
    const { clock, frames, store, at, endTimers } = setup();
    clock.play(at(0));
    at(10_000);
    endTimers[0]();
    assert.equal(store.getSnapshot(), 10);
    assert.equal(frames.pending(), 0);
  });

  test('a selected object keeps its identity until the selection moves to another', () => {
    const halves = [{ half: 'first' }, { half: 'second' }] as const;
    let fakeNowMs = 0;
    const clock = new FlightClock({ durationS: 10, endTimer: { schedule: () => () => {} } });
    const frames = manualFrames();
    const store = selectFlightTime(
      clock,
      (timeS) => halves[timeS < 5 ? 0 : 1],
      frames.request,
      () => fakeNowMs,
    );
    const seen: object[] = [];
    store.subscribe(() => seen.push(store.getSnapshot()));
    clock.play(0);
    for (fakeNowMs = 0; fakeNowMs <= 7_000; fakeNowMs += 100) frames.runFrame();
    assert.deepEqual(seen, [halves[1]]);
    assert.equal(store.getSnapshot(), halves[1]);
  });

  test('after the last subscriber leaves, the store lets go of the clock and its frames', () => {
    const { clock, frames, unsubscribe, at, changes } = setup();
    clock.play(at(0));
    unsubscribe();
    assert.equal(frames.pending(), 0);
    clock.seek(5, at(100));
    assert.equal(changes(), 0);
  });

  test('a subscriber arriving after the clock moved is caught up at once', () => {
    let fakeNowMs = 0;
    const clock = new FlightClock({ durationS: 10, endTimer: { schedule: () => () => {} } });
    const frames = manualFrames();
    const store = selectFlightTime(
      clock,
      (timeS) => Math.floor(timeS),
      frames.request,
      () => fakeNowMs,
    );
    clock.play(0);
    fakeNowMs = 3_200;
    let changes = 0;
    store.subscribe(() => changes++);
    assert.equal(store.getSnapshot(), 3);
    assert.equal(changes, 1);
    assert.equal(frames.pending(), 1);
  });
});
