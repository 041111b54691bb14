// Uniforms that lit surfaces share with the atmosphere: where the cloud sea and mist lie, the colour
// of its body and the sun. One set per three.js scene, filled in by <Atmosphere> and linked
// into each material at compile time, so the time of day reaches every fogged shader.
import { Color, Vector2, Vector3, Vector4, type Scene } from 'three';
import type { AtmosphereParams } from '@/scenes/atmosphere/atmosphere-params';

export interface AtmosphereUniforms {
  /** The sea's body: floor, core and top heights (m), and the most it may hide of what is seen from under it. */
  yVeilBand: { value: Vector4 };
  /** Density of the sea's body below its floor and at its core, per metre. */
  yVeilDensity: { value: Vector2 };
  /** The scene's mist band: base, peak and top heights (m) and its density at the peak, per metre. */
  yMistBand: { value: Vector4 };
  /** Linear RGB of light inside the cloud sea. */
  yVeilColour: { value: Color };
  /** Unit vector towards the sun, world axes. */
  yWorldSunDirection: { value: Vector3 };
  /** Linear RGB of the sun's reflection off water. */
  ySunGlint: { value: Color };
  /** Linear RGB of the sky reflected at grazing angles, away from the sun and towards it. */
  ySkyReflection: { value: Color };
  ySunwardReflection: { value: Color };
}

const USER_DATA_KEY = 'yunshanAtmosphereUniforms';

/** The scene's shared set, created (as an empty band: no veil) the first time anyone asks. */
export function atmosphereUniformsOf(scene: Scene): AtmosphereUniforms {
  const existing = scene.userData[USER_DATA_KEY] as AtmosphereUniforms | undefined;
  if (existing) return existing;
  const created: AtmosphereUniforms = {
    yVeilBand: { value: new Vector4() },
    yVeilDensity: { value: new Vector2() },
    yMistBand: { value: new Vector4() },
    yVeilColour: { value: new Color(1, 1, 1) },
    yWorldSunDirection: { value: new Vector3(0, 1, 0) },
    ySunGlint: { value: new Color(1, 1, 1) },
    ySkyReflection: { value: new Color(0.75, 0.8, 0.82) },
    ySunwardReflection: { value: new Color(0.75, 0.8, 0.82) },
  };
  scene.userData[USER_DATA_KEY] = created;
  return created;
}

export function setAtmosphereUniforms(uniforms: AtmosphereUniforms, params: AtmosphereParams): void {
  const veil = params.cloudSeaVeil;
  const { palette } = params;
  uniforms.yVeilBand.value.set(veil.floorM, veil.coreM, veil.topM, veil.maxDepthFromBelow);
  uniforms.yVeilDensity.value.set(veil.floorDensityPerM, veil.coreDensityPerM);
  const mist = params.mistBand;
  uniforms.yMistBand.value.set(mist.baseM, mist.peakM, mist.topM, mist.peakDensityPerM);
  // Inside the sea the light is the haze's, lifted towards sunlit cloud: bright, never grey.
  uniforms.yVeilColour.value
    .set(palette.haze)
    .lerp(new Color(palette.cloudLit), 0.5)
    .lerp(new Color(1, 1, 1), 0.12);
  uniforms.yWorldSunDirection.value.set(...params.sunDirection);
  uniforms.ySunGlint.value.set(palette.sunGlow).multiplyScalar(2.2);
  uniforms.ySkyReflection.value.set(palette.haze).lerp(new Color(palette.zenith), 0.25);
  uniforms.ySunwardReflection.value.set(palette.sunwardHaze);
}

/** For onBeforeCompile: the material's program reads the scene's shared values, live. */
export function linkAtmosphereUniforms(shader: { uniforms: Record<string, { value: unknown }> }, uniforms: AtmosphereUniforms): void {
  Object.assign(shader.uniforms, uniforms);
}
