// Everything atmospheric about a scene, as plain numbers: the one function both the
// browser and the render server call, so a baked frame and a local frame share one sky.
import type { SceneId, TimeOfDay } from '../routes/route-schema';
import type { QualityTier } from '../world/quality-tiers';
import { cloudLayersFor, type CloudLayer } from './cloud-layers';
import { cloudSeaVeil, type CloudSeaBand, type CloudSeaVeil } from './cloud-sea';
import { PALETTES, type AtmospherePalette } from './palettes';
import { SCENE_ATMOSPHERES, type MistBand, type MistPlume } from './scene-atmosphere';
import { SUN_POSITIONS, sunDirection, type SunPosition } from './sun-position';

export interface AtmosphereParams {
  timeOfDay: TimeOfDay;
  tier: QualityTier;
  sun: SunPosition;
  /** Unit vector from the scene towards the sun (x east, y up, z south). */
  sunDirection: [number, number, number];
  palette: AtmospherePalette;
  /** Density of the haze, per metre: three.js FogExp2's, with a linear term added (hazeOpticalDepth). */
  fogDensityPerM: number;
  sunIntensity: number;
  /** Hemisphere (sky over valley) fill light intensity. */
  fillIntensity: number;
  /** Where the cloud sea lies and how thick it is at this time of day. */
  cloudSea: CloudSeaBand;
  /** The sea's body, which every lit surface fades into as it descends into the sea. */
  cloudSeaVeil: CloudSeaVeil;
  /** The scene's mist band, which lays a faint pale stripe over whatever is seen through it. */
  mistBand: MistBand;
  /** Cloud drifting through a landmark, marched by the cinematic tier only; null where there is none. */
  plume: MistPlume | null;
  cloudLayers: CloudLayer[];
  /** Noise octaves each cloud fragment samples; the phone's CPU-bound budget allows few. */
  cloudNoiseOctaves: number;
  /** Whether clouds darken on the side away from the sun (one extra noise lookup per octave). */
  cloudSelfShadow: boolean;
}

interface TimeOfDayLight {
  fogDensityPerM: number;
  sunIntensity: number;
  fillIntensity: number;
}

// Fog is the same for every tier: a phone watching a baked stream and a laptop rendering
// locally must see the same far ranks fade. At these densities a pillar 1 km away keeps
// most of its colour, 3 km away it is mostly haze and the world's edge (2.4 km from the
// centre, often 4 km from the camera) is gone.
const LIGHT: Record<TimeOfDay, TimeOfDayLight> = {
  sunrise: { fogDensityPerM: 0.00056, sunIntensity: 2.6, fillIntensity: 2.0 },
  midday: { fogDensityPerM: 0.00045, sunIntensity: 2.9, fillIntensity: 2.2 },
  'golden-hour': { fogDensityPerM: 0.0005, sunIntensity: 2.7, fillIntensity: 2.0 },
};

const NOISE_OCTAVES: Record<QualityTier, number> = { phone: 2, laptop: 3, bake: 4 };

/** The scene's air at a time of day; Wulingyuan's when no scene is named. */
export function atmosphereFor(timeOfDay: TimeOfDay, tier: QualityTier, scene: SceneId = 'wulingyuan'): AtmosphereParams {
  const sun = SUN_POSITIONS[timeOfDay];
  const light = LIGHT[timeOfDay];
  const sceneAir = SCENE_ATMOSPHERES[scene];
  const cloudSea = sceneAir.cloudSea[timeOfDay];
  return {
    timeOfDay,
    tier,
    sun,
    sunDirection: sunDirection(sun),
    palette: PALETTES[timeOfDay],
    fogDensityPerM: light.fogDensityPerM,
    sunIntensity: light.sunIntensity,
    fillIntensity: light.fillIntensity,
    cloudSea,
    cloudSeaVeil: cloudSeaVeil(cloudSea),
    mistBand: sceneAir.mist,
    plume: sceneAir.plume,
    cloudLayers: cloudLayersFor(tier, cloudSea, sceneAir.mist),
    cloudNoiseOctaves: NOISE_OCTAVES[tier],
    cloudSelfShadow: tier !== 'phone',
  };
}

/** Draw calls the atmosphere adds to a frame: the sky dome and one per cloud layer (lights and fog draw nothing). */
export function atmosphereDrawCalls(params: AtmosphereParams): number {
  return 1 + params.cloudLayers.length;
}

/**
 * The linear part of the haze law, as a share of the exponential-squared part's scale. With the
 * squared law alone the nearer ranks (300 m to 1 km) kept almost all their contrast and only
 * the far ones faded, all at once; photographs of the humid valleys show every rank a step paler
 * and bluer than the one in front, shadowed faces lifted to blue-grey even a few hundred metres
 * off. A small linear term gives that, while the squared term still dissolves the world's edge.
 */
export const HAZE_LINEAR_SHARE = 0.28;

/**
 * Colour of haze seen in front of a surface, as a share of the horizon's (linear RGB): the
 * surface shades the air in front of it, so a rank half lost in haze is blue-grey, a step bluer
 * and paler than the one before; it reaches the horizon's own colour only as the haze closes in
 * (the shaders mix by the haze's share squared), so the world's edge still dissolves into the sky.
 * Dark and blue enough that a far rank stands as a flat blue-grey silhouette against the paler
 * sky: a paler tint faded the third and fourth ranks into whitish ghosts of the sky's own colour.
 */
export const AERIAL_HAZE_TINT: readonly [number, number, number] = [0.62, 0.74, 0.93];

/** Optical depth of the haze over a distance: (ρd)² + s·ρd, the law every shader mirrors. */
export function hazeOpticalDepth(fogDensityPerM: number, distanceM: number): number {
  const x = fogDensityPerM * distanceM;
  return x * x + HAZE_LINEAR_SHARE * x;
}

/** Share of a surface's colour the haze replaces at a distance. */
export function hazeAt(params: AtmosphereParams, distanceM: number): number {
  return 1 - Math.exp(-hazeOpticalDepth(params.fogDensityPerM, distanceM));
}

/**
 * Linear RGB of a surface seen through the haze at a distance, as the device tiers' fog chunk
 * draws it (components/scene/atmosphere/cloud-sea-veil-chunks.ts mirrors it): `horizon` is the
 * haze's own colour at the horizon, linear RGB.
 */
export function surfaceThroughHaze(
  params: AtmosphereParams,
  surface: readonly [number, number, number],
  horizon: readonly [number, number, number],
  distanceM: number,
): [number, number, number] {
  const haze = hazeAt(params, distanceM);
  const air = (k: number) => horizon[k] * (AERIAL_HAZE_TINT[k] + (1 - AERIAL_HAZE_TINT[k]) * haze * haze);
  return [0, 1, 2].map((k) => surface[k] + (air(k) - surface[k]) * haze) as [number, number, number];
}
