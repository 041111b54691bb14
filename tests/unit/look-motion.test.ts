// The look's motion over time: a drag turns it and holds it, a let-go eases it home or leaves
// it (the setting), held keys turn it at a steady rate, and recentring always goes home.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_LOOK_PITCH_RAD } from '@/scenes/routes/look-offset';
import {
  EASE_HALF_LIFE_MS,
  hold,
  isMoving,
  letGo,
  offsetAt,
  recentre,
  RESTING_MOTION,
  setOffset,
  setTurnRate,
  turnBy,
} from '@/components/player/look/look-motion';

const close = (a: number, b: number, epsilon = 1e-9) => assert.ok(Math.abs(a - b) <= epsilon, `${a} vs ${b}`);

test('at rest the look is the route direction and does not move', () => {
  assert.deepEqual(offsetAt(RESTING_MOTION, 12_345), { yawRad: 0, pitchRad: 0 });
  assert.equal(isMoving(RESTING_MOTION, 12_345), false);
});

test('a drag turns the view and it holds there while held', () => {
  const dragged = turnBy(hold(RESTING_MOTION, 100), 150, 0.4, -0.2);
  assert.deepEqual(offsetAt(dragged, 150), { yawRad: 0.4, pitchRad: -0.2 });
  assert.deepEqual(offsetAt(dragged, 10_000), { yawRad: 0.4, pitchRad: -0.2 });
  assert.equal(isMoving(dragged, 10_000), false);
});

test('let go with "ease": halfway home after one half-life, home within a few seconds, then still', () => {
  const released = letGo(turnBy(RESTING_MOTION, 0, 0.8, 0.3), 1000, 'ease');
  assert.equal(isMoving(released, 1000), true);
  const half = offsetAt(released, 1000 + EASE_HALF_LIFE_MS);
  close(half.yawRad, 0.4);
  close(half.pitchRad, 0.15);
  assert.deepEqual(offsetAt(released, 1000 + 3000), { yawRad: 0, pitchRad: 0 });
  assert.equal(isMoving(released, 1000 + 3000), false);
});

test('let go with "stay": the view stays where it was left', () => {
  const released = letGo(turnBy(RESTING_MOTION, 0, 0.8, 0.3), 1000, 'stay');
  assert.deepEqual(offsetAt(released, 60_000), { yawRad: 0.8, pitchRad: 0.3 });
  assert.equal(isMoving(released, 1001), false);
});

test('grabbing an easing view stops it where it is, and a new drag continues from there', () => {
  const easing = letGo(turnBy(RESTING_MOTION, 0, 1, 0), 0, 'ease');
  const caught = hold(easing, EASE_HALF_LIFE_MS);
  close(offsetAt(caught, 5000).yawRad, 0.5);
  close(offsetAt(turnBy(caught, 5000, 0.1, 0), 5000).yawRad, 0.6);
});

test('held keys turn at their rate; letting go of them eases home or stays', () => {
  const turning = setTurnRate(RESTING_MOTION, 0, 1, -0.5, 'ease');
  assert.equal(isMoving(turning, 250), true);
  close(offsetAt(turning, 500).yawRad, 0.5);
  close(offsetAt(turning, 500).pitchRad, -0.25);
  const stoppedStay = setTurnRate(turning, 500, 0, 0, 'stay');
  close(offsetAt(stoppedStay, 9000).yawRad, 0.5);
  const stoppedEase = setTurnRate(turning, 500, 0, 0, 'ease');
  assert.deepEqual(offsetAt(stoppedEase, 9000), { yawRad: 0, pitchRad: 0 });
});

test('a let-go while keys still turn keeps turning (the keys hold the view)', () => {
  const turning = setTurnRate(RESTING_MOTION, 0, 1, 0, 'ease');
  const released = letGo(turning, 100, 'ease');
  close(offsetAt(released, 200).yawRad, 0.2);
});

test('recentre goes home even under "stay"', () => {
  const away = letGo(turnBy(RESTING_MOTION, 0, 2, 0.5), 0, 'stay');
  const home = recentre(away, 1000);
  assert.equal(isMoving(home, 1001), true);
  assert.deepEqual(offsetAt(home, 5000), { yawRad: 0, pitchRad: 0 });
});

test('yaw wraps to (-π, π] so easing home takes the short way round', () => {
  const spun = turnBy(RESTING_MOTION, 0, (3 * Math.PI) / 2, 0);
  close(offsetAt(spun, 0).yawRad, -Math.PI / 2);
});

test('pitch never passes what a look may reach, however far it is dragged or turned', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })), { maxLength: 20 }),
      (drags) => {
        let motion = RESTING_MOTION;
        drags.forEach(([yaw, pitch], index) => {
          motion = turnBy(motion, index * 10, yaw, pitch);
        });
        const { yawRad, pitchRad } = offsetAt(setTurnRate(motion, 1000, 0, 3, 'ease'), 60_000);
        assert.ok(Math.abs(pitchRad) <= MAX_LOOK_PITCH_RAD);
        assert.ok(yawRad > -Math.PI - 1e-12 && yawRad <= Math.PI + 1e-12);
      },
    ),
  );
});

test('setOffset puts the view exactly there (a carried look), not easing', () => {
  const set = setOffset(letGo(turnBy(RESTING_MOTION, 0, 1, 0), 0, 'ease'), 100, { yawRad: -0.3, pitchRad: 0.1 });
  assert.deepEqual(offsetAt(set, 5000), { yawRad: -0.3, pitchRad: 0.1 });
});
