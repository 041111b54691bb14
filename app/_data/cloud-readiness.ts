// Cloud readiness of published routes for the catalogue, read from the bake queue the
// render server keeps in the same SQLite file.
import 'server-only';
import { connection } from 'next/server';
import { resolveDatabasePath } from '../../server/db/database';
import { openSqliteBakeQueue, type SqliteBakeQueue } from '../../server/bake/sqlite-bake-queue';
import { summarizeCloudReadiness, type CloudReadiness } from '../../server/bake/cloud-readiness';

export type { CloudReadiness } from '../../server/bake/cloud-readiness';

const processWide = globalThis as typeof globalThis & { yunshanBakeQueue?: SqliteBakeQueue };

async function bakeQueue(): Promise<SqliteBakeQueue> {
  await connection();
  processWide.yunshanBakeQueue ??= openSqliteBakeQueue(resolveDatabasePath());
  return processWide.yunshanBakeQueue;
}

/** Readiness per route id for the given revisions; a database problem reads as "no cloud version", never breaks the page. */
export async function cloudReadinessOf(routes: ReadonlyArray<{ id: string; revision: number }>): Promise<Map<string, CloudReadiness>> {
  const readiness = new Map<string, CloudReadiness>();
  try {
    const queue = await bakeQueue();
    for (const { id, revision } of routes) readiness.set(id, summarizeCloudReadiness(await queue.list({ routeId: id }), revision));
  } catch (error) {
    console.error('cloud readiness unavailable:', error);
  }
  return readiness;
}
