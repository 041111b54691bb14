// POST /api/studio/routes/:id/archive {archived}: withdraw a route from visitors (or bring it back).
import { readJsonBody } from '../../../../../_server/staff-request-guard';
import { ArchiveRouteBodySchema } from '../../../../../../server/routes/studio-route-requests';
import { studioRouteStore } from '../../../../../_server/web-services';
import { methodNotAllowed } from '../../../../_http/responses';
import { actorOf, guardStudioRequest, routeIdOf, studioJson, studioRouteHandler, type RouteParamsContext } from '../../_http/studio-route-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED = ['POST'] as const;

export const POST = studioRouteHandler(async (request: Request, context: RouteParamsContext) => {
  const session = await guardStudioRequest(request);
  const id = await routeIdOf(context);
  const { archived } = await readJsonBody(request, ArchiveRouteBodySchema);
  const summary = await (await studioRouteStore()).setArchived(id, archived, actorOf(session));
  return studioJson({ route: summary });
});

export const GET = methodNotAllowed(ALLOWED);
export const PUT = methodNotAllowed(ALLOWED);
export const PATCH = methodNotAllowed(ALLOWED);
export const DELETE = methodNotAllowed(ALLOWED);
