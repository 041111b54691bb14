// A headset's eye on the baked sphere (the cloud path's immersive mode, mono: both eyes see
// the same world-aligned sphere), as pure arithmetic. The rig turns with the route's heading
// alone (xr-comfort.ts), the headset's own pose turns the eye inside it, and the eye's
// projection matrix gives its frustum, which on a headset is off-centre. Leaving, the look the
// visitor had in the headset becomes their look offset on the page, so the flat view goes on
// exactly where the headset left off.
import { MAX_LOOK_PITCH_RAD, normalizeLookOffset, yawPitchOf, type LookOffset } from '@/scenes/routes/look-offset';
import { poseAt } from '@/scenes/routes/pose';
import type { Route, Vec3 } from '@/scenes/routes/route-schema';
import type { SphereView } from '@/scenes/protocol/sphere-mapping';

/** A unit quaternion (x, y, z, w), as XRRigidTransform.orientation gives it. */
export interface Orientation {
  x: number;
  y: number;
  z: number;
  w: number;
}

type Q = [number, number, number, number];

function multiply(a: Q, b: Q): Q {
  const [ax, ay, az, aw] = a;
  const [bx, by, bz, bw] = b;
  return [
    aw * bx + ax * bw + ay * bz - az * by,
    aw * by - ax * bz + ay * bw + az * bx,
    aw * bz + ax * by - ay * bx + az * bw,
    aw * bw - ax * bx - ay * by - az * bz,
  ];
}

function rotate([x, y, z, w]: Q, v: Vec3): Vec3 {
  const t: Vec3 = [2 * (y * v[2] - z * v[1]), 2 * (z * v[0] - x * v[2]), 2 * (x * v[1] - y * v[0])];
  return [v[0] + w * t[0] + (y * t[2] - z * t[1]), v[1] + w * t[1] + (z * t[0] - x * t[2]), v[2] + w * t[2] + (x * t[1] - y * t[0])];
}

export interface EyeSphereView {
  view: SphereView;
  /** The frustum's centre in the eye's ndc (a headset's eyes look slightly off their viewport's centre). */
  shift: [number, number];
}

/**
 * What one eye sees of the sphere: its orientation in the session's seated space turned by the
 * rig's yaw, and the frustum of its projection matrix (column-major, as XRView gives it: a ray
 * at ndc (x, y) runs along ((x + m[8]) / m[0], (y + m[9]) / m[5], -1) in the eye's space).
 */
export function eyeSphereView(rigYawRad: number, orientation: Orientation, projection: ArrayLike<number>): EyeSphereView {
  const rig: Q = [0, Math.sin(rigYawRad / 2), 0, Math.cos(rigYawRad / 2)];
  const eye = multiply(rig, [orientation.x, orientation.y, orientation.z, orientation.w]);
  return {
    view: {
      forward: rotate(eye, [0, 0, -1]),
      right: rotate(eye, [1, 0, 0]),
      up: rotate(eye, [0, 1, 0]),
      tanHalfX: 1 / projection[0],
      tanHalfY: 1 / projection[5],
    },
    shift: [projection[8], projection[9]],
  };
}

/** The look offset that faces the page's view along `eyeForward` (world) at route time `timeS`: how the flat view goes on after the headset. */
export function lookAfterHeadset(route: Route, timeS: number, eyeForward: Vec3): LookOffset {
  const pose = poseAt(route, timeS);
  const routeLook = yawPitchOf([pose.lookAt[0] - pose.position[0], pose.lookAt[1] - pose.position[1], pose.lookAt[2] - pose.position[2]]);
  const eye = yawPitchOf(eyeForward);
  const pitch = Math.max(-MAX_LOOK_PITCH_RAD, Math.min(MAX_LOOK_PITCH_RAD, eye.pitchRad));
  return normalizeLookOffset({ yawRad: eye.yawRad - routeLook.yawRad, pitchRad: pitch - routeLook.pitchRad });
}
