// The Golden Whip Stream's channel: a flat water ribbon sunk below the valley floor's bed and,
// on each side, a bank of pale stones that runs from under the water up above it, so the surface
// sits below its banks on every tier (the terrain mesh sinks its vertices along the bed).
// uv.x runs across the water 0..1, and 2..3 across a bank (2 at the water, 3 at its top), so one
// material draws both; uv.y runs along the stream in metres, for ripples and stones in the shader.
import { GOLDEN_WHIP_STREAM } from './landmarks';
import { putQuad, type MeshData } from './mesh-data';
import type { StreamPath } from './stream-path';

/** The ribbon is wider than the open water so its edges tuck under the banks. */
const RIBBON_WIDTH_M = GOLDEN_WHIP_STREAM.widthM + 4;
/** Above the terrain's bed (floorM - 1.5) and below the old 0.4 m, which stood on the bed like a road. */
export const WATER_BELOW_FLOOR_M = 0.9;
/** A bank starts under the water and ends this far out from the centre line and this high above the water. */
const BANK_INNER_M = GOLDEN_WHIP_STREAM.widthM / 2 - 1;
const BANK_OUTER_M = GOLDEN_WHIP_STREAM.widthM / 2 + 7;
const BANK_FOOT_BELOW_WATER_M = 0.5;
export const BANK_TOP_ABOVE_WATER_M = 1.8;

export function buildStreamMesh(stream: StreamPath, halfExtentM: number, stepM: number): MeshData {
  const centre = stream.sample(stepM);
  // Carry the water on to the world's edges, where fog swallows it.
  const first = centre[0];
  const last = centre[centre.length - 1];
  if (first[0] > -halfExtentM) centre.unshift([-halfExtentM, stream.centreZAt(first[0])]);
  if (last[0] < halfExtentM) centre.push([halfExtentM, stream.centreZAt(last[0])]);
  const count = centre.length;
  // Per station: water left, water right, then for each side a bank's foot and top.
  const perStation = 6;
  const positions = new Float32Array(count * perStation * 3);
  const normals = new Float32Array(count * perStation * 3);
  const uvs = new Float32Array(count * perStation * 2);
  const water = GOLDEN_WHIP_STREAM.floorM - WATER_BELOW_FLOOR_M;
  const rise = BANK_TOP_ABOVE_WATER_M + BANK_FOOT_BELOW_WATER_M;
  const run = BANK_OUTER_M - BANK_INNER_M;
  const put = (v: number, x: number, y: number, z: number, n: [number, number, number], u: number, along: number) => {
    positions[v * 3] = x;
    positions[v * 3 + 1] = y;
    positions[v * 3 + 2] = z;
    normals[v * 3] = n[0];
    normals[v * 3 + 1] = n[1];
    normals[v * 3 + 2] = n[2];
    uvs[v * 2] = u;
    uvs[v * 2 + 1] = along;
  };
  let along = 0;
  for (let k = 0; k < count; k++) {
    const [x, z] = centre[k];
    if (k > 0) along += Math.hypot(x - centre[k - 1][0], z - centre[k - 1][1]);
    const slope = stream.slopeAt(x);
    const len = Math.sqrt(1 + slope * slope);
    // Left-hand normal of the direction (1, slope) in the x–z plane.
    const nx = slope / len;
    const nz = -1 / len;
    const base = k * perStation;
    put(base, x + nx * 0.5 * RIBBON_WIDTH_M, water, z + nz * 0.5 * RIBBON_WIDTH_M, [0, 1, 0], 0, along);
    put(base + 1, x - nx * 0.5 * RIBBON_WIDTH_M, water, z - nz * 0.5 * RIBBON_WIDTH_M, [0, 1, 0], 1, along);
    for (let side = 0; side < 2; side++) {
      const out = side === 0 ? 1 : -1;
      // The bank faces the water: its normal leans back towards the centre line.
      const nLen = Math.hypot(rise, run);
      const normal: [number, number, number] = [(-out * nx * rise) / nLen, run / nLen, (-out * nz * rise) / nLen];
      const foot = base + 2 + side * 2;
      put(foot, x + out * nx * BANK_INNER_M, water - BANK_FOOT_BELOW_WATER_M, z + out * nz * BANK_INNER_M, normal, 2, along);
      put(foot + 1, x + out * nx * BANK_OUTER_M, water + BANK_TOP_ABOVE_WATER_M, z + out * nz * BANK_OUTER_M, normal, 3, along);
    }
  }
  const indices = new Uint32Array((count - 1) * 6 * 3);
  let t = 0;
  for (let k = 0; k < count - 1; k++) {
    const a = k * perStation;
    const c = a + perStation;
    // Down the ribbon, not across it: the same winding as before.
    t = putQuad(indices, t, a, c, a + 1, c + 1);
    // The left bank (out = +1, the ribbon's side 0) winds like the ribbon from its foot to its top;
    // the right bank is mirrored, so it swaps them to face up too.
    t = putQuad(indices, t, a + 3, c + 3, a + 2, c + 2);
    t = putQuad(indices, t, a + 4, c + 4, a + 5, c + 5);
  }
  return { positions, normals, uvs, indices };
}
