// Cloud readiness of published routes for the catalogue, read from the bake queue the
// render server keeps in the same SQLite file.
import 'server-only';
import { webServices } from '../_server/web-services';
import { summarizeCloudReadiness, type CloudReadiness } from '../../server/bake/cloud-readiness';

export type { CloudReadiness } from '../../server/bake/cloud-readiness';

/** Readiness per route id for the given revisions; a database problem reads as "no cloud version", never breaks the page. */
export async function cloudReadinessOf(routes: ReadonlyArray<{ id: string; revision: number }>): Promise<Map<string, CloudReadiness>> {
  const readiness = new Map<string, CloudReadiness>();
  try {
    const queue = (await webServices()).bakeQueue;
    for (const { id, revision } of routes) readiness.set(id, summarizeCloudReadiness(await queue.list({ routeId: id }), revision));
  } catch (error) {
    console.error('cloud readiness unavailable:', error);
  }
  return readiness;
}
