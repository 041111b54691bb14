// The rock wall Heaven's Gate pierces, as its own solid: a slab across the mouth of the ravine
// with an arched passage right through it. One outline of the opening serves both the mesh and
// the signed distance, so what the camera flies through is exactly what validation measures.
import { FACE_RELIEF_MAX_M, limestoneReliefM } from './limestone-face';
import { deriveSeed, fbm2, smoothstep, valueNoise2 } from './random';
import { HEAVENS_GATE } from './tianmen-landmarks';

/** Segments of the arch's curved roof (the floor is one more, straight, segment). */
export const GATE_ARCH_SEGMENTS = 48;
/** Superellipse exponent of the roof: tall, near-vertical sides and a rounded head. */
const ARCH_SQUARENESS = 2.6;
/**
 * Most the wall's great buttresses and fallen blocks stand out from the slab, metres: the
 * limestone's flutes and beds alone left a flat planar wall; a photograph shows a cliff of
 * buttresses and recesses tens of metres deep, and the gate as a deep hole in it.
 */
export const GATE_MASS_RELIEF_M = 30;
/** How far the sky line dips below the wall's top in places, metres: a ragged crest, not a ruled edge. */
export const GATE_CREST_DIP_M = 34;
/**
 * How far each limestone bed steps out on the gate's wall, metres (3 on the massif's cliffs): the
 * buttresses carry the wall's relief here, and a step at every bed, undercut and shadowed, ruled
 * the wall facing the route's camera with regular lines.
 */
const GATE_BED_STEP_M = 1;
/** Most the faces stand proud of the slab, metres; the signed distance allows for it. */
export const GATE_RELIEF_M = FACE_RELIEF_MAX_M + GATE_MASS_RELIEF_M;

export interface GateWall {
  /** Opening outline in the wall's plane (x east, y up), counter-clockwise: roof from east to west, then the floor back. */
  outline: ReadonlyArray<readonly [number, number]>;
  southZ: number;
  northZ: number;
  halfWidthM: number;
  topM: number;
  baseM: number;
  seed: number;
  /** Seed of the faces' flutes and beds; their colour uses it too, so scrub sits on the ledges. */
  faceSeed: number;
  /** Height of the wall's ragged crest at x, metres: at most `topM`. */
  crestAtM(x: number): number;
  /** Metres the south (+1) or north (-1) face stands out from the slab at (x, y). */
  reliefM(x: number, y: number): number;
  /** Signed metres from (x, y) to the opening's outline in the wall's plane: negative inside the opening. */
  openingDistanceM(x: number, y: number): number;
  /** Metres from p to the wall's rock, negative inside; never more than the truth. */
  signedDistanceM(x: number, y: number, z: number): number;
}

export function createGateWall(seed: number): GateWall {
  const g = HEAVENS_GATE;
  const halfOpening = g.widthM / 2;
  const sRoof = deriveSeed(seed, 'gate-roof');
  const sRelief = deriveSeed(seed, 'gate-relief');
  const outline: Array<readonly [number, number]> = [];
  for (let i = 0; i <= GATE_ARCH_SEGMENTS; i++) {
    const t = (i / GATE_ARCH_SEGMENTS) * Math.PI;
    const c = Math.cos(t);
    const s = Math.sin(t);
    const x = g.x + halfOpening * Math.sign(c) * Math.abs(c) ** (2 / ARCH_SQUARENESS);
    // Only the height wavers, so the roof stays a function of x and the face grid can follow it;
    // broad sags and small fallen blocks make a ragged, rock-hewn head, not a mason's arch.
    const waver = 1 + (0.14 * (valueNoise2(t * 2.2, 0.5, sRoof) - 0.5) + 0.07 * (valueNoise2(t * 11, 2.5, sRoof) - 0.5)) * s;
    outline.push([x, g.floorM + g.heightM * Math.abs(s) ** (2 / ARCH_SQUARENESS) * waver]);
  }
  // The peak of the wavering roof must still be the gate's height.
  const peak = Math.max(...outline.map(([, y]) => y));
  for (let i = 0; i < outline.length; i++) {
    const [x, y] = outline[i];
    outline[i] = [x, g.floorM + ((y - g.floorM) * g.heightM) / (peak - g.floorM)];
  }

  function openingDistanceM(x: number, y: number): number {
    let best = Infinity;
    let inside = false;
    const n = outline.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const [ax, ay] = outline[j];
      const [bx, by] = outline[i];
      const ex = bx - ax;
      const ey = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey)));
      best = Math.min(best, Math.hypot(x - ax - ex * t, y - ay - ey * t));
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    }
    return inside ? -best : best;
  }

  const southZ = g.z + g.depthM / 2;
  const northZ = g.z - g.depthM / 2;
  const halfWidthM = g.wallHalfWidthM;

  const sMass = deriveSeed(seed, 'gate-mass');

  function crestAtM(x: number): number {
    const u = x - g.x;
    // Blocks broken off the crest in steps, on broad sags; none at the wall's ends, where it meets the massif.
    const sag = fbm2(u / 90, 0.5, sMass + 1, 3);
    const blocks = smoothstep(0.45, 0.6, valueNoise2(u / 26, 1.5, sMass + 2));
    const ends = smoothstep(halfWidthM, halfWidthM - 50, Math.abs(u));
    return g.wallTopM - GATE_CREST_DIP_M * ends * Math.min(1, 0.75 * sag + 0.35 * blocks);
  }

  /**
   * Buttresses and recesses: broad ribs tens of metres wide with steep flanks, leaning a little
   * and swelling and narrowing with height, hung with fallen blocks; no two alike. (They stepped
   * back at every 70 m bed before: each step drew a ruled horizontal dash across the wall.) Round the
   * gate the rock juts out as a hood, so the hole is deep. Nothing juts under the gate's floor,
   * where the stair climbs to it, nor at the wall's ends.
   */
  function massReliefM(x: number, y: number): number {
    const u = x - g.x;
    const lean = 40 * (valueNoise2(y / 260, 3.5, sMass + 3) - 0.5);
    const rib = smoothstep(0.38, 0.62, valueNoise2((u + lean) / 48, y / 420, sMass + 4));
    const setBack = 0.55 + 0.45 * smoothstep(0.3, 0.7, valueNoise2(u / 140, (y / 70) * 0.71, sMass + 5));
    // Fallen blocks are few: broad flat-faced slabs, not a froth of round lumps. Their edges are
    // a few metres wide: as a narrow step, each block's outline (a contour of the noise) drew a
    // dark line wandering across the wall, and together they ruled it like a circuit board.
    const blocks = smoothstep(0.45, 0.8, valueNoise2(u / 34, y / 26, sMass + 6));
    const hood = smoothstep(60, 8, openingDistanceM(x, y));
    const mass = Math.max(0.9 * rib * setBack + 0.1 * blocks, hood);
    const underGate =
      1 - (1 - smoothstep(halfOpening + 6, halfOpening + 45, Math.abs(u))) * (1 - smoothstep(g.floorM - 4, g.floorM + 20, y));
    const ends = smoothstep(halfWidthM, halfWidthM - 30, Math.abs(u));
    return GATE_MASS_RELIEF_M * Math.min(1, mass) * underGate * ends;
  }

  function reliefM(x: number, y: number): number {
    // Tianmen's fluted, bedded limestone, fading to nothing at the opening's rim and the slab's edges so the surfaces meet.
    const crest = crestAtM(x);
    const fade =
      smoothstep(0, 5, openingDistanceM(x, y)) *
      smoothstep(halfWidthM, halfWidthM - 25, Math.abs(x - g.x)) *
      smoothstep(crest, crest - 6, y);
    return limestoneReliefM(x - g.x, y, crest, sRelief, GATE_BED_STEP_M) * fade + massReliefM(x, y);
  }

  function signedDistanceM(x: number, y: number, z: number): number {
    const dx = Math.abs(x - g.x) - halfWidthM;
    const dy = Math.max(g.wallBaseM - y, y - g.wallTopM);
    const dz = Math.max(northZ - GATE_RELIEF_M - z, z - southZ - GATE_RELIEF_M);
    const outside = Math.hypot(Math.max(dx, 0), Math.max(dy, 0), Math.max(dz, 0));
    const slab = outside > 0 ? outside : Math.max(dx, dy, dz);
    // Carving the passage: intersecting with the opening's outside is a lower bound of the true distance.
    return Math.max(slab, -openingDistanceM(x, y));
  }

  return {
    outline,
    southZ,
    northZ,
    halfWidthM,
    topM: g.wallTopM,
    baseM: g.wallBaseM,
    seed,
    faceSeed: sRelief,
    crestAtM,
    reliefM,
    openingDistanceM,
    signedDistanceM,
  };
}
