// Pines clinging to the pillars' shafts, chosen once per world from the seeded PRNG on the
// pillar's own shape: in belts of a few along a ledge's tread and in files up a vertical joint,
// more of them towards the top, where the rock holds soil. Each is a cliff pine (cliff-pine.ts)
// rooted at the surface and turned to lean out from the face, as matrices instanced on ordinary
// pillars at the nearer LODs and merged into the landmark crowns for the landmarks. Farther
// pillars show this green in their colour only. A tier draws the first CLIFF_PINES_PER_TIER of a
// pillar's spots, so whole belts come and go together.
import type { CliffPineDetail } from './cliff-pine';
import type { QualityTier } from './quality-tiers';
import { createRandom, deriveSeed } from './random';
import { writePillarMatrix } from './pillar-transform';
import { tierTable } from './tier-table';
import type { World } from './world';

/** Spots tried per ordinary pillar, at most (a belt with no ledge near is skipped). */
export const LEDGE_PINES_PER_PILLAR = 64;
/** Spots tried on a landmark pillar: merged into its crown mesh and seen close, so green clings along its whole height. */
export const LEDGE_PINES_PER_LANDMARK = 128;
/** Pines in one belt along a ledge (or one file up a joint), at most. */
const BELT_SIZE = 4;
/** Every how many belts one climbs a joint instead of following a ledge. */
const JOINT_BELT_EVERY = 3;
/** The vertex spacing the root's radius is filtered at: about the coarsest mesh that draws the pines (the phone's near pillars). */
const ROOT_SAMPLING = { thetaStep: (Math.PI * 2) / 20, yStep: 1 / 24 };
/** Farthest a cliff pine's unit +x is scaled, metres. */
export const CLIFF_PINE_MAX_OUT_M = 9.5;
/** Cliff pines are drawn at LOD 0 and LOD 1; farther pillars show their green in colour only. */
export const LEDGE_PINE_LOD_COUNT = 2;

interface CliffPineTier {
  /** How many of an ordinary pillar's spots the tier draws at LOD 0 and at LOD 1, and of a landmark's. */
  perPillar: readonly [number, number];
  perLandmark: number;
  /** The near and the mid mesh. */
  lods: readonly [CliffPineDetail, CliffPineDetail];
}

/**
 * Green-clad shafts up close, a sprinkling farther out: beyond a few hundred metres a pine is a
 * few pixels, and the phone's triangle budget goes to its sixteen near pillars, where a stranger
 * sees whether a shaft is stone with pines on it or a bare chimney.
 */
export const CLIFF_PINE_TIERS = tierTable<CliffPineTier>({
  perPillar: [
    [38, 8],
    [56, 16],
    [56, 16],
  ],
  perLandmark: [60, 96, 128],
  lods: [
    [
      { trunk: true, pads: 3, padSides: 5, padRings: 1 },
      { trunk: false, pads: 2, padSides: 4, padRings: 1 },
    ],
    [
      { trunk: true, pads: 4, padSides: 6, padRings: 1 },
      { trunk: false, pads: 1, padSides: 5, padRings: 1 },
    ],
    [
      { trunk: true, pads: 4, padSides: 6, padRings: 1 },
      { trunk: false, pads: 1, padSides: 5, padRings: 1 },
    ],
  ],
});

/** Spots of pillar `index` that tier draws at `lod` (a landmark's are all drawn at once, merged). */
export function cliffPinesDrawn(ledges: LedgePines, index: number, tier: QualityTier, lod: number | 'landmark'): number {
  const t = CLIFF_PINE_TIERS[tier];
  return Math.min(ledges.count[index], lod === 'landmark' ? t.perLandmark : lod < LEDGE_PINE_LOD_COUNT ? t.perPillar[lod] : 0);
}

export interface LedgePines {
  /** First spot of pillar i in `matrices` (spots are stored pillar by pillar), and how many. */
  first: Int32Array;
  count: Uint8Array;
  /** Column-major 4x4 per spot, world space: the unit cliff pine's +x turned out from the face. */
  matrices: Float32Array;
  colors: Float32Array;
  total: number;
}

const cache = new WeakMap<World, LedgePines>();

/**
 * The cliff pine's frame at a root on the face: +x along the face's outward normal (levelled,
 * turned by `yaw`), +y up, +z along the face, scaled to metres. Pure, for the tests.
 */
export function cliffPineMatrix(
  root: readonly number[],
  normalX: number,
  normalZ: number,
  yaw: number,
  size: { outM: number; upM: number; alongM: number },
): number[] {
  const length = Math.sqrt(normalX * normalX + normalZ * normalZ);
  const nx = normalX / length;
  const nz = normalZ / length;
  // A small turn about the vertical: pines reach obliquely for the light, not all square to the face.
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  const ox = nx * c - nz * s;
  const oz = nx * s + nz * c;
  // x × y = z keeps the winding: (ox, 0, oz) × (0, 1, 0) = (-oz, 0, ox).
  const { outM, upM, alongM } = size;
  return [ox * outM, 0, oz * outM, 0, 0, upM, 0, 0, -oz * alongM, 0, ox * alongM, 0, root[0], root[1], root[2], 1];
}

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
    const random = createRandom(deriveSeed(world.seed, `cliff-pines-${p.index}`));
    writePillarMatrix(p, pillarMatrix, 0);
    const m = pillarMatrix;
    const height = p.topY - p.baseY;
    const spots = p.landmark === null ? LEDGE_PINES_PER_PILLAR : LEDGE_PINES_PER_LANDMARK;
    const rx2 = p.radiusXM * p.radiusXM;
    const rz2 = p.radiusZM * p.radiusZM;
    const place = (theta: number, yN: number) => {
      // At the surface the meshes draw: they filter the joints and beds finer than their vertex
      // spacing, so the unfiltered radius in a joint or under a ledge lies metres inside the
      // drawn rock, and most pines rooted there were buried in it.
      const r = shape.radiusAt(theta, yN, ROOT_SAMPLING);
      const cosT = Math.cos(theta);
      const sinT = Math.sin(theta);
      const ux = r * cosT;
      const uz = r * sinT;
      const root = [0, 1, 2].map((k) => m[k] * ux + m[4 + k] * yN + m[8 + k] * uz + m[12 + k]);
      // The ellipse's outward normal in the pillar's frame, carried into the world (x and z columns over their radii squared).
      const normalX = (cosT * m[0]) / rx2 + (sinT * m[8]) / rz2;
      const normalZ = (cosT * m[2]) / rx2 + (sinT * m[10]) / rz2;
      const size = random();
      // A clinging pine is a few metres across; a few grow to a small tree's spread, the scale
      // cue a photograph's cliff pines give beside a 200 m shaft. At most 9.5 m out (10.5 m with
      // its pads' reach): a route keeps 12 m from the rock and the clearance field does not know the pines.
      const outM = Math.min(
        CLIFF_PINE_MAX_OUT_M,
        (4.5 + 3.5 * size + 3 * size * size * size * size) * Math.max(0.8, Math.min(1.3, height / 220)),
      );
      // Taller and broader along the face than out from it: more green on the shaft, no nearer the flight.
      const upM = outM * (0.9 + 0.5 * random());
      const alongM = outM * (1 + 0.6 * random());
      const yaw = (random() - 0.5) * 0.9;
      matrices.push(...cliffPineMatrix(root, normalX, normalZ, yaw, { outM, upM, alongM }));
      const light = 0.85 + 0.3 * random();
      colors.push(light, light, light * (0.9 + 0.2 * p.tint));
      count[p.index]++;
      total++;
    };
    let belt = 0;
    while (count[p.index] + BELT_SIZE <= spots && belt < spots) {
      const theta = random() * Math.PI * 2;
      // All the way down a pillar, more in the upper third, where the rock holds soil. A
      // landmark's are spread evenly: forty under its crown made the Southern Sky Column's upper
      // third one green mass instead of rock with pines on it.
      const u = random();
      const start = 0.95 - 0.87 * (p.landmark === null ? u * u : u);
      const members = 2 + Math.floor(random() * (BELT_SIZE - 1));
      if (belt % JOINT_BELT_EVERY === JOINT_BELT_EVERY - 1) {
        // A file up a joint: the most deeply carved of a few bearings at this height.
        let deepest = 0.25;
        let bearing = -1;
        for (let probe = 0; probe < 12; probe++) {
          const a = theta + (probe / 12) * Math.PI * 2;
          const carving = shape.carvingAt(a, start);
          if (carving > deepest) {
            deepest = carving;
            bearing = a;
          }
        }
        if (bearing >= 0) {
          for (let k = 0; k < members; k++) place(bearing + (random() - 0.5) * 0.06, Math.min(0.96, start + k * (0.025 + 0.02 * random())));
        }
      } else {
        // A belt along the next ledge above: the pines stand on its tread, side by side round the shaft.
        for (let y = start; y < 0.96; y += 0.005) {
          if (shape.belowLedgeAt(theta, y) < 0.05) {
            for (let k = 0; k < members; k++) place(theta + (k - (members - 1) / 2) * (0.09 + 0.06 * random()), y);
            break;
          }
        }
      }
      belt++;
    }
  }
  const result: LedgePines = { first, count, matrices: new Float32Array(matrices), colors: new Float32Array(colors), total };
  cache.set(world, result);
  return result;
}
