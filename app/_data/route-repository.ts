// Published routes for server components and route handlers, from the web app's services.
import 'server-only';
import { publishedRouteStore } from '../_server/web-services';
import type { PublishedRoute } from '@/server/routes/route-store';

export type { PublishedRoute } from '@/server/routes/route-store';

/** Every published route, latest published revision each, in catalogue order. */
export async function listPublishedRoutes(): Promise<PublishedRoute[]> {
  return (await publishedRouteStore()).listPublished();
}

/** The latest published revision of one route, or null when there is none to show. */
export async function getPublishedRoute(id: string): Promise<PublishedRoute | null> {
  return (await publishedRouteStore()).getPublished(id);
}
