// POST /api/studio/routes/:id/publish: checks the named (latest) revision against the
// route rules (422 with the issues when it breaks one), publishes it and asks the render server
// to queue its bakes. Published is published: when the render server does not answer, the reply
// says so (bakesDeferred) and the render server's sweep of published routes queues them later.
import { readJsonBody } from '@/app/_server/staff-request-guard';
import { validateRoute, hasErrors } from '@/scenes/routes/validate-route';
import { PublishRouteBodySchema } from '@/server/routes/studio-route-requests';
import { RouteNotPublishableError } from '@/server/routes/route-publish-errors';
import { webServices } from '@/app/_server/web-services';
import { methodRefusals } from '@/app/api/_http/responses';
import { actorOf, studioJson, studioRouteRequest } from '@/app/api/studio/routes/_http/studio-route-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED = ['POST'] as const;
const BAKES_DEFERRED_NOTICE =
  'The render server did not answer, so no bakes are queued yet: its sweep of published routes queues them within a minute of it running.';

export const POST = studioRouteRequest(async ({ request, id, session }) => {
  const { revision } = await readJsonBody(request, PublishRouteBodySchema);
  const services = await webServices();
  const store = await services.studioRoutes();
  const candidate = await store.getRevision(id, revision);
  const issues = validateRoute(candidate.route, services.validationWorld(candidate.route.scene));
  if (hasErrors(issues)) throw new RouteNotPublishableError(revision, issues);

  const published = await store.publish(id, revision, actorOf(session));
  try {
    const { bakes } = await services.renderServer.requestBakes({ routeId: id, revision });
    return studioJson({ revision, publishedAt: published.publishedAt, warnings: issues, bakes });
  } catch (error) {
    console.error(`[studio] could not queue bakes for ${id} revision ${revision}:`, (error as Error).message);
    const bakes = { revision, readiness: { state: 'none' }, profiles: [] };
    return studioJson({ revision, publishedAt: published.publishedAt, warnings: issues, bakes, bakesDeferred: BAKES_DEFERRED_NOTICE });
  }
});

export const { GET, PUT, PATCH, DELETE } = methodRefusals(ALLOWED);
