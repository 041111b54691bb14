// Every mesh the Tianmen scene draws for a tier, as plain typed arrays: the ground (forest
// coloured by slope, height and crest, grey-buff limestone where it is sheer, the far ranges
// fading blue); the gate's wall, the fluted cliff face and the pale line of the 999 steps merged
// into one rock mesh; pines on the rock and the plateau's forest; the cableway and skywalk.
// Four draw calls whatever the camera does.
import { linearFromSrgb } from './colour';
import { buildGateWallMesh, type GateWallDetail } from './gate-wall-mesh';
import { buildCliffMesh, type CliffDetail } from './tianmen-cliff-mesh';
import { buildFarRanges, type FarRangesDetail } from './tianmen-far-ranges';
import { buildTianmenPineMesh, type PineDetail } from './tianmen-pine-mesh';
import { buildPlateauForestMesh, type PlateauForestDetail } from './tianmen-plateau-forest';
import { buildStructuresMesh, type StructuresDetail } from './tianmen-structures-mesh';
import { mergeMeshes, triangleCount, type MeshData } from './mesh-data';
import type { QualityTier } from './quality-tiers';
import { clamp, deriveSeed, fbm2, lerp, smoothstep, valueNoise2 } from './random';
import { TIANMEN_MASSIF, TIANMEN_STAIR } from './tianmen-landmarks';
import type { TianmenWorld } from './tianmen-world';
import { perTierCache } from './per-tier-cache';
import { tierTable } from './tier-table';

export interface TianmenDetail {
  terrainStride: number;
  gateWall: GateWallDetail;
  cliffs: CliffDetail;
  pines: PineDetail;
  structures: StructuresDetail;
  stairSegments: number;
  forest: PlateauForestDetail;
  farRanges: FarRangesDetail;
}

/** Each field lists its phone, laptop and bake values. */
export const TIANMEN_DETAIL = tierTable<TianmenDetail>({
  // The phone draws the ground at twice Wulingyuan's density: with no pillars to pay for, the cliffs get the triangles.
  terrainStride: [2, 1, 1],
  gateWall: [
    { sideColumns: 40, upperRows: 44, lowerRows: 10, depthSlices: 10 },
    { sideColumns: 80, upperRows: 100, lowerRows: 60, depthSlices: 18 },
    { sideColumns: 160, upperRows: 200, lowerRows: 120, depthSlices: 32 },
  ],
  cliffs: [
    { columnM: 14, rows: 50 },
    { columnM: 7, rows: 110 },
    { columnM: 3.5, rows: 220 },
  ],
  stairSegments: [60, 120, 240],
  pines: [
    { crown: { trees: 5, layers: 1, sides: 4 }, rimSpacingM: 22, ledgeSpacingM: 9 },
    { crown: { trees: 10, layers: 2, sides: 6 }, rimSpacingM: 16, ledgeSpacingM: 6 },
    { crown: { trees: 14, layers: 3, sides: 6 }, rimSpacingM: 12, ledgeSpacingM: 4 },
  ],
  structures: [
    { cableSegmentsPerSpan: 6, postEvery: 4 },
    { cableSegmentsPerSpan: 12, postEvery: 2 },
    { cableSegmentsPerSpan: 24, postEvery: 1 },
  ],
  forest: [
    { crown: { trees: 5, layers: 1, sides: 4 }, spacingM: 80 },
    { crown: { trees: 10, layers: 2, sides: 6 }, spacingM: 60 },
    { crown: { trees: 14, layers: 3, sides: 6 }, spacingM: 34 },
  ],
  farRanges: [{ cellM: 400 }, { cellM: 200 }, { cellM: 100 }],
});

export interface TianmenGeometry {
  tier: QualityTier;
  terrain: MeshData;
  /** The gate's wall, the massif's cliff face and the stair, world space, vertex-coloured rock. */
  rock: MeshData;
  /** Pine clumps on the rim, the ledges, the gate wall's top and over the summit plateau. */
  pines: MeshData;
  /** Cableway and glass skywalk. */
  structures: MeshData;
}

// Broadleaf and pine forest in valley shade, on open slopes, and the lighter crowns along
// ridge lines; the plateau's denser, bluer-green cover; limestone where the slope is too steep to hold trees.
const VALLEY_FOREST = linearFromSrgb([0.07, 0.13, 0.07]);
const FOREST_DARK = linearFromSrgb([0.11, 0.19, 0.09]);
const FOREST_LIGHT = linearFromSrgb([0.24, 0.33, 0.14]);
const RIDGE_CROWNS = linearFromSrgb([0.33, 0.38, 0.18]);
const PLATEAU_GREEN = linearFromSrgb([0.12, 0.22, 0.1]);
// Grey limestone like the cliffs' (limestone-face.ts), a little warmer in patches: pale buff drew
// the massif's lower crags and the stair's spur as sandstone.
const LIMESTONE = linearFromSrgb([0.44, 0.46, 0.49]);
const LIMESTONE_BUFF = linearFromSrgb([0.5, 0.5, 0.49]);
/** What distance does to a forested ridge in humid air: bluer and paler (the fog adds the rest). */
const FAR_RIDGE_BLUE = linearFromSrgb([0.3, 0.39, 0.47]);
const STAIR = linearFromSrgb([0.86, 0.84, 0.78]);

/**
 * Linear RGB of the ground at a point: valley forest dark, slopes mottled by crowns, ridge lines
 * lighter, higher ground a little more olive, the plateau a dense darker canopy, bare limestone on
 * the steepest ground. `crest` is how far the point stands above its surroundings (about ±1).
 */
function groundColour(x: number, z: number, h: number, dx: number, dz: number, crest: number, seed: number): [number, number, number] {
  const M = TIANMEN_MASSIF;
  // Crowns: clumps of tens of metres over a patchwork of stands.
  const crowns = fbm2(x / 38, z / 38, seed, 3);
  const stands = valueNoise2(x / 420, z / 420, seed + 1);
  const canopy = clamp(0.55 * crowns + 0.45 * stands + 0.35 * crest, 0, 1);
  const hollow = smoothstep(0, -1, crest) * 0.8 + smoothstep(650, 300, h) * 0.3;
  const ridge = smoothstep(0.3, 1.2, crest) * 0.7 + smoothstep(700, 1150, h) * 0.25 * (1 - smoothstep(M.topM - 60, M.topM - 15, h));
  const plateau = smoothstep(M.topM - 60, M.topM - 15, h);
  const slope = Math.sqrt(dx * dx + dz * dz);
  // The stair's spur is a knife ridge, too steep for the slope rule below, but forested to its
  // crest in the photographs, dark under the cliff: bare, it stood in front of the gate as a pale
  // fin, and in the ridge lines' light olive (which the canopy shader takes for rock) as a grey one.
  const spur = smoothstep(150, 60, Math.abs(x - TIANMEN_STAIR.x)) * smoothstep(TIANMEN_STAIR.topZ - 10, TIANMEN_STAIR.topZ + 10, z);
  // Sheer walls are bare limestone, grey with buff patches; moderate slopes keep their trees.
  const rock = smoothstep(1.0, 2.0, slope) * (0.75 + 0.25 * valueNoise2(x / 25, h / 40, seed + 2)) * (1 - spur);
  const buff = valueNoise2(x / 140 + z / 140, h / 60, seed + 3);
  const out: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    let green = lerp(FOREST_DARK[k], FOREST_LIGHT[k], canopy);
    green = lerp(green, VALLEY_FOREST[k], clamp(hollow, 0, 1));
    green = lerp(green, RIDGE_CROWNS[k], clamp(ridge, 0, 1));
    green = lerp(green, lerp(PLATEAU_GREEN[k], FOREST_LIGHT[k], crowns * 0.6), plateau);
    green = lerp(green, lerp(FOREST_DARK[k], FOREST_LIGHT[k], 0.5 * crowns), spur);
    out[k] = lerp(green, lerp(LIMESTONE[k], LIMESTONE_BUFF[k], buff), rock);
  }
  return out;
}

/** The far ranges in the forest's own colours, turning bluer and paler with distance. */
function buildFarRangesMesh(world: TianmenWorld, detail: FarRangesDetail): MeshData {
  const s = deriveSeed(world.seed, 'tianmen-colour');
  const { mesh, distanceShare } = buildFarRanges(world.terrain, world.seed, detail);
  const colors = new Float32Array(mesh.positions.length);
  for (let i = 0; i < distanceShare.length; i++) {
    const x = mesh.positions[i * 3];
    const h = mesh.positions[i * 3 + 1];
    const z = mesh.positions[i * 3 + 2];
    // Seen from kilometres away a slope is its mean colour: crest shading comes from its normal.
    const near = groundColour(x, z, h, 0, 0, 0, s);
    const blue = 0.15 + 0.55 * distanceShare[i];
    for (let k = 0; k < 3; k++) colors[i * 3 + k] = lerp(near[k], FAR_RIDGE_BLUE[k], blue);
  }
  return { ...mesh, colors };
}

function buildTerrain(world: TianmenWorld, stride: number): MeshData {
  const { terrain } = world;
  const fine = terrain.gridVertices;
  const n = Math.floor((fine - 1) / stride) + 1;
  const spacing = terrain.spacingM * stride;
  const half = terrain.halfExtentM;
  const s = deriveSeed(world.seed, 'tianmen-colour');
  const positions = new Float32Array(n * n * 3);
  const normals = new Float32Array(n * n * 3);
  const colors = new Float32Array(n * n * 3);
  const at = (row: number, col: number) => terrain.heights[clamp(row, 0, n - 1) * stride * fine + clamp(col, 0, n - 1) * stride];
  // Ground about 60 m round a point, to tell a crest (above it) from a hollow (below it).
  const reach = Math.max(1, Math.round(60 / spacing));
  const localMeanM = (row: number, col: number) =>
    (at(row - reach, col) + at(row + reach, col) + at(row, col - reach) + at(row, col + reach)) / 4;
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const i = row * n + col;
      const x = -half + col * spacing;
      const z = -half + row * spacing;
      const h = at(row, col);
      positions.set([x, h, z], i * 3);
      const dx = (at(row, col + 1) - at(row, col - 1)) / (2 * spacing);
      const dz = (at(row + 1, col) - at(row - 1, col)) / (2 * spacing);
      const len = Math.sqrt(dx * dx + 1 + dz * dz);
      normals.set([-dx / len, 1 / len, -dz / len], i * 3);
      colors.set(groundColour(x, z, h, dx, dz, (h - localMeanM(row, col)) / 30, s), i * 3);
    }
  }
  const indices = new Uint32Array((n - 1) * (n - 1) * 6);
  let t = 0;
  for (let row = 0; row < n - 1; row++) {
    for (let col = 0; col < n - 1; col++) {
      const a = row * n + col;
      indices.set([a, a + n, a + 1, a + 1, a + n, a + n + 1], t);
      t += 6;
    }
  }
  return { positions, normals, colors, indices };
}

/** The 999 steps as a pale ribbon laid on the spur, a little above the ground so no tier's grid swallows it. */
function buildStair(world: TianmenWorld, segments: number): MeshData {
  const { x, topZ, bottomZ, widthM } = TIANMEN_STAIR;
  const positions = new Float32Array((segments + 1) * 2 * 3);
  const normals = new Float32Array(positions.length);
  const colors = new Float32Array(positions.length);
  const indices = new Uint32Array(segments * 6);
  for (let i = 0; i <= segments; i++) {
    const z = topZ + ((bottomZ - topZ) * i) / segments;
    const lift = 2.5;
    for (let side = 0; side < 2; side++) {
      const px = x + (side === 0 ? -widthM / 2 : widthM / 2);
      const v = (i * 2 + side) * 3;
      positions.set([px, world.heightAt(px, z) + lift, z], v);
      normals.set([0, 1, 0], v);
      // Flights of steps and landings read as faint bands.
      const band = i % 6 === 0 ? 0.8 : 1;
      colors.set([STAIR[0] * band, STAIR[1] * band, STAIR[2] * band], v);
    }
    if (i < segments) {
      const a = i * 2;
      indices.set([a, a + 1, a + 2, a + 1, a + 3, a + 2], i * 6);
    }
  }
  return { positions, normals, colors, indices };
}

export const buildTianmenGeometry = perTierCache((world: TianmenWorld, tier: QualityTier): TianmenGeometry => {
  const detail = TIANMEN_DETAIL[tier];
  const geometry: TianmenGeometry = {
    tier,
    terrain: mergeMeshes([buildTerrain(world, detail.terrainStride), buildFarRangesMesh(world, detail.farRanges)]),
    rock: mergeMeshes([
      buildGateWallMesh(world.gateWall, detail.gateWall),
      buildCliffMesh(world.cliffs, detail.cliffs),
      buildStair(world, detail.stairSegments),
    ]),
    pines: mergeMeshes([
      buildTianmenPineMesh(world.cliffs, world.gateWall, detail.pines, world.seed),
      buildPlateauForestMesh(world.terrain, world.cableway, detail.forest, world.seed),
    ]),
    structures: buildStructuresMesh(world.cableway, world.skywalk, detail.structures),
  };
  return geometry;
});

export function listTianmenMeshes(geometry: TianmenGeometry): MeshData[] {
  return [geometry.terrain, geometry.rock, geometry.pines, geometry.structures];
}

/** Triangles and draw calls of the world (atmosphere excluded); the same from every camera. */
export function tianmenDrawCost(world: TianmenWorld, tier: QualityTier): { triangles: number; drawCalls: number } {
  const meshes = listTianmenMeshes(buildTianmenGeometry(world, tier));
  return { triangles: meshes.reduce((sum, m) => sum + triangleCount(m), 0), drawCalls: meshes.length };
}
