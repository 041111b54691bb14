// Which ordinary pillar is drawn with which archetype mesh at which level of detail, and
// its instance transform. LOD 0 and 1 go to the nearest pillars only up to a fixed count,
// so the worst case stays inside the tier's budget wherever the camera is; no pillar is dropped.
import type { Vec3 } from '../routes/route-schema';
import type { Pillar } from './pillar';
import { asPillarInstancing, type InstancingSource, type PillarInstancing } from './pillar-instancing';
import { writeCrownMatrixAtTop, writeCrownTint, writePillarMatrix, writePillarTint } from './pillar-transform';
import type { QualityTier } from './quality-tiers';
import { GROVE_TREES_PER_TIER } from './foot-groves';
import { CLIFF_PINE_TIERS, LEDGE_PINE_LOD_COUNT } from './ledge-pines';
import { PILLAR_LOD_COUNT, TIER_DETAIL } from './world-detail';

export interface InstanceBucket {
  /** Archetype index (pillar buckets) or -1 (crown buckets). */
  archetype: number;
  lod: number;
  count: number;
  /** Column-major 4x4 per instance; the first count are live. */
  matrices: Float32Array;
  /** RGB multiplier per instance. */
  colors: Float32Array;
}

export interface InstancePlan {
  /** Index archetype * PILLAR_LOD_COUNT + lod. */
  pillarBuckets: InstanceBucket[];
  /** Index lod. */
  crownBuckets: InstanceBucket[];
  /** Cliff pines on ledges and joints, for pillars at LOD 0 and LOD 1 (archetype -1). */
  ledgeBuckets: InstanceBucket[];
  /** One bucket: the near (LOD 0) pillars' foot groves. */
  groveBuckets: InstanceBucket[];
  /** Cliff pines per pillar at LOD 0 and 1 (CLIFF_PINE_TIERS) and trees of each near pillar's foot grove (GROVE_TREES_PER_TIER) the tier draws. */
  cliffPines: readonly [number, number];
  groveTrees: number;
}

/** Optional view test (a frustum in the renderer): pillars wholly outside it are skipped, not simplified. */
export type PillarVisibility = (centreX: number, centreY: number, centreZ: number, radiusM: number) => boolean;

/** LOD per pillar (index-aligned with world.pillars); -1 for landmark pillars, which have their own mesh, and for pillars out of view. */
export function assignPillarLods(world: InstancingSource, tier: QualityTier, camera: Vec3, isVisible?: PillarVisibility): Int8Array {
  const detail = TIER_DETAIL[tier];
  const lods = new Int8Array(world.pillars.length).fill(-1);
  const candidates: Array<{ index: number; distanceM: number }> = [];
  for (const p of world.pillars) {
    if (p.landmark !== null) continue;
    const height = p.topY - p.baseY;
    const midY = p.baseY + height / 2;
    const boundM = Math.hypot(height / 2, Math.max(p.radiusXM, p.radiusZM)) + Math.hypot(p.leanX, p.leanZ) * height;
    const cx = p.x + (p.leanX * height) / 2;
    const cz = p.z + (p.leanZ * height) / 2;
    if (isVisible && !isVisible(cx, midY, cz, boundM)) continue;
    // Distance to the pillar's axis segment, not its foot: flying past a tall pillar's head counts as near.
    const dy = Math.max(p.baseY - camera[1], 0, camera[1] - p.topY);
    const distanceM = Math.max(0, Math.hypot(camera[0] - cx, camera[2] - cz, dy) - Math.max(p.radiusXM, p.radiusZM));
    candidates.push({ index: p.index, distanceM });
  }
  candidates.sort((a, b) => a.distanceM - b.distanceM || a.index - b.index);
  let near = 0;
  let mid = 0;
  for (const c of candidates) {
    if (near < detail.lodMaxCount[0] && c.distanceM <= detail.lodMaxDistanceM[0]) {
      lods[c.index] = 0;
      near++;
    } else if (mid < detail.lodMaxCount[1] && c.distanceM <= detail.lodMaxDistanceM[1]) {
      lods[c.index] = 1;
      mid++;
    } else {
      lods[c.index] = 2;
    }
  }
  return lods;
}

function emptyBucket(archetype: number, lod: number, capacity: number): InstanceBucket {
  return { archetype, lod, count: 0, matrices: new Float32Array(capacity * 16), colors: new Float32Array(capacity * 3) };
}

/** Buckets sized for every pillar, reused frame after frame by fillInstancePlan. */
export function createInstancePlan(source: InstancingSource, tier: QualityTier): InstancePlan {
  const world = asPillarInstancing(source);
  const perArchetype = new Array<number>(world.archetypeCount).fill(0);
  let crowned = 0;
  for (const p of world.pillars) {
    if (p.landmark !== null) continue;
    perArchetype[p.archetype]++;
    if (p.hasCrown) crowned++;
  }
  const pillarBuckets: InstanceBucket[] = [];
  for (let a = 0; a < world.archetypeCount; a++) {
    for (let lod = 0; lod < PILLAR_LOD_COUNT; lod++) pillarBuckets.push(emptyBucket(a, lod, perArchetype[a]));
  }
  const crownBuckets: InstanceBucket[] = [];
  for (let lod = 0; lod < PILLAR_LOD_COUNT; lod++) crownBuckets.push(emptyBucket(-1, lod, crowned));
  const ledgeBuckets: InstanceBucket[] = [];
  for (let lod = 0; lod < LEDGE_PINE_LOD_COUNT; lod++) ledgeBuckets.push(emptyBucket(-1, lod, world.ledges.total));
  const groveBuckets = [emptyBucket(-1, 0, world.groves.total)];
  return {
    pillarBuckets,
    crownBuckets,
    ledgeBuckets,
    groveBuckets,
    cliffPines: CLIFF_PINE_TIERS[tier].perPillar,
    groveTrees: GROVE_TREES_PER_TIER[tier],
  };
}

export function fillInstancePlan(plan: InstancePlan, source: InstancingSource, lods: Int8Array): InstancePlan {
  const world = asPillarInstancing(source);
  for (const b of plan.pillarBuckets) b.count = 0;
  for (const b of plan.crownBuckets) b.count = 0;
  for (const b of plan.ledgeBuckets) b.count = 0;
  plan.groveBuckets[0].count = 0;
  const { ledges, groves } = world;
  for (const p of world.pillars) {
    const lod = lods[p.index];
    if (lod < 0) continue;
    const bucket = plan.pillarBuckets[p.archetype * PILLAR_LOD_COUNT + lod];
    writePillarMatrix(p, bucket.matrices, bucket.count * 16);
    writePillarTint(p, bucket.colors, bucket.count * 3);
    bucket.count++;
    if (p.hasCrown) addCrown(plan.crownBuckets[lod], p, world);
    if (lod < LEDGE_PINE_LOD_COUNT && ledges.count[p.index] > 0) {
      const b = plan.ledgeBuckets[lod];
      const from = ledges.first[p.index];
      const n = Math.min(plan.cliffPines[lod], ledges.count[p.index]);
      b.matrices.set(ledges.matrices.subarray(from * 16, (from + n) * 16), b.count * 16);
      b.colors.set(ledges.colors.subarray(from * 3, (from + n) * 3), b.count * 3);
      b.count += n;
    }
    if (lod === 0 && plan.groveTrees > 0) {
      const b = plan.groveBuckets[0];
      const from = groves.first[p.index];
      const n = Math.min(plan.groveTrees, groves.count[p.index]);
      b.matrices.set(groves.matrices.subarray(from * 16, (from + n) * 16), b.count * 16);
      b.colors.set(groves.colors.subarray(from * 3, (from + n) * 3), b.count * 3);
      b.count += n;
    }
  }
  return plan;
}

function addCrown(bucket: InstanceBucket, p: Pillar, world: PillarInstancing): void {
  writeCrownMatrixAtTop(p, world.crownTopFractions[p.archetype], bucket.matrices, bucket.count * 16);
  writeCrownTint(p, bucket.colors, bucket.count * 3);
  bucket.count++;
}

/** One call for callers that do not reuse buffers (tests, the bench). */
export function planInstances(world: InstancingSource, tier: QualityTier, camera: Vec3, isVisible?: PillarVisibility): InstancePlan {
  return fillInstancePlan(createInstancePlan(world, tier), world, assignPillarLods(world, tier, camera, isVisible));
}
