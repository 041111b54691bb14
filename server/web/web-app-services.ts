// The web app's services over ONE SQLite connection: the published-route catalogue, the
// studio's route store with its audit log, the staff stores, and the bake queue the render
// server works through, all in the same file. Framework-free: app/_server/web-services.ts
// builds it once per Next process; tests may build their own.
//
// One connection is safe because better-sqlite3 runs each transaction synchronously on
// the calling thread, so no store can find itself inside another's transaction. It runs
// with synchronous=FULL because the staff and studio stores need every answered write to
// survive a crash; the web app's other writes (the curated seed, a publish's bake jobs) are
// rare, and syncing them too costs nothing a visitor notices.
import type Database from 'better-sqlite3';
import { CURATED_ROUTES } from '../../scenes/routes/curated/index';
import type { RouteInput, SceneId } from '../../scenes/routes/route-schema';
import { createSceneWorld, type AnySceneWorld } from '../../scenes/world/scene-worlds';
import { createSqliteBakeQueue, type SqliteBakeQueue } from '../bake/sqlite-bake-queue';
import { openDatabase, resolveDatabasePath } from '../db/database';
import { createSqliteRouteStore, type RouteStore } from '../routes/route-store';
import type { StudioRouteStore } from '../routes/studio-route-contracts';
import { createStudioRouteStore } from '../routes/studio-route-store';
import { createStaffServices, type StaffServices } from '../staff/staff-services';

export interface WebAppServices {
  /** The connection every store below shares. */
  db: Database.Database;
  staff: StaffServices;
  /** Read for bake progress and cloud readiness; written when a route is published. */
  bakeQueue: SqliteBakeQueue;
  /** Published routes for the catalogue, tour pages and the public API, once the curated routes are seeded. */
  publishedRoutes(): Promise<RouteStore>;
  /** Drafts, revisions, publishing and the audit log for the studio, once the curated routes are seeded. */
  studioRoutes(): Promise<StudioRouteStore>;
  /** Built once per scene (most of a second): publishing checks routes against the world of their scene. */
  validationWorld(scene: SceneId): AnySceneWorld;
  /** Closes the one connection, and with it every store. */
  close(): void;
}

export interface OpenWebAppServicesOptions {
  /** Defaults to resolveDatabasePath(): env YUNSHAN_DB_PATH or data/yunshan.sqlite. */
  filePath?: string;
  seedRoutes?: readonly RouteInput[];
}

/**
 * Opens the database and builds the stores. The curated routes are seeded on the first
 * use of a route store, not here: a request that only meets the staff guard (a 401, say)
 * leaves the route tables as they were.
 */
export function openWebAppServices(options: OpenWebAppServicesOptions = {}): WebAppServices {
  const { filePath = resolveDatabasePath(), seedRoutes = CURATED_ROUTES } = options;
  const db = openDatabase(filePath, { synchronous: 'FULL' });
  try {
    const publishedRoutes = createSqliteRouteStore(db);
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
      bakeQueue: createSqliteBakeQueue(db),
      publishedRoutes: async () => (await seeded(), publishedRoutes),
      studioRoutes: async () => (await seeded(), studioRoutes),
      validationWorld: (scene) => (worlds[scene] ??= createSceneWorld(scene)),
      // Each store's own close() would close this same connection; one call does it for all.
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
