// Lays the half-resolution cloud march over a full-resolution sub-frame: haze on every surface
// by its distance (the scene's fog law, towards the horizon colour the sky shows that way),
// then the cloud in front of it, upsampled with weights that follow the depth buffer so a
// pillar's edge does not bleed the cloud behind it over its face. On the sky, a high cloud deck.
import { Effect, EffectAttribute } from 'postprocessing';
import { Color, Matrix4, Uniform, Vector2, Vector3, type DataTexture, type PerspectiveCamera, type Texture } from 'three';
import type { AtmosphereParams } from '@/scenes/atmosphere/atmosphere-params';
import type { FilmGrade } from './film-grades';
import { HAZE_LAW_GLSL } from '../atmosphere/haze-law-glsl';
import { HORIZON_GLSL, horizonUniforms } from '../atmosphere/horizon-glsl';
import { HAZE_DENSITY_SCALE, SURFACE_HAZE_TINT } from './cinematic-settings';
import { SKY_CLOUD_GLSL } from './sky-cloud-glsl';
import { VIEW_RAY_GLSL } from './view-ray-glsl';

const fragmentShader = /* glsl */ `
uniform sampler2D uMarch;
uniform vec2 uMarchSize;
uniform float uFogDensity;
uniform vec3 uSurfaceHazeTint;
${VIEW_RAY_GLSL}
${HORIZON_GLSL}
${HAZE_LAW_GLSL}
${SKY_CLOUD_GLSL}

void mainImage(const in vec4 inputColor, const in vec2 uv, const in float depth, out vec4 outputColor) {
  vec4 ray = viewRay(uv, depth);
  vec3 colour = inputColor.rgb;
  // The sky already carries its own horizon haze; it gets the high cloud deck instead.
  if (depth < 1.0) {
    // Aerial perspective, as the device tiers draw it (AERIAL_HAZE_TINT): blue-grey in front of a
    // rank, the horizon's own colour only where the haze closes in. The haze in front of a rank is
    // the cool haze of the open air, not the warm glow on the sun's side of the horizon: taking the
    // glow, every rank towards a low sun faded into a pale beige sky instead of standing in it as
    // a layered blue-grey silhouette.
    float haze = 1.0 - exp(-hazeOpticalDepth(uFogDensity, ray.w));
    colour = mix(colour, mix(uHaze * uSurfaceHazeTint, horizonColour(ray.xyz), haze * haze), haze);
  } else {
    vec4 deck = skyCloud(uCameraWorld[3].xyz, ray.xyz);
    colour = mix(colour, deck.rgb, deck.a);
  }
  float viewZ = getViewZ(depth);
  // A 3×3 tent over the march's texels (not the 2×2 of bilinear): the march's per-pixel dither,
  // marched once a frame, would otherwise show through thin mist as a fine crosshatch.
  vec2 p = uv * uMarchSize - 0.5;
  vec2 centre = floor(p + 0.5);
  vec4 sum = vec4(0.0);
  float weights = 0.0;
  for (int j = -1; j <= 1; j++) {
    for (int i = -1; i <= 1; i++) {
      vec2 tap = centre + vec2(float(i), float(j));
      vec2 tapUv = (tap + 0.5) / uMarchSize;
      float tapZ = getViewZ(readDepth(tapUv));
      vec2 tent = max(vec2(0.0), 1.0 - abs(tap - p) / 1.5);
      float w = tent.x * tent.y / (1e-3 + abs(tapZ - viewZ) / max(abs(viewZ), 1.0)) + 1e-5;
      sum += texture2D(uMarch, tapUv) * w;
      weights += w;
    }
  }
  vec4 cloud = sum / weights;
  outputColor = vec4(colour * cloud.a + cloud.rgb, inputColor.a);
}
`;

export class VolumetricCloudComposite extends Effect {
  constructor(params: AtmosphereParams, march: Texture, noise: DataTexture, grade: FilmGrade) {
    const { palette } = params;
    const fill = (params.fillIntensity * grade.fillGain) / Math.PI;
    super('VolumetricCloudComposite', fragmentShader, {
      attributes: EffectAttribute.DEPTH,
      uniforms: new Map<string, Uniform>([
        ['uMarch', new Uniform(march)],
        ['uNoise', new Uniform(noise)],
        ['uTimeS', new Uniform(0)],
        ['uSunRadiance', new Uniform(new Color(palette.sunLight).multiplyScalar((params.sunIntensity * grade.sunGain) / Math.PI))],
        ['uSkyAmbient', new Uniform(new Color(palette.skyFill).multiplyScalar(fill))],
        ['uMarchSize', new Uniform(new Vector2(1, 1))],
        ['uFogDensity', new Uniform(params.fogDensityPerM * HAZE_DENSITY_SCALE)],
        ['uSurfaceHazeTint', new Uniform(new Vector3(...SURFACE_HAZE_TINT))],
        ['uInverseProjection', new Uniform(new Matrix4())],
        ['uCameraWorld', new Uniform(new Matrix4())],
        ...Object.entries(horizonUniforms(params)),
      ]),
    });
  }

  setMarchSize(width: number, height: number): void {
    (this.uniforms.get('uMarchSize')!.value as Vector2).set(width, height);
  }

  /** The sub-frame's (jittered) camera, and the frame's time for the high cloud's drift. */
  setView(camera: PerspectiveCamera, timeS: number): void {
    this.uniforms.get('uTimeS')!.value = timeS;
    (this.uniforms.get('uInverseProjection')!.value as Matrix4).copy(camera.projectionMatrixInverse);
    (this.uniforms.get('uCameraWorld')!.value as Matrix4).copy(camera.matrixWorld);
  }
}
