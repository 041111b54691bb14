// One cinematic frame: the sun's shadow map and the half-resolution cloud march once, then
// SUB_FRAMES jittered sub-frames through the pass chain (scene → ambient occlusion → haze and
// cloud composite → bloom, AgX tone curve and grade) averaged onto the canvas. Everything that varies between sub-frames comes
// from the frame index and a fixed Halton sequence: a frame is the same on every bake.
import { N8AOPostPass } from 'n8ao';
import { BloomEffect, EffectComposer, EffectPass, Pass, RenderPass, ToneMappingEffect, ToneMappingMode } from 'postprocessing';
import { HalfFloatType, Matrix4, type DataTexture, type DirectionalLight, type PerspectiveCamera, type Scene, type WebGLRenderer } from 'three';
import type { AtmosphereParams } from '../../../scenes/atmosphere/atmosphere-params';
import { AccumulationPass } from './accumulation-pass';
import { SUB_FRAMES } from './cinematic-settings';
import { FilmGradeEffect } from './film-grade-effect';
import type { FilmGrade } from './film-grades';
import { subPixelJitter } from './halton-jitter';
import { castAndReceive, configureSunShadow, enableSunShadows, findSunLight, fitSunShadow } from './sun-shadows';
import { VolumetricCloudComposite } from './volumetric-cloud-composite';
import { VolumetricCloudPass } from './volumetric-cloud-pass';

/** The bake's frame rate: a frame index from route time seeds each sub-frame's dither. */
const FRAMES_PER_S = 30;
/** Dither seeds repeat after this many; the float maths in the shader stays exact. */
const DITHER_PERIOD = 4096;

/** Hands the sun's shadow map (drawn by the scene pass just before) to the volumetric pass. */
class SunShadowLinkPass extends Pass {
  constructor(
    private readonly light: () => DirectionalLight | null,
    private readonly cloud: VolumetricCloudPass,
  ) {
    super('SunShadowLinkPass');
    this.needsSwap = false;
  }

  override render(): void {
    const light = this.light();
    const map = light?.castShadow ? (light.shadow.map?.depthTexture ?? null) : null;
    this.cloud.setSunShadow(map, light?.shadow.matrix ?? NO_SHADOW);
  }
}

const NO_SHADOW = new Matrix4();

export interface CinematicPipeline {
  setSize(width: number, height: number): void;
  /** Draws the frame at route time timeS onto the canvas. */
  render(timeS: number): void;
  dispose(): void;
}

export function createCinematicPipeline(
  gl: WebGLRenderer,
  scene: Scene,
  camera: PerspectiveCamera,
  params: AtmosphereParams,
  noise: DataTexture,
  grade: FilmGrade,
): CinematicPipeline {
  enableSunShadows(gl);
  gl.toneMappingExposure = grade.exposure;
  let sun: DirectionalLight | null = null;
  const sunLight = () => {
    if (!sun) {
      sun = findSunLight(scene);
      if (sun) configureSunShadow(sun);
    }
    return sun;
  };

  const composer = new EffectComposer(gl, { frameBufferType: HalfFloatType, multisampling: 0 });
  composer.autoRenderToScreen = false;
  composer.addPass(new RenderPass(scene, camera));
  const ao = new N8AOPostPass(scene, camera, 1, 1);
  Object.assign(ao.configuration, {
    // Metre scale: creases where pillars meet the ground and ledges under their crowns darken.
    aoRadius: 14,
    distanceFalloff: 3,
    intensity: 2.2,
    aoSamples: 8,
    denoiseSamples: 4,
    denoiseRadius: 10,
    halfRes: true,
    // The tone curve comes later: AO must stay in linear light.
    gammaCorrection: false,
  });
  composer.addPass(ao);
  const cloud = new VolumetricCloudPass(params, noise);
  composer.addPass(new SunShadowLinkPass(sunLight, cloud));
  composer.addPass(cloud);
  const cloudComposite = new VolumetricCloudComposite(params, cloud.target.texture);
  composer.addPass(new EffectPass(camera, cloudComposite));
  const bloom = new BloomEffect({ intensity: grade.bloomIntensity, luminanceThreshold: 1.0, luminanceSmoothing: 0.3, mipmapBlur: true, radius: 0.75 });
  const toneMapping = new ToneMappingEffect({ mode: ToneMappingMode.AGX });
  composer.addPass(new EffectPass(camera, bloom, toneMapping, new FilmGradeEffect(grade)));
  const accumulation = new AccumulationPass();
  accumulation.subFrames = SUB_FRAMES;
  composer.addPass(accumulation);
  const jitter = subPixelJitter(SUB_FRAMES);
  let width = 1;
  let height = 1;

  return {
    setSize(w, h) {
      width = w;
      height = h;
      composer.setSize(w, h, false);
      cloudComposite.setMarchSize(cloud.target.width, cloud.target.height);
    },
    render(timeS) {
      // The world may arrive after the first frame (it is built in a worker): check every frame.
      castAndReceive(scene);
      const light = sunLight();
      if (light) fitSunShadow(light, camera, params.sunDirection);
      gl.shadowMap.needsUpdate = true;
      camera.updateMatrixWorld();
      const frameIndex = Math.round(timeS * FRAMES_PER_S);
      for (let s = 0; s < SUB_FRAMES; s++) {
        camera.setViewOffset(width, height, jitter[s][0], jitter[s][1], width, height);
        // The cloud is marched once, with the first sub-frame's depth; every sub-frame composites it.
        cloud.marchThisRun = s === 0;
        cloud.setView(camera, timeS, frameIndex % DITHER_PERIOD);
        cloudComposite.setView(camera);
        accumulation.subFrame = s;
        composer.render(0);
        // The shadow map is drawn with the first sub-frame's scene pass; the rest reuse it.
        gl.shadowMap.needsUpdate = false;
      }
      camera.clearViewOffset();
    },
    dispose() {
      composer.dispose();
      cloud.dispose();
    },
  };
}
