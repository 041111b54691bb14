// Heaven's Gate's wall as a mesh: both faces as grids that leave the opening out (their columns
// follow the arch's roof), the passage through, the top and the ends. Grey-buff limestone,
// darker and damp inside the passage, green scrub along the top.
import { linearFromSrgb } from './colour';
import { GATE_RELIEF_M, type GateWall } from './gate-wall';
import { computeVertexNormals, mergeMeshes, type MeshData } from './mesh-data';
import { limestoneColour } from './limestone-face';
import { deriveSeed, fbm2, lerp, smoothstep, valueNoise2 } from './random';

export interface GateWallDetail {
  /** Columns on each side of the opening. */
  sideColumns: number;
  /** Rows from the opening's floor (or roof) to the top. */
  upperRows: number;
  /**
   * Rows from the buried base up to the opening's floor. The face's flutes and beds are sampled
   * only at the grid's points: four rows over these 250 m drew the wall under the gate as
   * vertical smears, so the richer tiers give it rows as close as the upper face's.
   */
  lowerRows: number;
  /** Slices through the passage's depth. */
  depthSlices: number;
}

const DAMP = linearFromSrgb([0.3, 0.3, 0.28]);
/** Most the passage's walls are broken back into the rock, metres. */
const PASSAGE_ROUGHNESS_M = 9;
const SCRUB = linearFromSrgb([0.2, 0.3, 0.13]);
/** Half the span over which a face's normal takes the relief's slope, metres. */
const FACE_NORMAL_STEP_M = 4;

type Point = [number, number, number];

/**
 * One surface as a grid of points; its winding is chosen so the faces look towards `outward`.
 * `normalAt`, where given, is the surface's own normal at a point (else the grid's triangles'):
 * two grids that meet along a line then shade as one surface, with no crease of light between.
 */
export function gridMesh(
  rows: number,
  cols: number,
  at: (row: number, col: number) => Point,
  outward: Point,
  colour: (p: Point, row: number, col: number) => [number, number, number],
  normalAt?: (p: Point) => Point,
): MeshData {
  const positions = new Float32Array((rows + 1) * (cols + 1) * 3);
  const colors = new Float32Array(positions.length);
  for (let r = 0; r <= rows; r++) {
    for (let c = 0; c <= cols; c++) {
      const p = at(r, c);
      const i = (r * (cols + 1) + c) * 3;
      positions.set(p, i);
      colors.set(colour(p, r, c), i);
    }
  }
  const indices = new Uint32Array(rows * cols * 6);
  // Decide the winding from the grid's mean tangent directions, so a degenerate first quad cannot mislead it.
  const first = at(0, 0);
  const du = at(0, cols);
  const dv = at(rows, 0);
  const ax = du[0] - first[0],
    ay = du[1] - first[1],
    az = du[2] - first[2];
  const bx = dv[0] - first[0],
    by = dv[1] - first[1],
    bz = dv[2] - first[2];
  const n: Point = [by * az - bz * ay, bz * ax - bx * az, bx * ay - by * ax];
  const flip = n[0] * outward[0] + n[1] * outward[1] + n[2] * outward[2] < 0;
  let t = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const a = r * (cols + 1) + c;
      const b = a + 1;
      const d = a + cols + 1;
      const e = d + 1;
      const quad = flip ? [a, b, d, b, e, d] : [a, d, b, b, d, e];
      indices.set(quad, t);
      t += 6;
    }
  }
  const normals = computeVertexNormals(positions, indices);
  if (normalAt) {
    for (let v = 0; v < positions.length; v += 3) normals.set(normalAt([positions[v], positions[v + 1], positions[v + 2]]), v);
  }
  return { positions, normals, colors, indices };
}

export function buildGateWallMesh(wall: GateWall, detail: GateWallDetail): MeshData {
  const s = deriveSeed(wall.seed, 'gate-colour');
  const { outline, halfWidthM, topM, baseM, southZ, northZ } = wall;
  const roof = outline.slice(); // east to west along the roof
  const floorM = roof[0][1];
  const centreX = (roof[0][0] + roof[roof.length - 1][0]) / 2;
  const eastX = roof[0][0];
  const westX = roof[roof.length - 1][0];

  // Columns west to east: the west side, the roof's own x positions, the east side.
  const columns: number[] = [];
  for (let i = 0; i < detail.sideColumns; i++)
    columns.push(centreX - halfWidthM + ((westX - (centreX - halfWidthM)) * i) / detail.sideColumns);
  const roofByX = [...roof].reverse();
  for (const [x] of roofByX) columns.push(x);
  for (let i = 1; i <= detail.sideColumns; i++) columns.push(eastX + ((centreX + halfWidthM - eastX) * i) / detail.sideColumns);
  const bottomOfUpper = (c: number) => {
    const inOpening = c - detail.sideColumns;
    return inOpening >= 0 && inOpening < roofByX.length ? roofByX[inOpening][1] : floorM;
  };

  const rockColour = (p: Point): [number, number, number] => {
    // Same coordinates and seed as the relief, so the scrub lies on the ledges the relief makes.
    const face = limestoneColour(p[0] - centreX, p[1], wall.crestAtM(p[0]), wall.faceSeed);
    // A ragged band of wet, shadowed rock round the opening, wider in places than others, so the
    // hole's edge reads as broken rock rather than a door cut in a wall.
    const ragged = 14 + 34 * fbm2(p[0] / 22, p[1] / 35, s + 11, 3);
    const opening = wall.openingDistanceM(p[0], p[1]);
    const passage = smoothstep(20, -5, opening) * smoothstep(southZ + 2, southZ - 12, p[2]) * smoothstep(northZ - 2, northZ + 12, p[2]);
    const damp = Math.max(passage, 0.75 * smoothstep(ragged, 2, opening));
    // Recesses between the buttresses are in shade and damp even where the sun reaches the wall:
    // darker rock set back, paler rock standing out, which is most of what reads as relief at a distance.
    const standOut = Math.min(1, wall.reliefM(p[0], p[1]) / GATE_RELIEF_M);
    const shade = 0.82 + 0.36 * standOut;
    return [0, 1, 2].map((k) => lerp(face[k], DAMP[k], damp * 0.7) * shade) as [number, number, number];
  };
  const topColour = (p: Point): [number, number, number] => {
    const g = 0.8 + 0.4 * valueNoise2(p[0] / 12, p[2] / 12, s + 3);
    return [SCRUB[0] * g, SCRUB[1] * g, SCRUB[2] * g];
  };

  const { lowerRows } = detail;
  const parts: MeshData[] = [];
  for (const side of [1, -1] as const) {
    const faceZ = side === 1 ? southZ : northZ;
    const at = (y: number, x: number): Point => [x, y, faceZ + side * wall.reliefM(x, y)];
    // The face under the gate and the face beside and above it are two grids meeting at the
    // gate's floor level: each grid's own normals disagreed along that line, which the phone drew
    // as a dark rule straight across the whole wall. Both take the relief's normal instead,
    // its slopes taken over a few metres (about the richer tiers' vertex spacing).
    const faceNormal = ([x, y]: Point): Point => {
      const h = FACE_NORMAL_STEP_M;
      const dx = (wall.reliefM(x + h, y) - wall.reliefM(x - h, y)) / (2 * h);
      const dy = (wall.reliefM(x, y + h) - wall.reliefM(x, y - h)) / (2 * h);
      const len = Math.hypot(dx, dy, 1);
      return [-dx / len, -dy / len, side / len];
    };
    const lastColumn = columns.length - 1;
    parts.push(
      gridMesh(
        lowerRows,
        lastColumn,
        (r, c) => at(baseM + ((floorM - baseM) * r) / lowerRows, columns[c]),
        [0, 0, side],
        rockColour,
        faceNormal,
      ),
      gridMesh(
        detail.upperRows,
        lastColumn,
        (r, c) => {
          const bottom = bottomOfUpper(c);
          const crest = wall.crestAtM(columns[c]);
          return at(bottom + ((crest - bottom) * r) / detail.upperRows, columns[c]);
        },
        [0, 0, side],
        rockColour,
        faceNormal,
      ),
    );
  }
  // The passage: the outline (roof, then the floor as several segments) swept from face to face.
  const ring: Array<readonly [number, number]> = [...roof];
  const floorSegments = 8;
  for (let i = 1; i < floorSegments; i++) ring.push([westX + ((eastX - westX) * i) / floorSegments, floorM]);
  ring.push(roof[0]);
  // Its walls and roof are hewn, not bored: blocks broken out of them, pushed into the rock only
  // (so the opening the clearance measures is never larger than the drawn one) and fading out at
  // the faces, where the passage must meet their rims. The floor stays flat.
  const axisY = floorM + (roof[roof.length >> 1][1] - floorM) * 0.45;
  const tunnel = gridMesh(
    detail.depthSlices,
    ring.length - 1,
    (r, c) => {
      const [x, y] = ring[c];
      // The ends meet the faces where they stand out round the gate, so the hole is as deep as its hood.
      const north = northZ - wall.reliefM(x, y);
      const z = north + ((southZ + wall.reliefM(x, y) - north) * r) / detail.depthSlices;
      if (y <= floorM + 1e-6) return [x, y, z];
      const dx = x - centreX;
      const dy = y - axisY;
      const len = Math.hypot(dx, dy) || 1;
      const fade = smoothstep(0, 12, Math.min(z - north, southZ + wall.reliefM(x, y) - z));
      const blocks = fbm2(x / 9 + y / 23, z / 11 + y / 17, s + 9, 3);
      const outM = PASSAGE_ROUGHNESS_M * blocks * fade * smoothstep(floorM, floorM + 8, y);
      return [x + (dx / len) * outM, y + (dy / len) * outM, z];
    },
    [0, 1, 0],
    rockColour,
  );
  // Winding of a ring is one decision for all of it: check the floor, whose inward side is up.
  parts.push(orientTunnel(tunnel, ring));
  parts.push(
    gridMesh(
      1,
      columns.length - 1,
      (r, c) => {
        const crest = wall.crestAtM(columns[c]);
        return [columns[c], crest, r === 0 ? northZ - wall.reliefM(columns[c], crest) : southZ + wall.reliefM(columns[c], crest)];
      },
      [0, 1, 0],
      topColour,
    ),
    gridMesh(1, 1, (r, c) => [centreX - halfWidthM, baseM + (topM - baseM) * r, c === 0 ? northZ : southZ], [-1, 0, 0], rockColour),
    gridMesh(1, 1, (r, c) => [centreX + halfWidthM, baseM + (topM - baseM) * r, c === 0 ? northZ : southZ], [1, 0, 0], rockColour),
  );
  return mergeMeshes(parts);
}

/** The passage's faces must look into the opening: flips the whole ring if its mean normal points away from the axis. */
function orientTunnel(mesh: MeshData, ring: ReadonlyArray<readonly [number, number]>): MeshData {
  const cx = ring.reduce((sum, [x]) => sum + x, 0) / ring.length;
  const cy = ring.reduce((sum, [, y]) => sum + y, 0) / ring.length;
  let agree = 0;
  for (let v = 0; v < mesh.positions.length; v += 3) {
    agree += (cx - mesh.positions[v]) * mesh.normals[v] + (cy - mesh.positions[v + 1]) * mesh.normals[v + 1];
  }
  if (agree >= 0) return mesh;
  const indices = mesh.indices.slice();
  for (let t = 0; t < indices.length; t += 3) [indices[t + 1], indices[t + 2]] = [indices[t + 2], indices[t + 1]];
  const normals = mesh.normals.map((n) => -n);
  return { ...mesh, indices, normals };
}
