// The ground of the Tianmen scene: forested ridges of the Wuling range round the massif, lower
// in the city's valley to the south, the long forested slopes up to the foot of the cliffs, the sheer-walled plateau on top, the spur the stair climbs, and the ravine behind
// Heaven's Gate. The gate's own wall is a separate mesh (a heightfield cannot hold a hole).
import { deriveSeed, fbm2, lerp, ridgedNoise2, smoothstep, valueNoise2 } from './random';
import { GATE_RAVINE, HEAVENS_GATE, TIANMEN_CITY_VALLEY, TIANMEN_MASSIF } from './tianmen-landmarks';
import { sampleTerrainField, TERRAIN_GRID_VERTICES, type TerrainField } from './terrain';

const M = TIANMEN_MASSIF;
/** How far the stair spur's flanks fall within 55 m of its crest, metres. */
export const SPUR_FLANK_DROP_M = 90;

function outlineRadius(x: number, z: number): number {
  const u = Math.abs((x - M.centreX) / M.radiusXM);
  const v = Math.abs((z - M.centreZ) / M.radiusZM);
  return (u ** M.squareness + v ** M.squareness) ** (1 / M.squareness);
}

/**
 * Signed metres from the plateau's rim (positive outside), to first order: the outline is a
 * superellipse bent by noise into buttresses and gullies, kept true near the gate.
 */
export function massifRimDistanceM(x: number, z: number, seed: number): number {
  const s = deriveSeed(seed, 'tianmen-rim');
  const r = outlineRadius(x, z);
  const gx = (outlineRadius(x + 1, z) - outlineRadius(x - 1, z)) / 2;
  const gz = (outlineRadius(x, z + 1) - outlineRadius(x, z - 1)) / 2;
  const gradient = Math.max(1e-6, Math.hypot(gx, gz));
  const nearGate = smoothstep(180, 480, Math.hypot(x - HEAVENS_GATE.x, z - HEAVENS_GATE.z));
  const bend = ((fbm2(x / 420, z / 420, s, 3) - 0.5) * 0.1 + (valueNoise2(x / 95, z / 95, s + 5) - 0.5) * 0.035) * nearGate;
  return (r - 1 - bend) / gradient;
}

/** Floor of the ravine behind the gate along z: level with the gate, down into a hollow, then up to the plateau. */
function ravineFloorM(z: number): number {
  const behindGate = HEAVENS_GATE.z - HEAVENS_GATE.depthM / 2;
  const gateLevel = HEAVENS_GATE.floorM - 8;
  const down = smoothstep(behindGate, behindGate - 130, z);
  const up = smoothstep(behindGate - 170, GATE_RAVINE.headZ, z);
  return lerp(lerp(gateLevel, GATE_RAVINE.floorM, down), M.topM + 5, up * up);
}

/** The broad valley towards the city, south of the gate, where the cableway starts: 0 outside, 1 on its floor. */
export function cityValleyShare(x: number, z: number): number {
  const axisX = TIANMEN_CITY_VALLEY.axisX + TIANMEN_CITY_VALLEY.bendM * smoothstep(200, 2400, z);
  const across = smoothstep(TIANMEN_CITY_VALLEY.halfWidthM, TIANMEN_CITY_VALLEY.floorHalfWidthM, Math.abs(x - axisX));
  return across * smoothstep(-250, 500, z);
}

/** The land round the massif before the massif is set into it: forested ridges of the Wuling range. */
function surroundingHeightM(x: number, z: number, seed: number): number {
  const sHills = deriveSeed(seed, 'tianmen-hills');
  const sRidges = deriveSeed(seed, 'tianmen-ridges');
  const valley = cityValleyShare(x, z);
  // Ridges 250–700 m over a valley floor near 280 m; lower and gentler in the city's valley.
  const ridges = 430 * ridgedNoise2(x / 1150 + 0.37, z / 1150 + 0.61, sRidges, 4) * (1 - 0.8 * valley);
  const rolling = 150 * (fbm2(x / 1300, z / 1300, sHills, 4) - 0.5) * (1 - 0.6 * valley);
  const fine = 45 * (fbm2(x / 230, z / 230, sHills + 17, 4) - 0.5);
  let low = 280 + ridges + rolling + fine;
  // Ranges rise towards the world's edge, where they meet the far ranges.
  const edge = Math.max(Math.abs(x), Math.abs(z));
  low += 300 * smoothstep(1500, 2400, edge) * (0.55 + 0.45 * fbm2(x / 500, z / 500, sHills + 99, 3)) * (1 - 0.5 * valley);
  return low;
}

function rawHeight(x: number, z: number, seed: number): number {
  const sTop = deriveSeed(seed, 'tianmen-top');
  const low = surroundingHeightM(x, z, seed);

  const d = massifRimDistanceM(x, z, seed);
  const foot = M.cliffFootM + 70 * (fbm2(x / 260, z / 260, sTop + 3, 3) - 0.5);
  // Long forested slopes from the cliff foot down to the hills.
  const slope = lerp(low, foot, Math.exp(-Math.max(0, d) / 520));
  const summit = (M.highestPointM - M.topM - 6) * Math.exp(-((x - 420) ** 2 + (z + 1250) ** 2) / (300 * 300));
  const top = M.topM + 12 * (fbm2(x / 300, z / 300, sTop, 4) - 0.5) + summit;
  // Sheer cliffs: the plateau top gives way to the slope within a few tens of metres.
  let h = lerp(slope, top, smoothstep(28, -6, d));

  // The spur the 999 steps climb: a ridge from the gate's floor down towards the city.
  const frontFace = HEAVENS_GATE.z + HEAVENS_GATE.depthM / 2;
  // A knife ridge: its flanks fall away steeply within a few tens of metres of a crest hardly
  // wider than the stair, so from the route's approach it is a thin line of steps climbing to
  // the gate under a cliff that fills the view. (A crest 150 m across, rounded, rose in front of
  // the gate as a green mound that hid the foot of the cliff.) It starts at the gate wall's foot.
  const along = Math.max(0, z - frontFace);
  const across = Math.abs(x - HEAVENS_GATE.x);
  const spur = HEAVENS_GATE.floorM - 4 - 0.62 * along - SPUR_FLANK_DROP_M * smoothstep(8, 55, across) - 1.5 * Math.max(0, across - 55);
  if (z > frontFace - 40) h = Math.max(h, spur);

  // The ravine behind the gate, walled by cliffs on both sides.
  const ravine =
    smoothstep(GATE_RAVINE.halfWidthM + 20, GATE_RAVINE.halfWidthM - 20, Math.abs(x - HEAVENS_GATE.x)) *
    smoothstep(frontFace + 6, frontFace - 6, z);
  h = lerp(h, Math.min(h, ravineFloorM(z)), ravine);
  return h;
}

export function createTianmenTerrain(seed: number, halfExtentM: number, gridVertices = TERRAIN_GRID_VERTICES): TerrainField {
  return sampleTerrainField(halfExtentM, gridVertices, (x, z) => rawHeight(x, z, seed));
}
