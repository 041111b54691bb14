// The route store as a process uses it: PostgreSQL when YUNSHAN_DATABASE_URL names one,
// else the embedded SQLite file, with the curated routes seeded on open. Next and the
// render server both start here, so both read the routes the studio publishes.
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import type { RouteInput } from '@/scenes/routes/route-schema';
import { openSqlClient } from '../db/open-sql-client';
import { createRouteStore, type RouteStore, type RouteStoreOptions } from './route-store';

export interface OpenRouteStoreOptions extends RouteStoreOptions {
  /** The SQLite file when no Postgres URL is set; defaults to env YUNSHAN_DB_PATH or data/yunshan.sqlite. */
  filePath?: string;
  seedRoutes?: readonly RouteInput[];
  env?: Readonly<Record<string, string | undefined>>;
}

export async function openRouteStore(options: OpenRouteStoreOptions = {}): Promise<RouteStore> {
  const { filePath, seedRoutes = CURATED_ROUTES, env, ...storeOptions } = options;
  const store = createRouteStore(await openSqlClient({ filePath, env }), storeOptions);
  try {
    await store.seedPublished(seedRoutes);
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
