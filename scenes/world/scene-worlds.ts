// Which world belongs to which scene: everything that needs "the world of this route"
// (renderer, validation, studio map) asks here by the route's scene id.
import type { SceneId } from '../routes/route-schema';
import type { ValidationWorld } from '../routes/validate-route';
import { createTianmenWorld, DEFAULT_TIANMEN_SEED, type TianmenWorld } from './tianmen-world';
import { createWorld, DEFAULT_WORLD_SEED, type World } from './world';

export interface SceneWorlds {
  wulingyuan: World;
  tianmen: TianmenWorld;
}

/** What every scene's world offers: ground height, extent and clearance. */
export type AnySceneWorld = SceneWorlds[SceneId];
export type SceneWorld = ValidationWorld & { seed: number; halfExtentM: number; heightAt(x: number, z: number): number };

export const DEFAULT_SCENE_SEEDS: Record<SceneId, number> = {
  wulingyuan: DEFAULT_WORLD_SEED,
  tianmen: DEFAULT_TIANMEN_SEED,
};

export function createSceneWorld<S extends SceneId>(scene: S, seed: number = DEFAULT_SCENE_SEEDS[scene]): SceneWorlds[S] {
  const builders: { [K in SceneId]: (seed: number) => SceneWorlds[K] } = {
    wulingyuan: createWorld,
    tianmen: createTianmenWorld,
  };
  return builders[scene](seed);
}

/** Wulingyuan's world has no scene tag (its shape predates the registry); Tianmen's does. */
export function isTianmenWorld(world: AnySceneWorld): world is TianmenWorld {
  return 'scene' in world && world.scene === 'tianmen';
}
