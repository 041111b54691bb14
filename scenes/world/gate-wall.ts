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
/** How far the sky line dips below the wall's top in notches, metres: a ragged crest, not a ruled edge. */
export const GATE_CREST_DIP_M = 40;
/** How far the crest's shoulders rise above the wall's top (the plateau's rim), metres. */
export const GATE_CREST_RISE_M = 75;
/** Depth of the blocks broken off the crest in steps, metres. */
const GATE_CREST_BLOCK_M = 14;
/** Least rock over the gate's roof, metres. */
const GATE_ROOF_COVER_M = 40;
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
  /** Height of the wall's ragged crest at x, metres: `topM` at the wall's ends, at most `GATE_CREST_RISE_M` above it. */
  crestAtM(x: number): number;
  /** Metres the south (+1) or north (-1) face stands out from the slab at (x, y). */
  reliefM(x: number, y: number): number;
  /** Signed metres from (x, y) to the opening's outline in the wall's plane: negative inside the opening. */
  openingDistanceM(x: number, y: number): number;
  /** Metres from p to the wall's rock, negative inside; never more than the truth. */
  signedDistanceM(x: number, y: number, z: number): number;
}

/**
 * How much wider the opening is at its floor than at mid-height (the published 57 m), as a share
 * of that width: the cave is a tall rounded slot that widens to its scree floor, not a door with
 * parallel jambs.
 */
export const GATE_FLOOR_FLARE = 0.2;
/** Most the jambs are broken in or out, as a share of the half width: ragged rock, not a mason's line. */
const JAMB_RAGGEDNESS = 0.09;

/**
 * The opening's outline in the wall's plane, roof from east to west: a superellipse head whose
 * jambs lean in as they rise from a flared floor, with broad sags and fallen blocks in its roof
 * and its jambs. Scaled so it is `widthM` across at mid-height and `heightM` tall at its peak.
 * x only falls from east to west, so the roof stays a function of x and the face grid can follow
 * it. Only arithmetic on the two trigonometric values per point (no fractional powers beyond
 * the old head's), so Chromium and Node agree on it to the float.
 */
export function gateOpeningOutline(seed: number): Array<[number, number]> {
  const g = HEAVENS_GATE;
  const sRoof = deriveSeed(seed, 'gate-roof');
  const sJamb = deriveSeed(seed, 'gate-jamb');
  const raw: Array<[number, number]> = [];
  for (let i = 0; i <= GATE_ARCH_SEGMENTS; i++) {
    const t = (i / GATE_ARCH_SEGMENTS) * Math.PI;
    const c = Math.cos(t);
    const s = Math.sin(t);
    const up = Math.abs(s) ** (2 / ARCH_SQUARENESS);
    const across = Math.sign(c) * Math.abs(c) ** (2 / ARCH_SQUARENESS);
    // Broad sags and small fallen blocks make a ragged, rock-hewn head.
    const waver = 1 + (0.16 * (valueNoise2(t * 2.2, 0.5, sRoof) - 0.5) + 0.09 * (valueNoise2(t * 11, 2.5, sRoof) - 0.5)) * s;
    // The jambs lean in with height and are broken in and out, most where they stand upright.
    const flare = 1 + GATE_FLOOR_FLARE * (1 - 2 * up);
    const jamb = 1 + 2 * JAMB_RAGGEDNESS * (valueNoise2(up * 7, c > 0 ? 0.5 : 3.5, sJamb) - 0.5) * (1 - s * s * s * s);
    raw.push([across * flare * jamb, up * waver]);
  }
  // The roof's peak is the gate's height, its width at mid-height the gate's width.
  const peak = Math.max(...raw.map(([, y]) => y));
  const halfAtMid = (side: 1 | -1): number => {
    for (let i = 1; i < raw.length; i++) {
      const [ax, ay] = raw[i - 1];
      const [bx, by] = raw[i];
      const mid = peak / 2;
      if (Math.sign(ax + bx) === side && (ay - mid) * (by - mid) <= 0 && ay !== by)
        return Math.abs(ax + ((bx - ax) * (mid - ay)) / (by - ay));
    }
    throw new Error('The gate outline never reaches mid-height');
  };
  const xScale = g.widthM / (halfAtMid(1) + halfAtMid(-1));
  const outline = raw.map(([x, y]): [number, number] => [g.x + x * xScale, g.floorM + (y * g.heightM) / peak]);
  // A fallen block must not fold the roof back over itself.
  for (let i = 1; i < outline.length; i++) outline[i][0] = Math.min(outline[i][0], outline[i - 1][0] - 0.05);
  return outline;
}

export function createGateWall(seed: number): GateWall {
  const g = HEAVENS_GATE;
  const halfOpening = g.widthM / 2;
  const sRelief = deriveSeed(seed, 'gate-relief');
  const outline = gateOpeningOutline(seed);
  const floorHalfWidthM = (outline[0][0] - outline[outline.length - 1][0]) / 2;

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

  const roofTopM = g.floorM + g.heightM;
  function crestAtM(x: number): number {
    const u = x - g.x;
    // A mountain's crest, not a wall's coping: broad shoulders rise above the plateau's rim and
    // sag into notches, with blocks broken off it in steps; it meets the massif's rim at the wall's
    // ends. (A crest that only dipped, by at most 34 m, read as a straight top from the stair.)
    const ends = smoothstep(halfWidthM, halfWidthM - 70, Math.abs(u));
    // The mountain's brow stands highest over the gate, as in the photographs from the stair.
    const swell = 1.8 * (2 * fbm2(u / 110 + 0.37, 0.5, sMass + 1, 3) - 1) + 0.5 * smoothstep(170, 30, Math.abs(u));
    const shoulders = GATE_CREST_RISE_M * smoothstep(-0.3, 0.7, swell) - GATE_CREST_DIP_M * smoothstep(-0.1, -0.7, swell);
    const blocks = GATE_CREST_BLOCK_M * smoothstep(0.45, 0.6, valueNoise2(u / 26, 1.5, sMass + 2));
    const crest = g.wallTopM + ends * (shoulders - blocks);
    // Over the gate the rock stands well above the roof, so the hole stays a hole in the mountain.
    const overGate = smoothstep(halfOpening + 90, halfOpening + 20, Math.abs(u));
    return Math.max(crest, roofTopM + GATE_ROOF_COVER_M - 200 * (1 - overGate));
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
      1 - (1 - smoothstep(floorHalfWidthM + 6, floorHalfWidthM + 45, Math.abs(u))) * (1 - smoothstep(g.floorM - 4, g.floorM + 20, y));
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
    const dy = Math.max(g.wallBaseM - y, y - g.wallTopM - GATE_CREST_RISE_M);
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
