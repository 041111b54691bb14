// What the studio's pages and route handlers share per server process: the studio route
// store (synchronous=FULL writes), the bake queue and the world routes are validated against.
import 'server-only';
import { connection } from 'next/server';
import { resolveDatabasePath } from '../../../server/db/database';
import { openRouteStore } from '../../../server/routes/open-route-store';
import { openStudioRouteStore } from '../../../server/routes/studio-route-store';
import type { StudioRouteStore } from '../../../server/routes/studio-route-contracts';
import { openSqliteBakeQueue, type SqliteBakeQueue } from '../../../server/bake/sqlite-bake-queue';
import type { SceneId } from '../../../scenes/routes/route-schema';
import { createSceneWorld, type AnySceneWorld } from '../../../scenes/world/scene-worlds';

const processWide = globalThis as typeof globalThis & {
  yunshanStudioRouteStore?: Promise<StudioRouteStore>;
  yunshanStudioBakeQueue?: SqliteBakeQueue;
  yunshanStudioWorlds?: Partial<Record<SceneId, AnySceneWorld>>;
};

async function openSeededStudioStore(): Promise<StudioRouteStore> {
  const filePath = resolveDatabasePath();
  // The curated routes belong in the list even when the studio is the first to open the file.
  (await openRouteStore({ filePath })).close();
  return openStudioRouteStore(filePath);
}

export async function studioRouteStore(): Promise<StudioRouteStore> {
  await connection();
  processWide.yunshanStudioRouteStore ??= openSeededStudioStore().catch((error: unknown) => {
    processWide.yunshanStudioRouteStore = undefined;
    throw error;
  });
  return processWide.yunshanStudioRouteStore;
}

export async function studioBakeQueue(): Promise<SqliteBakeQueue> {
  await connection();
  processWide.yunshanStudioBakeQueue ??= openSqliteBakeQueue(resolveDatabasePath());
  return processWide.yunshanStudioBakeQueue;
}

/** Built once per process and scene (most of a second): publishing checks routes against the world of their scene. */
export function validationWorld(scene: SceneId): AnySceneWorld {
  const worlds = (processWide.yunshanStudioWorlds ??= {});
  return (worlds[scene] ??= createSceneWorld(scene));
}
