// The forest on Tianmen's summit plateau as one merged mesh of pine clumps: a jittered grid over
// the flat top, denser towards the rim where the flights pass low, thinned to gaps and glades,
// kept off the cableway's top station. Placed from the seeded PRNG on the sampled ground.
import { buildCrownMesh } from './crown-mesh';
import { mergeMeshes, transformMesh, type MeshData } from './mesh-data';
import { createRandom, deriveSeed, smoothstep, valueNoise2 } from './random';
import type { TerrainField } from './terrain';
import type { TianmenCableway } from './tianmen-cableway';
import { TIANMEN_MASSIF } from './tianmen-landmarks';
import type { CrownLodDetail } from './world-detail';

export interface PlateauForestDetail {
  crown: CrownLodDetail;
  /** Metres between the grid points a clump may stand on. */
  spacingM: number;
}

/** Clumps stand only where the ground is the plateau's top: high and nearly level. */
const TOP_WITHIN_M = 30;
const MAX_SLOPE = 0.35;
/** Tallest clump, metres: the curated flights over the plateau keep well above it. */
export const PLATEAU_TREE_MAX_HEIGHT_M = 18;
const STATION_KEEP_OFF_M = 45;

export function buildPlateauForestMesh(
  terrain: TerrainField,
  cableway: TianmenCableway,
  detail: PlateauForestDetail,
  seed: number,
): MeshData {
  // A few differently grown stands, so the instanced forest is not one clump repeated.
  const units = [1, 2, 3].map((k) => buildCrownMesh(detail.crown, seed + k));
  const random = createRandom(deriveSeed(seed, 'tianmen-plateau-forest'));
  const glades = deriveSeed(seed, 'tianmen-glades');
  const top = cableway.masts[cableway.masts.length - 1];
  const M = TIANMEN_MASSIF;
  const step = detail.spacingM;
  const parts: MeshData[] = [];
  for (let z = M.centreZ - M.radiusZM; z <= M.centreZ + M.radiusZM; z += step) {
    for (let x = M.centreX - M.radiusXM; x <= M.centreX + M.radiusXM; x += step) {
      // Draw every number whether or not the clump is kept, so one clump's fate never shifts another's.
      const px = x + (random() - 0.5) * step * 0.9;
      const pz = z + (random() - 0.5) * step * 0.9;
      const size = random();
      const turn = random() * Math.PI * 2;
      const chance = random();
      const h = terrain.heightAt(px, pz);
      if (h < M.topM - TOP_WITHIN_M) continue;
      const [dx, dz] = terrain.gradientAt(px, pz);
      if (dx * dx + dz * dz > MAX_SLOPE * MAX_SLOPE) continue;
      if (Math.abs(px - top.x) < STATION_KEEP_OFF_M && Math.abs(pz - top.z) < STATION_KEEP_OFF_M) continue;
      // Broad glades of lower scrub open the canopy here and there.
      if (chance > 0.25 + 0.75 * smoothstep(0.25, 0.5, valueNoise2(px / 260, pz / 260, glades))) continue;
      const radius = step * (0.5 + 0.25 * size);
      const height = PLATEAU_TREE_MAX_HEIGHT_M * (0.6 + 0.4 * size);
      const c = Math.cos(turn) * radius;
      const s = Math.sin(turn) * radius;
      // The unit crown's cones hang from about a third of its height below its origin: lift them onto the ground.
      parts.push(
        transformMesh(units[Math.floor(turn * 7) % units.length], [c, 0, -s, 0, 0, height, 0, 0, s, 0, c, 0, px, h + 0.35 * height, pz, 1]),
      );
    }
  }
  return mergeMeshes(parts);
}
