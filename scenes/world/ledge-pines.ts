// Pines and shrubs clinging to the pillars' shafts: a dozen spots per crowned pillar (more on the landmarks), chosen
// once per world from the seeded PRNG on the pillar's own shape, on a ledge's tread or in a
// vertical joint (at its surface, more of them towards the top, where the rock holds soil), as
// matrices for a small clump mesh: instanced on ordinary pillars at the nearer LODs, merged into
// the landmark crowns for the landmarks. Farther pillars show this green in their colour only.
import { createRandom, deriveSeed } from './random';
import { writePillarMatrix } from './pillar-transform';
import type { World } from './world';
import type { CanopyLodDetail } from './world-detail';

/** Clumps per crowned pillar, at most (a spot with no ledge near is skipped). */
export const LEDGE_PINES_PER_PILLAR = 16;
/**
 * Clumps on a landmark pillar: merged into its crown mesh and seen close, so it gets enough
 * for green to cling along its whole height, as on the real ones, not only a tuft on top.
 */
export const LEDGE_PINES_PER_LANDMARK = 40;
/** Every how many spots one goes into a joint instead of onto a ledge. */
const JOINT_SPOT_EVERY = 3;
/** Ledge clumps are drawn at LOD 0 and LOD 1; farther pillars show their green in colour only. */
export const LEDGE_PINE_LOD_COUNT = 2;
/** The two clump meshes: a pine among three rounded shrub tufts up close, a small pine and one tuft farther away. */
export const LEDGE_PINE_DETAIL: readonly [CanopyLodDetail, CanopyLodDetail] = [
  { trees: 1, layers: 2, sides: 4, tufts: 3, tuftSides: 5, tuftRings: 2, coreAround: 0 },
  { trees: 1, layers: 1, sides: 4, tufts: 1, tuftSides: 4, tuftRings: 1, coreAround: 0 },
];

export interface LedgePines {
  /** First spot of pillar i in `matrices` (spots are stored pillar by pillar), and how many. */
  first: Int32Array;
  count: Uint8Array;
  /** Column-major 4x4 per spot, world space. */
  matrices: Float32Array;
  colors: Float32Array;
  total: number;
}

const cache = new WeakMap<World, LedgePines>();

export function ledgePinesOf(world: World): LedgePines {
  const cached = cache.get(world);
  if (cached) return cached;
  const n = world.pillars.length;
  const first = new Int32Array(n);
  const count = new Uint8Array(n);
  const matrices: number[] = [];
  const colors: number[] = [];
  const pillarMatrix = new Float32Array(16);
  let total = 0;
  for (const p of world.pillars) {
    first[p.index] = total;
    if (!p.hasCrown) continue;
    const shape = world.shapes[p.archetype];
    const random = createRandom(deriveSeed(world.seed, `ledge-pines-${p.index}`));
    writePillarMatrix(p, pillarMatrix, 0);
    const m = pillarMatrix;
    const height = p.topY - p.baseY;
    const spots = p.landmark === null ? LEDGE_PINES_PER_PILLAR : LEDGE_PINES_PER_LANDMARK;
    for (let k = 0; k < spots; k++) {
      let theta = random() * Math.PI * 2;
      // Pines cling all the way down a pillar, more of them in the upper third, hanging from under
      // the crown, where the rock holds soil and the photographs show the shafts thick with green.
      // A landmark's are spread evenly: seen from below, forty clumps under its crown made the
      // Southern Sky Column's whole upper third one green mass instead of rock with pines on it.
      const u = random();
      const start = 0.95 - 0.87 * (p.landmark === null ? u ** 2 : u);
      const size = random();
      const turn = random() * Math.PI * 2;
      const light = 0.8 + 0.35 * random();
      let yN = -1;
      if (k % JOINT_SPOT_EVERY === JOINT_SPOT_EVERY - 1) {
        // In a joint: the most deeply carved of a few bearings at this height.
        let deepest = 0.25;
        for (let probe = 0; probe < 12; probe++) {
          const a = theta + (probe / 12) * Math.PI * 2;
          const carving = shape.carvingAt(a, start);
          if (carving > deepest) {
            deepest = carving;
            theta = a;
            yN = start;
          }
        }
      } else {
        // Walk up to the next ledge above: the pine stands on its tread.
        for (let y = start; y < 0.96; y += 0.005) {
          if (shape.belowLedgeAt(theta, y) < 0.05) {
            yN = y;
            break;
          }
        }
      }
      if (yN < 0) continue;
      // A little inside the surface, so the clump grows from the rock rather than floating on it.
      const r = shape.radiusAt(theta, yN) * 0.93;
      const ux = r * Math.cos(theta);
      const uz = r * Math.sin(theta);
      const x = m[0] * ux + m[4] * yN + m[8] * uz + m[12];
      const y = m[1] * ux + m[5] * yN + m[9] * uz + m[13];
      const z = m[2] * ux + m[6] * yN + m[10] * uz + m[14];
      // Clumps scale with the pillar a little, within what a ledge can hold: a clinging pine is a
      // few metres across (at 12 m the clumps on a landmark, seen close, read as green shelves).
      // At 3-8 m the clumps on ordinary pillars were dark specks from a few hundred metres: a few
      // now grow to a small tree's spread, the scale cue a photograph's clinging pines give.
      const radiusM = Math.min(9.5, (3.5 + 3.5 * size + 3 * size ** 4) * Math.max(0.7, Math.min(1.25, height / 220)));
      // Flatter than wide: ledge growth spreads along the tread and hugs the face.
      const heightM = radiusM * (0.7 + 0.4 * random());
      const c = Math.cos(turn) * radiusM;
      const s = Math.sin(turn) * radiusM;
      matrices.push(c, 0, -s, 0, 0, heightM, 0, 0, s, 0, c, 0, x, y + heightM * 0.25, z, 1);
      colors.push(light, light, light * (0.9 + 0.2 * p.tint));
      count[p.index]++;
      total++;
    }
  }
  const result: LedgePines = { first, count, matrices: new Float32Array(matrices), colors: new Float32Array(colors), total };
  cache.set(world, result);
  return result;
}
