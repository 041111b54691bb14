// The web app's one setup point: every page and route handler reaches the database-backed
// services through webServices(). They are built on first use, once per server process,
// over one database client, SQLite or Postgres (server/web/web-app-services.ts), and kept in
// one globalThis slot so dev hot reloads reuse them instead of opening more connections.
import 'server-only';
import { connection } from 'next/server';
import type { RouteStore } from '@/server/routes/route-store';
import type { StudioRouteStore } from '@/server/routes/studio-route-contracts';
import { openWebAppServices, type WebAppServices } from '@/server/web/web-app-services';

export type { WebAppServices } from '@/server/web/web-app-services';

const processWide = globalThis as typeof globalThis & { yunshanWebServices?: Promise<WebAppServices> };

/**
 * Waits for a request first: without this a page would be prerendered at build time with
 * the database's contents frozen in it.
 */
export async function webServices(): Promise<WebAppServices> {
  await connection();
  // A failed open leaves the slot empty, so the next request tries again (e.g. after a disk frees up).
  processWide.yunshanWebServices ??= openWebAppServices().catch((error: unknown) => {
    processWide.yunshanWebServices = undefined;
    throw error;
  });
  return processWide.yunshanWebServices;
}

/** The studio's route store (curated routes seeded), for the studio's pages and handlers. */
export async function studioRouteStore(): Promise<StudioRouteStore> {
  return (await webServices()).studioRoutes();
}

/** The published-route store (curated routes seeded), for the catalogue, tour pages and public API. */
export async function publishedRouteStore(): Promise<RouteStore> {
  return (await webServices()).publishedRoutes();
}
