// GET /api/studio/routes/:id/bakes[?revision=n]: bake progress of the published (or named)
// revision, asked of the render server (503 when it does not answer); the editor polls it.
import { z } from 'zod';
import { ValidationError } from '@/server/errors';
import { routeBakeProgressOf } from '@/app/_data/cloud-readiness';
import { studioRouteStore } from '@/app/_server/web-services';
import { methodNotAllowed } from '@/app/api/_http/responses';
import {
  guardStudioRequest,
  routeIdOf,
  studioJson,
  studioRouteHandler,
  type RouteParamsContext,
} from '@/app/api/studio/routes/_http/studio-route-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED = ['GET'] as const;
const QuerySchema = z.strictObject({ revision: z.coerce.number().int().min(1).optional() });

export const GET = studioRouteHandler(async (request: Request, context: RouteParamsContext) => {
  await guardStudioRequest(request);
  const id = await routeIdOf(context);
  const query = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new ValidationError('The query is not valid.', query.error.issues);
  const detail = await (await studioRouteStore()).get(id);
  const revision = query.data.revision ?? detail.publishedRevision;
  if (revision === null) return studioJson({ bakes: null });
  return studioJson({ bakes: await routeBakeProgressOf(id, revision) });
});

export const POST = methodNotAllowed(ALLOWED);
export const PUT = methodNotAllowed(ALLOWED);
export const PATCH = methodNotAllowed(ALLOWED);
export const DELETE = methodNotAllowed(ALLOWED);
