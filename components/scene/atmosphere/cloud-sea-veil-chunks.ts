// Extends three.js's fog so every fogged material fades softly into the cloud sea as it
// descends into it: the optical depth of the sea's height profile along the line of sight,
// on top of the usual exponential haze. No depth texture, no extra pass. Materials link the
// sea's uniforms with linkAtmosphereUniforms.
import { ShaderChunk } from 'three';
import { AERIAL_HAZE_TINT } from '@/scenes/atmosphere/atmosphere-params';
import { HAZE_LAW_GLSL } from './haze-law-glsl';

/**
 * Optical depth of the cloud sea and mist band along a line of sight, for a fragment at
 * \`offset\` metres (world axes) from the camera, and the colour of light inside the sea.
 * Shared with the cloud layers' shader. A material whose uniforms were never linked reads
 * an empty band (all zeros) and gets no veil.
 */
export const VEIL_GLSL = /* glsl */ `
  uniform vec4 yVeilBand;
  uniform vec2 yVeilDensity;
  uniform vec3 yVeilColour;
  // The scene's mist band (base, peak, top, peak density): one compiled shader serves every scene.
  uniform vec4 yMistBand;
  float veilDensity(float y) {
    if (y >= yVeilBand.y) return yVeilDensity.y * clamp((yVeilBand.z - y) / (yVeilBand.z - yVeilBand.y), 0.0, 1.0);
    return mix(yVeilDensity.x, yVeilDensity.y, clamp((y - yVeilBand.x) / (yVeilBand.y - yVeilBand.x), 0.0, 1.0));
  }
  // Density integrated from height y up to the top of the sea.
  float veilColumn(float y) {
    float floorM = yVeilBand.x;
    float coreM = yVeilBand.y;
    float topM = yVeilBand.z;
    float upper = topM - coreM;
    float lower = coreM - floorM;
    if (y >= topM) return 0.0;
    if (y >= coreM) return yVeilDensity.y * (topM - y) * (topM - y) / (2.0 * upper);
    float atCore = yVeilDensity.y * upper * 0.5;
    float slope = (yVeilDensity.y - yVeilDensity.x) / lower;
    if (y >= floorM) {
      float below = y - floorM;
      return atCore + yVeilDensity.x * (coreM - y) + slope * 0.5 * (lower * lower - below * below);
    }
    return atCore + (yVeilDensity.x + yVeilDensity.y) * 0.5 * lower + yVeilDensity.x * (floorM - y);
  }
  float mistDensity(float y) {
    if (yMistBand.z <= yMistBand.x) return 0.0;
    float rising = clamp((y - yMistBand.x) / (yMistBand.y - yMistBand.x), 0.0, 1.0);
    float falling = clamp((yMistBand.z - y) / (yMistBand.z - yMistBand.y), 0.0, 1.0);
    return yMistBand.w * min(rising, falling);
  }
  // Mist density integrated from height y up to the top of the band.
  float mistColumn(float y) {
    if (yMistBand.z <= yMistBand.x) return 0.0;
    float baseM = yMistBand.x;
    float peakM = yMistBand.y;
    float topM = yMistBand.z;
    float upper = topM - peakM;
    float lower = peakM - baseM;
    float clampedY = clamp(y, baseM, topM);
    if (clampedY >= peakM) return yMistBand.w * (topM - clampedY) * (topM - clampedY) / (2.0 * upper);
    float below = clampedY - baseM;
    return yMistBand.w * (upper * 0.5 + (lower * lower - below * below) / (2.0 * lower));
  }
  // The real sea top is broken, so a near-level line of sight does not stay in cloud for
  // kilometres: the path counted is capped, else distant pillars at sea level turn to chalk.
  const float VEIL_PATH_PER_RISE = 5.0;
  const float VEIL_LEVEL_PATH_M = 200.0;
  // Under the sea, what it hides grows with distance at most this fast: a pillar 300 m off
  // stays clearly in view, whatever the band's own density.
  const float VEIL_UNDER_DEPTH_PER_M = 0.003;
  float veilOpticalDepth(vec3 offset) {
    if (yVeilBand.z <= yVeilBand.x) return 0.0;
    float fragmentY = cameraPosition.y + offset.y;
    float rise = abs(offset.y);
    float distanceM = length(offset);
    float pathM = min(distanceM, rise * VEIL_PATH_PER_RISE + VEIL_LEVEL_PATH_M);
    float depth;
    // A level line of sight: the mean density over the height span degenerates to the local one.
    if (rise < 0.5) {
      depth = (veilDensity(fragmentY) + mistDensity(fragmentY)) * pathM;
    } else {
      float column = abs(veilColumn(fragmentY) - veilColumn(cameraPosition.y))
        + abs(mistColumn(fragmentY) - mistColumn(cameraPosition.y));
      depth = column / rise * pathM;
    }
    // From under or inside the sea it is a thin, luminous mist overhead and around, not a
    // wall: the depth is capped, fully below the core, easing off up to the sea's top.
    float under = 1.0 - smoothstep(yVeilBand.y, yVeilBand.z, cameraPosition.y);
    float cap = min(yVeilBand.w, distanceM * VEIL_UNDER_DEPTH_PER_M);
    return mix(depth, min(depth, cap), under);
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
  // World-space offset from the camera: the view matrix is rigid, so its transpose undoes the
  // rotation. Row i of the transpose is column i of viewMatrix (GLSL indexes columns). Rows of
  // viewMatrix itself rotated the offset a second time: right for a level camera turned about
  // the vertical only, but a camera pitched down read the ground below as above it and left it
  // unveiled (a sphere's down face, or a look downwards, showed the ground through the sea).
  vFogOffset = vec3(
    dot(viewMatrix[0].xyz, mvPosition.xyz),
    dot(viewMatrix[1].xyz, mvPosition.xyz),
    dot(viewMatrix[2].xyz, mvPosition.xyz));
#endif
`;

const fogParsFragment = /* glsl */ `
#ifdef USE_FOG
  uniform vec3 fogColor;
  varying float vFogDepth;
  varying vec3 vFogOffset;
  #ifdef FOG_EXP2
    uniform float fogDensity;
${HAZE_LAW_GLSL}
  #else
    uniform float fogNear;
    uniform float fogFar;
  #endif
${VEIL_GLSL}
  const vec3 AERIAL_TINT = vec3(${AERIAL_HAZE_TINT.map((v) => v.toFixed(3)).join(', ')});
#endif
`;

const fogFragment = /* glsl */ `
#ifdef USE_FOG
  gl_FragColor.rgb = mix(gl_FragColor.rgb, yVeilColour, 1.0 - exp(-veilOpticalDepth(vFogOffset)));
  #ifdef FOG_EXP2
    float fogFactor = 1.0 - exp( - hazeOpticalDepth( fogDensity, vFogDepth ) );
  #else
    float fogFactor = smoothstep( fogNear, fogFar, vFogDepth );
  #endif
  // Aerial perspective: haze in front of a surface is lit less than the open horizon behind it,
  // so a rank half lost in it turns blue-grey; only where the haze is near total does it take the
  // horizon's own colour, so the world's edge still dissolves into the sky. With the horizon
  // colour throughout, every rank faded towards warm sky and the ranks did not step back in blue.
  // surfaceThroughHaze (scenes/atmosphere/atmosphere-params.ts) mirrors this mix for the tests.
  gl_FragColor.rgb = mix( gl_FragColor.rgb, fogColor * mix( AERIAL_TINT, vec3( 1.0 ), fogFactor * fogFactor ), fogFactor );
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
