// GET /api/studio/routes/:id/audit: who did what to this route, newest first.
import { studioRouteStore } from '@/app/_server/web-services';
import { methodRefusals } from '@/app/api/_http/responses';
import { auditQueryOf, studioJson, studioRouteRequest } from '@/app/api/studio/routes/_http/studio-route-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED = ['GET'] as const;

export const GET = studioRouteRequest(async ({ request, id }) => {
  const query = auditQueryOf(request);
  const store = await studioRouteStore();
  await store.get(id);
  return studioJson({ entries: await store.auditLog({ ...query, routeId: id }) });
});

export const { POST, PUT, PATCH, DELETE } = methodRefusals(ALLOWED);
