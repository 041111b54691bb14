// The cinematic cloud sea and mist: a full-screen pass that reads the depth buffer and
// marches each view ray from the camera to the surface (or the far haze) through the
// height-banded density of cloud-sea.ts and the scene's mist band, lit by the sun with a
// few shadow steps towards it and by the pillars' shadow map, with Beer-Lambert extinction
// and the blue-grey haze of distance. It replaces the flat cloud layers and the fog.
import { Effect, EffectAttribute } from 'postprocessing';
import {
  Color,
  Data3DTexture,
  LinearFilter,
  Matrix4,
  RedFormat,
  RepeatWrapping,
  Uniform,
  UnsignedByteType,
  Vector2,
  Vector3,
  Vector4,
  type DataTexture,
  type DepthTexture,
  type PerspectiveCamera,
} from 'three';
import type { AtmosphereParams } from '../../../scenes/atmosphere/atmosphere-params';
import { CLOUD_NOISE_CELLS } from '../../../scenes/atmosphere/cloud-noise';
import { veilColumnDepth } from '../../../scenes/atmosphere/cloud-sea';
import { offsetFromSeed, thresholdForCoverage } from '../atmosphere/cloud-material';
import { MARCH_STEPS, MAX_MARCH_M, SUN_SHADOW_STEPS } from './cinematic-settings';
import { VOLUMETRIC_CLOUD_GLSL } from './volumetric-cloud-glsl';
import { VOLUME_NOISE_SIZE_PX, volumeNoiseTexels } from './volume-noise';

const fragmentShader = /* glsl */ `
${VOLUMETRIC_CLOUD_GLSL}
uniform vec3 uSlab;

void mainImage(const in vec4 inputColor, const in vec2 uv, const in float depth, out vec4 outputColor) {
  vec4 view = uInverseProjection * vec4(uv * 2.0 - 1.0, depth * 2.0 - 1.0, 1.0);
  view.xyz /= view.w;
  // Not three's cameraPosition: this pass is drawn with a full-screen quad's own camera.
  vec3 origin = uCameraWorld[3].xyz;
  vec3 toSurface = (uCameraWorld * vec4(view.xyz, 1.0)).xyz - origin;
  float surfaceM = length(toSurface);
  vec3 dir = toSurface / surfaceM;
  bool sky = depth >= 1.0;
  if (sky) surfaceM = 1e9;
  vec3 colour = inputColor.rgb;
  // The sky already carries its own horizon haze; surfaces get the scene's haze here.
  if (!sky) colour = mix(colour, horizonColour(dir), hazeAt(surfaceM));
  vec4 cloud = marchCloud(origin, dir, surfaceM, gl_FragCoord.xy, ${MARCH_STEPS}, ${SUN_SHADOW_STEPS}, uSlab.x, uSlab.y);
  outputColor = vec4(colour * cloud.a + cloud.rgb, inputColor.a);
}
`;

function createVolumeTexture(): Data3DTexture {
  const size = VOLUME_NOISE_SIZE_PX;
  const texture = new Data3DTexture(volumeNoiseTexels(size), size, size, size);
  texture.format = RedFormat;
  texture.type = UnsignedByteType;
  texture.wrapS = RepeatWrapping;
  texture.wrapT = RepeatWrapping;
  texture.wrapR = RepeatWrapping;
  texture.minFilter = LinearFilter;
  texture.magFilter = LinearFilter;
  texture.unpackAlignment = 1;
  texture.needsUpdate = true;
  return texture;
}

function linear(hex: number): Color {
  return new Color(hex);
}

export class VolumetricCloudEffect extends Effect {
  private readonly volume: Data3DTexture;

  constructor(params: AtmosphereParams, noise: DataTexture) {
    const { palette, cloudSea, cloudSeaVeil: veil, mistBand } = params;
    const seaLayers = params.cloudLayers.filter((layer) => layer.kind === 'sea');
    const mistLayers = params.cloudLayers.filter((layer) => layer.kind === 'mist');
    const bottomSea = seaLayers[0];
    const topSea = seaLayers[seaLayers.length - 1];
    const mist = mistLayers[0];
    // The sea's body is as opaque where it is thick as the device tiers' stacked slices
    // (band.opacity), straight down through its whole height.
    const bodyDensityScale = -Math.log(1 - cloudSea.opacity) / Math.max(veilColumnDepth(veil), 1e-6);
    // Mist patches cover about mist.coverage of the band; inside them it is that much denser.
    const mistPatchDensity = (mistBand.peakDensityPerM / Math.max(mist.coverage, 0.1)) * 4;
    const sunRadiance = linear(palette.sunLight).multiplyScalar(params.sunIntensity / Math.PI);
    const skyAmbient = linear(palette.skyFill).multiplyScalar(params.fillIntensity / Math.PI);
    const groundAmbient = linear(palette.groundFill).lerp(linear(palette.cloudShade), 0.5).multiplyScalar(params.fillIntensity / Math.PI);
    const volume = createVolumeTexture();
    const slabBottomM = veil.floorM - 250;
    const slabTopM = Math.max(veil.topM, mistBand.topM);
    super('VolumetricCloudEffect', fragmentShader, {
      attributes: EffectAttribute.DEPTH,
      uniforms: new Map<string, Uniform>([
        ['uNoise', new Uniform(noise)],
        ['uVolume', new Uniform(volume)],
        ['uSunShadow', new Uniform(null)],
        ['uSunShadowMatrix', new Uniform(new Matrix4())],
        ['uSunShadowOn', new Uniform(0)],
        ['uInverseProjection', new Uniform(new Matrix4())],
        ['uCameraWorld', new Uniform(new Matrix4())],
        ['uTimeS', new Uniform(0)],
        ['uDitherSeed', new Uniform(0)],
        ['uSeaBand', new Uniform(new Vector3(veil.floorM, veil.coreM, veil.topM))],
        ['uSeaDensity', new Uniform(new Vector2(veil.floorDensityPerM, veil.coreDensityPerM * bodyDensityScale))],
        [
          'uSeaShape',
          new Uniform(
            new Vector4(
              bottomSea.featureSizeM * CLOUD_NOISE_CELLS,
              bottomSea.stretch,
              thresholdForCoverage(bottomSea.coverage * cloudSea.coverageScale),
              thresholdForCoverage(topSea.coverage * cloudSea.coverageScale),
            ),
          ),
        ],
        ['uSeaWind', new Uniform(new Vector2(...bottomSea.windMps))],
        ['uSeaOffset', new Uniform(offsetFromSeed(bottomSea.patternSeed))],
        ['uMistBand', new Uniform(new Vector4(mistBand.baseM, mistBand.peakM, mistBand.topM, mistPatchDensity))],
        ['uMistShape', new Uniform(new Vector3(mist.featureSizeM * CLOUD_NOISE_CELLS, mist.stretch, thresholdForCoverage(mist.coverage)))],
        ['uMistWind', new Uniform(new Vector2(...mist.windMps))],
        ['uMistOffset', new Uniform(offsetFromSeed(mist.patternSeed))],
        ['uSunRadiance', new Uniform(sunRadiance)],
        ['uSkyAmbient', new Uniform(skyAmbient)],
        ['uGroundAmbient', new Uniform(groundAmbient)],
        ['uFogDensity', new Uniform(params.fogDensityPerM)],
        ['uMaxMarchM', new Uniform(MAX_MARCH_M)],
        ['uSlab', new Uniform(new Vector3(slabBottomM, slabTopM, 0))],
        ['uHaze', new Uniform(linear(palette.haze))],
        ['uSunwardHaze', new Uniform(linear(palette.sunwardHaze))],
        ['uSunGlow', new Uniform(linear(palette.sunGlow))],
        ['uSunDirection', new Uniform(new Vector3(...params.sunDirection))],
      ]),
    });
    this.volume = volume;
  }

  /** Per sub-frame: the (jittered) camera, the drift time and a dither seed that differs per sub-frame. */
  setView(camera: PerspectiveCamera, timeS: number, ditherSeed: number): void {
    const u = this.uniforms;
    (u.get('uInverseProjection')!.value as Matrix4).copy(camera.projectionMatrixInverse);
    (u.get('uCameraWorld')!.value as Matrix4).copy(camera.matrixWorld);
    u.get('uTimeS')!.value = timeS;
    u.get('uDitherSeed')!.value = ditherSeed;
  }

  /** The pillars' shadows in the mist: the sun's shadow map and its world-to-texture matrix. */
  setSunShadow(map: DepthTexture | null, matrix: Matrix4): void {
    this.uniforms.get('uSunShadow')!.value = map;
    (this.uniforms.get('uSunShadowMatrix')!.value as Matrix4).copy(matrix);
    this.uniforms.get('uSunShadowOn')!.value = map ? 1 : 0;
  }

  override dispose(): void {
    this.volume.dispose();
    super.dispose();
  }
}
