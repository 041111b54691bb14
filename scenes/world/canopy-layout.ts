// Where the separate crowns of a pillar's (or a ledge's) canopy stand, in the canopy's unit
// space (the top's rim at radius about 1, y = 0 at the rock's top, 1 a crown height up). A
// share of the shrub tufts crowd the rim, overhanging it and some hanging down the face, so the
// top's outline is broken by crowns against the sky; the rest pack the top at uneven heights;
// the Masson pines alternate between tall ones standing out of the middle and cliff pines at
// the edge leaning out over the drop. Pure: the mesh builder and the tests read the same plan.
import { TUFT_REACH } from './shrub-tuft';
import type { CanopyLodDetail } from './world-detail';

export interface CanopyShape {
  /** Superellipse exponent of the top's outline: 2 round (ledges), about 4 for a squarish pillar top. */
  squareness: number;
  /** Radius of the top's rim (unit). */
  rimRadius: number;
  /** Height of the packed crowns' tops at the centre and at the rim (unit). */
  domeHeight: number;
  rimHeight: number;
  /** Share of the tufts that stand on the rim. */
  rimShare: number;
  /** How far below the rim the lowest rim tufts hang (unit). */
  hangDrop: number;
  /**
   * A tuft's height over its radius (unit y is a crown height, unit x the top's radius): low, so a
   * tuft is a flat, spreading plate of needles like a Masson pine's, not a ball (at about 1 the
   * tufts read at thumbnail size as broccoli and the ledge clumps as dark olives).
   */
  tuftAspect: number;
}

/** Tallest point any part of a canopy reaches (unit), what clearance assumes of a crown. */
export const CANOPY_TOP = 1.1;
/**
 * Farthest any crown reaches from the centre (unit): beyond the rock's rim (1 / 0.95 of the
 * crown's scale), inside the solid that clearance counts (CROWN_OVERHANG, 1.5 top radii).
 */
export const CANOPY_MAX_REACH = 1.42;

export interface CanopyTuft {
  x: number;
  y: number;
  z: number;
  radius: number;
  height: number;
  /** On the rim (overhanging, some hanging down the face) rather than packed on the top. */
  rim: boolean;
}

export interface CanopyPine {
  x: number;
  y: number;
  z: number;
  height: number;
  radius: number;
  leanX: number;
  leanZ: number;
  /** A cliff pine at the edge, leaning out, rather than a tall one standing out of the middle. */
  edge: boolean;
}

export interface CanopyPlan {
  tufts: CanopyTuft[];
  pines: CanopyPine[];
}

const GOLDEN_ANGLE = 2.399963229728653;

/** A power of two: outlines are snapped to multiples of its inverse (see canopyOutline). */
const OUTLINE_GRID = 2 ** 24;

/**
 * Radius of a superellipse outline at bearing a, normalised so its corners at 45° sit at 1.
 * Snapped to a binary grid: pow() with a fractional exponent differs in its last bits between
 * Node's V8 and Chromium's (most results, measured), and the plan compares and fits against
 * this radius, so an unsnapped last bit could tip a tuft into another place and the browser
 * would build another world than the render server.
 */
export function canopyOutline(squareness: number, a: number): number {
  const c = Math.abs(Math.cos(a));
  const s = Math.abs(Math.sin(a));
  const radius = (c ** squareness + s ** squareness) ** (-1 / squareness) / (Math.SQRT2 * 2 ** (-1 / squareness));
  return Math.round(radius * OUTLINE_GRID) / OUTLINE_GRID;
}

export function planCanopy(detail: CanopyLodDetail, shape: CanopyShape, random: () => number): CanopyPlan {
  // One or two tufts make a single bush: they stand in the middle.
  const rimCount = detail.tufts < 3 ? 0 : Math.round(detail.tufts * shape.rimShare);
  const innerCount = detail.tufts - rimCount;
  const tufts: CanopyTuft[] = [];
  const outline = (a: number) => canopyOutline(shape.squareness, a);
  const domeAt = (rho: number) => shape.rimHeight + (shape.domeHeight - shape.rimHeight) * Math.sqrt(Math.max(0, 1 - rho * rho));
  const fit = (cx: number, cz: number, radius: number) => {
    // Pull a tuft in until its ragged ring (up to TUFT_REACH radii out) stays inside the reach clearance allows.
    const d = Math.sqrt(cx * cx + cz * cz);
    const limit = CANOPY_MAX_REACH - TUFT_REACH * radius;
    return d > limit && d > 0 ? limit / d : 1;
  };

  // Rim tufts: about touching round the rim, so the outline is a row of crowns with notches between.
  const rimArc = (2 * Math.PI * shape.rimRadius) / Math.max(1, rimCount);
  for (let k = 0; k < rimCount; k++) {
    const a = ((k + 0.5 + 0.7 * (random() - 0.5)) / rimCount) * Math.PI * 2;
    const radius = Math.min(0.6, rimArc * (0.7 + 0.4 * random()));
    const out = outline(a) * shape.rimRadius * (0.95 + 0.2 * random());
    // Most sit on the rim, a few hang well down the face: squared, so the deep ones are rare.
    const hangRandom = random();
    const hang = hangRandom * hangRandom;
    const height = radius * shape.tuftAspect * (0.8 + 0.5 * random());
    const y = shape.rimHeight - shape.hangDrop * hang;
    const s = fit(Math.cos(a) * out, Math.sin(a) * out, radius);
    tufts.push({ x: Math.cos(a) * out * s, y: Math.min(y, CANOPY_TOP - height), z: Math.sin(a) * out * s, radius, height, rim: true });
  }

  // The top: packed over its area at uneven heights, so the skyline between the rim crowns is ragged too.
  const area = Math.PI * shape.rimRadius * shape.rimRadius;
  const innerBase = 0.85 * Math.sqrt(area / Math.max(1, innerCount) / Math.PI);
  for (let k = 0; k < innerCount; k++) {
    const rho = 0.78 * Math.sqrt((k + 0.5) / innerCount);
    const a = k * GOLDEN_ANGLE + random() * 0.8;
    const r = rho * outline(a) * shape.rimRadius;
    const radius = innerBase * (0.85 + 0.8 * random());
    const height = radius * shape.tuftAspect * (0.8 + 0.6 * random());
    // Half sunk in the mass below it; some stand a crown's height above their neighbours.
    const rise = random() < 0.3 ? 0.25 : 0;
    const y = Math.min(domeAt(rho) - height * (0.55 - rise), CANOPY_TOP - height);
    tufts.push({ x: Math.cos(a) * r, y, z: Math.sin(a) * r, radius, height, rim: false });
  }

  const pines: CanopyPine[] = [];
  for (let k = 0; k < detail.trees; k++) {
    const edge = k % 2 === 0 && detail.trees > 1;
    const a = random() * Math.PI * 2;
    if (edge) {
      // A cliff pine: rooted just in from the rim, lower, its crown out over the drop.
      const foot = outline(a) * shape.rimRadius * 0.78;
      const lean = 0.22 + 0.08 * random();
      const height = 0.5 + 0.25 * random();
      const radius = 0.2 + 0.08 * random();
      pines.push({
        x: Math.cos(a) * foot,
        y: shape.rimHeight - 0.35 * height,
        z: Math.sin(a) * foot,
        height,
        radius,
        leanX: Math.cos(a) * lean,
        leanZ: Math.sin(a) * lean,
        edge: true,
      });
    } else {
      // A tall pine standing out of the middle, its flat pads above the shrubs.
      const r = 0.5 * Math.sqrt(random()) * outline(a) * shape.rimRadius;
      const surface = domeAt(r / shape.rimRadius);
      const height = Math.min(0.75 + 0.3 * random(), (CANOPY_TOP - surface + 0.04) / 0.62);
      pines.push({
        x: Math.cos(a) * r,
        y: surface - 0.5 * height,
        z: Math.sin(a) * r,
        height,
        radius: 0.22 + 0.08 * random(),
        leanX: 0,
        leanZ: 0,
        edge: false,
      });
    }
  }
  return { tufts, pines };
}
