// The cinematic tier's light levels, defined once: the sun (key), the sky's fill from above and
// the light bounced back from below and around, in linear light. The pipeline sets the scene's
// lights from it and the volumetric cloud is lit by the same sun and sky.
//
// Why a bounce term: with sun shadows and ambient occlusion, a pillar's shaded side is lit only
// by what the sky and its surroundings send it. The device tiers' hemisphere fill sends it the
// dark green of the forest floor from below, so under shadows and AO the shade read nearly
// black against the sky. In a photograph of Wulingyuan the shaded side of a sandstone pillar in
// mist is a warm grey: it faces sunlit neighbouring pillars and the sunlit cloud sea, and both
// throw a good share of the sun back. So the fill from below is that share of the sunlight,
// tinted by sandstone and cloud (palette.rockBounce), and scales with the sun it comes from.
import { Color } from 'three';
import type { AtmosphereParams } from '@/scenes/atmosphere/atmosphere-params';
import type { FilmGrade } from './film-grades';

export interface CinematicLightLevels {
  /** Directional sunlight's intensity (its colour is palette.sunLight). */
  sunIntensity: number;
  /** Irradiance from straight above (hemisphere sky colour × intensity 1): the sky's fill. */
  skyFill: Color;
  /** Irradiance from straight below (hemisphere ground colour × intensity 1): the bounce. */
  bounceFill: Color;
}

export function cinematicLightLevels(params: AtmosphereParams, grade: FilmGrade): CinematicLightLevels {
  const sunIntensity = params.sunIntensity * grade.sunGain;
  return {
    sunIntensity,
    skyFill: new Color(params.palette.skyFill).multiplyScalar(params.fillIntensity * grade.fillGain),
    bounceFill: new Color(params.palette.rockBounce).multiplyScalar(sunIntensity * grade.bounceShare),
  };
}

/** Irradiance on a vertical face in shade, as a hemisphere light gives it (half sky, half bounce). */
export function shadedWallIrradiance(levels: CinematicLightLevels): Color {
  return levels.skyFill.clone().add(levels.bounceFill).multiplyScalar(0.5);
}
