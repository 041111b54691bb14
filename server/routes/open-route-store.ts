// The route store as a process uses it: the embedded SQLite file from the
// environment, with the curated routes seeded on open. Next and the render server both start here.
import { CURATED_ROUTES } from '../../scenes/routes/curated/index';
import type { RouteInput } from '../../scenes/routes/route-schema';
import { resolveDatabasePath } from '../db/database';
import { openSqliteRouteStore, type RouteStore, type SqliteRouteStoreOptions } from './route-store';

export interface OpenRouteStoreOptions extends SqliteRouteStoreOptions {
  /** Defaults to resolveDatabasePath(): env YUNSHAN_DB_PATH or data/yunshan.sqlite. */
  filePath?: string;
  seedRoutes?: readonly RouteInput[];
}

export async function openRouteStore(options: OpenRouteStoreOptions = {}): Promise<RouteStore> {
  const { filePath = resolveDatabasePath(), seedRoutes = CURATED_ROUTES, ...storeOptions } = options;
  const store = openSqliteRouteStore(filePath, storeOptions);
  try {
    await store.seedPublished(seedRoutes);
    return store;
  } catch (error) {
    store.close();
    throw error;
  }
}
