// Small solids for thin man-made things (cables, masts, cabins, railings) as plain meshes:
// a square-section beam between two points and an axis-aligned box, flat-shaded, one colour each.
import type { MeshData } from './mesh-data';

type Point = readonly [number, number, number];
type Rgb = readonly [number, number, number];

/** Quads from corner rings: `rings` is a list of 4-point cross-sections, joined side by side and capped at both ends. */
function ringsMesh(rings: ReadonlyArray<readonly Point[]>, colour: Rgb): MeshData {
  // Flat shading: every face gets its own four corners, so edges stay crisp on thin things.
  const quads: Point[][] = [];
  for (let r = 0; r + 1 < rings.length; r++) {
    for (let k = 0; k < 4; k++) quads.push([rings[r][k], rings[r][(k + 1) % 4], rings[r + 1][(k + 1) % 4], rings[r + 1][k]]);
  }
  const first = rings[0];
  const last = rings[rings.length - 1];
  quads.push([first[3], first[2], first[1], first[0]], [last[0], last[1], last[2], last[3]]);
  const positions = new Float32Array(quads.length * 12);
  const normals = new Float32Array(quads.length * 12);
  const colors = new Float32Array(quads.length * 12);
  const indices = new Uint32Array(quads.length * 6);
  quads.forEach((q, i) => {
    const ax = q[1][0] - q[0][0],
      ay = q[1][1] - q[0][1],
      az = q[1][2] - q[0][2];
    const bx = q[3][0] - q[0][0],
      by = q[3][1] - q[0][1],
      bz = q[3][2] - q[0][2];
    let nx = ay * bz - az * by,
      ny = az * bx - ax * bz,
      nz = ax * by - ay * bx;
    const len = Math.hypot(nx, ny, nz) || 1;
    nx /= len;
    ny /= len;
    nz /= len;
    for (let k = 0; k < 4; k++) {
      positions.set(q[k], i * 12 + k * 3);
      normals.set([nx, ny, nz], i * 12 + k * 3);
      colors.set(colour, i * 12 + k * 3);
    }
    const v = i * 4;
    indices.set([v, v + 3, v + 1, v + 1, v + 3, v + 2], i * 6);
  });
  return { positions, normals, colors, indices };
}

/** A beam of square section `halfWidthM` from a to b (a and b must differ). */
export function beamMesh(a: Point, b: Point, halfWidthM: number, colour: Rgb): MeshData {
  const dx = b[0] - a[0],
    dy = b[1] - a[1],
    dz = b[2] - a[2];
  const len = Math.hypot(dx, dy, dz);
  const d: Point = [dx / len, dy / len, dz / len];
  // Any vector not along the beam gives the section's axes.
  const ref: Point = Math.abs(d[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
  let ux = d[1] * ref[2] - d[2] * ref[1],
    uy = d[2] * ref[0] - d[0] * ref[2],
    uz = d[0] * ref[1] - d[1] * ref[0];
  const ul = Math.hypot(ux, uy, uz);
  ux /= ul;
  uy /= ul;
  uz /= ul;
  const vx = d[1] * uz - d[2] * uy,
    vy = d[2] * ux - d[0] * uz,
    vz = d[0] * uy - d[1] * ux;
  const ring = (p: Point): Point[] =>
    [
      [1, 1],
      [-1, 1],
      [-1, -1],
      [1, -1],
    ].map(
      ([s, t]) =>
        [p[0] + halfWidthM * (s * ux + t * vx), p[1] + halfWidthM * (s * uy + t * vy), p[2] + halfWidthM * (s * uz + t * vz)] as Point,
    );
  return ringsMesh([ring(a), ring(b)], colour);
}

/** A box centred on `centre` with half sizes along x, y and z. */
export function boxMesh(centre: Point, half: Point, colour: Rgb): MeshData {
  const [cx, cy, cz] = centre;
  const ring = (y: number): Point[] => [
    [cx + half[0], y, cz + half[2]],
    [cx - half[0], y, cz + half[2]],
    [cx - half[0], y, cz - half[2]],
    [cx + half[0], y, cz - half[2]],
  ];
  return ringsMesh([ring(cy - half[1]), ring(cy + half[1])], colour);
}
