// The cinematic cloud sea and mist, marched: a pass that reads the depth buffer and marches
// each view ray from the camera to the surface (or the far haze) through the height-banded
// density of cloud-sea.ts and the scene's mist band, lit by the sun with a few shadow steps
// towards it and by the pillars' shadow map, with Beer-Lambert extinction. At half resolution
// and once per frame (the first sub-frame): the march is the frame's most expensive work and
// the cloud is soft; the composite (volumetric-cloud-composite.ts) lays it over every sub-frame.
import { Pass } from 'postprocessing';
import {
  Color,
  Data3DTexture,
  HalfFloatType,
  LinearFilter,
  Matrix4,
  ShaderMaterial,
  Uniform,
  Vector2,
  Vector3,
  Vector4,
  WebGLRenderTarget,
  type DataTexture,
  type DepthTexture,
  type PerspectiveCamera,
  type Texture,
  type WebGLRenderer,
} from 'three';
import type { AtmosphereParams } from '@/scenes/atmosphere/atmosphere-params';
import { CLOUD_NOISE_CELLS } from '@/scenes/atmosphere/cloud-noise';
import { veilColumnDepth } from '@/scenes/atmosphere/cloud-sea';
import { offsetFromSeed, thresholdForCoverage } from '../atmosphere/cloud-material';
import { horizonUniforms } from '../atmosphere/horizon-glsl';
import { HAZE_DENSITY_SCALE, MARCH_STEPS, MAX_MARCH_M, PLUME_MARCH_STEPS, SUN_SHADOW_STEPS } from './cinematic-settings';
import type { FilmGrade } from './film-grades';
import { FULLSCREEN_QUAD_VERTEX_GLSL } from './fullscreen-quad-glsl';
import { VIEW_RAY_GLSL } from './view-ray-glsl';
import { VOLUMETRIC_CLOUD_GLSL } from './volumetric-cloud-glsl';
import { createVolumeNoiseTexture } from '../noise-textures';

const fragmentShader = /* glsl */ `
precision highp float;
precision highp sampler3D;
precision highp sampler2DShadow;
uniform sampler2D uDepth;
uniform vec2 uSlab;
${VIEW_RAY_GLSL}
${VOLUMETRIC_CLOUD_GLSL}
varying vec2 vUv;

void main() {
  vec4 ray = viewRay(vUv, texture2D(uDepth, vUv).r);
  vec3 origin = uCameraWorld[3].xyz;
  float farM = min(ray.w, uMaxMarchM);
  // rgb: light scattered towards the camera; a: how much of what lies behind still shows.
  vec4 cloud = marchCloud(origin, ray.xyz, slabInterval(origin, ray.xyz, uSlab.x, uSlab.y, farM), gl_FragCoord.xy, ${MARCH_STEPS}, ${SUN_SHADOW_STEPS}, uSlab.x, uSlab.y);
  // The plume lies above the slab (scene-atmosphere.ts), where the flights look at it from beside
  // or above the sea: laid in front of the sea's light.
  vec4 plume = marchCloud(origin, ray.xyz, plumeInterval(origin, ray.xyz, farM), gl_FragCoord.xy, ${PLUME_MARCH_STEPS}, ${SUN_SHADOW_STEPS}, uSlab.x, uSlab.y);
  gl_FragColor = vec4(plume.rgb + plume.a * cloud.rgb, plume.a * cloud.a);
}
`;

export class VolumetricCloudPass extends Pass {
  private readonly volume: Data3DTexture;
  private readonly material: ShaderMaterial;
  readonly target: WebGLRenderTarget;
  /** Whether this composer run marches (the first sub-frame) or reuses the last march. */
  marchThisRun = true;

  constructor(params: AtmosphereParams, noise: DataTexture, grade: FilmGrade) {
    super('VolumetricCloudPass');
    this.needsSwap = false;
    this.needsDepthTexture = true;
    const { palette, cloudSea, cloudSeaVeil: veil, mistBand, plume } = params;
    const seaLayers = params.cloudLayers.filter((layer) => layer.kind === 'sea');
    const bottomSea = seaLayers[0];
    const topSea = seaLayers[seaLayers.length - 1];
    const mist = params.cloudLayers.filter((layer) => layer.kind === 'mist')[0];
    // The sea's body is as opaque where it is thick as the device tiers' stacked slices
    // (band.opacity), straight down through its whole height.
    const bodyDensityScale = -Math.log(1 - cloudSea.opacity) / Math.max(veilColumnDepth(veil), 1e-6);
    // Mist lies in patches covering about mist.coverage of the band: denser inside them, and
    // thin enough between them that the next rank of pillars shows through.
    const mistPatchDensity = (mistBand.peakDensityPerM / Math.max(mist.coverage, 0.1)) * 1.5;
    // The cloud is lit by the same key and fill as the pillars (see FilmGrade).
    const fill = (params.fillIntensity * grade.fillGain) / Math.PI;
    this.volume = createVolumeNoiseTexture();
    this.material = new ShaderMaterial({
      name: 'yunshan-volumetric-cloud',
      vertexShader: FULLSCREEN_QUAD_VERTEX_GLSL,
      fragmentShader,
      uniforms: {
        uDepth: new Uniform(null),
        uNoise: new Uniform(noise),
        uVolume: new Uniform(this.volume),
        uSunShadow: new Uniform(null),
        uSunShadowMatrix: new Uniform(new Matrix4()),
        uSunShadowOn: new Uniform(0),
        uInverseProjection: new Uniform(new Matrix4()),
        uCameraWorld: new Uniform(new Matrix4()),
        uTimeS: new Uniform(0),
        uDitherSeed: new Uniform(0),
        uSeaBand: new Uniform(new Vector3(veil.floorM, veil.coreM, veil.topM)),
        uSeaDensity: new Uniform(new Vector2(veil.floorDensityPerM, veil.coreDensityPerM * bodyDensityScale)),
        uSeaShape: new Uniform(
          new Vector4(
            bottomSea.featureSizeM * CLOUD_NOISE_CELLS,
            bottomSea.stretch,
            thresholdForCoverage(bottomSea.coverage * cloudSea.coverageScale),
            thresholdForCoverage(topSea.coverage * cloudSea.coverageScale),
          ),
        ),
        uSeaWind: new Uniform(new Vector2(...bottomSea.windMps)),
        uSeaOffset: new Uniform(offsetFromSeed(bottomSea.patternSeed)),
        uMistBand: new Uniform(new Vector4(mistBand.baseM, mistBand.peakM, mistBand.topM, mistPatchDensity)),
        uMistShape: new Uniform(new Vector3(mist.featureSizeM * CLOUD_NOISE_CELLS, mist.stretch, thresholdForCoverage(mist.coverage))),
        uMistWind: new Uniform(new Vector2(...mist.windMps)),
        uMistOffset: new Uniform(offsetFromSeed(mist.patternSeed)),
        uSunRadiance: new Uniform(new Color(palette.sunLight).multiplyScalar((params.sunIntensity * grade.sunGain) / Math.PI)),
        uSkyAmbient: new Uniform(new Color(palette.skyFill).multiplyScalar(fill)),
        uGroundAmbient: new Uniform(new Color(palette.groundFill).lerp(new Color(palette.cloudShade), 0.5).multiplyScalar(fill)),
        uFogDensity: new Uniform(params.fogDensityPerM * HAZE_DENSITY_SCALE),
        uMaxMarchM: new Uniform(MAX_MARCH_M),
        uSlab: new Uniform(new Vector2(veil.floorM - 250, Math.max(veil.topM, mistBand.topM))),
        ...horizonUniforms(params),
        uPlume: new Uniform(plume ? new Vector4(...plume.centreM, plume.densityPerM) : new Vector4(0, 0, 0, 0)),
        uPlumeHalf: new Uniform(new Vector3(...(plume?.halfSizeM ?? [1, 1, 1]))),
        uPlumeWind: new Uniform(new Vector3(...(plume?.windMps ?? [0, 0, 0]))),
      },
      depthTest: false,
      depthWrite: false,
    });
    this.fullscreenMaterial = this.material;
    this.target = new WebGLRenderTarget(1, 1, { type: HalfFloatType, depthBuffer: false });
    this.target.texture.minFilter = LinearFilter;
    this.target.texture.magFilter = LinearFilter;
  }

  override setDepthTexture(depthTexture: Texture): void {
    this.material.uniforms.uDepth.value = depthTexture;
  }

  override setSize(width: number, height: number): void {
    this.target.setSize(Math.max(1, Math.ceil(width / 2)), Math.max(1, Math.ceil(height / 2)));
  }

  /** Before the march: the camera of this frame, the drift time and the dither seed. */
  setView(camera: PerspectiveCamera, timeS: number, ditherSeed: number): void {
    const u = this.material.uniforms;
    (u.uInverseProjection.value as Matrix4).copy(camera.projectionMatrixInverse);
    (u.uCameraWorld.value as Matrix4).copy(camera.matrixWorld);
    u.uTimeS.value = timeS;
    u.uDitherSeed.value = ditherSeed;
  }

  /** The pillars' shadows in the mist: the sun's shadow map and its world-to-texture matrix. */
  setSunShadow(map: DepthTexture | null, matrix: Matrix4): void {
    const u = this.material.uniforms;
    u.uSunShadow.value = map;
    (u.uSunShadowMatrix.value as Matrix4).copy(matrix);
    u.uSunShadowOn.value = map ? 1 : 0;
  }

  override render(renderer: WebGLRenderer): void {
    if (!this.marchThisRun) return;
    renderer.setRenderTarget(this.target);
    renderer.render(this.scene, this.camera);
  }

  override dispose(): void {
    this.volume.dispose();
    this.material.dispose();
    this.target.dispose();
    super.dispose();
  }
}
