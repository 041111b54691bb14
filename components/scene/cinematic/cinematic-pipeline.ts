// One cinematic frame: the sun's shadow map and the half-resolution cloud march once, then
// SUB_FRAMES sub-frames through the pass chain (scene → ambient occlusion → haze and cloud
// composite) averaged in linear light, then bloom, AgX tone curve and grade once onto the
// canvas. Each sub-frame sits at its own time in the open shutter (motion blur) with its own sub-pixel jitter
// (anti-aliasing). Everything that varies between sub-frames comes from the frame's time and
// fixed sequences: a frame is the same on every bake.
import { N8AOPostPass } from 'n8ao';
import { BloomEffect, EffectComposer, EffectPass, Pass, RenderPass, ToneMappingEffect, ToneMappingMode } from 'postprocessing';
import {
  HalfFloatType,
  Matrix4,
  type DataTexture,
  type DirectionalLight,
  type PerspectiveCamera,
  type Scene,
  type WebGLRenderer,
} from 'three';
import type { AtmosphereParams } from '@/scenes/atmosphere/atmosphere-params';
import { poseAt } from '@/scenes/routes/pose';
import type { Route } from '@/scenes/routes/route-schema';
import { AccumulationPass } from './accumulation-pass';
import { SUB_FRAMES } from './cinematic-settings';
import { cinematicLightLevels } from './cinematic-light-levels';
import { FilmGradeEffect } from './film-grade-effect';
import type { FilmGrade } from './film-grades';
import { subPixelJitter } from './halton-jitter';
import { drawOrder, FRAMES_PER_S, shutterOffsetsS } from './shutter';
import { shadowCasterKey } from './shadow-caster-key';
import { castAndReceive, configureSunShadow, enableSunShadows, findFillLight, findSunLight, fitSunShadow } from './sun-shadows';
import { VolumetricCloudComposite } from './volumetric-cloud-composite';
import { VolumetricCloudPass } from './volumetric-cloud-pass';

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

/** Puts the camera where the route is at timeS (what FlightCamera does for the frame's own time). */
function placeCamera(camera: PerspectiveCamera, route: Route, timeS: number): void {
  const pose = poseAt(route, timeS);
  camera.position.set(...pose.position);
  camera.quaternion.set(...pose.quaternion);
  if (camera.fov !== pose.fovDeg) {
    camera.fov = pose.fovDeg;
    camera.updateProjectionMatrix();
  }
  camera.updateMatrixWorld();
}

export function createCinematicPipeline(
  gl: WebGLRenderer,
  scene: Scene,
  camera: PerspectiveCamera,
  route: Route,
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
  const levels = cinematicLightLevels(params, grade);
  /** Key, sky fill and bounce (cinematic-light-levels.ts); set every frame, since a re-rendered light resets them. */
  const balanceLights = () => {
    const light = sunLight();
    if (light) light.intensity = levels.sunIntensity;
    const fill = findFillLight(scene);
    if (fill) {
      fill.intensity = 1;
      fill.color.copy(levels.skyFill);
      fill.groundColor.copy(levels.bounceFill);
    }
  };

  const composer = new EffectComposer(gl, { frameBufferType: HalfFloatType, multisampling: 0 });
  composer.autoRenderToScreen = false;
  composer.addPass(new RenderPass(scene, camera));
  const ao = new N8AOPostPass(scene, camera, 1, 1);
  Object.assign(ao.configuration, {
    // Metre scale: creases where pillars meet the ground and ledges under their crowns darken.
    aoRadius: 14,
    distanceFalloff: 3,
    intensity: 1.6,
    aoSamples: 8,
    denoiseSamples: 4,
    denoiseRadius: 10,
    halfRes: true,
    // The tone curve comes later: AO must stay in linear light.
    gammaCorrection: false,
  });
  composer.addPass(ao);
  const cloud = new VolumetricCloudPass(params, noise, grade);
  composer.addPass(new SunShadowLinkPass(sunLight, cloud));
  composer.addPass(cloud);
  const cloudComposite = new VolumetricCloudComposite(params, cloud.target.texture, noise, grade);
  composer.addPass(new EffectPass(camera, cloudComposite));
  const accumulation = new AccumulationPass();
  accumulation.subFrames = SUB_FRAMES;
  composer.addPass(accumulation);
  const bloom = new BloomEffect({
    intensity: grade.bloomIntensity,
    luminanceThreshold: 1.0,
    luminanceSmoothing: 0.3,
    mipmapBlur: true,
    radius: 0.75,
  });
  const toneMapping = new ToneMappingEffect({ mode: ToneMappingMode.AGX });
  // Once a frame, on the averaged sub-frames, straight to the canvas (in its colour space).
  const finish = new EffectPass(camera, bloom, toneMapping, new FilmGradeEffect(grade));
  finish.renderToScreen = true;
  composer.addPass(finish);
  const jitter = subPixelJitter(SUB_FRAMES);
  const shutterS = shutterOffsetsS(SUB_FRAMES);
  const order = drawOrder(SUB_FRAMES);
  let width = 1;
  let height = 1;
  /** What the shadow map was last drawn for (shadow-caster-key.ts); null before the first. */
  let shadowKey: string | null = null;

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
      balanceLights();
      const frameIndex = Math.round(timeS * FRAMES_PER_S);
      order.forEach((s, drawn) => {
        placeCamera(camera, route, timeS + shutterS[s]);
        camera.setViewOffset(width, height, jitter[s][0], jitter[s][1], width, height);
        if (drawn === 0) {
          // Sun shadow and cloud march are once a frame, from the sub-frame at the frame's time;
          // the shadow map only when its centre or the casters changed (the same map otherwise).
          const light = sunLight();
          const key = `${light ? fitSunShadow(light, camera, params.sunDirection) : 'no sun'}/${shadowCasterKey(scene)}`;
          gl.shadowMap.needsUpdate = key !== shadowKey;
          shadowKey = key;
        }
        cloud.marchThisRun = drawn === 0;
        cloud.setView(camera, timeS, frameIndex % DITHER_PERIOD);
        cloudComposite.setView(camera, timeS);
        accumulation.subFrame = drawn;
        finish.enabled = accumulation.isLastSubFrame;
        composer.render(0);
        gl.shadowMap.needsUpdate = false;
      });
      camera.clearViewOffset();
      // Whatever reads the camera after the frame finds the frame's own pose.
      placeCamera(camera, route, timeS);
    },
    dispose() {
      composer.dispose();
      cloud.dispose();
    },
  };
}
