// The cloud sea's height band for each time of day: thick and white below the Tianzi edge
// at sunrise, patchy at noon, thin and high enough at golden hour that the valley floor
// and the Golden Whip Stream stay in warm light under it.
import type { TimeOfDay } from '../routes/route-schema';

export interface CloudSeaBand {
  /** Bottom of the sea slices, metres above sea level. */
  baseM: number;
  /** Top of the sea slices. */
  topM: number;
  /** Scales every sea slice's coverage: under 1 opens gaps onto the valleys. */
  coverageScale: number;
  /** Combined opacity of all sea slices where they are all thick, on every tier alike. */
  opacity: number;
  /** Density of the sea's body (the veil every surface fades into) at its core, per metre. */
  coreDensityPerM: number;
  /** Light valley haze below the sea, per metre. */
  floorDensityPerM: number;
  /**
   * Largest optical depth the sea's body lays over anything seen from under or inside it:
   * from below, the sea is a thin luminous ceiling, never a white wall.
   */
  maxDepthFromBelow: number;
}

/** The band every time of day keeps to: above the valley floor (400–600 m), below most pillar tops. */
export const CLOUD_SEA_LIMITS_M = { lowest: 540, highest: 700 } as const;

export const CLOUD_SEA_BANDS: Record<TimeOfDay, CloudSeaBand> = {
  // The postcard: a closed white sea the pillars rise out of.
  sunrise: {
    baseM: 560,
    topM: 650,
    coverageScale: 1.1,
    opacity: 0.97,
    coreDensityPerM: 0.02,
    floorDensityPerM: 0.0012,
    maxDepthFromBelow: 0.8,
  },
  // Broken by noon: gaps show the forested valleys, pale under what remains.
  midday: {
    baseM: 565,
    topM: 635,
    coverageScale: 0.78,
    opacity: 0.94,
    coreDensityPerM: 0.011,
    floorDensityPerM: 0.0006,
    maxDepthFromBelow: 0.7,
  },
  // Thin wisps above the stream, so the valley flight sees pillars in sunlight over the cloud.
  'golden-hour': {
    baseM: 625,
    topM: 665,
    coverageScale: 0.62,
    opacity: 0.7,
    coreDensityPerM: 0.005,
    floorDensityPerM: 0.0002,
    maxDepthFromBelow: 0.35,
  },
};

/**
 * The sea's body as a density profile: zero above topM, densest at coreM, thinning to the
 * floor density below floorM. Its soft top stands above the slices, so a pillar is already
 * pale where a slice cuts it.
 */
export interface CloudSeaVeil {
  floorM: number;
  coreM: number;
  topM: number;
  coreDensityPerM: number;
  floorDensityPerM: number;
  maxDepthFromBelow: number;
}

export function cloudSeaVeil(band: CloudSeaBand): CloudSeaVeil {
  const thicknessM = band.topM - band.baseM;
  return {
    floorM: band.baseM - 15,
    // A long thin upper ramp: seen from just above the sea, its top is a soft edge, not a ruled line.
    coreM: band.topM - thicknessM * 0.4,
    topM: band.topM + thicknessM * 0.5,
    coreDensityPerM: band.coreDensityPerM,
    floorDensityPerM: band.floorDensityPerM,
    maxDepthFromBelow: band.maxDepthFromBelow,
  };
}

/** Optical depth of the sea's body straight down through it from above: how much of the valley floor it hides. */
export function veilColumnDepth(veil: CloudSeaVeil): number {
  const upper = ((veil.topM - veil.coreM) * veil.coreDensityPerM) / 2;
  const lower = ((veil.coreM - veil.floorM) * (veil.coreDensityPerM + veil.floorDensityPerM)) / 2;
  return upper + lower;
}
