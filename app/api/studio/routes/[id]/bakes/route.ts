// GET /api/studio/routes/:id/bakes[?revision=n]: bake progress of the published (or named)
// revision, asked of the render server (503 when it does not answer); the editor polls it.
import { z } from 'zod';
import { routeBakeProgressOf } from '@/app/_data/cloud-readiness';
import { studioRouteStore } from '@/app/_server/web-services';
import { methodRefusals } from '@/app/api/_http/responses';
import { queryOf, studioJson, studioRouteRequest } from '@/app/api/studio/routes/_http/studio-route-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED = ['GET'] as const;
const QuerySchema = z.strictObject({ revision: z.coerce.number().int().min(1).optional() });

export const GET = studioRouteRequest(async ({ request, id }) => {
  const query = queryOf(request, QuerySchema);
  const detail = await (await studioRouteStore()).get(id);
  const revision = query.revision ?? detail.publishedRevision;
  if (revision === null) return studioJson({ bakes: null });
  return studioJson({ bakes: await routeBakeProgressOf(id, revision) });
});

export const { POST, PUT, PATCH, DELETE } = methodRefusals(ALLOWED);
