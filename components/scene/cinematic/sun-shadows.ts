// Sun shadows for the cinematic tier: the scene's sunlight casts a soft (PCF) shadow map over
// the part of the world in view, so pillars shade each other, the valley floor and (through
// the volumetric pass) the mist. The device tiers cannot afford the second pass over the world.
import {
  DirectionalLight,
  HemisphereLight,
  Mesh,
  PCFShadowMap,
  Vector3,
  type Camera,
  type Object3D,
  type Scene,
  type WebGLRenderer,
} from 'three';
import { SHADOW_HALF_EXTENT_M, SHADOW_MAP_SIZE_PX } from './cinematic-settings';

// Where the shadowed square is centred: this far ahead of the camera, along its view. It reaches
// about a kilometre behind the camera and under three ahead, where the haze has not yet taken the
// ranks; texels under two metres, so a walkway or a ledge still throws a shadow.
const SHADOW_CENTRE_AHEAD_M = 900;
const SUN_DISTANCE_M = 6000;
// The world's ground materials (world-materials.ts: terrain canopy and water), by program key.
const GROUND_PROGRAM_KEYS = ['yunshan-canopy', 'yunshan-water'];
// A mesh of a material from elsewhere wider than this is taken for ground too.
const GROUND_SIZED_RADIUS_M = 1500;

export function enableSunShadows(renderer: WebGLRenderer): void {
  renderer.shadowMap.enabled = true;
  renderer.shadowMap.type = PCFShadowMap;
  // Drawn at most once per frame (the first sub-frame), and only when the light or the casters moved.
  renderer.shadowMap.autoUpdate = false;
}

/** The scene's sunlight (SunAndFillLights), once it is mounted. */
export function findSunLight(scene: Scene): DirectionalLight | null {
  let found: DirectionalLight | null = null;
  scene.traverse((object: Object3D) => {
    if (!found && object instanceof DirectionalLight) found = object;
  });
  return found;
}

/** The scene's sky fill (SunAndFillLights), once it is mounted. */
export function findFillLight(scene: Scene): HemisphereLight | null {
  let found: HemisphereLight | null = null;
  scene.traverse((object: Object3D) => {
    if (!found && object instanceof HemisphereLight) found = object;
  });
  return found;
}

/** Every mesh casts and receives; a material compiled without shadows is recompiled once. */
export function castAndReceive(scene: Scene): void {
  scene.traverse((object: Object3D) => {
    if (!(object instanceof Mesh) || object.userData.yunshanShadows) return;
    object.userData.yunshanShadows = true;
    // The sky dome and full-screen helpers neither cast nor receive (they write no depth).
    const material = Array.isArray(object.material) ? object.material[0] : object.material;
    if (!material || material.depthWrite === false) return;
    // Ground (terrain, water) only receives: filling the whole shadow map with the valley floor
    // costs a CPU rasteriser more than every pillar, and it shades little of itself. Other large
    // meshes (Tianmen's mountain and its skywalk are one mesh each) cast: without them the cliff
    // route's low sun throws no shadow at all.
    object.geometry.computeBoundingSphere();
    const programKey = material.customProgramCacheKey();
    object.castShadow = programKey.startsWith('yunshan-')
      ? !GROUND_PROGRAM_KEYS.some((prefix) => programKey.startsWith(prefix))
      : (object.geometry.boundingSphere?.radius ?? 0) < GROUND_SIZED_RADIUS_M;
    object.receiveShadow = true;
    for (const m of Array.isArray(object.material) ? object.material : [object.material]) m.needsUpdate = true;
  });
}

export function configureSunShadow(light: DirectionalLight): void {
  light.castShadow = true;
  light.shadow.mapSize.set(SHADOW_MAP_SIZE_PX, SHADOW_MAP_SIZE_PX);
  const camera = light.shadow.camera;
  camera.left = -SHADOW_HALF_EXTENT_M;
  camera.right = SHADOW_HALF_EXTENT_M;
  camera.top = SHADOW_HALF_EXTENT_M;
  camera.bottom = -SHADOW_HALF_EXTENT_M;
  camera.near = 10;
  camera.far = SUN_DISTANCE_M * 2;
  camera.updateProjectionMatrix();
  // Metre-scale texels on 100 m pillars: a small normal bias keeps lit faces free of acne.
  light.shadow.bias = -0.0004;
  light.shadow.normalBias = 1.5;
  light.shadow.radius = 3;
}

const ahead = new Vector3();
const sunward = new Vector3();

/**
 * Where the shadowed square's centre may sit: a grid of whole texels (so shadow edges never crawl)
 * tens of metres apart, so the centre stays put for many frames of a flight and the map need not
 * be drawn again (shadow-caster-key.ts). The square reaches 1.8 km round it: a centre up to 45 m
 * off the ideal point loses nothing in view.
 */
const SHADOW_CENTRE_GRID_TEXELS = 36;

/**
 * Centres the shadowed square ahead of the camera, keeping the light's direction. Returns where
 * the centre went, as a key: the same key (and casters) means the same shadow map.
 */
export function fitSunShadow(light: DirectionalLight, camera: Camera, sunDirection: readonly [number, number, number]): string {
  camera.getWorldDirection(ahead);
  ahead.y = 0;
  if (ahead.lengthSq() < 1e-6) ahead.set(0, 0, -1);
  ahead.normalize().multiplyScalar(SHADOW_CENTRE_AHEAD_M).add(camera.position);
  ahead.y = 600;
  const gridM = ((2 * SHADOW_HALF_EXTENT_M) / SHADOW_MAP_SIZE_PX) * SHADOW_CENTRE_GRID_TEXELS;
  const cellX = Math.round(ahead.x / gridM);
  const cellZ = Math.round(ahead.z / gridM);
  ahead.x = cellX * gridM;
  ahead.z = cellZ * gridM;
  sunward.set(...sunDirection).multiplyScalar(SUN_DISTANCE_M);
  light.position.copy(ahead).add(sunward);
  light.target.position.copy(ahead);
  light.target.updateMatrixWorld();
  light.updateMatrixWorld();
  return `${cellX},${cellZ}`;
}
