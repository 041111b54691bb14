// Published routes for server components and route handlers: one lazily opened
// route store per server process, kept on globalThis so dev hot reloads reuse it.
import 'server-only';
import { connection } from 'next/server';
import { openRouteStore } from '../../server/routes/open-route-store';
import type { PublishedRoute, RouteStore } from '../../server/routes/route-store';

export type { PublishedRoute } from '../../server/routes/route-store';

const processWide = globalThis as typeof globalThis & { yunshanRouteStore?: Promise<RouteStore> };

/**
 * Waits for a request first: better-sqlite3 answers synchronously, so without
 * this a page would be prerendered at build time with routes frozen in it.
 */
async function routeStore(): Promise<RouteStore> {
  await connection();
  processWide.yunshanRouteStore ??= openRouteStore().catch((error: unknown) => {
    // Forget the failure so the next request tries again (e.g. after a disk frees up).
    processWide.yunshanRouteStore = undefined;
    throw error;
  });
  return processWide.yunshanRouteStore;
}

/** Every published route, latest published revision each, in catalogue order. */
export async function listPublishedRoutes(): Promise<PublishedRoute[]> {
  return (await routeStore()).listPublished();
}

/** The latest published revision of one route, or null when there is none to show. */
export async function getPublishedRoute(id: string): Promise<PublishedRoute | null> {
  return (await routeStore()).getPublished(id);
}
