// GET /api/studio/routes: every route with its draft/published state and cloud readiness.
// POST: a new draft route from a full route body (curators).
import { readJsonBody } from '@/app/_server/staff-request-guard';
import { CreateRouteBodySchema, MAX_ROUTE_BODY_BYTES } from '@/server/routes/studio-route-requests';
import { withCloudReadiness } from '@/app/_data/cloud-readiness';
import { studioRouteStore } from '@/app/_server/web-services';
import { methodRefusals } from '@/app/api/_http/responses';
import { actorOf, guardStudioRequest, studioJson, studioRouteHandler } from './_http/studio-route-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED = ['GET', 'POST'] as const;

export const GET = studioRouteHandler(async (request: Request) => {
  await guardStudioRequest(request);
  return studioJson({ routes: await withCloudReadiness(await (await studioRouteStore()).list()) });
});

export const POST = studioRouteHandler(async (request: Request) => {
  const session = await guardStudioRequest(request);
  const { route } = await readJsonBody(request, CreateRouteBodySchema, MAX_ROUTE_BODY_BYTES);
  const detail = await (await studioRouteStore()).create(route, actorOf(session));
  return studioJson({ route: detail }, { status: 201 });
});

export const { PUT, PATCH, DELETE } = methodRefusals(ALLOWED);
