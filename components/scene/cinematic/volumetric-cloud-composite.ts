// Lays the half-resolution cloud march over a full-resolution sub-frame: haze on every surface
// by its distance (the scene's fog law, towards the horizon colour the sky shows that way),
// then the cloud in front of it, upsampled with weights that follow the depth buffer so a
// pillar's edge does not bleed the cloud behind it over its face.
import { Effect, EffectAttribute } from 'postprocessing';
import { Color, Matrix4, Uniform, Vector2, Vector3, type PerspectiveCamera, type Texture } from 'three';
import type { AtmosphereParams } from '../../../scenes/atmosphere/atmosphere-params';
import { HORIZON_GLSL } from '../atmosphere/horizon-glsl';
import { VIEW_RAY_GLSL } from './view-ray-glsl';

const fragmentShader = /* glsl */ `
uniform sampler2D uMarch;
uniform vec2 uMarchSize;
uniform float uFogDensity;
${VIEW_RAY_GLSL}
${HORIZON_GLSL}

void mainImage(const in vec4 inputColor, const in vec2 uv, const in float depth, out vec4 outputColor) {
  vec4 ray = viewRay(uv, depth);
  vec3 colour = inputColor.rgb;
  // The sky already carries its own horizon haze.
  if (depth < 1.0) {
    float d = uFogDensity * ray.w;
    colour = mix(colour, horizonColour(ray.xyz), 1.0 - exp(-d * d));
  }
  float viewZ = getViewZ(depth);
  vec2 p = uv * uMarchSize - 0.5;
  vec2 f = fract(p);
  vec2 base = (floor(p) + 0.5) / uMarchSize;
  vec4 sum = vec4(0.0);
  float weights = 0.0;
  for (int k = 0; k < 4; k++) {
    vec2 o = vec2(float(k & 1), float(k >> 1));
    vec2 tapUv = base + o / uMarchSize;
    float tapZ = getViewZ(readDepth(tapUv));
    float bilinear = mix(1.0 - f.x, f.x, o.x) * mix(1.0 - f.y, f.y, o.y);
    float w = bilinear / (1e-3 + abs(tapZ - viewZ) / max(abs(viewZ), 1.0)) + 1e-5;
    sum += texture2D(uMarch, tapUv) * w;
    weights += w;
  }
  vec4 cloud = sum / weights;
  outputColor = vec4(colour * cloud.a + cloud.rgb, inputColor.a);
}
`;

export class VolumetricCloudComposite extends Effect {
  constructor(params: AtmosphereParams, march: Texture) {
    const { palette } = params;
    super('VolumetricCloudComposite', fragmentShader, {
      attributes: EffectAttribute.DEPTH,
      uniforms: new Map<string, Uniform>([
        ['uMarch', new Uniform(march)],
        ['uMarchSize', new Uniform(new Vector2(1, 1))],
        ['uFogDensity', new Uniform(params.fogDensityPerM)],
        ['uInverseProjection', new Uniform(new Matrix4())],
        ['uCameraWorld', new Uniform(new Matrix4())],
        ['uHaze', new Uniform(new Color(palette.haze))],
        ['uSunwardHaze', new Uniform(new Color(palette.sunwardHaze))],
        ['uSunGlow', new Uniform(new Color(palette.sunGlow))],
        ['uSunDirection', new Uniform(new Vector3(...params.sunDirection))],
      ]),
    });
  }

  setMarchSize(width: number, height: number): void {
    (this.uniforms.get('uMarchSize')!.value as Vector2).set(width, height);
  }

  /** The sub-frame's (jittered) camera. */
  setView(camera: PerspectiveCamera): void {
    (this.uniforms.get('uInverseProjection')!.value as Matrix4).copy(camera.projectionMatrixInverse);
    (this.uniforms.get('uCameraWorld')!.value as Matrix4).copy(camera.matrixWorld);
  }
}
