// One world and one geometry set per (seed, tier) for the page's lifetime: building them
// takes a few hundred milliseconds, so remounting a flight must not rebuild them.
import type { SceneId } from '../../scenes/routes/route-schema';
import type { QualityTier } from '../../scenes/world/quality-tiers';
import { createSceneWorld, type AnySceneWorld } from '../../scenes/world/scene-worlds';
import type { TianmenWorld } from '../../scenes/world/tianmen-world';
import { createWorld, DEFAULT_WORLD_SEED, type World } from '../../scenes/world/world';
import { buildWorldGeometry, type WorldGeometry } from '../../scenes/world/world-geometry';

const worlds = new Map<number, World>();

export function worldFor(seed = DEFAULT_WORLD_SEED): World {
  let world = worlds.get(seed);
  if (!world) {
    world = createWorld(seed);
    worlds.set(seed, world);
  }
  return world;
}

const sceneWorlds = new Map<SceneId, AnySceneWorld>();

/** The default-seed world of a scene; Wulingyuan's is the same object worldFor() gives. */
export function sceneWorldFor(scene: SceneId): AnySceneWorld {
  if (scene === 'wulingyuan') return worldFor();
  let world = sceneWorlds.get(scene);
  if (!world) {
    world = createSceneWorld(scene);
    sceneWorlds.set(scene, world);
  }
  return world;
}

export function tianmenWorldFor(): TianmenWorld {
  return sceneWorldFor('tianmen') as TianmenWorld;
}

export function worldGeometryFor(world: World, tier: QualityTier): WorldGeometry {
  return buildWorldGeometry(world, tier);
}
