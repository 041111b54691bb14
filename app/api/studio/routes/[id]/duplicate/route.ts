// POST /api/studio/routes/:id/duplicate: a new draft route copying this one's latest revision.
import { readJsonBody } from '../../../../../_server/staff-request-guard';
import { DuplicateRouteBodySchema } from '../../../../../../server/routes/studio-route-requests';
import { studioRouteStore } from '../../../../../_server/web-services';
import { methodNotAllowed } from '../../../../_http/responses';
import { actorOf, guardStudioRequest, routeIdOf, studioJson, studioRouteHandler, type RouteParamsContext } from '../../_http/studio-route-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED = ['POST'] as const;

export const POST = studioRouteHandler(async (request: Request, context: RouteParamsContext) => {
  const session = await guardStudioRequest(request);
  const id = await routeIdOf(context);
  const body = await readJsonBody(request, DuplicateRouteBodySchema);
  const copy = await (await studioRouteStore()).duplicate(id, body, actorOf(session));
  return studioJson({ route: copy }, { status: 201 });
});

export const GET = methodNotAllowed(ALLOWED);
export const PUT = methodNotAllowed(ALLOWED);
export const PATCH = methodNotAllowed(ALLOWED);
export const DELETE = methodNotAllowed(ALLOWED);
