// A sight's place in the picture: the route looking at it puts it in the middle; turning the
// view moves it the other way across the picture and, far enough, off the edge on the side to
// turn back to; behind the camera it is never "on screen". Checked against three.js's own
// projection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PerspectiveCamera, Quaternion, Vector3 } from 'three';
import { sightInPicture } from '@/components/player/look/sight-projection';
import { lookedQuaternion } from '@/scenes/routes/look-offset';
import type { Vec3 } from '@/scenes/routes/route-schema';

const close = (a: number, b: number, epsilon = 1e-9) => assert.ok(Math.abs(a - b) <= epsilon, `${a} vs ${b}`);
const eye: Vec3 = [100, 900, -200];
const sight: Vec3 = [400, 950, -600];

test('the sight the route looks at sits in the middle of the picture', () => {
  const at = sightInPicture(
    { position: eye, quaternion: lookedQuaternion(eye, sight, { yawRad: 0, pitchRad: 0 }), fovDeg: 55 },
    16 / 9,
    sight,
  );
  assert.equal(at.onScreen, true);
  close(at.x, 0.5);
  close(at.y, 0.5);
});

test('turning left moves the sight right, and far enough off the right edge; behind is off screen', () => {
  const turned = (yawRad: number) =>
    sightInPicture({ position: eye, quaternion: lookedQuaternion(eye, sight, { yawRad, pitchRad: 0 }), fovDeg: 55 }, 16 / 9, sight);
  assert.ok(turned(0.3).onScreen && turned(0.3).x > 0.6);
  const far = turned(1.4);
  assert.equal(far.onScreen, false);
  assert.ok(Math.abs(far.directionRad) < 0.3, `the way back points right: ${far.directionRad}`);
  assert.equal(turned(Math.PI).onScreen, false);
});

test('agrees with three.js projecting the same point with the same camera', () => {
  fc.assert(
    fc.property(
      fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
      fc.double({ min: -1.2, max: 1.2, noNaN: true }),
      fc.double({ min: 30, max: 80, noNaN: true }),
      (yawRad, pitchRad, fovDeg) => {
        const quaternion = lookedQuaternion(eye, sight, { yawRad, pitchRad });
        const ours = sightInPicture({ position: eye, quaternion, fovDeg }, 1.5, sight);
        const camera = new PerspectiveCamera(fovDeg, 1.5, 1, 9000);
        camera.position.set(...eye);
        camera.quaternion.copy(new Quaternion(...quaternion));
        camera.updateMatrixWorld();
        const projected = new Vector3(...sight).project(camera);
        const inFront = new Vector3(...sight).applyMatrix4(camera.matrixWorldInverse).z < 0;
        const theirsOnScreen = inFront && Math.abs(projected.x) <= 1 && Math.abs(projected.y) <= 1;
        assert.equal(ours.onScreen, theirsOnScreen);
        if (inFront) {
          close(ours.x, (projected.x + 1) / 2, 1e-6);
          close(ours.y, (1 - projected.y) / 2, 1e-6);
        }
      },
    ),
  );
});
