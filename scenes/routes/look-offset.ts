// Where the visitor looks, relative to where the route looks. A flight's camera is
// poseAt(route, t); looking around turns it by a yaw (about the world's up axis) and a
// pitch (up/down), never a roll: the horizon stays level, which is what keeps a turning
// head comfortable. The offset is part of the pose a handover keeps, so the cloud path
// (sampling a baked sphere) and the device path (turning its camera) use this one function.
// No zod here: the player reads this on a tour's first load (its schema: look-offset-schema.ts).
import type { Quaternion } from './camera-orientation';
import { lookRotation } from './camera-orientation';
import type { Vec3 } from './route-schema';

/** Radians. Yaw is positive to the left (counter-clockwise seen from above), pitch positive up. */
export interface LookOffset {
  yawRad: number;
  pitchRad: number;
}

export const NO_LOOK_OFFSET: LookOffset = Object.freeze({ yawRad: 0, pitchRad: 0 });

/** How far up or down a look may turn: just short of straight up or down, where yaw loses meaning. */
export const MAX_LOOK_PITCH_RAD = (85 * Math.PI) / 180;

/** The same offset with yaw wrapped to (-π, π]. */
export function normalizeLookOffset(offset: LookOffset): LookOffset {
  let yaw = offset.yawRad % (2 * Math.PI);
  if (yaw > Math.PI) yaw -= 2 * Math.PI;
  if (yaw <= -Math.PI) yaw += 2 * Math.PI;
  return { yawRad: yaw, pitchRad: offset.pitchRad };
}

/** Yaw (about +Y, 0 = looking down world -Z, positive to the left) and pitch (positive up) of a direction. */
export function yawPitchOf(direction: Vec3): { yawRad: number; pitchRad: number } {
  const [x, y, z] = direction;
  const horizontal = Math.hypot(x, z);
  return { yawRad: Math.atan2(-x, -z), pitchRad: Math.atan2(y, horizontal) };
}

/** Unit direction for a yaw and pitch in the convention of yawPitchOf. */
export function directionOf(yawRad: number, pitchRad: number): Vec3 {
  const c = Math.cos(pitchRad);
  return [-Math.sin(yawRad) * c, Math.sin(pitchRad), -Math.cos(yawRad) * c];
}

/**
 * The direction the visitor looks when the route looks along `routeDirection` and the
 * visitor has turned by `offset`. The total pitch is clamped to ±MAX_LOOK_PITCH_RAD, so
 * looking up from a route that already climbs never tips over the top.
 */
export function lookedDirection(routeDirection: Vec3, offset: LookOffset): Vec3 {
  const base = yawPitchOf(routeDirection);
  const pitch = Math.max(-MAX_LOOK_PITCH_RAD, Math.min(MAX_LOOK_PITCH_RAD, base.pitchRad + offset.pitchRad));
  return directionOf(base.yawRad + offset.yawRad, pitch);
}

/** Camera quaternion (three.js convention, level horizon) for an eye, the route's look-at and an offset. */
export function lookedQuaternion(eye: Vec3, routeLookAt: Vec3, offset: LookOffset): Quaternion {
  const routeDirection: Vec3 = [routeLookAt[0] - eye[0], routeLookAt[1] - eye[1], routeLookAt[2] - eye[2]];
  const [dx, dy, dz] = lookedDirection(routeDirection, offset);
  return lookRotation(eye, [eye[0] + dx, eye[1] + dy, eye[2] + dz]);
}
