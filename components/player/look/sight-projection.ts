// Where a sight (a world point) falls in the picture the camera draws: on screen, as a point
// in the picture's fractions, or off it, as the direction to turn. Pure arithmetic over the
// camera the device drew (or the one the cloud's sphere view samples), so a turned view still
// marks a sight where it really is.
import type { Quaternion } from '@/scenes/routes/camera-orientation';
import type { Vec3 } from '@/scenes/routes/route-schema';

export interface DrawnCamera {
  position: Vec3;
  quaternion: Quaternion;
  /** Vertical field of view, degrees. */
  fovDeg: number;
}

export interface SightInPicture {
  /** Within the picture and in front of the camera. */
  onScreen: boolean;
  /** Fractions of the picture's width and height from its top-left corner (meaningful when on screen). */
  x: number;
  y: number;
  /** Direction to the sight in the picture's plane, radians from "right", counter-clockwise ("up" is π/2). */
  directionRad: number;
}

/** Rotates v by the inverse of the unit quaternion q: world axes into the camera's. */
function intoCamera([qx, qy, qz, qw]: Quaternion, [vx, vy, vz]: Vec3): Vec3 {
  // v' = q* v q, written out (t = 2 (q.xyz × v) with q conjugated).
  const cx = -qx;
  const cy = -qy;
  const cz = -qz;
  const tx = 2 * (cy * vz - cz * vy);
  const ty = 2 * (cz * vx - cx * vz);
  const tz = 2 * (cx * vy - cy * vx);
  return [vx + qw * tx + (cy * tz - cz * ty), vy + qw * ty + (cz * tx - cx * tz), vz + qw * tz + (cx * ty - cy * tx)];
}

export function sightInPicture(camera: DrawnCamera, aspect: number, sight: Vec3): SightInPicture {
  const [x, y, z] = intoCamera(camera.quaternion, [
    sight[0] - camera.position[0],
    sight[1] - camera.position[1],
    sight[2] - camera.position[2],
  ]);
  const halfHeight = Math.tan((camera.fovDeg * Math.PI) / 360);
  const depth = -z;
  const directionRad = Math.atan2(y, x);
  if (depth <= 0) return { onScreen: false, x: 0.5, y: 0.5, directionRad };
  const ndcX = x / (depth * halfHeight * aspect);
  const ndcY = y / (depth * halfHeight);
  const onScreen = Math.abs(ndcX) <= 1 && Math.abs(ndcY) <= 1;
  return { onScreen, x: (ndcX + 1) / 2, y: (1 - ndcY) / 2, directionRad: Math.atan2(ndcY, ndcX) };
}
