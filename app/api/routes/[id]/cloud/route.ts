// GET /api/routes/:id/cloud?revision=N: how far the cloud's bake of that revision is, asked of
// the render server, which keeps the bake queue (503 when it does not answer; the poll backs off).
// The tour page polls it while the route bakes, so "Preparing the cloud picture, N %" moves and
// the player can switch once the bake lands.
import { z } from 'zod';
import { bakeStateOf } from '@/app/_data/cloud-readiness';
import { RouteSchema } from '@/scenes/routes/route-schema';
import { ValidationError } from '@/server/errors';
import { READ_ONLY_METHODS, errorJson, methodRefusals } from '@/app/api/_http/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const RouteParamsSchema = z.strictObject({ id: RouteSchema.shape.id });
const QuerySchema = z.strictObject({ revision: z.coerce.number().int().min(1).max(1_000_000_000) });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const parsedParams = RouteParamsSchema.safeParse(await params);
    if (!parsedParams.success) throw new ValidationError('The route id is malformed.', parsedParams.error.issues);
    const parsedQuery = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsedQuery.success) throw new ValidationError('Name the route revision: ?revision=N.', parsedQuery.error.issues);
    const state = await bakeStateOf([{ routeId: parsedParams.data.id, revision: parsedQuery.data.revision }]);
    const readiness = state.get(parsedParams.data.id)?.readiness ?? { state: 'none' };
    // Progress changes by the second while a bake runs: never from a cache.
    return Response.json({ readiness }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorJson(error);
  }
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = methodRefusals(READ_ONLY_METHODS);
