// poseAt's quaternion must be exactly what three.js would set for a camera looking at
// the same target, since the renderers copy it straight onto their PerspectiveCamera.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PerspectiveCamera, Vector3 } from 'three';
import { lookRotation } from '@/scenes/routes/camera-orientation';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { poseAt } from '@/scenes/routes/pose';
import type { Vec3 } from '@/scenes/routes/route-schema';

function threeLookAt(eye: Vec3, target: Vec3): [number, number, number, number] {
  const camera = new PerspectiveCamera();
  camera.position.set(eye[0], eye[1], eye[2]);
  camera.lookAt(new Vector3(target[0], target[1], target[2]));
  return [camera.quaternion.x, camera.quaternion.y, camera.quaternion.z, camera.quaternion.w];
}

/** 0 for the same rotation (q and -q are the same rotation). */
function rotationGap(a: readonly number[], b: readonly number[]): number {
  return 1 - Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3]);
}

test('lookRotation agrees with three.js Object3D.lookAt for cameras', () => {
  const coordinate = fc.double({ min: -3000, max: 3000, noNaN: true });
  const point = fc.tuple(coordinate, coordinate, coordinate);
  fc.assert(
    fc.property(point, point, (eye, target) => {
      fc.pre(Math.hypot(eye[0] - target[0], eye[2] - target[2]) > 1e-3);
      assert.ok(rotationGap(lookRotation(eye, target), threeLookAt(eye, target)) < 1e-12);
    }),
    { numRuns: 300 },
  );
});

test('every curated pose matches what three.js would set', () => {
  for (const route of CURATED_ROUTES) {
    for (let t = 0; t <= route.durationS; t += 0.5) {
      const pose = poseAt(route, t);
      assert.ok(rotationGap(pose.quaternion, threeLookAt(pose.position, pose.lookAt)) < 1e-12, `${route.id} at ${t} s`);
    }
  }
});
