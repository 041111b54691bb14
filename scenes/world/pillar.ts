// One sandstone pillar as placed in the world, and the signed distance to it that route
// validation relies on. A pillar is a unit shape scaled, turned, and sheared to lean.
import { sectionFaceFraction, type PillarShape } from './pillar-shape';

export type LandmarkPillarId = 'hallelujah' | 'bridge-west' | 'bridge-east' | 'golden-whip-rock';

export interface Pillar {
  index: number;
  /** Centre of the foot, metres. */
  x: number;
  z: number;
  /** The foot is sunk a little below the lowest ground around it. */
  baseY: number;
  /** Top of the rock (crown trees stand above it). */
  topY: number;
  /** Bounding half-widths of the section along the pillar's own axes before rotation. */
  radiusXM: number;
  radiusZM: number;
  rotationY: number;
  /** Horizontal drift of the centre per metre of height: the lean. */
  leanX: number;
  leanZ: number;
  /** Index into World.shapes; ordinary pillars use the shared archetypes (index < archetypeCount). */
  archetype: number;
  hasCrown: boolean;
  crownHeightM: number;
  /** 0 = grey, 1 = ochre: tints instances so neighbours sharing a mesh still differ. */
  tint: number;
  landmark: LandmarkPillarId | null;
}

export function pillarHeightM(p: Pillar): number {
  return p.topY - p.baseY;
}

/**
 * How far a crown reaches out over its pillar's top, as a multiple of the top's bounding radius:
 * the canopy overhangs the edge, as the pines and scrub on a real top do, so it shows from below
 * as a green cap wider than the rock rather than a row of tufts behind the rim.
 */
export const CROWN_OVERHANG = 1.5;

/** Highest solid point of the pillar, its crown included. */
export function pillarSolidTopY(p: Pillar): number {
  return p.hasCrown ? p.topY + p.crownHeightM : p.topY;
}

/** Horizontal centre of the section at height y. */
export function pillarCentreAt(p: Pillar, y: number): [number, number] {
  const dy = Math.min(p.topY, Math.max(p.baseY, y)) - p.baseY;
  return [p.x + p.leanX * dy, p.z + p.leanZ * dy];
}

/**
 * Signed distance in metres from (px, py, pz) to the pillar: negative inside. It uses the
 * shape's envelope, so it never reports more room than the drawn rock leaves; the crown counts as solid.
 */
export function pillarSignedDistanceM(p: Pillar, shape: PillarShape, px: number, py: number, pz: number): number {
  const height = p.topY - p.baseY;
  const top = pillarSolidTopY(p);
  const yN = (Math.min(p.topY, Math.max(p.baseY, py)) - p.baseY) / height;
  const [cx, cz] = pillarCentreAt(p, py);
  const dx = px - cx;
  const dz = pz - cz;
  const envelope = shape.envelopeAt(yN);
  const rMax = Math.max(p.radiusXM, p.radiusZM) * envelope;
  const rMin = Math.min(p.radiusXM, p.radiusZM) * envelope;
  // In the pillar's own frame the section is bounded by an ellipse; two lower bounds of the distance to it, the larger wins.
  const c = Math.cos(p.rotationY);
  const s = Math.sin(p.rotationY);
  const lx = c * dx - s * dz;
  const lz = s * dx + c * dz;
  const ex = lx / (p.radiusXM * envelope);
  const ez = lz / (p.radiusZM * envelope);
  const k = Math.sqrt(ex * ex + ez * ez);
  const horizontalM = Math.hypot(dx, dz);
  const ellipseM = k >= 1 ? Math.max((k - 1) * rMin, horizontalM - rMax) : (k - 1) * rMin;
  // The squarish section also lies inside the rectangle of its flat sides; the ellipse alone
  // would leave a quarter of the radius unclaimed beside a face (a cleft would seem too narrow to fly).
  const face = sectionFaceFraction(shape.spec.squareness) * envelope;
  const bx = Math.abs(lx) - p.radiusXM * face;
  const bz = Math.abs(lz) - p.radiusZM * face;
  const boxM = bx > 0 || bz > 0 ? Math.hypot(Math.max(bx, 0), Math.max(bz, 0)) : Math.max(bx, bz);
  const sideM = Math.max(ellipseM, boxM);
  const aboveM = py - top;
  const belowM = p.baseY - py;
  const rockM = combine(sideM, Math.max(aboveM, belowM));
  if (!p.hasCrown) return rockM;
  // The crown, overhanging the top and hanging a crown's height down the faces, as a solid cylinder.
  const [tx, tz] = pillarCentreAt(p, p.topY);
  const crownSideM = Math.hypot(px - tx, pz - tz) - Math.max(p.radiusXM, p.radiusZM) * shape.profileAt(1) * CROWN_OVERHANG;
  const crownVerticalM = Math.max(py - top, p.topY - p.crownHeightM - py);
  return Math.min(rockM, combine(crownSideM, crownVerticalM));
}

/** Distance to a solid bounded sideways and vertically, from the distances past each bound. */
function combine(sideM: number, verticalM: number): number {
  if (sideM > 0 && verticalM > 0) return Math.hypot(sideM, verticalM);
  return Math.max(sideM, verticalM);
}
