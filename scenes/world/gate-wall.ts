// The rock wall Heaven's Gate pierces, as its own solid: a slab across the mouth of the ravine
// with an arched passage right through it. One outline of the opening serves both the mesh and
// the signed distance, so what the camera flies through is exactly what validation measures.
import { FACE_RELIEF_MAX_M, limestoneReliefM } from './limestone-face';
import { deriveSeed, smoothstep, valueNoise2 } from './random';
import { HEAVENS_GATE } from './tianmen-landmarks';

/** Segments of the arch's curved roof (the floor is one more, straight, segment). */
export const GATE_ARCH_SEGMENTS = 48;
/** Superellipse exponent of the roof: tall, near-vertical sides and a rounded head. */
const ARCH_SQUARENESS = 2.6;
/** Most the faces stand proud of the slab, metres; the signed distance allows for it. */
export const GATE_RELIEF_M = FACE_RELIEF_MAX_M;

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

  function reliefM(x: number, y: number): number {
    // Tianmen's fluted, bedded limestone, fading to nothing at the opening's rim and the slab's edges so the surfaces meet.
    const fade =
      smoothstep(0, 5, openingDistanceM(x, y)) *
      smoothstep(halfWidthM, halfWidthM - 25, Math.abs(x - g.x)) *
      smoothstep(g.wallTopM, g.wallTopM - 6, y);
    return limestoneReliefM(x - g.x, y, g.wallTopM, sRelief) * fade;
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
    reliefM,
    openingDistanceM,
    signedDistanceM,
  };
}
