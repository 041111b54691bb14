// The flight clock's events and snapshots: one event per change of state, never per tick;
// snapshots that keep their identity between events; seeks that carry where they came from.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FlightClock, MAX_PLAYBACK_SPEED, MIN_PLAYBACK_SPEED, type ClockEndTimer } from '@/scenes/timeline/flight-clock';
import { snapshotTimeAt, type FlightClockEvent } from '@/scenes/timeline/flight-clock-events';

/** A timer the test runs by hand: it records what the clock asked for and fires on request. */
function manualTimer() {
  const pending = new Set<{ callback: () => void; delayMs: number }>();
  const timer: ClockEndTimer = {
    schedule(callback, delayMs) {
      const entry = { callback, delayMs };
      pending.add(entry);
      return () => pending.delete(entry);
    },
  };
  return {
    timer,
    pendingDelaysMs: () => [...pending].map((entry) => entry.delayMs),
    fireAll() {
      for (const entry of [...pending]) {
        pending.delete(entry);
        entry.callback();
      }
    },
  };
}

function recordedClock(options: { durationS: number; startS?: number }) {
  const timer = manualTimer();
  const clock = new FlightClock({ ...options, endTimer: timer.timer });
  const events: FlightClockEvent[] = [];
  clock.subscribe((event) => events.push(event));
  return { clock, events, timer, types: () => events.map((event) => event.type) };
}

describe('FlightClock events', () => {
  test('play, pause, seek and speed each fire once, and repeating them fires nothing', () => {
    const { clock, types } = recordedClock({ durationS: 60 });
    clock.play(0);
    clock.play(100);
    clock.setSpeed(2, 1_000);
    clock.setSpeed(2, 1_500);
    clock.pause(2_000);
    clock.pause(2_500);
    clock.seek(30, 3_000);
    clock.seek(30, 3_500);
    assert.deepEqual(types(), ['play', 'rate', 'pause', 'seek']);
  });

  test('time passing fires nothing: reading the clock is a pull', () => {
    const { clock, types } = recordedClock({ durationS: 60 });
    clock.play(0);
    for (let nowMs = 0; nowMs < 30_000; nowMs += 16) clock.timeAt(nowMs);
    assert.deepEqual(types(), ['play']);
  });

  test('a seek carries where it jumped from and to, clamped to the route', () => {
    const { clock, events } = recordedClock({ durationS: 60, startS: 10 });
    clock.play(0);
    clock.seek(45, 2_000);
    clock.seekBy(-100, 2_000);
    assert.deepEqual(events.slice(1), [
      { type: 'seek', fromS: 12, toS: 45, nowMs: 2_000 },
      { type: 'seek', fromS: 45, toS: 0, nowMs: 2_000 },
    ]);
  });

  test('a rate change carries both speeds and the time it happened at', () => {
    const { clock, events } = recordedClock({ durationS: 60 });
    clock.play(0);
    clock.setSpeed(0.5, 4_000);
    assert.deepEqual(events[1], { type: 'rate', fromSpeed: 1, toSpeed: 0.5, atS: 4, nowMs: 4_000 });
  });

  test('the end timer is asked for the time left, and ends the flight once at the exact end moment', () => {
    const { clock, events, timer, types } = recordedClock({ durationS: 20 });
    clock.play(1_000);
    assert.deepEqual(timer.pendingDelaysMs(), [20_000]);
    clock.setSpeed(2, 11_000);
    assert.deepEqual(timer.pendingDelaysMs(), [5_000], 'a rate change replaces the pending end');
    timer.fireAll();
    timer.fireAll();
    assert.deepEqual(types(), ['play', 'rate', 'ended']);
    assert.deepEqual(events[2], { type: 'ended', atS: 20, nowMs: 16_000 });
    assert.equal(clock.getSnapshot().playing, false);
    assert.equal(clock.getSnapshot().ended, true);
    assert.equal(clock.timeAt(99_000), 20);
  });

  test('a clock read past its end before its timer ran ends first, then does what it was asked', () => {
    const { clock, events, types } = recordedClock({ durationS: 20 });
    clock.play(0);
    clock.play(25_000);
    assert.deepEqual(types(), ['play', 'ended', 'restart']);
    assert.deepEqual(events[1], { type: 'ended', atS: 20, nowMs: 20_000 });
    assert.deepEqual(events[2], { type: 'restart', fromS: 20, toS: 0, nowMs: 25_000 });
    assert.equal(clock.timeAt(26_000), 1);
  });

  test('pausing a flight that is already over fires nothing', () => {
    const { clock, timer, types } = recordedClock({ durationS: 20 });
    clock.play(0);
    timer.fireAll();
    clock.pause(30_000);
    assert.deepEqual(types(), ['play', 'ended']);
  });

  test('a flight that played to its end plays on from where it is sought back to; a paused one stays paused', () => {
    const { clock, timer } = recordedClock({ durationS: 20 });
    clock.play(0);
    timer.fireAll();
    clock.seek(5, 30_000);
    assert.equal(clock.getSnapshot().playing, true);
    assert.equal(clock.timeAt(31_000), 6);
    clock.pause(31_000);
    clock.seek(20, 32_000);
    clock.seek(3, 33_000);
    assert.equal(clock.getSnapshot().playing, false);
    assert.equal(clock.timeAt(40_000), 3);
  });

  test('a seek to the end while playing says ended in its own snapshot, with no separate ended event', () => {
    const { clock, timer, types } = recordedClock({ durationS: 20 });
    clock.play(0);
    clock.seek(20, 1_000);
    assert.deepEqual(timer.pendingDelaysMs(), []);
    assert.deepEqual(types(), ['play', 'seek']);
    assert.equal(clock.getSnapshot().ended, true);
    assert.equal(clock.getSnapshot().playing, false);
  });

  test('unsubscribing stops the events; other listeners still hear them', () => {
    const { clock, types } = recordedClock({ durationS: 60 });
    const heard: string[] = [];
    const stop = clock.subscribe((event) => heard.push(event.type));
    clock.play(0);
    stop();
    stop();
    clock.pause(1_000);
    assert.deepEqual(heard, ['play']);
    assert.deepEqual(types(), ['play', 'pause']);
  });

  test('a listener that unsubscribes while being told does not make another miss the event', () => {
    const clock = new FlightClock({ durationS: 60, endTimer: manualTimer().timer });
    const heard: string[] = [];
    const stopFirst = clock.subscribe(() => stopFirst());
    clock.subscribe((event) => heard.push(event.type));
    clock.play(0);
    assert.deepEqual(heard, ['play']);
  });
});

describe('FlightClock snapshots', () => {
  test('keep their identity between events and change it on each one', () => {
    const { clock } = recordedClock({ durationS: 60 });
    const first = clock.getSnapshot();
    clock.timeAt(5_000);
    clock.pause(5_000);
    assert.equal(clock.getSnapshot(), first, 'pausing a paused clock is no change');
    clock.play(5_000);
    const playing = clock.getSnapshot();
    assert.notEqual(playing, first);
    clock.timeAt(9_000);
    assert.equal(clock.getSnapshot(), playing, 'time passing is no change');
    assert.equal(playing.serial, 1);
    assert.equal(playing.event?.type, 'play');
    assert.ok(Object.isFrozen(playing));
  });

  test('the listener is handed the new snapshot, the one getSnapshot returns', () => {
    const clock = new FlightClock({ durationS: 60, endTimer: manualTimer().timer });
    let handed: unknown = null;
    clock.subscribe((_event, snapshot) => {
      handed = snapshot;
      assert.equal(clock.getSnapshot(), snapshot);
    });
    clock.play(0);
    assert.equal(handed, clock.getSnapshot());
  });

  test('a snapshot alone gives the same time as the clock, at any moment between events', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('play' as const) }),
      fc.record({ kind: fc.constant('pause' as const) }),
      fc.record({ kind: fc.constant('seek' as const), toS: fc.double({ min: -50, max: 200, noNaN: true }) }),
      fc.record({
        kind: fc.constant('speed' as const),
        speed: fc.double({ min: MIN_PLAYBACK_SPEED, max: MAX_PLAYBACK_SPEED, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(op, fc.integer({ min: 0, max: 30_000 })), { maxLength: 30 }), (steps) => {
        const { clock, events } = recordedClock({ durationS: 120 });
        let nowMs = 0;
        for (const [step, waitMs] of steps) {
          const eventsBefore = events.length;
          const snapshotBefore = clock.getSnapshot();
          nowMs += waitMs;
          assert.equal(snapshotTimeAt(clock.getSnapshot(), nowMs), clock.timeAt(nowMs));
          if (step.kind === 'play') clock.play(nowMs);
          else if (step.kind === 'pause') clock.pause(nowMs);
          else if (step.kind === 'seek') clock.seek(step.toS, nowMs);
          else clock.setSpeed(step.speed, nowMs);
          // Exactly one new snapshot per event, and none without one.
          const fired = events.length - eventsBefore;
          assert.equal(clock.getSnapshot().serial - snapshotBefore.serial, fired);
          assert.equal(clock.getSnapshot() === snapshotBefore, fired === 0);
        }
      }),
    );
  });
});
