// GET /api/studio/routes/:id: the latest draft and its revision history.
// PUT: save the editor's route as a new revision on top of baseRevision (409 when stale).
import { readJsonBody } from '@/app/_server/staff-request-guard';
import { ValidationError } from '@/server/errors';
import { MAX_ROUTE_BODY_BYTES, SaveRouteBodySchema } from '@/server/routes/studio-route-requests';
import { studioRouteStore } from '@/app/_server/web-services';
import { methodRefusals } from '@/app/api/_http/responses';
import { actorOf, studioJson, studioRouteRequest } from '@/app/api/studio/routes/_http/studio-route-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED = ['GET', 'PUT'] as const;

export const GET = studioRouteRequest(async ({ id }) => {
  return studioJson({ route: await (await studioRouteStore()).get(id) });
});

export const PUT = studioRouteRequest(async ({ request, id, session }) => {
  const { baseRevision, route } = await readJsonBody(request, SaveRouteBodySchema, MAX_ROUTE_BODY_BYTES);
  if (route.id !== id) {
    throw new ValidationError('A route keeps its id: the body names another route.', [
      { code: 'custom', path: ['route', 'id'], message: `Expected "${id}".`, input: route.id },
    ]);
  }
  const saved = await (await studioRouteStore()).save(id, { baseRevision, route }, actorOf(session));
  return studioJson(saved);
});

export const { POST, PATCH, DELETE } = methodRefusals(ALLOWED);
