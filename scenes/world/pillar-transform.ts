// Instance transforms for pillars and their crowns: column-major 4x4 matrices that scale
// the unit shape, turn it, shear it to lean, and stand it on its foot.
import type { Pillar } from './pillar';
import type { PillarShape } from './pillar-shape';

/**
 * Crowns are drawn about as wide as the top's bounding radius, so the cap reaches the edge and its rim overhangs a little (wider, it read as a mushroom);
 * its farthest pines stay within the crown's solid in pillar.ts (CROWN_OVERHANG).
 */
const CROWN_RADIUS_FRACTION = 0.95;

export function writePillarMatrix(p: Pillar, out: Float32Array, offset: number): void {
  const height = p.topY - p.baseY;
  const c = Math.cos(p.rotationY);
  const s = Math.sin(p.rotationY);
  // Columns: local x, local y (sheared by the lean), local z, translation.
  out[offset] = c * p.radiusXM;
  out[offset + 1] = 0;
  out[offset + 2] = -s * p.radiusXM;
  out[offset + 3] = 0;
  out[offset + 4] = p.leanX * height;
  out[offset + 5] = height;
  out[offset + 6] = p.leanZ * height;
  out[offset + 7] = 0;
  out[offset + 8] = s * p.radiusZM;
  out[offset + 9] = 0;
  out[offset + 10] = c * p.radiusZM;
  out[offset + 11] = 0;
  out[offset + 12] = p.x;
  out[offset + 13] = p.baseY;
  out[offset + 14] = p.z;
  out[offset + 15] = 1;
}

export function writeCrownMatrix(p: Pillar, shape: PillarShape, out: Float32Array, offset: number): void {
  writeCrownMatrixAtTop(p, crownTopFraction(shape), out, offset);
}

/** The radius fraction of a shape's top, all a crown's matrix needs of the shape: plain data a worker can post. */
export function crownTopFraction(shape: PillarShape): number {
  return shape.profileAt(1);
}

export function writeCrownMatrixAtTop(p: Pillar, topFraction: number, out: Float32Array, offset: number): void {
  const height = p.topY - p.baseY;
  const c = Math.cos(p.rotationY);
  const s = Math.sin(p.rotationY);
  const top = topFraction * CROWN_RADIUS_FRACTION;
  out[offset] = c * p.radiusXM * top;
  out[offset + 1] = 0;
  out[offset + 2] = -s * p.radiusXM * top;
  out[offset + 3] = 0;
  out[offset + 4] = 0;
  out[offset + 5] = p.crownHeightM;
  out[offset + 6] = 0;
  out[offset + 7] = 0;
  out[offset + 8] = s * p.radiusZM * top;
  out[offset + 9] = 0;
  out[offset + 10] = c * p.radiusZM * top;
  out[offset + 11] = 0;
  out[offset + 12] = p.x + p.leanX * height;
  out[offset + 13] = p.topY;
  out[offset + 14] = p.z + p.leanZ * height;
  out[offset + 15] = 1;
}

/** Per-instance colour multiplier: greyer or more ochre, a little lighter or darker. */
export function writePillarTint(p: Pillar, out: Float32Array, offset: number): void {
  const t = p.tint;
  const light = 0.92 + 0.16 * (((p.index * 2654435761) >>> 0) / 4294967296);
  out[offset] = (0.95 + 0.12 * t) * light;
  out[offset + 1] = (0.96 + 0.02 * t) * light;
  out[offset + 2] = (0.99 - 0.17 * t) * light;
}

export function writeCrownTint(p: Pillar, out: Float32Array, offset: number): void {
  const light = 0.8 + 0.4 * (((p.index * 2246822519) >>> 0) / 4294967296);
  out[offset] = light;
  out[offset + 1] = light;
  out[offset + 2] = light * (0.9 + 0.2 * p.tint);
}
