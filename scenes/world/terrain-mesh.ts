// The ground as one heightfield mesh at the tier's resolution, coloured as forest
// canopy with bare rock on steep ground, a gravel bed along the stream and a dark forested plateau.
import { GOLDEN_WHIP_STREAM, TIANZI_PLATEAU } from './landmarks';
import { linearFromSrgb } from './colour';
import { putQuad, type MeshData } from './mesh-data';
import { clamp, deriveSeed, fbm2, lerp, smoothstep, valueNoise2 } from './random';
import type { World } from './world';

// Broadleaf and pine forest seen from above is dark: the lighter green of before read as lawn,
// and a warm grade turned it brown.
// The lit crowns are a fresher green than the hollows: with both dark, the floor read under golden
// light as a brown-olive mat rather than forest.
const FOREST_DARK = linearFromSrgb([0.04, 0.12, 0.03]);
const FOREST_LIGHT = linearFromSrgb([0.17, 0.34, 0.08]);
/** The Tianzi plateau's top: dense, dark forest, darker than the valley's mottled canopy. */
const PLATEAU_FOREST = linearFromSrgb([0.09, 0.17, 0.07]);
const ROCK = linearFromSrgb([0.6, 0.57, 0.51]);
/**
 * The ground along the stream: mossy stones under shrubs. The stream mesh draws the pale stones
 * at the water; grey here, a coarse grid's wide sunk bed read as a road beside the stream.
 */
const GRAVEL = linearFromSrgb([0.17, 0.21, 0.12]);
/** Most the bed's stones blend into the forest beside it, metres. */
const BANK_BLEND_M = 10;

export function buildTerrainMesh(world: World, stride: number): MeshData {
  const { terrain, stream } = world;
  const fine = terrain.gridVertices;
  const n = Math.floor((fine - 1) / stride) + 1;
  const spacing = terrain.spacingM * stride;
  const half = terrain.halfExtentM;
  const positions = new Float32Array(n * n * 3);
  const normals = new Float32Array(n * n * 3);
  const colors = new Float32Array(n * n * 3);
  const s = deriveSeed(world.seed, 'terrain-colour');
  const bedHalfWidth = GOLDEN_WHIP_STREAM.widthM / 2;
  const heights = new Float32Array(n * n);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      let h = terrain.heights[row * stride * fine + col * stride];
      const x = -half + col * spacing;
      const z = -half + row * spacing;
      // A coarse grid would bridge over the narrow bed and hide the water; sink the vertices that straddle it.
      if (stream.distanceM(x, z) < bedHalfWidth + spacing * 0.75) h = Math.min(h, GOLDEN_WHIP_STREAM.floorM - 1.5);
      heights[row * n + col] = h;
    }
  }
  const at = (row: number, col: number) => heights[clamp(row, 0, n - 1) * n + clamp(col, 0, n - 1)];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const i = row * n + col;
      const x = -half + col * spacing;
      const z = -half + row * spacing;
      const h = heights[i];
      positions[i * 3] = x;
      positions[i * 3 + 1] = h;
      positions[i * 3 + 2] = z;
      const dx = (at(row, col + 1) - at(row, col - 1)) / (2 * spacing);
      const dz = (at(row + 1, col) - at(row - 1, col)) / (2 * spacing);
      const len = Math.sqrt(dx * dx + 1 + dz * dz);
      normals[i * 3] = -dx / len;
      normals[i * 3 + 1] = 1 / len;
      normals[i * 3 + 2] = -dz / len;

      const slope = Math.sqrt(dx * dx + dz * dz);
      const canopy = fbm2(x / 90, z / 90, s, 4);
      const patch = valueNoise2(x / 400, z / 400, s + 1);
      let r = lerp(FOREST_DARK[0], FOREST_LIGHT[0], canopy * 0.7 + patch * 0.3);
      let g = lerp(FOREST_DARK[1], FOREST_LIGHT[1], canopy * 0.7 + patch * 0.3);
      let b = lerp(FOREST_DARK[2], FOREST_LIGHT[2], canopy * 0.7 + patch * 0.3);
      // The plateau top is dense dark forest, its edge a dark line over the cliff.
      const plateau = smoothstep(TIANZI_PLATEAU.topM - 120, TIANZI_PLATEAU.topM - 20, h);
      r = lerp(r, PLATEAU_FOREST[0], plateau * 0.7);
      g = lerp(g, PLATEAU_FOREST[1], plateau * 0.7);
      b = lerp(b, PLATEAU_FOREST[2], plateau * 0.7);
      const rock = smoothstep(0.9, 1.8, slope) * (0.6 + 0.4 * valueNoise2(x / 30, z / 30, s + 2));
      r = lerp(r, ROCK[0], rock);
      g = lerp(g, ROCK[1], rock);
      b = lerp(b, ROCK[2], rock);
      // Stones only on the bed itself: blended out over a whole quad of the phone's coarse grid,
      // they drew a road tens of metres wide beside the water.
      const bed = 1 - smoothstep(bedHalfWidth, bedHalfWidth + Math.min(spacing, BANK_BLEND_M), stream.distanceM(x, z));
      r = lerp(r, GRAVEL[0], bed);
      g = lerp(g, GRAVEL[1], bed);
      b = lerp(b, GRAVEL[2], bed);
      colors[i * 3] = r;
      colors[i * 3 + 1] = g;
      colors[i * 3 + 2] = b;
    }
  }
  const indices = new Uint32Array((n - 1) * (n - 1) * 6);
  let t = 0;
  for (let row = 0; row < n - 1; row++) {
    for (let col = 0; col < n - 1; col++) {
      const a = row * n + col;
      const b = a + 1;
      const c = a + n;
      const d = c + 1;
      t = putQuad(indices, t, a, b, c, d);
    }
  }
  return { positions, normals, colors, indices };
}
