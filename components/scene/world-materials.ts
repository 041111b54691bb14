// Materials for the ground and rock: three's lit materials with procedural detail injected
// through onBeforeCompile (so scene fog and lights keep working), no textures. Every one links
// the scene's atmosphere uniforms, so it fades into the cloud sea of the route's time of day.
// The phone tier uses Lambert and vertex colours only; richer tiers add bedding, joints and
// streaks on rock and a bumpy canopy of tree crowns per pixel.
import {
  Color,
  DoubleSide,
  MeshLambertMaterial,
  MeshStandardMaterial,
  type Material,
  type WebGLProgramParametersWithUniforms,
} from 'three';
import type { QualityTier } from '@/scenes/world/quality-tiers';
import { linkAtmosphereUniforms, type AtmosphereUniforms } from './atmosphere/atmosphere-uniforms';
import { CANOPY_CROWNS_GLSL } from './canopy-crowns-glsl';
import { SLOPE_BUMP_GLSL } from './slope-bump-glsl';
import { PHONE_ROCK_FRAGMENT, ROCK_DETAIL_FRAGMENT, ROCK_DETAIL_GLSL, ROCK_NORMAL_FRAGMENT } from './rock-glsl';

const NOISE_GLSL = /* glsl */ `
varying vec3 vDetailWorld;
float detailHash(vec3 p) {
  p = fract(p * 0.3183099 + 0.1);
  p *= 17.0;
  return fract(p.x * p.y * p.z * (p.x + p.y + p.z));
}
float detailNoise(vec3 x) {
  vec3 i = floor(x);
  vec3 f = fract(x);
  f = f * f * (3.0 - 2.0 * f);
  return mix(
    mix(mix(detailHash(i), detailHash(i + vec3(1.0, 0.0, 0.0)), f.x),
        mix(detailHash(i + vec3(0.0, 1.0, 0.0)), detailHash(i + vec3(1.0, 1.0, 0.0)), f.x), f.y),
    mix(mix(detailHash(i + vec3(0.0, 0.0, 1.0)), detailHash(i + vec3(1.0, 0.0, 1.0)), f.x),
        mix(detailHash(i + vec3(0.0, 1.0, 1.0)), detailHash(i + vec3(1.0, 1.0, 1.0)), f.x), f.y),
    f.z);
}
`;

const WORLD_POSITION_VERTEX = /* glsl */ `
#include <project_vertex>
vec4 detailWorld = vec4(transformed, 1.0);
#ifdef USE_INSTANCING
  detailWorld = instanceMatrix * detailWorld;
#endif
vDetailWorld = (modelMatrix * detailWorld).xyz;
`;

/**
 * Height of the forest canopy on the phone, metres: crowns five metres or so across with dark
 * gaps between them, in stands that rise and fall. A soft noise at the crowns' scale drew a
 * mottled lawn; thresholded, the same two lookups give separate crowns and the hollows between.
 */
const CANOPY_HEIGHT_GLSL = /* glsl */ `
float canopyTint = 0.5;
float canopyHeight(vec3 p) {
  float crowns = smoothstep(0.22, 0.8, detailNoise(vec3(p.x * 0.21, 0.0, p.z * 0.21)));
  return detailNoise(vec3(p.x * 0.05, p.y * 0.03, p.z * 0.05)) * 4.0 + crowns * 6.0;
}
`;

/**
 * A bare cliff's colour (linear RGB): beds of grey and buff rock, and dark-green forest on the beds'
 * tops in patches, more of it where the ground is only half rock (the cliff's rim and foot), so the
 * forest of the top spills down the face. `rock` is the vertex colour, keeping its brightness.
 */
const CLIFF_COLOUR_GLSL = /* glsl */ `
vec3 cliffColour(vec3 p, float rockness, vec3 rock) {
  float bedCoord = p.y / 24.0 + detailNoise(vec3(p.x * 0.006, p.y * 0.003, p.z * 0.006)) * 1.8;
  float bedIndex = floor(bedCoord);
  float bedPhase = bedCoord - bedIndex;
  float tone = detailNoise(vec3(bedIndex * 1.7, p.x * 0.003 + p.z * 0.002, 0.5));
  float brightness = dot(rock, vec3(0.333)) / 0.3;
#ifdef LIMESTONE_CLIFFS
  // Tianmen's grey limestone, only a little warmer in some beds: the sandstone's buff beds stood
  // round Heaven's Gate and the stair as pale sandy pillars.
  vec3 beds = mix(vec3(0.27, 0.29, 0.31), vec3(0.34, 0.34, 0.33), smoothstep(0.35, 0.8, tone)) * clamp(brightness, 0.7, 1.2);
#else
  vec3 beds = mix(vec3(0.33, 0.32, 0.29), vec3(0.47, 0.35, 0.21), smoothstep(0.35, 0.8, tone)) * clamp(brightness, 0.7, 1.2);
#endif
  // Forest hangs on the face in ragged masses tens of metres across, gathered in slanting zones
  // where water seeps and soil lodges, thickest on the beds' tops; more of it where the ground is
  // only half rock (rim, foot). Patches keyed to each bed stacked, bed over bed, into a grid of
  // small green steps across the Tianzi wall.
  float patchNoise = detailNoise(vec3((p.x + 0.5 * p.y) * 0.012, (p.y - 0.3 * p.x) * 0.008, (p.z + 0.5 * p.y) * 0.012)) * 0.7
    + detailNoise(vec3(p.x * 0.045 + p.y * 0.02, p.y * 0.03, p.z * 0.045 - p.y * 0.02)) * 0.3;
  float tread = smoothstep(0.25, 0.75, bedPhase);
  float ledge = (0.7 + 0.3 * tread) * smoothstep(0.6 - 0.45 * (1.0 - rockness), 0.7, patchNoise);
  float shrubs = 0.6 + 0.7 * detailNoise(p * 0.25);
  return mix(beds, vec3(0.03, 0.065, 0.02) * shrubs, clamp(ledge, 0.0, 1.0));
}
`;

/** Forest canopy from above: clumps of crowns and gaps, darker in the hollows, fading out with distance. */
const CANOPY_DETAIL_FRAGMENT = /* glsl */ `
#include <color_fragment>
float canopyFade = 1.0 - smoothstep(900.0, 3200.0, length(vViewPosition));
// Forest only: vertex colours are green there, buff on rock and gravel.
float canopyForest = smoothstep(1.15, 1.6, vColor.g / max(vColor.r, 1e-3));
float canopyH = canopyHeight(vDetailWorld);
{
  // Large groves of darker and lighter trees, then the hollows between crowns.
  float grove = detailNoise(vec3(vDetailWorld.x * 0.012, 0.0, vDetailWorld.z * 0.012));
  // Deep hollows between crowns: with a shallower range the canopy read as a mown, mottled lawn.
  // Crowns differ in green from tree to tree, bluer and darker to yellower and lighter (the
  // phone's canopy has no crowns: its canopyTint stays 0.5, which changes nothing).
  vec3 shade = mix(0.35, 1.25, clamp(canopyH / 11.0, 0.0, 1.0)) * mix(0.8, 1.2, grove) * (1.0 + (canopyTint - 0.5) * vec3(0.4, 0.28, 0.06));
  diffuseColor.rgb *= mix(vec3(1.0), shade, canopyFade * canopyForest);
  // Cliffs and bare slopes (the Tianzi wall) are the same sandstone as the pillars: grey and buff
  // beds tens of metres thick, with forest clinging to the beds' tops in patches. The vertex grid
  // is far too coarse for that on a cliff a few rows high, so it is drawn here, per pixel.
  if (canopyForest < 0.99) {
    float rockness = 1.0 - canopyForest;
    diffuseColor.rgb = mix(diffuseColor.rgb, cliffColour(vDetailWorld, rockness, vColor.rgb), rockness);
    diffuseColor.rgb *= mix(vec3(1.0), rockDetail(vDetailWorld, length(vViewPosition)), rockness);
  }
}
`;

/** The canopy's relief bends the normal, so crowns catch the sun on one side and shade the other. */
const CANOPY_NORMAL_FRAGMENT = /* glsl */ `
#include <normal_fragment_maps>
{
  vec3 dpx = dFdx(vDetailWorld);
  vec3 dpy = dFdy(vDetailWorld);
  // True slopes (height change per metre across the surface), whatever the pixel footprint.
  vec2 slope = vec2(dFdx(canopyH) / max(length(dpx), 1e-4), dFdy(canopyH) / max(length(dpy), 1e-4));
  // Softer than the crowns' true slopes: at full strength every sunward crown side lit up as one
  // flat, hard-edged patch and the floor read as camouflage cloth.
  slope *= canopyFade * canopyForest * 0.65;
  normal = slopeBumpedNormal(normal, slope, faceDirection, vViewPosition);
}
`;

interface Detail {
  /** GLSL placed before main in the fragment shader. */
  pars?: string;
  /** Replaces three's colour chunk (must include it). */
  colour?: string;
  /** Replaces three's normal-map chunk (must include it). */
  normal?: string;
}

function prepare(material: Material, atmosphere: AtmosphereUniforms, key: string, detail: Detail = {}): void {
  material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
    linkAtmosphereUniforms(shader, atmosphere);
    if (detail.colour === undefined && detail.normal === undefined) return;
    shader.vertexShader = `varying vec3 vDetailWorld;\n${shader.vertexShader.replace('#include <project_vertex>', WORLD_POSITION_VERTEX)}`;
    let fragment = shader.fragmentShader;
    if (detail.colour) fragment = fragment.replace('#include <color_fragment>', detail.colour);
    if (detail.normal) fragment = fragment.replace('#include <normal_fragment_maps>', detail.normal);
    shader.fragmentShader = `${NOISE_GLSL}\n${SLOPE_BUMP_GLSL}\n${detail.pars ?? ''}\n${fragment}`;
  };
  material.customProgramCacheKey = () => key;
}

export function createRockMaterial(tier: QualityTier, atmosphere: AtmosphereUniforms): Material {
  if (tier === 'phone') {
    const material = new MeshLambertMaterial({ vertexColors: true });
    prepare(material, atmosphere, 'yunshan-rock-phone', { colour: PHONE_ROCK_FRAGMENT });
    return material;
  }
  const material = new MeshStandardMaterial({ vertexColors: true, roughness: 0.93, metalness: 0 });
  prepare(material, atmosphere, 'yunshan-rock', { pars: ROCK_DETAIL_GLSL, colour: ROCK_DETAIL_FRAGMENT, normal: ROCK_NORMAL_FRAGMENT });
  return material;
}

/** The rock of a scene's bare slopes and cliffs: Wulingyuan's quartz sandstone or Tianmen's limestone. */
export type TerrainRock = 'sandstone' | 'limestone';

export function createTerrainMaterial(tier: QualityTier, atmosphere: AtmosphereUniforms, rock: TerrainRock = 'sandstone'): Material {
  // The canopy is cheap (three noise lookups a pixel) and is what makes a valley read as
  // forest rather than lawn, so the phone gets it too, on its Lambert shading.
  const material =
    tier === 'phone'
      ? new MeshLambertMaterial({ vertexColors: true })
      : new MeshStandardMaterial({ vertexColors: true, roughness: 1, metalness: 0 });
  prepare(material, atmosphere, `yunshan-canopy-${tier === 'phone' ? 'lambert' : 'standard-crowns'}-${rock}`, {
    pars: `${rock === 'limestone' ? '#define LIMESTONE_CLIFFS\n' : ''}${ROCK_DETAIL_GLSL}\n${tier === 'phone' ? CANOPY_HEIGHT_GLSL : CANOPY_CROWNS_GLSL}\n${CLIFF_COLOUR_GLSL}`,
    colour: CANOPY_DETAIL_FRAGMENT,
    normal: CANOPY_NORMAL_FRAGMENT,
  });
  return material;
}

/** Pines are small on screen: Lambert everywhere, double-sided so thin layers never show holes. */
export function createCrownMaterial(atmosphere: AtmosphereUniforms): Material {
  const material = new MeshLambertMaterial({ vertexColors: true, side: DoubleSide });
  prepare(material, atmosphere, 'yunshan-crown');
  return material;
}

export interface WaterMaterial {
  material: Material;
  /** Seconds, for the ripple drift. */
  timeS: { value: number };
}

/**
 * The stream's banks: pale boulders and pebbles, dark and wet at the waterline, shrubs along the top.
 * Set before lighting, so the banks take the sun and shade like the ground around them.
 */
const STREAM_BANK_COLOUR_FRAGMENT = /* glsl */ `
#include <color_fragment>
float bankAcross = vWaterUv.x - 2.0;
if (bankAcross >= 0.0) {
  vec3 q = vDetailWorld;
  float boulders = detailNoise(q * 0.7) * 0.65 + detailNoise(q * 2.3) * 0.35;
  vec3 stone = mix(vec3(0.09, 0.085, 0.07), vec3(0.36, 0.34, 0.29), smoothstep(0.35, 0.65, boulders));
  vec3 wet = stone * 0.45;
  vec3 shrubs = mix(vec3(0.02, 0.06, 0.015), vec3(0.07, 0.16, 0.04), detailNoise(q * 0.45));
  diffuseColor.rgb = mix(wet, stone, smoothstep(0.1, 0.3, bankAcross));
  diffuseColor.rgb = mix(diffuseColor.rgb, shrubs, smoothstep(0.55, 0.85, bankAcross + 0.25 * (detailNoise(q * 0.3) - 0.5)));
}`;

/** Wet stone and leaves are matte: the water's low roughness must not make the banks shine. */
const STREAM_BANK_ROUGHNESS_FRAGMENT = /* glsl */ `
#include <roughnessmap_fragment>
if (vWaterUv.x >= 2.0) roughnessFactor = 0.95;`;

/**
 * Clear stream water, dark green-blue where it shows its bed. A cheap fresnel mixes in what it
 * reflects: low rays see the dark, tree-lined banks and pillar bases (the old grey sky at every
 * grazing angle drew the stream as a paved road), steeper ones the sky, warm towards a low sun.
 * The sun glints off drifting ripples; the cinematic adds finer sparkle.
 */
const WATER_FRAGMENT = /* glsl */ `
if (vWaterUv.x < 2.0) {
  vec3 p = vDetailWorld;
  // Ripples as a drifting height field stretched along the flow, read as a tilt of the surface.
  vec2 flow = vec2(uTimeS * 0.6, uTimeS * 0.25);
  float e = 0.4;
  vec3 rp = vec3(p.x * 0.45 + flow.x, uTimeS * 0.3, p.z * 0.9 + flow.y);
  float h0 = detailNoise(rp);
  float hx = detailNoise(rp + vec3(e * 0.45, 0.0, 0.0));
  float hz = detailNoise(rp + vec3(0.0, 0.0, e * 0.9));
  vec3 surfaceNormal = normalize(vec3((h0 - hx) * 0.35, 1.0, (h0 - hz) * 0.35));
  vec3 viewDir = normalize(p - cameraPosition);
  vec3 reflected = reflect(viewDir, surfaceNormal);
  float cosView = clamp(dot(-viewDir, surfaceNormal), 0.0, 1.0);
  float fresnel = 0.02 + 0.98 * pow(1.0 - cosView, 5.0);
  vec2 flatSun = normalize(yWorldSunDirection.xz + vec2(1e-5, 0.0));
  vec2 flatRay = normalize(reflected.xz + vec2(1e-5, 0.0));
  float sunward = pow(clamp(dot(flatSun, flatRay) * 0.5 + 0.5, 0.0, 1.0), 3.0) * (1.0 - smoothstep(0.2, 0.8, yWorldSunDirection.y));
  vec3 sky = mix(ySkyReflection, ySunwardReflection, sunward);
  // The tree-lined banks fill the low band of the reflection, with pale pillar faces standing above the crowns.
  float pillarFace = smoothstep(0.55, 0.7, detailNoise(vec3(p.x * 0.04, 0.0, p.z * 0.04) + reflected * 6.0));
  vec3 banks = mix(vec3(0.02, 0.045, 0.03), ySkyReflection * 0.55, pillarFace * smoothstep(0.05, 0.3, reflected.y));
  vec3 seen = mix(banks, sky, smoothstep(0.3, 0.75, reflected.y));
  float glint = pow(max(dot(reflected, yWorldSunDirection), 0.0), 180.0);
#ifdef YUNSHAN_WATER_SPARKLE
  float sparkle = detailNoise(vec3(p.x * 2.5 + flow.x * 3.0, uTimeS * 1.7, p.z * 2.5 + flow.y * 3.0));
  glint += pow(sparkle, 14.0) * 6.0 * pow(max(dot(reflected, yWorldSunDirection), 0.0), 12.0);
#endif
  outgoingLight = mix(outgoingLight, seen, clamp(fresnel, 0.0, 0.7)) + ySunGlint * glint;
}
#include <opaque_fragment>`;

export function createWaterMaterial(tier: QualityTier, atmosphere: AtmosphereUniforms): WaterMaterial {
  const timeS = { value: 0 };
  const base = { color: new Color(0.015, 0.045, 0.045) };
  const material = tier === 'phone' ? new MeshLambertMaterial(base) : new MeshStandardMaterial({ ...base, roughness: 0.3, metalness: 0 });
  material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
    linkAtmosphereUniforms(shader, atmosphere);
    shader.uniforms.uTimeS = timeS;
    shader.vertexShader = `varying vec2 vWaterUv;\nvarying vec3 vDetailWorld;\n${shader.vertexShader
      .replace('#include <uv_vertex>', '#include <uv_vertex>\nvWaterUv = uv;')
      .replace('#include <project_vertex>', WORLD_POSITION_VERTEX)}`;
    const sparkle = tier === 'bake' ? '#define YUNSHAN_WATER_SPARKLE\n' : '';
    shader.fragmentShader = `${sparkle}uniform float uTimeS;\nuniform vec3 yWorldSunDirection;\nuniform vec3 ySunGlint;\nuniform vec3 ySkyReflection;\nuniform vec3 ySunwardReflection;\nvarying vec2 vWaterUv;\n${NOISE_GLSL}\n${shader.fragmentShader
      .replace('#include <color_fragment>', STREAM_BANK_COLOUR_FRAGMENT)
      .replace('#include <roughnessmap_fragment>', STREAM_BANK_ROUGHNESS_FRAGMENT)
      .replace('#include <opaque_fragment>', WATER_FRAGMENT)}`;
  };
  material.customProgramCacheKey = () => `yunshan-water-${tier}`;
  return { material, timeS };
}
