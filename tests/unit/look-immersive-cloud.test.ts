// The cloud path's immersive mode, as far as it is arithmetic: an eye's view of the sphere from
// the rig's yaw, the head's orientation and the eye's projection; the look the page goes on with
// after the headset (the same direction the eye had); where the headset is offered; the colour
// conversion of the sphere frame's planes; and a failed session ended, not left open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { lookedDirection, yawPitchOf } from '@/scenes/routes/look-offset';
import { poseAt } from '@/scenes/routes/pose';
import type { Vec3 } from '@/scenes/routes/route-schema';
import { eyeSphereView, lookAfterHeadset, type Orientation } from '@/components/xr/xr-sphere-view';
import { immersiveAvailable } from '@/components/xr/immersive-availability';
import { createImmersiveStore } from '@/components/xr/immersive-store';
import { yuvToRgb } from '@/components/player/cloud/yuv-colour';
import type { ProfileSummary } from '@/scenes/protocol/server-messages';

const close = (a: number, b: number, epsilon = 1e-9, what = '') => assert.ok(Math.abs(a - b) <= epsilon, `${what} ${a} vs ${b}`);
const closeVec = (a: readonly number[], b: readonly number[], epsilon = 1e-9, what = '') =>
  a.forEach((value, i) => close(value, b[i], epsilon, `${what}[${i}]`));
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** Yaw about world up, then pitch about the turned right axis. */
function head(yawRad: number, pitchRad: number): Orientation {
  const [sy, cy, sp, cp] = [Math.sin(yawRad / 2), Math.cos(yawRad / 2), Math.sin(pitchRad / 2), Math.cos(pitchRad / 2)];
  return { x: cy * sp, y: sy * cp, z: -sy * sp, w: cy * cp };
}

/** A column-major perspective matrix with an off-centre frustum, as a headset's eye has. */
function projection(left: number, right: number, bottom: number, top: number): number[] {
  const near = 0.1;
  const far = 1000;
  return [
    2 / (right - left),
    0,
    0,
    0,
    0,
    2 / (top - bottom),
    0,
    0,
    (right + left) / (right - left),
    (top + bottom) / (top - bottom),
    -(far + near) / (far - near),
    -1,
    0,
    0,
    (-2 * far * near) / (far - near),
    0,
  ];
}

test('an eye sees along the rig’s heading turned by the head, level and with its own frustum', () => {
  const straight = eyeSphereView(0, head(0, 0), projection(-1, 1, -0.5, 0.5));
  closeVec(straight.view.forward, [0, 0, -1]);
  closeVec(straight.view.right, [1, 0, 0]);
  closeVec(straight.view.up, [0, 1, 0]);
  close(straight.view.tanHalfX, 1);
  close(straight.view.tanHalfY, 0.5);
  closeVec(straight.shift, [0, 0]);

  const rigYaw = 1.1;
  const turned = eyeSphereView(rigYaw, head(0.4, -0.3), projection(-1.2, 0.8, -1, 1));
  const { yawRad, pitchRad } = yawPitchOf(turned.view.forward);
  close(yawRad, rigYaw + 0.4, 1e-9, 'yaw');
  close(pitchRad, -0.3, 1e-9, 'pitch');
  close(turned.view.right[1], 0, 1e-9, 'no roll: right stays level');
  close(dot(turned.view.forward, turned.view.up), 0, 1e-9);
  // An off-centre frustum: its centre ray is the ray at ndc -shift.
  close(turned.shift[0], -0.2);
  close(turned.view.tanHalfX, 1);
});

test('leaving the headset, the page’s look points where the eye did', () => {
  const route = CURATED_ROUTES[0];
  for (const timeS of [3, route.durationS / 2]) {
    for (const [yaw, pitch] of [
      [0.7, -0.2],
      [-2.5, 0.3],
      [3.0, 0],
    ]) {
      const rigYaw = 0.3 + timeS / 10;
      const eye = eyeSphereView(rigYaw, head(yaw, pitch), projection(-1, 1, -1, 1)).view.forward;
      const look = lookAfterHeadset(route, timeS, eye);
      const pose = poseAt(route, timeS);
      const routeDirection: Vec3 = [
        pose.lookAt[0] - pose.position[0],
        pose.lookAt[1] - pose.position[1],
        pose.lookAt[2] - pose.position[2],
      ];
      closeVec(lookedDirection(routeDirection, look), eye, 1e-9, `t ${timeS} head ${yaw},${pitch}`);
      assert.ok(look.yawRad > -Math.PI && look.yawRad <= Math.PI);
    }
  }
});

const summary = (id: string) => ({ id }) as ProfileSummary;

test('the headset is offered where the flight can surround the visitor', () => {
  assert.equal(immersiveAvailable('local', null), true);
  assert.equal(immersiveAvailable('posters', null), false);
  assert.equal(immersiveAvailable(null, null), false);
  const streaming = { lookAround: 'off' as const, profiles: [summary('360p'), summary('sphere-2k')] };
  assert.equal(immersiveAvailable('cloud', streaming), true, 'a sphere is listed');
  assert.equal(
    immersiveAvailable('cloud', { ...streaming, profiles: [summary('360p')] }),
    false,
    'no sphere baked: the flat stream cannot',
  );
  for (const cannot of ['not-baked', 'data-saver', 'unsupported'] as const) {
    assert.equal(immersiveAvailable('cloud', { ...streaming, lookAround: cannot }), false, cannot);
  }
});

test('a sphere frame’s planes turn into the colours the decoder meant', () => {
  const apply = (conversion: ReturnType<typeof yuvToRgb>, y: number, u: number, v: number) => {
    const m = conversion.matrix;
    const o = conversion.offset;
    const [sy, su, sv] = [y / 255, u / 255, v / 255];
    return [0, 1, 2].map((row) => m[row] * sy + m[3 + row] * su + m[6 + row] * sv + o[row]);
  };
  // Unspecified means BT.601, limited range (VP8 says nothing of its colours).
  const bt601 = yuvToRgb(null);
  closeVec(apply(bt601, 235, 128, 128), [1, 1, 1], 1e-6, 'white');
  closeVec(apply(bt601, 16, 128, 128), [0, 0, 0], 1e-6, 'black');
  closeVec(apply(bt601, 81, 90, 240), [1, 0, 0], 0.01, 'red');
  closeVec(apply(yuvToRgb({ matrix: 'smpte170m', fullRange: false }), 81, 90, 240), [1, 0, 0], 0.01, 'red, said outright');
  const full709 = yuvToRgb({ matrix: 'bt709', fullRange: true });
  closeVec(apply(full709, 255, 128, 128), [1, 1, 1], 0.005, 'full-range white');
  // BT.709 green, full range: Y = 0.7152, U = 0.5 - 0.7152·0.5/(1-0.0722)·..., computed from the definition.
  const kr = 0.2126;
  const kb = 0.0722;
  const yG = 1 - kr - kb;
  const uG = 128 + (255 * (0 - yG)) / (2 * (1 - kb));
  const vG = 128 + (255 * (0 - yG)) / (2 * (1 - kr));
  closeVec(apply(full709, 255 * yG, uG, vG), [0, 1, 0], 0.005, 'full-range green');
});

test('a session that cannot be drawn into is ended, and the store says it failed', async () => {
  let ended = 0;
  class Session extends EventTarget {
    async end() {
      ended += 1;
      this.dispatchEvent(new Event('end'));
    }
  }
  const store = createImmersiveStore();
  store.starting();
  store.began(new Session() as unknown as XRSession);
  store.failed();
  await Promise.resolve();
  assert.equal(ended, 1);
  assert.equal(store.getState().phase, 'failed', 'the session’s end does not hide why');
});
