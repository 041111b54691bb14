// What differs in the air from one scene to the other: where the cloud sea lies at each time of
// day and at what height the mist drifts. Wulingyuan's sea fills the valleys between pillars;
// Tianmen's lies over the lower Wuling ridges round the massif, and its mist clings to the foot
// of the cliffs. Sky, sun, palette and haze are the same region's and stay shared.
import type { SceneId, TimeOfDay } from '../routes/route-schema';
import { CLOUD_SEA_BANDS, type CloudSeaBand } from './cloud-sea';
import { MIST_BAND } from './cloud-layers';
import { HEAVENS_GATE } from '../world/tianmen-landmarks';

/**
 * Height band of the drifting mist layers, metres above sea level, and the faint density
 * every fogged surface reads from it: rising from baseM to peakM, falling to topM.
 */
export interface MistBand {
  baseM: number;
  peakM: number;
  topM: number;
  peakDensityPerM: number;
}

/**
 * A body of cloud drifting through a landmark, drawn only where clouds are marched (the cinematic
 * tier): a box in world metres, densest at its core, torn into wisps by noise, carried by a wind.
 */
export interface MistPlume {
  centreM: [number, number, number];
  halfSizeM: [number, number, number];
  /** Density per metre in its wisps at the core. */
  densityPerM: number;
  windMps: [number, number, number];
}

export interface SceneAtmosphere {
  cloudSea: Record<TimeOfDay, CloudSeaBand>;
  mist: MistBand;
  plume: MistPlume | null;
}

/** Tianmen's valleys lie near 300–450 m between ridges of 500–1,000 m; the cliffs rise from about 1,180 m. */
export const TIANMEN_CLOUD_SEA_BANDS: Record<TimeOfDay, CloudSeaBand> = {
  // Sunrise: a white sea over the valleys, the ridges and the massif standing out of it.
  sunrise: {
    baseM: 640,
    topM: 740,
    coverageScale: 1.0,
    opacity: 0.95,
    coreDensityPerM: 0.016,
    floorDensityPerM: 0.001,
    maxDepthFromBelow: 0.8,
  },
  // Midday: broken and thin, only in the deepest valleys, the forest showing through the gaps. The
  // approach to the gate looks down from about 1,030 m across the city's valley (350–600 m): a sea
  // at 600–680 m veiled all of it and turned the route's opening milky.
  midday: {
    baseM: 500,
    topM: 550,
    coverageScale: 0.6,
    opacity: 0.85,
    coreDensityPerM: 0.005,
    floorDensityPerM: 0.0003,
    maxDepthFromBelow: 0.45,
  },
  // Golden hour: thin wisps low in the valleys, the slopes in warm light.
  'golden-hour': {
    baseM: 560,
    topM: 610,
    coverageScale: 0.55,
    opacity: 0.65,
    coreDensityPerM: 0.004,
    floorDensityPerM: 0.0002,
    maxDepthFromBelow: 0.3,
  },
};

/** Mist round the massif's foot: below the gate floor (1,300 m) and the cliff route (about 1,420 m). */
export const TIANMEN_MIST_BAND: MistBand = { baseM: 1060, peakM: 1120, topM: 1200, peakDensityPerM: 0.0003 };

/**
 * Cloud through Heaven's Gate: in the photographs the passage is rarely clear; cloud pours
 * through it from the ravine behind and drifts across the face as thin wisps. The box fills the
 * passage from its floor to just under its roof, runs out beyond its depth on each side and some
 * way across the face, so wisps show in the opening and trail over the rock beside it; it lies
 * wholly above the sea and the massif's mist, so no ray counts it twice. Thin: a wisp crossed
 * edge-on still lets the sky and the rock show through it. (A box twice as deep and twice as
 * dense, marched as round billows, laid one white blob over the opening.)
 */
export const HEAVENS_GATE_PLUME: MistPlume = {
  centreM: [HEAVENS_GATE.x, HEAVENS_GATE.floorM + HEAVENS_GATE.heightM * 0.42, HEAVENS_GATE.z + 40],
  halfSizeM: [HEAVENS_GATE.widthM * 2.2, HEAVENS_GATE.heightM * 0.5, HEAVENS_GATE.depthM * 1.8],
  densityPerM: 0.014,
  windMps: [1.4, 0.2, 3.2],
};

export const SCENE_ATMOSPHERES: Record<SceneId, SceneAtmosphere> = {
  wulingyuan: { cloudSea: CLOUD_SEA_BANDS, mist: MIST_BAND, plume: null },
  tianmen: { cloudSea: TIANMEN_CLOUD_SEA_BANDS, mist: TIANMEN_MIST_BAND, plume: HEAVENS_GATE_PLUME },
};
