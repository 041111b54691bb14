// Shader for one horizontal cloud layer: a few octaves of baked noise drifting with the
// wind, thresholded into soft-edged cloud, lit by the sun and faded into the horizon haze.
import { Color, type DataTexture, DoubleSide, ShaderMaterial, Vector2 } from 'three';
import type { AtmosphereParams } from '@/scenes/atmosphere/atmosphere-params';
import type { CloudLayer } from '@/scenes/atmosphere/cloud-layers';
import { CLOUD_NOISE_CELLS } from '@/scenes/atmosphere/cloud-noise';
import { latticeHash01 } from '@/scenes/atmosphere/lattice-hash';
import type { AtmosphereUniforms } from './atmosphere-uniforms';
import { VEIL_GLSL } from './cloud-sea-veil-chunks';
import { HAZE_LAW_GLSL } from './haze-law-glsl';
import { HORIZON_GLSL, horizonUniforms } from './horizon-glsl';

const vertexShader = /* glsl */ `
varying vec3 vWorld;

void main() {
  vec4 world = modelMatrix * vec4(position, 1.0);
  vWorld = world.xyz;
  gl_Position = projectionMatrix * viewMatrix * world;
}
`;

const fragmentShader = /* glsl */ `
#include <common>
uniform sampler2D uNoise;
uniform float uTimeS;
uniform vec2 uWindMps;
uniform float uTileM;
uniform float uStretch;
uniform vec2 uPatternOffset;
uniform vec2 uDetailOffset;
uniform float uThreshold;
uniform float uOpacity;
uniform float uIsMist;
uniform vec3 uCloudLit;
uniform vec3 uCloudShade;
uniform float uFogDensity;
${HORIZON_GLSL}
${HAZE_LAW_GLSL}
${VEIL_GLSL}
varying vec3 vWorld;
#include <dithering_pars_fragment>

// Summed noise at a point of the layer; cloud where it passes uThreshold.
float cloudNoise(vec2 worldXZ) {
  vec2 windDir = normalize(uWindMps + vec2(1e-6, 0.0));
  vec2 across = vec2(-windDir.y, windDir.x);
  vec2 drifted = worldXZ - uWindMps * uTimeS;
  // Wind frame, features drawn out along the wind.
  vec2 q = vec2(dot(drifted, windDir) / uStretch, dot(drifted, across)) / uTileM;
  float n = texture2D(uNoise, q + uPatternOffset).r;
#if OCTAVES > 1
  // Finer octaves drift a little faster than the body, so the cloud churns rather than slides.
  vec2 churn = windDir * uTimeS * 0.6 / uTileM;
  float amplitude = 0.5;
  vec2 p = mat2(0.8, -0.6, 0.6, 0.8) * q * 2.7 + uDetailOffset + churn;
  float detail = 0.0;
  for (int i = 1; i < OCTAVES; i++) {
    detail += (texture2D(uNoise, p).r - 0.5) * amplitude;
    p = mat2(0.8, -0.6, 0.6, 0.8) * p * 2.3 + churn * 0.7;
    amplitude *= 0.5;
  }
  n += detail * 1.1;
#endif
  return n;
}

float densityFromNoise(float n) {
  float softness = mix(0.1, 0.14, uIsMist);
  return smoothstep(uThreshold - softness, uThreshold + softness, n);
}

void main() {
  vec3 toFragment = vWorld - cameraPosition;
  float distanceM = length(toFragment);
  vec3 viewDir = toFragment / distanceM;
  float n = cloudNoise(vWorld.xz);
  float density = densityFromNoise(n);
#ifndef SELF_SHADOW
  // The phone cannot afford self-shadow's second noise lookup, and without it its sea was a flat
  // pale floor. The noise's slope, from the screen-space derivatives every fragment has for free
  // (taken here, before any fragment is discarded), turned into world metres, says the same:
  // billow faces turned to the sun are lit, those turned away in shade.
  vec2 worldDx = dFdx(vWorld.xz);
  vec2 worldDy = dFdy(vWorld.xz);
  float nDx = dFdx(n);
  float nDy = dFdy(n);
  float det = worldDx.x * worldDy.y - worldDx.y * worldDy.x;
  vec2 slope = abs(det) > 1e-6 ? vec2(nDx * worldDy.y - nDy * worldDx.y, nDy * worldDx.x - nDx * worldDy.x) / det : vec2(0.0);
#endif
  float fromAbove = step(vWorld.y, cameraPosition.y);

  float alpha = density * uOpacity;
  float grazing = abs(viewDir.y);
  // A sea slice stands for a slab of cloud: seen at a grazing angle, the path through it is longer.
  float path = min(1.0 / max(grazing, 1e-3), 2.5);
  alpha = 1.0 - pow(1.0 - alpha, mix(mix(1.0, path, 0.7), 1.0, uIsMist));
  // A mist sheet is infinitely thin: edge-on, or near the camera, it would cut a hard line
  // across every pillar it meets. It shows only far off and looked down (or up) upon, as
  // wisps drifting over distant ranks; nearer, the mist band in the scene fog takes over.
  alpha *= mix(1.0, smoothstep(0.03, 0.2, grazing) * smoothstep(700.0, 1500.0, distanceM), uIsMist);
  // From beneath, stacked slices seen edge-on would streak; the sea's body (the veil) already
  // makes the soft ceiling there, so slices show only overhead.
  // Seen from under the sea, a slice would also lay a ruled white line across every pillar
  // that rises through it: from below it shows only as faint wisps well away overhead.
  alpha *= mix(smoothstep(0.12, 0.45, grazing) * smoothstep(200.0, 600.0, distanceM) * 0.5, 1.0, fromAbove);
  // Fade the layer out right around the camera, so flying through it is a soft veil.
  alpha *= smoothstep(20.0, 160.0, distanceM);
  // Clear sky between the clouds costs no lighting: on a CPU rasteriser that is most of the layer.
  if (alpha < 0.004) discard;

  // Seen from above, the thickest billows catch the sun and the troughs between them sit
  // in grey shade; from below, the layer glows softly with the light it lets through. The raw noise reads as the height of
  // the cloud top, the same in every slice, so the whole sea shares one relief.
  float billow = smoothstep(0.35, 0.82, n);
  float light = mix(0.45, 0.1 + 0.9 * billow, fromAbove);
#ifdef SELF_SHADOW
  // Cloud thinning towards the sun is lit, thickening towards it is in its own shadow.
  vec2 towardSun = normalize(uSunDirection.xz + vec2(1e-5, 0.0)) * uTileM * 0.01;
  float sunward = cloudNoise(vWorld.xz + towardSun);
  light = clamp(light + (n - sunward) * 3.0 * fromAbove, 0.0, 1.0);
#else
  vec2 towardSun = normalize(uSunDirection.xz + vec2(1e-5, 0.0)) * uTileM * 0.01;
  // Far off the slope aliases from pixel to pixel: there it fades, and it never swings far.
  float relief = clamp(-dot(slope, towardSun) * 3.0, -0.35, 0.35) * smoothstep(2500.0, 900.0, distanceM);
  light = clamp(light + relief * fromAbove, 0.0, 1.0);
#endif
  float sunHeight = smoothstep(-0.05, 0.3, uSunDirection.y);
  vec3 colour = mix(uCloudShade, uCloudLit, light * mix(0.75, 1.0, sunHeight));
  // Thin edges glow when seen against the sun.
  colour += sunHalo(viewDir) * (1.0 - density) * 1.5;

  // Slices lower in the sea sink into its body, as the pillars do.
  colour = mix(colour, yVeilColour, 1.0 - exp(-veilOpticalDepth(toFragment)));
  // Aerial perspective, the same law as the scene fog, towards the horizon colour the sky
  // shows in this direction.
  float fogAmount = 1.0 - exp(-hazeOpticalDepth(uFogDensity, distanceM));
  colour = mix(colour, horizonColour(viewDir), fogAmount);

  gl_FragColor = vec4(colour, alpha);
  #include <tonemapping_fragment>
  #include <colorspace_fragment>
  #include <dithering_fragment>
}
`;

// Where a seed puts a layer in the noise tile, so layers and tiers do not line up.
export function offsetFromSeed(seed: number): Vector2 {
  return new Vector2(latticeHash01(seed, 1, 7), latticeHash01(seed, 2, 11));
}

// Noise value below which a fragment is clear: maps "share of area covered" onto the
// roughly bell-shaped distribution of the summed noise.
export function thresholdForCoverage(coverage: number): number {
  const clamped = Math.min(Math.max(coverage, 0), 1);
  return 0.5 - (clamped - 0.5) * 0.55;
}

export function createCloudMaterial(
  layer: CloudLayer,
  params: AtmosphereParams,
  noise: DataTexture,
  shared: AtmosphereUniforms,
): ShaderMaterial {
  const coverage = layer.kind === 'sea' ? layer.coverage * params.cloudSea.coverageScale : layer.coverage;
  const defines: Record<string, number> = { OCTAVES: params.cloudNoiseOctaves };
  if (params.cloudSelfShadow) defines.SELF_SHADOW = 1;
  const { palette } = params;
  return new ShaderMaterial({
    name: `yunshan-cloud-${layer.id}`,
    vertexShader,
    fragmentShader,
    defines,
    uniforms: {
      ...shared,
      uNoise: { value: noise },
      uTimeS: { value: 0 },
      uWindMps: { value: new Vector2(...layer.windMps) },
      // One feature of featureSizeM spans about one gradient cell of the baked noise.
      uTileM: { value: layer.featureSizeM * CLOUD_NOISE_CELLS },
      uStretch: { value: layer.stretch },
      uPatternOffset: { value: offsetFromSeed(layer.patternSeed) },
      uDetailOffset: { value: offsetFromSeed(layer.detailSeed) },
      uThreshold: { value: thresholdForCoverage(coverage) },
      uOpacity: { value: layer.opacity },
      uIsMist: { value: layer.kind === 'mist' ? 1 : 0 },
      uCloudLit: { value: new Color(palette.cloudLit) },
      uCloudShade: { value: new Color(palette.cloudShade) },
      uFogDensity: { value: params.fogDensityPerM },
      ...horizonUniforms(params),
    },
    transparent: true,
    depthWrite: false,
    // Own fog above (directional, matching the sky), so the scene fog must not apply twice.
    fog: false,
    side: DoubleSide,
    dithering: true,
  });
}

export function setCloudTime(material: ShaderMaterial, timeS: number): void {
  material.uniforms.uTimeS.value = timeS;
}
