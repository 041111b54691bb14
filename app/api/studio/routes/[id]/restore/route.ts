// POST /api/studio/routes/:id/restore: an earlier revision copied as the new latest draft.
import { RestoreRevisionBodySchema } from '@/server/routes/studio-route-requests';
import { methodRefusals } from '@/app/api/_http/responses';
import { studioJson, studioRouteAction } from '@/app/api/studio/routes/_http/studio-route-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED = ['POST'] as const;

export const POST = studioRouteAction(RestoreRevisionBodySchema, async ({ id, body, actor, store }) => {
  const saved = await store.restore(id, body, actor);
  return studioJson({ ...saved, route: await store.get(id) });
});

export const { GET, PUT, PATCH, DELETE } = methodRefusals(ALLOWED);
