// POST /api/studio/routes/:id/publish: checks the named (latest) revision against the
// route rules (422 with the issues when it breaks one), publishes it and queues its bakes.
import { readJsonBody } from '../../../../../_server/staff-request-guard';
import { validateRoute, hasErrors } from '../../../../../../scenes/routes/validate-route';
import { enqueueRouteBakes } from '../../../../../../server/bake/enqueue-route-bakes';
import { currentSceneVersion } from '../../../../../../server/bake/scene-version';
import { PublishRouteBodySchema } from '../../../../../../server/routes/studio-route-requests';
import { RouteNotPublishableError } from '../../../../../../server/routes/route-publish-errors';
import { routeBakeProgress } from '../../../../../../server/routes/route-bake-progress';
import { webServices } from '../../../../../_server/web-services';
import { methodNotAllowed } from '../../../../_http/responses';
import { actorOf, guardStudioRequest, routeIdOf, studioJson, studioRouteHandler, type RouteParamsContext } from '../../_http/studio-route-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED = ['POST'] as const;

export const POST = studioRouteHandler(async (request: Request, context: RouteParamsContext) => {
  const session = await guardStudioRequest(request);
  const id = await routeIdOf(context);
  const { revision } = await readJsonBody(request, PublishRouteBodySchema);
  const services = await webServices();
  const store = await services.studioRoutes();
  const candidate = await store.getRevision(id, revision);
  const issues = validateRoute(candidate.route, services.validationWorld(candidate.route.scene));
  if (hasErrors(issues)) throw new RouteNotPublishableError(revision, issues);

  const published = await store.publish(id, revision, actorOf(session));
  const queue = services.bakeQueue;
  try {
    await enqueueRouteBakes(queue, { route: published.route, revision }, currentSceneVersion());
  } catch (error) {
    // Published is published: the render server's sweep of published routes queues it later.
    console.error(`[studio] could not queue bakes for ${id} revision ${revision}:`, error);
  }
  const bakes = routeBakeProgress(await queue.list({ routeId: id }), revision);
  return studioJson({ revision, publishedAt: published.publishedAt, warnings: issues, bakes });
});

export const GET = methodNotAllowed(ALLOWED);
export const PUT = methodNotAllowed(ALLOWED);
export const PATCH = methodNotAllowed(ALLOWED);
export const DELETE = methodNotAllowed(ALLOWED);
