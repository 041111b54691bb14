// The cloud player's look-around view: with no offset it looks where the route looks at that
// time, turning moves a sight across the view the way turning a head does, and a sight behind
// the visitor has no mark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sightMarksIn, sphereLookAt } from '@/components/player/cloud/sphere-look';
import { isSpherePicture } from '@/components/player/cloud/sphere-presenter';
import { NO_LOOK_OFFSET, yawPitchOf } from '@/scenes/routes/look-offset';
import { poseAt } from '@/scenes/routes/pose';
import type { Route, Vec3 } from '@/scenes/routes/route-schema';
import { buildTestRoute } from '../helpers/test-routes';

const base = buildTestRoute('sphere-look');
const TIME_S = 5;
const pose = poseAt(base, TIME_S);
const ahead: Vec3 = [
  pose.position[0] + 10 * (pose.lookAt[0] - pose.position[0]),
  pose.position[1] + 10 * (pose.lookAt[1] - pose.position[1]),
  pose.position[2] + 10 * (pose.lookAt[2] - pose.position[2]),
];
// Behind at the same height as ahead: a half turn keeps the pitch, it does not mirror it.
const behind: Vec3 = [2 * pose.position[0] - ahead[0], ahead[1], 2 * pose.position[2] - ahead[2]];
const sight = (id: string, position: Vec3) => ({
  id,
  title: { zh: id, en: id },
  narration: { zh: id, en: id },
  position,
  timeS: 0,
  dwellS: 5,
});
const route: Route = { ...base, pointsOfInterest: [sight('ahead', ahead), sight('behind', behind)] };

test("with no offset the view looks along the route's direction at that time", () => {
  const { view, eye } = sphereLookAt(route, TIME_S, NO_LOOK_OFFSET, 16 / 9);
  assert.deepEqual(eye, pose.position);
  const expected = yawPitchOf([pose.lookAt[0] - eye[0], pose.lookAt[1] - eye[1], pose.lookAt[2] - eye[2]]);
  const actual = yawPitchOf(view.forward);
  assert.ok(Math.abs(actual.yawRad - expected.yawRad) < 1e-9 && Math.abs(actual.pitchRad - expected.pitchRad) < 1e-9);
});

test('a sight ahead is marked in the middle; turning left moves it right; one behind is never marked', () => {
  const straight = sphereLookAt(route, TIME_S, NO_LOOK_OFFSET, 16 / 9);
  const marks = sightMarksIn(route, straight.view, straight.eye);
  assert.deepEqual(
    marks.map((mark) => mark.id),
    ['ahead'],
  );
  assert.ok(Math.abs(marks[0].x - 0.5) < 1e-6 && Math.abs(marks[0].y - 0.5) < 1e-6);
  const left = sphereLookAt(route, TIME_S, { yawRad: 0.3, pitchRad: 0 }, 16 / 9);
  const [turned] = sightMarksIn(route, left.view, left.eye);
  assert.ok(turned.x > 0.6, `the sight moved right, to ${turned.x}`);
  const around = sphereLookAt(route, TIME_S, { yawRad: Math.PI, pitchRad: 0 }, 16 / 9);
  assert.deepEqual(
    sightMarksIn(route, around.view, around.eye).map((mark) => mark.id),
    ['behind'],
  );
});

test('only a picture of a sphere profile size is drawn as a sphere', () => {
  assert.ok(isSpherePicture({ width: 2048, height: 1024 }));
  assert.ok(isSpherePicture({ width: 3840, height: 1920 }));
  assert.ok(!isSpherePicture({ width: 1280, height: 720 }));
  assert.ok(!isSpherePicture({ width: 1024, height: 512 }));
});
