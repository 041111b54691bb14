// The flight clock under fake timestamps: play, pause, seek, speed, clamping and the end.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FlightClock, MAX_PLAYBACK_SPEED, MIN_PLAYBACK_SPEED } from '@/scenes/timeline/flight-clock';

describe('FlightClock', () => {
  test('starts paused at startS and stays there until played', () => {
    const clock = new FlightClock({ durationS: 60, startS: 12 });
    assert.equal(clock.timeAt(0), 12);
    assert.equal(clock.timeAt(50_000), 12);
    assert.equal(clock.isPlaying(50_000), false);
  });

  test('runs at wall-clock rate once played', () => {
    const clock = new FlightClock({ durationS: 60 });
    clock.play(1_000);
    assert.equal(clock.timeAt(1_000), 0);
    assert.equal(clock.timeAt(3_500), 2.5);
    assert.equal(clock.isPlaying(3_500), true);
  });

  test('pause freezes the time it had reached; play resumes from there', () => {
    const clock = new FlightClock({ durationS: 60 });
    clock.play(0);
    clock.pause(4_000);
    assert.equal(clock.timeAt(9_000), 4);
    clock.play(10_000);
    assert.equal(clock.timeAt(11_000), 5);
  });

  test('speed scales the rate without jumping at the moment it changes', () => {
    const clock = new FlightClock({ durationS: 100 });
    clock.play(0);
    clock.setSpeed(2, 10_000);
    assert.equal(clock.timeAt(10_000), 10);
    assert.equal(clock.timeAt(15_000), 20);
    clock.setSpeed(0.5, 15_000);
    assert.equal(clock.timeAt(19_000), 22);
    assert.equal(clock.speed, 0.5);
  });

  test('seek keeps the play state and clamps to the route', () => {
    const clock = new FlightClock({ durationS: 30 });
    clock.play(0);
    clock.seek(20, 1_000);
    assert.equal(clock.timeAt(3_000), 22);
    clock.seek(-5, 3_000);
    assert.equal(clock.timeAt(3_000), 0);
    clock.pause(3_000);
    clock.seek(99, 4_000);
    assert.equal(clock.timeAt(8_000), 30);
    assert.equal(clock.isPlaying(8_000), false);
  });

  test('seekBy moves relative to the current time', () => {
    const clock = new FlightClock({ durationS: 30, startS: 10 });
    clock.seekBy(5, 0);
    assert.equal(clock.timeAt(0), 15);
    clock.seekBy(-20, 0);
    assert.equal(clock.timeAt(0), 0);
  });

  test('stops at the end and reports ended; play after the end starts over', () => {
    const clock = new FlightClock({ durationS: 20 });
    clock.play(0);
    assert.equal(clock.isEnded(19_999), false);
    assert.equal(clock.timeAt(25_000), 20);
    assert.equal(clock.isEnded(25_000), true);
    assert.equal(clock.isPlaying(25_000), false);
    clock.play(30_000);
    assert.equal(clock.timeAt(30_000), 0);
    assert.equal(clock.timeAt(31_000), 1);
  });

  test('a timestamp earlier than the anchor never runs time backwards', () => {
    const clock = new FlightClock({ durationS: 20, startS: 5 });
    clock.play(1_000);
    assert.equal(clock.timeAt(900), 5);
  });

  test('rejects impossible durations, speeds and seek targets', () => {
    assert.throws(() => new FlightClock({ durationS: 0 }), RangeError);
    assert.throws(() => new FlightClock({ durationS: Number.NaN }), RangeError);
    const clock = new FlightClock({ durationS: 20 });
    assert.throws(() => clock.setSpeed(0, 0), RangeError);
    assert.throws(() => clock.setSpeed(MAX_PLAYBACK_SPEED * 2, 0), RangeError);
    assert.throws(() => clock.setSpeed(Number.POSITIVE_INFINITY, 0), RangeError);
    assert.throws(() => clock.seek(Number.NaN, 0), RangeError);
  });

  test('any sequence of operations keeps time within [0, durationS] and monotone while playing', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('play' as const) }),
      fc.record({ kind: fc.constant('pause' as const) }),
      fc.record({ kind: fc.constant('seek' as const), toS: fc.double({ min: -100, max: 400, noNaN: true }) }),
      fc.record({
        kind: fc.constant('speed' as const),
        speed: fc.double({ min: MIN_PLAYBACK_SPEED, max: MAX_PLAYBACK_SPEED, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 20, max: 300, noNaN: true }),
        fc.array(fc.tuple(op, fc.integer({ min: 0, max: 20_000 })), { maxLength: 40 }),
        (durationS, steps) => {
          const clock = new FlightClock({ durationS });
          let nowMs = 0;
          for (const [step, waitMs] of steps) {
            const before = clock.timeAt(nowMs);
            const wasPlaying = clock.isPlaying(nowMs);
            nowMs += waitMs;
            const later = clock.timeAt(nowMs);
            if (wasPlaying) assert.ok(later >= before);
            else assert.equal(later, before);
            if (step.kind === 'play') clock.play(nowMs);
            else if (step.kind === 'pause') clock.pause(nowMs);
            else if (step.kind === 'seek') clock.seek(step.toS, nowMs);
            else clock.setSpeed(step.speed, nowMs);
            const t = clock.timeAt(nowMs);
            assert.ok(t >= 0 && t <= durationS, `time ${t} outside [0, ${durationS}]`);
          }
        },
      ),
    );
  });
});
