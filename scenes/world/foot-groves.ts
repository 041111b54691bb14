// Forest on the valley floor: a grove of pines round every ordinary pillar's foot, spread out
// into the valley between the pillars, chosen once per world from the seeded PRNG. The ground's
// canopy texture alone left the floors a flat dark mat; trees standing on it give the valleys a
// tree line against the pillars' feet and the scale of the drops (a 10 m pine beside a 200 m
// shaft). Drawn as round clumps (GROVE_TREE_DETAIL) in one draw call, for the pillars at LOD 0
// only, as many of each grove as the tier affords (GROVE_TREES_PER_TIER).
import { createRandom, deriveSeed } from './random';
import type { QualityTier } from './quality-tiers';
import type { World } from './world';
import type { LedgePines } from './ledge-pines';
import type { CanopyLodDetail } from './world-detail';

/** A floor tree (and a clump on the First Bridge's slab): a pine among three rounded shrub tufts, LEDGE_CANOPY's shape. */
export const GROVE_TREE_DETAIL: CanopyLodDetail = { trees: 1, layers: 2, sides: 4, tufts: 3, tuftSides: 5, tuftRings: 2, coreAround: 0 };

/** Trees stored per grove; a tier draws the first GROVE_TREES_PER_TIER of them. */
export const GROVE_TREES_MAX = 24;
/**
 * Trees a tier draws round each near pillar's foot. The phone's triangle budget has room for a
 * few (75 triangles each, 16 near pillars); the bake tier's floors are forested.
 */
export const GROVE_TREES_PER_TIER: Record<QualityTier, number> = { phone: 4, laptop: 12, bake: GROVE_TREES_MAX };
/**
 * Tallest a floor tree stands, metres: under the routes' least clearance from the ground
 * (MIN_CLEARANCE_M, 12 m), since the clearance field does not know the trees.
 */
export const GROVE_TREE_MAX_HEIGHT_M = 10.5;
/** No tree on the stream's bed or its banks. */
const STREAM_MARGIN_M = 24;

/** Laid out like the cliff pines, pillar by pillar: each matrix is the unit grove clump scaled to a tree. */
export type FootGroves = LedgePines;

const cache = new WeakMap<World, FootGroves>();

export function footGrovesOf(world: World): FootGroves {
  const cached = cache.get(world);
  if (cached) return cached;
  const n = world.pillars.length;
  const first = new Int32Array(n);
  const count = new Uint8Array(n);
  const matrices: number[] = [];
  const colors: number[] = [];
  let total = 0;
  for (const p of world.pillars) {
    first[p.index] = total;
    if (p.landmark !== null) continue;
    const random = createRandom(deriveSeed(world.seed, `foot-grove-${p.index}`));
    const footM = Math.max(p.radiusXM, p.radiusZM);
    for (let k = 0; k < GROVE_TREES_MAX; k++) {
      const theta = random() * Math.PI * 2;
      // Close round the foot most of all, where scree holds soil, thinning out into the valley.
      const outM = footM + 3 + 70 * random() ** 1.8;
      const size = random();
      const turn = random() * Math.PI * 2;
      // Shaded by each other and the pillars: darker than the sunlit clumps on the ledges, so a
      // grove reads as forest canopy, not as bright pads laid on the floor.
      const light = 0.5 + 0.3 * random();
      const x = p.x + Math.cos(theta) * outM;
      const z = p.z + Math.sin(theta) * outM;
      if (Math.abs(x) > world.halfExtentM || Math.abs(z) > world.halfExtentM) continue;
      if (world.stream.distanceM(x, z) < STREAM_MARGIN_M) continue;
      const groundY = world.heightAt(x, z);
      // Not inside another pillar's foot, nor under the First Bridge's walls.
      if (world.clearanceAt([x, groundY + 6, z]) < 4) continue;
      // Broad, flat-topped crowns that touch, so a grove reads as forest, not as scattered bushes.
      const radiusM = 5.5 + 4 * size;
      const heightM = Math.min(GROVE_TREE_MAX_HEIGHT_M, radiusM * (1.0 + 0.35 * random()));
      const c = Math.cos(turn) * radiusM;
      const s = Math.sin(turn) * radiusM;
      // Sunk a metre into the ground so it stands on slopes too.
      matrices.push(c, 0, -s, 0, 0, heightM, 0, 0, s, 0, c, 0, x, groundY - 1, z, 1);
      colors.push(light, light * 1.02, light * 0.95);
      count[p.index]++;
      total++;
    }
  }
  const groves: FootGroves = { first, count, matrices: new Float32Array(matrices), colors: new Float32Array(colors), total };
  cache.set(world, groves);
  return groves;
}
