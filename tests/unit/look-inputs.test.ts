// The look's inputs as pure arithmetic: a drag moves the picture with the finger, the arrows
// turn at their rates, and the gyroscope's readings become yaw and pitch with a level horizon.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dragTurn, movedPastThreshold, radiansPerPixel } from '@/components/player/look/drag-look';
import { deviceLookDirection, deviceYawPitch, gyroTurn } from '@/components/player/look/gyro-look';
import { LOOK_PITCH_RATE_RAD_PER_S, LOOK_YAW_RATE_RAD_PER_S, turnRatesOf, type LookArrow } from '@/components/player/look/look-keys';
import { parseLookRelease } from '@/components/player/look/look-settings';

const close = (a: number, b: number, epsilon = 1e-9) => assert.ok(Math.abs(a - b) <= epsilon, `${a} vs ${b}`);
const DEG = Math.PI / 180;

test('a drag the height of the picture turns the view by its vertical field of view', () => {
  const perPx = radiansPerPixel(60, 800);
  const turn = dragTurn(0, 800, perPx);
  close(turn.deltaPitchRad, 60 * DEG);
  // Dragging right brings the left into view: the view turns left, which is positive yaw.
  assert.ok(dragTurn(100, 0, perPx).deltaYawRad > 0);
  assert.ok(dragTurn(0, 100, perPx).deltaPitchRad > 0, 'dragging down looks up');
});

test('a press that barely moves is a tap, not a look', () => {
  assert.equal(movedPastThreshold(3, 4), false);
  assert.equal(movedPastThreshold(6, 6), true);
});

test('arrow keys: left turns left, up looks up, opposite keys cancel', () => {
  const rates = (...keys: LookArrow[]) => turnRatesOf(new Set(keys));
  assert.deepEqual(rates('ArrowLeft'), { yawRateRadPerS: LOOK_YAW_RATE_RAD_PER_S, pitchRateRadPerS: 0 });
  assert.deepEqual(rates('ArrowRight', 'ArrowDown'), {
    yawRateRadPerS: -LOOK_YAW_RATE_RAD_PER_S,
    pitchRateRadPerS: -LOOK_PITCH_RATE_RAD_PER_S,
  });
  assert.equal(rates('ArrowLeft', 'ArrowRight').yawRateRadPerS, 0);
});

test('a phone flat on its back looks straight down; held upright facing north it looks level, north', () => {
  const flat = deviceLookDirection({ alphaDeg: 0, betaDeg: 0, gammaDeg: 0 });
  close(flat[1], -1);
  const upright = deviceYawPitch({ alphaDeg: 0, betaDeg: 90, gammaDeg: 0 });
  close(upright.pitchRad, 0);
  close(upright.yawRad, 0); // north is the world's -z, yaw 0
});

test('turning the upright phone to the left (alpha grows) turns the view left by as much', () => {
  const turn = gyroTurn({ alphaDeg: 10, betaDeg: 90, gammaDeg: 0 }, { alphaDeg: 40, betaDeg: 90, gammaDeg: 0 });
  close(turn.deltaYawRad, 30 * DEG, 1e-9);
  close(turn.deltaPitchRad, 0, 1e-9);
});

test('tilting the upright phone back looks up; crossing north is a small turn, not a circle', () => {
  const up = gyroTurn({ alphaDeg: 0, betaDeg: 90, gammaDeg: 0 }, { alphaDeg: 0, betaDeg: 110, gammaDeg: 0 });
  close(up.deltaPitchRad, 20 * DEG, 1e-9);
  const across = gyroTurn({ alphaDeg: 355, betaDeg: 90, gammaDeg: 0 }, { alphaDeg: 5, betaDeg: 90, gammaDeg: 0 });
  close(across.deltaYawRad, 10 * DEG, 1e-9);
});

test('a phone held upright sideways (landscape) looks level too: roll never tips the view', () => {
  for (const gammaDeg of [-90, 90]) {
    const landscape = deviceYawPitch({ alphaDeg: 30, betaDeg: 0, gammaDeg });
    close(landscape.pitchRad, 0, 1e-9);
  }
});

test('the remembered setting reads "stay" only when it says so', () => {
  assert.equal(parseLookRelease('stay'), 'stay');
  assert.equal(parseLookRelease('ease'), 'ease');
  assert.equal(parseLookRelease(null), 'ease');
  assert.equal(parseLookRelease('sideways'), 'ease');
});
