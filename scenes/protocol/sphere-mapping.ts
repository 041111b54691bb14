// Where a direction lands in a sphere profile's frame, and the view a player cuts out of it.
// The bake (drawing the sphere) and every player (sampling it, marking sights on it) use these
// functions, so a direction means the same pixel on both sides. The sphere is world-aligned:
// the frame's centre looks down world -Z, its middle row is the level horizon, and it turns
// with nothing but the visitor's look (look-offset.ts), never with the route's camera.
import type { Vec3 } from '../routes/route-schema';
import { directionOf, lookedDirection, yawPitchOf, type LookOffset } from '../routes/look-offset';

/**
 * Texture coordinates in an equirect frame, u across (0 at the left edge) and v down (0 at the
 * top row): u = 0.5 looks down world -Z, u grows turning right (clockwise from above, against
 * the yaw's sign) as a viewer of the frame expects, v = 0 is straight up.
 */
export function equirectUvOf(direction: Vec3): [number, number] {
  const { yawRad, pitchRad } = yawPitchOf(direction);
  let u = 0.5 - yawRad / (2 * Math.PI);
  if (u >= 1) u -= 1;
  if (u < 0) u += 1;
  return [u, 0.5 - pitchRad / Math.PI];
}

/** The unit direction an equirect frame shows at (u, v): the inverse of equirectUvOf. */
export function directionAtEquirectUv(u: number, v: number): Vec3 {
  return directionOf((0.5 - u) * 2 * Math.PI, (0.5 - v) * Math.PI);
}

/** The view a player shows from a sphere frame: its axes in the world, for the sampler and the sight marks. */
export interface SphereView {
  /** Unit direction at the view's centre. */
  forward: Vec3;
  /** Unit vector to the view's right, level (no roll). */
  right: Vec3;
  /** Unit vector to the view's top, perpendicular to both. */
  up: Vec3;
  /** tan(vertical fov / 2) and tan(horizontal fov / 2): a pixel at ndc (x, y) looks along forward + x·tanX·right + y·tanY·up. */
  tanHalfX: number;
  tanHalfY: number;
}

/**
 * The visitor's view at a frame: the route's direction there (its pose's look-at minus its
 * position) turned by the visitor's offset, with the route's vertical field of view.
 */
export function sphereViewOf(routeDirection: Vec3, offset: LookOffset, fovDeg: number, aspect: number): SphereView {
  const forward = lookedDirection(routeDirection, offset);
  const { yawRad, pitchRad } = yawPitchOf(forward);
  // Level right: the horizontal direction a quarter turn clockwise of the forward yaw.
  const right: Vec3 = [Math.cos(yawRad), 0, -Math.sin(yawRad)];
  const up = directionOf(yawRad, pitchRad + Math.PI / 2);
  const tanHalfY = Math.tan((fovDeg * Math.PI) / 360);
  return { forward, right, up, tanHalfX: tanHalfY * aspect, tanHalfY };
}

/** The direction a view shows at normalised device coordinates (x right, y up, each -1..1), not normalised. */
export function viewRayAt(view: SphereView, ndcX: number, ndcY: number): Vec3 {
  const sx = ndcX * view.tanHalfX;
  const sy = ndcY * view.tanHalfY;
  return [
    view.forward[0] + sx * view.right[0] + sy * view.up[0],
    view.forward[1] + sx * view.right[1] + sy * view.up[1],
    view.forward[2] + sx * view.right[2] + sy * view.up[2],
  ];
}

/**
 * Where a world point (a route's sight) shows in a view from `eye`: normalised device
 * coordinates (x right, y up), or null when it is behind the viewer. Points off the edges
 * come back outside -1..1, so a caller can point towards them.
 */
export function projectToView(view: SphereView, eye: Vec3, point: Vec3): { ndcX: number; ndcY: number } | null {
  const d: Vec3 = [point[0] - eye[0], point[1] - eye[1], point[2] - eye[2]];
  const depth = dot(d, view.forward);
  if (depth <= 1e-6) return null;
  return { ndcX: dot(d, view.right) / depth / view.tanHalfX, ndcY: dot(d, view.up) / depth / view.tanHalfY };
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
