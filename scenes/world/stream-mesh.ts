// The Golden Whip Stream's water: a flat ribbon along the centre line, a little above the
// carved bed. uv.x runs across (0..1), uv.y along the stream in metres, for ripples in the shader.
import { GOLDEN_WHIP_STREAM } from './landmarks';
import { putQuad, type MeshData } from './mesh-data';
import type { StreamPath } from './stream-path';

/** The ribbon is wider than the bed so its edges tuck under the banks. */
const RIBBON_WIDTH_M = GOLDEN_WHIP_STREAM.widthM + 6;
const WATER_ABOVE_FLOOR_M = 0.4;

export function buildStreamMesh(stream: StreamPath, halfExtentM: number, stepM: number): MeshData {
  const centre = stream.sample(stepM);
  // Carry the water on to the world's edges, where fog swallows it.
  const first = centre[0];
  const last = centre[centre.length - 1];
  if (first[0] > -halfExtentM) centre.unshift([-halfExtentM, stream.centreZAt(first[0])]);
  if (last[0] < halfExtentM) centre.push([halfExtentM, stream.centreZAt(last[0])]);
  const count = centre.length;
  const positions = new Float32Array(count * 2 * 3);
  const normals = new Float32Array(count * 2 * 3);
  const uvs = new Float32Array(count * 2 * 2);
  const y = GOLDEN_WHIP_STREAM.floorM + WATER_ABOVE_FLOOR_M;
  let along = 0;
  for (let k = 0; k < count; k++) {
    const [x, z] = centre[k];
    if (k > 0) along += Math.hypot(x - centre[k - 1][0], z - centre[k - 1][1]);
    const slope = stream.slopeAt(x);
    const len = Math.sqrt(1 + slope * slope);
    // Left-hand normal of the direction (1, slope) in the x–z plane.
    const nx = slope / len;
    const nz = -1 / len;
    for (let side = 0; side < 2; side++) {
      const offset = (side === 0 ? 0.5 : -0.5) * RIBBON_WIDTH_M;
      const v = k * 2 + side;
      positions[v * 3] = x + nx * offset;
      positions[v * 3 + 1] = y;
      positions[v * 3 + 2] = z + nz * offset;
      normals[v * 3 + 1] = 1;
      uvs[v * 2] = side;
      uvs[v * 2 + 1] = along;
    }
  }
  const indices = new Uint32Array((count - 1) * 6);
  let t = 0;
  for (let k = 0; k < count - 1; k++) {
    const a = k * 2;
    const b = a + 1;
    const c = a + 2;
    const d = a + 3;
    // Down the ribbon, not across it: the same winding as before.
    t = putQuad(indices, t, a, c, b, d);
  }
  return { positions, normals, uvs, indices };
}
