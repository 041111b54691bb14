// GLSL shared by the sky dome and the cloud layers: the colour of the hazy horizon in a
// given direction. Clouds fade into exactly the colour the sky shows behind them.
import { Color, Uniform, Vector3 } from 'three';
import type { AtmosphereParams } from '@/scenes/atmosphere/atmosphere-params';

/** Needs uniforms uHaze, uSunwardHaze, uSunGlow (linear RGB) and uSunDirection (unit vector). */
export const HORIZON_GLSL = /* glsl */ `
uniform vec3 uHaze;
uniform vec3 uSunwardHaze;
uniform vec3 uSunGlow;
uniform vec3 uSunDirection;

// How much of the warm sunward tint a direction gets: strongest towards the sun's bearing,
// and only while the sun is low; at noon the whole horizon is one milky haze.
float sunwardness(vec3 dir) {
  vec2 flatDir = normalize(dir.xz + vec2(1e-5, 0.0));
  vec2 flatSun = normalize(uSunDirection.xz + vec2(1e-5, 0.0));
  // Clamped: rounding can push the dot of two unit vectors just past -1 on the anti-sun
  // meridian, and pow() of a negative base is NaN (a dotted dark line up the sky).
  float facing = clamp(dot(flatDir, flatSun) * 0.5 + 0.5, 0.0, 1.0);
  float lowSun = 1.0 - smoothstep(0.15, 0.8, uSunDirection.y);
  return pow(facing, 2.5) * mix(0.35, 1.0, lowSun);
}

// At the horizon line itself the sky stays close to the fog colour in every direction, so
// fogged terrain at the world's edge meets the sky without a seam; the warm tint grows above it.
vec3 horizonColour(vec3 dir) {
  float aboveHorizon = mix(0.3, 1.0, smoothstep(0.0, 0.12, dir.y));
  return mix(uHaze, uSunwardHaze, sunwardness(dir) * aboveHorizon);
}

// Light scattered forward by the humid air around the sun; wide and soft, as through haze.
vec3 sunHalo(vec3 dir) {
  float mu = max(dot(dir, uSunDirection), 0.0);
  // A low sun shines through more air: its halo spreads wider.
  float wide = mix(0.38, 0.2, smoothstep(0.1, 0.6, uSunDirection.y));
  return uSunGlow * (pow(mu, 7.0) * wide + pow(mu, 60.0) * 0.45 + pow(mu, 900.0) * 0.9);
}
`;

/** The uniforms HORIZON_GLSL reads, from one time of day's palette and sun: the same in every shader that includes it. */
export function horizonUniforms({ palette, sunDirection }: AtmosphereParams) {
  return {
    uHaze: new Uniform(new Color(palette.haze)),
    uSunwardHaze: new Uniform(new Color(palette.sunwardHaze)),
    uSunGlow: new Uniform(new Color(palette.sunGlow)),
    uSunDirection: new Uniform(new Vector3(...sunDirection)),
  };
}
