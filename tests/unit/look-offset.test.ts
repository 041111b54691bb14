// The look-around offset: no offset is the route's own camera, yaw turns about world up
// with the horizon level, and pitch never tips over the top.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Quaternion as ThreeQuaternion, Vector3 } from 'three';
import {
  MAX_LOOK_PITCH_RAD,
  NO_LOOK_OFFSET,
  directionOf,
  lookedDirection,
  lookedQuaternion,
  normalizeLookOffset,
  yawPitchOf,
} from '@/scenes/routes/look-offset';
import { LookOffsetSchema } from '@/scenes/routes/look-offset-schema';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { poseAt } from '@/scenes/routes/pose';

function rotationGap(a: readonly number[], b: readonly number[]): number {
  return 1 - Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3]);
}

function cameraAxes(q: readonly number[]) {
  const rotation = new ThreeQuaternion(q[0], q[1], q[2], q[3]);
  return {
    forward: new Vector3(0, 0, -1).applyQuaternion(rotation),
    right: new Vector3(1, 0, 0).applyQuaternion(rotation),
  };
}

test('no offset gives exactly the route camera on every curated route', () => {
  for (const route of CURATED_ROUTES) {
    for (let t = 0; t <= route.durationS; t += 1) {
      const pose = poseAt(route, t);
      assert.ok(rotationGap(lookedQuaternion(pose.position, pose.lookAt, NO_LOOK_OFFSET), pose.quaternion) < 1e-9, `${route.id} at ${t} s`);
    }
  }
});

test('yaw and pitch round-trip through a direction', () => {
  const yaw = fc.double({ min: -Math.PI + 1e-6, max: Math.PI, noNaN: true });
  const pitch = fc.double({ min: -1.5, max: 1.5, noNaN: true });
  fc.assert(
    fc.property(yaw, pitch, (yawRad, pitchRad) => {
      const back = yawPitchOf(directionOf(yawRad, pitchRad));
      assert.ok(Math.abs(back.pitchRad - pitchRad) < 1e-9);
      assert.ok(Math.abs(normalizeLookOffset({ yawRad: back.yawRad - yawRad, pitchRad: 0 }).yawRad) < 1e-9);
    }),
  );
});

test('a positive yaw turns left, a positive pitch looks up, and the horizon stays level', () => {
  const eye: [number, number, number] = [0, 100, 0];
  const ahead: [number, number, number] = [0, 100, -50];
  const left = cameraAxes(lookedQuaternion(eye, ahead, { yawRad: Math.PI / 2, pitchRad: 0 }));
  assert.ok(left.forward.distanceTo(new Vector3(-1, 0, 0)) < 1e-9);
  const up = cameraAxes(lookedQuaternion(eye, ahead, { yawRad: 0.7, pitchRad: 0.5 }));
  assert.ok(up.forward.y > 0.47);
  assert.ok(Math.abs(up.right.y) < 1e-9, 'no roll: the camera right axis stays horizontal');
});

test('pitch is clamped short of straight up and down, whatever the route already does', () => {
  const climbing: [number, number, number] = [0, 0.8, -0.6];
  const overTheTop = lookedDirection(climbing, { yawRad: 0, pitchRad: 1.2 });
  assert.ok(Math.abs(yawPitchOf(overTheTop).pitchRad - MAX_LOOK_PITCH_RAD) < 1e-9);
  const underneath = lookedDirection(climbing, { yawRad: 0, pitchRad: -3 });
  assert.ok(Math.abs(yawPitchOf(underneath).pitchRad + MAX_LOOK_PITCH_RAD) < 1e-9);
});

test('yaw wraps to one turn and the schema refuses what is not a finite angle', () => {
  assert.ok(Math.abs(normalizeLookOffset({ yawRad: 3 * Math.PI, pitchRad: 0 }).yawRad - Math.PI) < 1e-9);
  assert.ok(Math.abs(normalizeLookOffset({ yawRad: -2.5 * Math.PI, pitchRad: 0 }).yawRad + Math.PI / 2) < 1e-9);
  assert.equal(LookOffsetSchema.safeParse({ yawRad: Infinity, pitchRad: 0 }).success, false);
  assert.equal(LookOffsetSchema.safeParse({ yawRad: 0, pitchRad: 4 }).success, false);
  assert.equal(LookOffsetSchema.safeParse({ yawRad: 1, pitchRad: -1 }).success, true);
});
