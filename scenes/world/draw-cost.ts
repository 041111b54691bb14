// What a tier costs to draw, computed without a GPU: triangles and draw calls of the world
// (atmosphere excluded) from a camera position, and the worst case over all positions.
import type { Vec3 } from '../routes/route-schema';
import { assignPillarLods, type PillarVisibility } from './instance-plan';
import { GROVE_TREES_PER_TIER, footGrovesOf } from './foot-groves';
import { LEDGE_PINE_LOD_COUNT, cliffPinesDrawn, ledgePinesOf } from './ledge-pines';
import { triangleCount } from './mesh-data';
import type { QualityTier } from './quality-tiers';
import type { World } from './world';
import { buildWorldGeometry, type WorldGeometry } from './world-geometry';
import { PILLAR_LOD_COUNT, TIER_DETAIL } from './world-detail';

export interface DrawCost {
  triangles: number;
  drawCalls: number;
}

/** Meshes drawn once whatever the camera does: terrain, landmark pillars and crowns, bridge, stream. */
function fixedCost(g: WorldGeometry): DrawCost {
  const meshes = [g.terrain, g.landmarkPillars, g.landmarkCrowns, g.bridge, g.stream];
  return { triangles: meshes.reduce((sum, m) => sum + triangleCount(m), 0), drawCalls: meshes.length };
}

/** Cost given a LOD per pillar; empty instance buckets are hidden by the renderer and cost no call. */
export function drawCostForLods(world: World, geometry: WorldGeometry, lods: Int8Array): DrawCost {
  const cost = fixedCost(geometry);
  const pillarBucketUsed = new Uint8Array(world.archetypeCount * PILLAR_LOD_COUNT);
  const crownBucketUsed = new Uint8Array(PILLAR_LOD_COUNT);
  const ledgeBucketUsed = new Uint8Array(LEDGE_PINE_LOD_COUNT);
  let groveBucketUsed = 0;
  const ledges = ledgePinesOf(world);
  const groves = footGrovesOf(world);
  const groveTrees = (index: number) => Math.min(GROVE_TREES_PER_TIER[geometry.tier], groves.count[index]);
  for (const p of world.pillars) {
    const lod = lods[p.index];
    if (lod < 0) continue;
    const pines = lod < LEDGE_PINE_LOD_COUNT ? cliffPinesDrawn(ledges, p.index, geometry.tier, lod) : 0;
    if (pines > 0) {
      cost.triangles += pines * triangleCount(geometry.ledgePines[lod]);
      ledgeBucketUsed[lod] = 1;
    }
    const trees = lod === 0 ? groveTrees(p.index) : 0;
    if (trees > 0) {
      cost.triangles += trees * triangleCount(geometry.groveTree);
      groveBucketUsed = 1;
    }
    cost.triangles += triangleCount(geometry.pillars[p.archetype][lod]);
    pillarBucketUsed[p.archetype * PILLAR_LOD_COUNT + lod] = 1;
    if (p.hasCrown) {
      cost.triangles += triangleCount(geometry.crowns[lod]);
      crownBucketUsed[lod] = 1;
    }
  }
  cost.drawCalls +=
    groveBucketUsed + [pillarBucketUsed, crownBucketUsed, ledgeBucketUsed].reduce((sum, used) => sum + used.reduce((s, u) => s + u, 0), 0);
  return cost;
}

export function worldDrawCost(world: World, tier: QualityTier, camera: Vec3, isVisible?: PillarVisibility): DrawCost {
  return drawCostForLods(world, buildWorldGeometry(world, tier), assignPillarLods(world, tier, camera, isVisible));
}

/**
 * An upper bound over every camera position: the costliest pillars take the LOD 0 and
 * LOD 1 slots, everything else is LOD 2, and every bucket is drawn.
 */
export function worstCaseWorldDrawCost(world: World, tier: QualityTier): DrawCost {
  const detail = TIER_DETAIL[tier];
  const g = buildWorldGeometry(world, tier);
  const cost = fixedCost(g);
  const extras: number[][] = [];
  let lod2Total = 0;
  const ledges = ledgePinesOf(world);
  const groves = footGrovesOf(world);
  const lodZeroGrove = (index: number) => Math.min(GROVE_TREES_PER_TIER[tier], groves.count[index]);
  for (const p of world.pillars) {
    if (p.landmark !== null) continue;
    const grove = lodZeroGrove(p.index);
    const ledgeAt = (lod: number) =>
      (lod < LEDGE_PINE_LOD_COUNT ? cliffPinesDrawn(ledges, p.index, tier, lod) * triangleCount(g.ledgePines[lod]) : 0) +
      (lod === 0 ? grove * triangleCount(g.groveTree) : 0);
    const perLod = [0, 1, 2].map(
      (lod) => triangleCount(g.pillars[p.archetype][lod]) + (p.hasCrown ? triangleCount(g.crowns[lod]) : 0) + ledgeAt(lod),
    );
    lod2Total += perLod[2];
    extras.push([perLod[0] - perLod[2], perLod[1] - perLod[2]]);
  }
  const byNear = extras.map((e) => e[0]).sort((a, b) => b - a);
  const byMid = extras.map((e) => e[1]).sort((a, b) => b - a);
  const nearSum = byNear.slice(0, detail.lodMaxCount[0]).reduce((s, v) => s + v, 0);
  const midSum = byMid.slice(0, detail.lodMaxCount[1]).reduce((s, v) => s + v, 0);
  cost.triangles += lod2Total + nearSum + midSum;
  cost.drawCalls += world.archetypeCount * PILLAR_LOD_COUNT + PILLAR_LOD_COUNT + LEDGE_PINE_LOD_COUNT + 1;
  return cost;
}
