// The massif's cliffs as a solid of their own: a heightfield cannot overhang or flute, so a
// fluted, bedded limestone face follows the plateau's rim just outside the ground's own steep
// edge, from below the cliff foot (buried in the slopes) up to the plateau, with a cap over to
// the top. The rim is found once per world; mesh, skywalk and clearance all read it.
import { FACE_RELIEF_MAX_M, limestoneReliefM } from './limestone-face';
import { deriveSeed } from './random';
import type { TerrainField } from './terrain';
import { HEAVENS_GATE, TIANMEN_MASSIF } from './tianmen-landmarks';
import { massifRimDistanceM } from './tianmen-terrain';

/** The face's base surface stands this far outside the rim (the ground's cliff is 34 m wide). */
export const CLIFF_FACE_OFFSET_M = 12;
/** Along the rim, the face leaves a gap for the gate's own wall. */
const GATE_GAP_HALF_WIDTH_M = HEAVENS_GATE.wallHalfWidthM + 4;
/** Below the lowest cliff foot, so the face's bottom is always buried in the slopes. */
export const CLIFF_FACE_BOTTOM_M = TIANMEN_MASSIF.cliffFootM - 80;
/** The cap reaches this far inside the rim, onto the plateau: past where the phone's coarse ground grid still slopes and shows rock. */
export const CAP_INSET_M = 24;
/** Spacing of the dense rim samples the columns are resampled from, metres. */
const RIM_SAMPLE_M = 2;

export interface RimPoint {
  x: number;
  z: number;
  /** Horizontal outward unit normal. */
  nx: number;
  nz: number;
  /** Metres along the rim from its start (west of the gate gap, going round the back). */
  u: number;
  /** Height of the plateau just inside the rim, where the face's cap meets it. */
  topM: number;
}

export interface TianmenCliffs {
  seed: number;
  /** Seed of the face's flutes and beds; its colour and ledge pines use it too. */
  faceSeed: number;
  /** Dense samples of the rim, the gate's gap left out, in order. */
  rim: readonly RimPoint[];
  lengthM: number;
  /** Metres the face stands out from its base at u along the rim and height y. */
  reliefM(u: number, y: number, topM: number): number;
  /** Rim sample nearest to u (clamped to the rim's ends). */
  rimAt(u: number): RimPoint;
  /** Metres from p to the face or its cap, never more than the truth (negative inside is not promised). */
  distanceM(x: number, y: number, z: number): number;
}

/**
 * Snaps to a binary grid. The rim distance's pow() differs in its last bits between JavaScript
 * engines, and the projection onto the rim amplifies that; snapping makes Node and Chromium agree.
 */
function snap(v: number, step: number): number {
  return Math.round(v / step) * step;
}

function inGateGap(x: number, z: number): boolean {
  return Math.abs(x - HEAVENS_GATE.x) < GATE_GAP_HALF_WIDTH_M && z > TIANMEN_MASSIF.centreZ;
}

function rimNormal(x: number, z: number, seed: number): [number, number] {
  const h = 2;
  const gx = massifRimDistanceM(x + h, z, seed) - massifRimDistanceM(x - h, z, seed);
  const gz = massifRimDistanceM(x, z + h, seed) - massifRimDistanceM(x, z - h, seed);
  const len = Math.hypot(gx, gz) || 1;
  return [gx / len, gz / len];
}

export function createTianmenCliffs(seed: number, terrain: TerrainField): TianmenCliffs {
  const M = TIANMEN_MASSIF;
  const sRelief = deriveSeed(seed, 'tianmen-cliff-relief');
  // Walk the superellipse from the gate round the back and home, projecting each point onto the rim.
  const raw: Array<{ x: number; z: number; nx: number; nz: number }> = [];
  const steps = Math.ceil((2 * Math.PI * Math.max(M.radiusXM, M.radiusZM)) / RIM_SAMPLE_M);
  for (let i = 0; i < steps; i++) {
    const phi = Math.PI / 2 + (i / steps) * 2 * Math.PI;
    const c = Math.cos(phi);
    const s = Math.sin(phi);
    let x = M.centreX + M.radiusXM * Math.sign(c) * Math.abs(c) ** (2 / M.squareness);
    let z = M.centreZ + M.radiusZM * Math.sign(s) * Math.abs(s) ** (2 / M.squareness);
    for (let k = 0; k < 4; k++) {
      const d = massifRimDistanceM(x, z, seed);
      const [nx, nz] = rimNormal(x, z, seed);
      x -= d * nx;
      z -= d * nz;
    }
    x = snap(x, 1 / 256);
    z = snap(z, 1 / 256);
    if (inGateGap(x, z)) continue;
    const [nx, nz] = rimNormal(x, z, seed);
    raw.push({ x, z, nx: snap(nx, 2 ** -20), nz: snap(nz, 2 ** -20) });
  }
  const rim: RimPoint[] = [];
  let u = 0;
  for (let i = 0; i < raw.length; i++) {
    const p = raw[i];
    if (i > 0) u = snap(u + Math.hypot(p.x - raw[i - 1].x, p.z - raw[i - 1].z), 1 / 256);
    const topM = terrain.heightAt(p.x - p.nx * CAP_INSET_M, p.z - p.nz * CAP_INSET_M) + 1;
    rim.push({ ...p, u, topM });
  }
  const lengthM = u;

  function rimAt(at: number): RimPoint {
    // Samples are close to evenly spaced; a short search from the estimate finds the nearest.
    let i = Math.round((at / lengthM) * (rim.length - 1));
    i = Math.max(0, Math.min(rim.length - 1, i));
    while (i > 0 && rim[i].u > at) i--;
    while (i < rim.length - 1 && rim[i + 1].u <= at) i++;
    if (i < rim.length - 1 && at - rim[i].u > rim[i + 1].u - at) i++;
    return rim[i];
  }

  const reliefM = (at: number, y: number, topM: number) => limestoneReliefM(at, y, topM, sRelief);

  const bandInner = CLIFF_FACE_OFFSET_M;
  const bandOuter = CLIFF_FACE_OFFSET_M + FACE_RELIEF_MAX_M;
  const rimTopMaxM = rim.reduce((top, p) => Math.max(top, p.topM), -Infinity);
  // The rim distance is first-order only: leave a horizontal margin for its error.
  const marginM = 6;
  function distanceM(x: number, y: number, z: number): number {
    if (inGateGap(x, z)) return Infinity;
    const d = massifRimDistanceM(x, z, seed);
    const outside = d - bandOuter - marginM;
    const band = Math.max(bandInner - marginM - d, outside, CLIFF_FACE_BOTTOM_M - y, y - (rimTopMaxM + 0.5));
    const cap = Math.max(-CAP_INSET_M - marginM - d, outside, y - (rimTopMaxM + 1.5));
    // Inside the band or the cap the answer is "at the face": zero, never a false clearance.
    return Math.max(0, Math.min(band, cap));
  }

  return { seed, faceSeed: sRelief, rim, lengthM, reliefM, rimAt, distanceM };
}
