// POST /api/studio/routes/:id/archive {archived}: withdraw a route from visitors (or bring it back).
import { ArchiveRouteBodySchema } from '@/server/routes/studio-route-requests';
import { methodRefusals } from '@/app/api/_http/responses';
import { studioJson, studioRouteAction } from '@/app/api/studio/routes/_http/studio-route-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED = ['POST'] as const;

export const POST = studioRouteAction(ArchiveRouteBodySchema, async ({ id, body, actor, store }) =>
  studioJson({ route: await store.setArchived(id, body.archived, actor) }),
);

export const { GET, PUT, PATCH, DELETE } = methodRefusals(ALLOWED);
