// Cloud readiness and bake progress of route revisions, asked of the render server, which owns
// the bake queue (server/web/render-server-client.ts). Pages use cloudReadinessOf: a render
// server that is down or slow leaves the cloud unknown and the page renders (devices draw).
import 'server-only';
import { webServices } from '../_server/web-services';
import type { CloudReadiness, RouteBakeProgress, RouteBakeState, RouteRevisionRef } from '@/server/render-api/render-api-contract';

export type { CloudReadiness } from '@/server/render-api/render-api-contract';

/** Each revision's bakes by route id; throws RenderServerUnavailableError (503) when the render server does not answer. */
export async function bakeStateOf(routes: readonly RouteRevisionRef[]): Promise<Map<string, RouteBakeState>> {
  if (routes.length === 0) return new Map();
  const answers = await (await webServices()).renderServer.bakeState(routes);
  return new Map(answers.map((answer) => [answer.routeId, answer]));
}

/** One revision's bakes, profile by profile, for the studio; throws RenderServerUnavailableError when the render server does not answer. */
export async function routeBakeProgressOf(routeId: string, revision: number): Promise<RouteBakeProgress> {
  const [answer] = await (await webServices()).renderServer.bakeState([{ routeId, revision }]);
  return { revision: answer.revision, readiness: answer.readiness, profiles: answer.profiles };
}

/** Readiness per route id; without an answer from the render server the map is empty: "unknown", never a broken page. */
export async function cloudReadinessOf(routes: ReadonlyArray<{ id: string; revision: number }>): Promise<Map<string, CloudReadiness>> {
  try {
    const state = await bakeStateOf(routes.map(({ id, revision }) => ({ routeId: id, revision })));
    return new Map([...state].map(([id, { readiness }]) => [id, readiness]));
  } catch (error) {
    console.error('cloud readiness unavailable:', (error as Error).message);
    return new Map();
  }
}

/**
 * Studio list entries with their published revision's readiness, in one question to the render
 * server. 'none' for a route never published, and, until the studio can show "unknown", also
 * while the render server does not answer (logged).
 */
export async function withCloudReadiness<T extends { id: string; publishedRevision: number | null }>(
  summaries: readonly T[],
): Promise<Array<T & { cloud: CloudReadiness }>> {
  const published = summaries.flatMap(({ id, publishedRevision }) =>
    publishedRevision === null ? [] : [{ id, revision: publishedRevision }],
  );
  const readiness = await cloudReadinessOf(published);
  return summaries.map((summary) => ({ ...summary, cloud: readiness.get(summary.id) ?? { state: 'none' } }));
}
