// The sphere profiles' mapping: a direction and its equirect pixel round-trip, the frame is
// world-aligned with a level horizon, and the view a player cuts out of it projects a world
// point where three.js's own camera at the same pose would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PerspectiveCamera, Quaternion as ThreeQuaternion, Vector3 } from 'three';
import { directionAtEquirectUv, equirectUvOf, projectToView, sphereViewOf, viewRayAt } from '@/scenes/protocol/sphere-mapping';
import { lookedQuaternion, MAX_LOOK_PITCH_RAD, NO_LOOK_OFFSET } from '@/scenes/routes/look-offset';
import {
  BAKED_PROFILE_IDS,
  DEFAULT_BAKE_PROFILE_IDS,
  QUALITY_PROFILES,
  SPHERE_PROFILE_IDS,
  isSphereProfile,
} from '@/scenes/protocol/profile-ladder';
import type { Vec3 } from '@/scenes/routes/route-schema';

const close = (a: number, b: number, epsilon = 1e-9) => Math.abs(a - b) <= epsilon;

test('the frame is world-aligned: centre looks down -Z, right of centre is +X, the top row is straight up', () => {
  const at = (u: number, v: number) => directionAtEquirectUv(u, v).map((x) => Math.round(x * 1e9) / 1e9 + 0);
  assert.deepEqual(at(0.5, 0.5), [0, 0, -1]);
  assert.deepEqual(at(0.75, 0.5), [1, 0, 0]);
  assert.deepEqual(at(0.25, 0.5), [-1, 0, 0]);
  assert.deepEqual(at(0, 0.5), [0, 0, 1]);
  assert.deepEqual(at(0.5, 0), [0, 1, 0]);
  assert.deepEqual(at(0.5, 1), [0, -1, 0]);
  const [u, v] = equirectUvOf([0, 0, -5]);
  assert.ok(close(u, 0.5) && close(v, 0.5));
});

test('a direction and its equirect coordinates round-trip, u in [0, 1)', () => {
  const component = fc.double({ min: -1, max: 1, noNaN: true });
  fc.assert(
    fc.property(component, component, component, (x, y, z) => {
      const length = Math.hypot(x, y, z);
      // Away from the poles, where longitude has no meaning.
      fc.pre(length > 1e-3 && Math.hypot(x, z) / length > 1e-3);
      const direction: Vec3 = [x / length, y / length, z / length];
      const [u, v] = equirectUvOf(direction);
      assert.ok(u >= 0 && u < 1 && v >= 0 && v <= 1, `u ${u}, v ${v}`);
      const back = directionAtEquirectUv(u, v);
      for (let i = 0; i < 3; i++) assert.ok(close(back[i], direction[i], 1e-9), `${back} vs ${direction}`);
    }),
  );
});

test("a view projects world points where three.js's camera with the looked quaternion does", () => {
  const coordinate = fc.double({ min: -500, max: 500, noNaN: true });
  fc.assert(
    fc.property(
      fc.tuple(coordinate, coordinate, coordinate),
      fc.tuple(coordinate, coordinate, coordinate),
      fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
      fc.double({ min: -1.2, max: 1.2, noNaN: true }),
      fc.double({ min: 30, max: 90, noNaN: true }),
      (target, point, yawRad, pitchRad, fovDeg) => {
        const eye: Vec3 = [0, 100, 0];
        const lookAt: Vec3 = [target[0], target[1], target[2]];
        const routeDirection: Vec3 = [lookAt[0] - eye[0], lookAt[1] - eye[1], lookAt[2] - eye[2]];
        fc.pre(Math.hypot(routeDirection[0], routeDirection[2]) > 1);
        const offset = { yawRad, pitchRad };
        const aspect = 16 / 9;
        const view = sphereViewOf(routeDirection, offset, fovDeg, aspect);
        const camera = new PerspectiveCamera(fovDeg, aspect, 0.1, 10_000);
        camera.position.set(...eye);
        camera.quaternion.copy(new ThreeQuaternion(...lookedQuaternion(eye, lookAt, offset)));
        camera.updateMatrixWorld();
        const inCamera = new Vector3(...point).applyMatrix4(camera.matrixWorldInverse);
        const ours = projectToView(view, eye, [point[0], point[1], point[2]]);
        if (inCamera.z > -1e-3) {
          if (inCamera.z > 1e-3) assert.equal(ours, null, 'behind the camera');
          return;
        }
        const theirs = new Vector3(...point).project(camera);
        assert.ok(ours !== null);
        assert.ok(close(ours.ndcX, theirs.x, 1e-6 * Math.max(1, Math.abs(theirs.x))), `x ${ours.ndcX} vs ${theirs.x}`);
        assert.ok(close(ours.ndcY, theirs.y, 1e-6 * Math.max(1, Math.abs(theirs.y))), `y ${ours.ndcY} vs ${theirs.y}`);
      },
    ),
  );
});

test("the view's centre ray is the looked direction and its corners span the field of view", () => {
  const view = sphereViewOf([0, 0, -1], NO_LOOK_OFFSET, 90, 2);
  assert.deepEqual(
    viewRayAt(view, 0, 0).map((x) => x + 0),
    [0, 0, -1],
  );
  const corner = viewRayAt(view, 1, 1);
  assert.ok(close(corner[0], 2) && close(corner[1], 1) && close(corner[2], -1));
  // Pitch is clamped: looking up as far as it goes still has a horizon below the view.
  const up = sphereViewOf([0, 0, -1], { yawRad: 0, pitchRad: 3 }, 60, 1);
  assert.ok(close(Math.asin(up.forward[1]), MAX_LOOK_PITCH_RAD));
});

test('sphere profiles: 2:1 equirect, a whole cube face per quarter turn, baked after every flat rung, 4k on request only', () => {
  assert.deepEqual(SPHERE_PROFILE_IDS, ['sphere-2k', 'sphere-4k']);
  for (const id of SPHERE_PROFILE_IDS) {
    const profile = QUALITY_PROFILES[id];
    assert.ok(isSphereProfile(id));
    assert.equal(profile.width, 2 * profile.height);
    assert.equal(profile.width % 4, 0);
    assert.equal(profile.codec, 'vp8');
    assert.notEqual(profile.sceneTier, 'cinematic');
    assert.notEqual(profile.sceneTier, 'bake', 'six views of the bake tier cost six flat frames of its geometry');
    assert.ok(BAKED_PROFILE_IDS.includes(id));
    const flatOrders = BAKED_PROFILE_IDS.filter((flat) => !isSphereProfile(flat)).map((flat) => QUALITY_PROFILES[flat].bakeOrder);
    assert.ok(profile.bakeOrder > Math.max(...flatOrders));
  }
  assert.ok(DEFAULT_BAKE_PROFILE_IDS.includes('sphere-2k'));
  assert.ok(!DEFAULT_BAKE_PROFILE_IDS.includes('sphere-4k'));
  assert.equal(QUALITY_PROFILES['720p'].projection, 'flat');
});
