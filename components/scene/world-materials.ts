// Materials for the ground and rock: three's lit materials with procedural detail injected
// through onBeforeCompile (so scene fog and lights keep working), no textures. The phone
// tier uses Lambert and vertex colours only; richer tiers add bedding, joints and streaks per pixel.
import {
  Color,
  DoubleSide,
  MeshLambertMaterial,
  MeshStandardMaterial,
  type Material,
  type WebGLProgramParametersWithUniforms,
} from 'three';
import type { QualityTier } from '../../scenes/world/quality-tiers';

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
 * Sandstone up close: beds of uneven thickness showing in broken patches, sparse wavering
 * joints, dark water streaks and grain. Nothing repeats at a fixed spacing, so no grid shows.
 */
const ROCK_DETAIL_FRAGMENT = /* glsl */ `
#include <color_fragment>
{
  vec3 p = vDetailWorld;
  float fade = 1.0 - smoothstep(500.0, 2200.0, length(vViewPosition));
  float grain = detailNoise(p * 0.4) * 0.5 + detailNoise(p * 1.7) * 0.5;
  // Height warped by slow noise: beds from about one to eight metres thick, gently undulating.
  float warped = p.y / 3.1 + detailNoise(vec3(p.x * 0.02, p.y * 0.05, p.z * 0.02)) * 4.0
    + detailNoise(vec3(p.x * 0.08, p.y * 0.01, p.z * 0.08)) * 0.8;
  float strata = fract(warped);
  // Each bed's parting shows only in patches of its own, so the lines break and overlap.
  float bedPatch = smoothstep(0.5, 0.72, detailNoise(vec3(p.x * 0.06, floor(warped) * 0.37, p.z * 0.06)));
  float parting = 1.0 - smoothstep(0.0, 0.07, strata) * smoothstep(1.0, 0.9, strata);
  float bed = 1.0 - 0.22 * parting * bedPatch;
  float jointNoise = detailNoise(vec3(p.x * 0.035 + p.y * 0.003, p.y * 0.006, p.z * 0.035));
  float jointMask = smoothstep(0.42, 0.62, detailNoise(vec3(p.x * 0.011, p.y * 0.017, p.z * 0.011)));
  float joint = smoothstep(0.03, 0.0, abs(jointNoise - 0.5)) * jointMask;
  float streak = smoothstep(0.55, 0.85, detailNoise(vec3(p.x * 0.12, p.y * 0.005, p.z * 0.12)))
    * (0.6 + 0.4 * detailNoise(vec3(p.x * 0.3, p.y * 0.03, p.z * 0.3)));
  float ochre = smoothstep(0.35, 0.75, detailNoise(vec3(p.x * 0.012, p.y * 0.03, p.z * 0.012)));
  float shade = (0.8 + 0.32 * grain) * bed * (1.0 - 0.5 * joint) * (1.0 - 0.4 * streak);
  diffuseColor.rgb *= mix(vec3(1.0), vec3(1.08, 0.97, 0.82), ochre * fade);
  diffuseColor.rgb *= mix(1.0, shade, fade);
}
`;

/** Forest canopy from above: clumps of crowns and gaps, fading out with distance. */
const CANOPY_DETAIL_FRAGMENT = /* glsl */ `
#include <color_fragment>
{
  vec3 p = vDetailWorld;
  float fade = 1.0 - smoothstep(800.0, 3000.0, length(vViewPosition));
  float clumps = detailNoise(vec3(p.x * 0.11, p.y * 0.05, p.z * 0.11)) * 0.6 + detailNoise(vec3(p.x * 0.4, 0.0, p.z * 0.4)) * 0.4;
  diffuseColor.rgb *= mix(1.0, 0.62 + 0.62 * clumps, fade);
}
`;

function injectDetail(material: Material, fragment: string, key: string): void {
  material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
    shader.vertexShader = `${'varying vec3 vDetailWorld;'}\n${shader.vertexShader.replace('#include <project_vertex>', WORLD_POSITION_VERTEX)}`;
    shader.fragmentShader = `${NOISE_GLSL}\n${shader.fragmentShader.replace('#include <color_fragment>', fragment)}`;
  };
  material.customProgramCacheKey = () => key;
}

export function createRockMaterial(tier: QualityTier): Material {
  if (tier === 'phone') return new MeshLambertMaterial({ vertexColors: true });
  const material = new MeshStandardMaterial({ vertexColors: true, roughness: 0.93, metalness: 0 });
  injectDetail(material, ROCK_DETAIL_FRAGMENT, 'yunshan-rock');
  return material;
}

export function createTerrainMaterial(tier: QualityTier): Material {
  if (tier === 'phone') return new MeshLambertMaterial({ vertexColors: true });
  const material = new MeshStandardMaterial({ vertexColors: true, roughness: 1, metalness: 0 });
  injectDetail(material, CANOPY_DETAIL_FRAGMENT, 'yunshan-canopy');
  return material;
}

/** Pines are small on screen: Lambert everywhere, double-sided so thin layers never show holes. */
export function createCrownMaterial(): Material {
  return new MeshLambertMaterial({ vertexColors: true, side: DoubleSide });
}

export interface WaterMaterial {
  material: Material;
  /** Colour reflected at grazing angles; follow the sky/haze so the stream matches the time of day. */
  reflectedColor: Color;
  /** Seconds, for the ripple drift. */
  timeS: { value: number };
}

/** Clear stream water: dark green-brown looking down, sky-coloured at grazing angles, with drifting ripples. */
export function createWaterMaterial(tier: QualityTier): WaterMaterial {
  const reflectedColor = new Color(0.75, 0.8, 0.82);
  const timeS = { value: 0 };
  const base = { color: new Color(0.12, 0.2, 0.17) };
  const material =
    tier === 'phone' ? new MeshLambertMaterial(base) : new MeshStandardMaterial({ ...base, roughness: 0.12, metalness: 0 });
  material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
    shader.uniforms.uReflectedColor = { value: reflectedColor };
    shader.uniforms.uTimeS = timeS;
    shader.vertexShader = `varying vec2 vWaterUv;\n${shader.vertexShader.replace('#include <uv_vertex>', '#include <uv_vertex>\nvWaterUv = uv;')}`;
    shader.fragmentShader = `uniform vec3 uReflectedColor;\nuniform float uTimeS;\nvarying vec2 vWaterUv;\n${shader.fragmentShader.replace(
      '#include <opaque_fragment>',
      /* glsl */ `
      {
        float ripple = sin(vWaterUv.y * 0.9 - uTimeS * 1.7 + sin(vWaterUv.x * 9.0) * 1.5) * 0.5 + 0.5;
        float grazing = 1.0 - abs(normalize(vViewPosition).y);
        float fresnel = clamp(0.25 + 0.75 * pow(1.0 - abs(dot(normalize(vViewPosition), normal)), 3.0), 0.0, 1.0);
        float banks = smoothstep(0.0, 0.2, vWaterUv.x) * smoothstep(1.0, 0.8, vWaterUv.x);
        outgoingLight = mix(outgoingLight, uReflectedColor * (0.85 + 0.25 * ripple), fresnel * (0.55 + 0.3 * grazing) * banks);
      }
      #include <opaque_fragment>`,
    )}`;
  };
  material.customProgramCacheKey = () => `yunshan-water-${tier}`;
  return { material, reflectedColor, timeS };
}
