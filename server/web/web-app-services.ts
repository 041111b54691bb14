// The web app's services over ONE database client (the embedded SQLite file, or PostgreSQL
// when YUNSHAN_DATABASE_URL names one, for several instances): the published-route catalogue, the
// studio's route store with its audit log and the staff stores; and the client of the render
// server, which owns the bake queue and the scene version and answers for them over HTTP.
// Framework-free: app/_server/web-services.ts builds it once per Next process; tests may build their own.
//
// On SQLite one connection is safe because the client hands it out in turn (server/db/
// sqlite-sql-client.ts), so no store can find itself inside another's transaction. It runs
// with synchronous=FULL because the staff and studio stores need every answered write to
// survive a crash; the web app's other write (the curated seed) is rare, and syncing it too
// costs nothing a visitor notices.
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import type { RouteInput, SceneId } from '@/scenes/routes/route-schema';
import { createSceneWorld, type AnySceneWorld } from '@/scenes/world/scene-worlds';
import { openSqlClient } from '../db/open-sql-client';
import type { SqlClient } from '../db/sql-client';
import { createRouteStore, type RouteStore } from '../routes/route-store';
import type { StudioRouteStore } from '../routes/studio-route-contracts';
import { createStudioRouteStore } from '../routes/studio-route-store';
import { createStaffServices, type StaffServices } from '../staff/staff-services';
import { renderServerClientFromEnv, type RenderServerClient } from './render-server-client';

export interface WebAppServices {
  /** The client every store below shares. */
  db: SqlClient;
  staff: StaffServices;
  /** Bake progress, cloud readiness and the scene version, asked of the render server; a publish asks it to queue the bakes. */
  renderServer: RenderServerClient;
  /** Published routes for the catalogue, tour pages and the public API, once the curated routes are seeded. */
  publishedRoutes(): Promise<RouteStore>;
  /** Drafts, revisions, publishing and the audit log for the studio, once the curated routes are seeded. */
  studioRoutes(): Promise<StudioRouteStore>;
  /** Built once per scene (most of a second): publishing checks routes against the world of their scene. */
  validationWorld(scene: SceneId): AnySceneWorld;
  /** Closes the one client, and with it every store. */
  close(): Promise<void>;
}

export interface OpenWebAppServicesOptions {
  /** The SQLite file when no Postgres URL is set; defaults to env YUNSHAN_DB_PATH or data/yunshan.sqlite. */
  filePath?: string;
  /** Read for YUNSHAN_DATABASE_URL (and YUNSHAN_DB_PATH); defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  seedRoutes?: readonly RouteInput[];
  /** Defaults to renderServerClientFromEnv(): the render server at YUNSHAN_RENDER_INTERNAL_URL or on this machine. */
  renderServer?: RenderServerClient;
}

/**
 * Opens the database and builds the stores. The curated routes are seeded on the first
 * use of a route store, not here: a request that only meets the staff guard (a 401, say)
 * leaves the route tables as they were.
 */
export async function openWebAppServices(options: OpenWebAppServicesOptions = {}): Promise<WebAppServices> {
  const { filePath, env, seedRoutes = CURATED_ROUTES, renderServer = renderServerClientFromEnv() } = options;
  const db = await openSqlClient({ filePath, env, synchronous: 'FULL' });
  try {
    const publishedRoutes = createRouteStore(db);
    const studioRoutes = createStudioRouteStore(db);
    let seeding: Promise<unknown> | undefined;
    const seeded = (): Promise<unknown> =>
      (seeding ??= publishedRoutes.seedPublished(seedRoutes).catch((error: unknown) => {
        // Forget the failure so the next use tries again (e.g. after a disk frees up).
        seeding = undefined;
        throw error;
      }));
    const worlds: Partial<Record<SceneId, AnySceneWorld>> = {};
    return {
      db,
      staff: createStaffServices(db),
      renderServer,
      publishedRoutes: async () => (await seeded(), publishedRoutes),
      studioRoutes: async () => (await seeded(), studioRoutes),
      validationWorld: (scene) => (worlds[scene] ??= createSceneWorld(scene)),
      // Each store's own close() would close this same connection; one call does it for all.
      close: () => db.close(),
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
