// Turns "stand here, look there" into a camera quaternion in three.js convention
// (the camera looks down its local -Z with +Y up), as Object3D.lookAt does for cameras.
import type { Vec3 } from './route-schema';

export type Quaternion = [number, number, number, number];

const WORLD_UP: Vec3 = [0, 1, 0];

export function lookRotation(eye: Vec3, target: Vec3): Quaternion {
  // Local +Z points from the target back to the eye.
  let zx = eye[0] - target[0];
  let zy = eye[1] - target[1];
  let zz = eye[2] - target[2];
  let len = Math.hypot(zx, zy, zz);
  if (len === 0) {
    zz = 1;
    len = 1;
  }
  zx /= len;
  zy /= len;
  zz /= len;
  let xx = WORLD_UP[1] * zz - WORLD_UP[2] * zy;
  let xy = WORLD_UP[2] * zx - WORLD_UP[0] * zz;
  let xz = WORLD_UP[0] * zy - WORLD_UP[1] * zx;
  let xLen = Math.hypot(xx, xy, xz);
  if (xLen < 1e-9) {
    // Looking straight up or down: nudge like three.js does, so the result is defined.
    zz += 1e-4;
    const zLen = Math.hypot(zx, zy, zz);
    zx /= zLen;
    zy /= zLen;
    zz /= zLen;
    xx = WORLD_UP[1] * zz - WORLD_UP[2] * zy;
    xy = WORLD_UP[2] * zx - WORLD_UP[0] * zz;
    xz = WORLD_UP[0] * zy - WORLD_UP[1] * zx;
    xLen = Math.hypot(xx, xy, xz);
  }
  xx /= xLen;
  xy /= xLen;
  xz /= xLen;
  const yx = zy * xz - zz * xy;
  const yy = zz * xx - zx * xz;
  const yz = zx * xy - zy * xx;
  return quaternionFromBasis(xx, xy, xz, yx, yy, yz, zx, zy, zz);
}

/** Rotation matrix with columns x, y, z → quaternion [x, y, z, w] (Shepperd's method). */
function quaternionFromBasis(
  m11: number,
  m21: number,
  m31: number,
  m12: number,
  m22: number,
  m32: number,
  m13: number,
  m23: number,
  m33: number,
): Quaternion {
  const trace = m11 + m22 + m33;
  if (trace > 0) {
    const s = 0.5 / Math.sqrt(trace + 1);
    return [(m32 - m23) * s, (m13 - m31) * s, (m21 - m12) * s, 0.25 / s];
  }
  if (m11 > m22 && m11 > m33) {
    const s = 2 * Math.sqrt(1 + m11 - m22 - m33);
    return [0.25 * s, (m12 + m21) / s, (m13 + m31) / s, (m32 - m23) / s];
  }
  if (m22 > m33) {
    const s = 2 * Math.sqrt(1 + m22 - m11 - m33);
    return [(m12 + m21) / s, 0.25 * s, (m23 + m32) / s, (m13 - m31) / s];
  }
  const s = 2 * Math.sqrt(1 + m33 - m11 - m22);
  return [(m13 + m31) / s, (m23 + m32) / s, 0.25 * s, (m21 - m12) / s];
}
