// Extends three.js's fog so every fogged material fades softly into the cloud sea as it
// descends into it: the optical depth of the sea's height profile along the line of sight,
// on top of the usual exponential haze. No depth texture, no extra pass.
import { ShaderChunk } from 'three';
import { CLOUD_SEA_VEIL, MIST_BAND } from '../../../scenes/atmosphere/cloud-layers';

const glslFloat = (value: number): string => (Number.isInteger(value) ? `${value}.0` : `${value}`);

const VEIL_CONSTANTS = /* glsl */ `
const float VEIL_TOP_M = ${glslFloat(CLOUD_SEA_VEIL.topM)};
const float VEIL_CORE_M = ${glslFloat(CLOUD_SEA_VEIL.coreM)};
const float VEIL_FLOOR_M = ${glslFloat(CLOUD_SEA_VEIL.floorM)};
const float VEIL_CORE_DENSITY = ${glslFloat(CLOUD_SEA_VEIL.coreDensityPerM)};
const float VEIL_FLOOR_DENSITY = ${glslFloat(CLOUD_SEA_VEIL.floorDensityPerM)};
const float MIST_BASE_M = ${glslFloat(MIST_BAND.baseM)};
const float MIST_PEAK_M = ${glslFloat(MIST_BAND.peakM)};
const float MIST_TOP_M = ${glslFloat(MIST_BAND.topM)};
const float MIST_DENSITY = ${glslFloat(MIST_BAND.peakDensityPerM)};
`;

/**
 * Optical depth of the cloud sea and mist band along a line of sight, for a fragment at
 * \`offset\` metres (world axes) from the camera. Shared with the cloud layers' shader.
 */
export const VEIL_GLSL = /* glsl */ `${VEIL_CONSTANTS}
  float veilDensity(float y) {
    if (y >= VEIL_CORE_M) return VEIL_CORE_DENSITY * clamp((VEIL_TOP_M - y) / (VEIL_TOP_M - VEIL_CORE_M), 0.0, 1.0);
    return mix(VEIL_FLOOR_DENSITY, VEIL_CORE_DENSITY, clamp((y - VEIL_FLOOR_M) / (VEIL_CORE_M - VEIL_FLOOR_M), 0.0, 1.0));
  }
  // Density integrated from height y up to the top of the sea.
  float veilColumn(float y) {
    float upper = VEIL_TOP_M - VEIL_CORE_M;
    float lower = VEIL_CORE_M - VEIL_FLOOR_M;
    if (y >= VEIL_TOP_M) return 0.0;
    if (y >= VEIL_CORE_M) return VEIL_CORE_DENSITY * (VEIL_TOP_M - y) * (VEIL_TOP_M - y) / (2.0 * upper);
    float atCore = VEIL_CORE_DENSITY * upper * 0.5;
    float slope = (VEIL_CORE_DENSITY - VEIL_FLOOR_DENSITY) / lower;
    if (y >= VEIL_FLOOR_M) {
      float below = y - VEIL_FLOOR_M;
      return atCore + VEIL_FLOOR_DENSITY * (VEIL_CORE_M - y) + slope * 0.5 * (lower * lower - below * below);
    }
    return atCore + (VEIL_FLOOR_DENSITY + VEIL_CORE_DENSITY) * 0.5 * lower + VEIL_FLOOR_DENSITY * (VEIL_FLOOR_M - y);
  }
  float mistDensity(float y) {
    float rising = clamp((y - MIST_BASE_M) / (MIST_PEAK_M - MIST_BASE_M), 0.0, 1.0);
    float falling = clamp((MIST_TOP_M - y) / (MIST_TOP_M - MIST_PEAK_M), 0.0, 1.0);
    return MIST_DENSITY * min(rising, falling);
  }
  // Mist density integrated from height y up to the top of the band.
  float mistColumn(float y) {
    float upper = MIST_TOP_M - MIST_PEAK_M;
    float lower = MIST_PEAK_M - MIST_BASE_M;
    float clampedY = clamp(y, MIST_BASE_M, MIST_TOP_M);
    if (clampedY >= MIST_PEAK_M) return MIST_DENSITY * (MIST_TOP_M - clampedY) * (MIST_TOP_M - clampedY) / (2.0 * upper);
    float below = clampedY - MIST_BASE_M;
    return MIST_DENSITY * (upper * 0.5 + (lower * lower - below * below) / (2.0 * lower));
  }
  // The real sea top is broken, so a near-level line of sight does not stay in cloud for
  // kilometres: the path counted is capped, else distant pillars at sea level turn to chalk.
  const float VEIL_PATH_PER_RISE = 5.0;
  const float VEIL_LEVEL_PATH_M = 200.0;
  float veilOpticalDepth(vec3 offset) {
    float fragmentY = cameraPosition.y + offset.y;
    float rise = abs(offset.y);
    float pathM = min(length(offset), rise * VEIL_PATH_PER_RISE + VEIL_LEVEL_PATH_M);
    // A level line of sight: the mean density over the height span degenerates to the local one.
    if (rise < 0.5) return (veilDensity(fragmentY) + mistDensity(fragmentY)) * pathM;
    float column = abs(veilColumn(fragmentY) - veilColumn(cameraPosition.y))
      + abs(mistColumn(fragmentY) - mistColumn(cameraPosition.y));
    return column / rise * pathM;
  }
  // Inside the cloud sea the light is the haze's, only brighter.
  vec3 veilColourFor(vec3 haze) {
    return mix(haze, vec3(1.0), 0.3);
  }
`;

const fogParsVertex = /* glsl */ `
#ifdef USE_FOG
  varying float vFogDepth;
  varying vec3 vFogOffset;
#endif
`;

const fogVertex = /* glsl */ `
#ifdef USE_FOG
  vFogDepth = - mvPosition.z;
  // World-space offset from the camera: the view matrix is rigid, so its transpose undoes the rotation.
  vFogOffset = vec3(
    dot(vec3(viewMatrix[0].x, viewMatrix[1].x, viewMatrix[2].x), mvPosition.xyz),
    dot(vec3(viewMatrix[0].y, viewMatrix[1].y, viewMatrix[2].y), mvPosition.xyz),
    dot(vec3(viewMatrix[0].z, viewMatrix[1].z, viewMatrix[2].z), mvPosition.xyz));
#endif
`;

const fogParsFragment = /* glsl */ `
#ifdef USE_FOG
  uniform vec3 fogColor;
  varying float vFogDepth;
  varying vec3 vFogOffset;
  #ifdef FOG_EXP2
    uniform float fogDensity;
  #else
    uniform float fogNear;
    uniform float fogFar;
  #endif
${VEIL_GLSL}
#endif
`;

const fogFragment = /* glsl */ `
#ifdef USE_FOG
  gl_FragColor.rgb = mix(gl_FragColor.rgb, veilColourFor(fogColor), 1.0 - exp(-veilOpticalDepth(vFogOffset)));
  #ifdef FOG_EXP2
    float fogFactor = 1.0 - exp( - fogDensity * fogDensity * vFogDepth * vFogDepth );
  #else
    float fogFactor = smoothstep( fogNear, fogFar, vFogDepth );
  #endif
  gl_FragColor.rgb = mix( gl_FragColor.rgb, fogColor, fogFactor );
#endif
`;

let installed = false;

/**
 * Replaces three's fog chunks once. Must run before the first fogged material compiles;
 * importing the Atmosphere module does it.
 */
export function installCloudSeaVeil(): void {
  if (installed) return;
  installed = true;
  ShaderChunk.fog_pars_vertex = fogParsVertex;
  ShaderChunk.fog_vertex = fogVertex;
  ShaderChunk.fog_pars_fragment = fogParsFragment;
  ShaderChunk.fog_fragment = fogFragment;
}
