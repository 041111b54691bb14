// One world per scene for the page's lifetime, built on this thread, for the studio's map and
// clearance checks (the flight itself draws from worker builds: scene-builds.ts).
import type { SceneId } from '@/scenes/routes/route-schema';
import { getOrCreate } from '@/scenes/get-or-create';
import { createSceneWorld, type AnySceneWorld } from '@/scenes/world/scene-worlds';

const sceneWorlds = new Map<SceneId, AnySceneWorld>();

/** The default-seed world of a scene. */
export function sceneWorldFor(scene: SceneId): AnySceneWorld {
  return getOrCreate(sceneWorlds, scene, () => createSceneWorld(scene));
}
