// POST /api/studio/routes/:id/duplicate: a new draft route copying this one's latest revision.
import { DuplicateRouteBodySchema } from '@/server/routes/studio-route-requests';
import { methodRefusals } from '@/app/api/_http/responses';
import { studioJson, studioRouteAction } from '@/app/api/studio/routes/_http/studio-route-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED = ['POST'] as const;

export const POST = studioRouteAction(DuplicateRouteBodySchema, async ({ id, body, actor, store }) =>
  studioJson({ route: await store.duplicate(id, body, actor) }, { status: 201 }),
);

export const { GET, PUT, PATCH, DELETE } = methodRefusals(ALLOWED);
