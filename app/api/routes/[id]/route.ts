// GET /api/routes/:id: one published route in full, with the revision it is.
import { z } from 'zod';
import { getPublishedRoute } from '@/app/_data/route-repository';
import { RouteSchema } from '@/scenes/routes/route-schema';
import { NotFoundError, ValidationError } from '@/server/errors';
import { READ_ONLY_METHODS, answeringErrorsAsJson, publicJson, methodRefusals } from '@/app/api/_http/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const RouteParamsSchema = z.strictObject({ id: RouteSchema.shape.id });

export const GET = answeringErrorsAsJson(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const parsed = RouteParamsSchema.safeParse(await params);
  if (!parsed.success) throw new ValidationError('The route id is malformed.', parsed.error.issues);
  const published = await getPublishedRoute(parsed.data.id);
  if (published === null) throw new NotFoundError(`No published route has the id "${parsed.data.id}".`);
  return publicJson({ route: published.route, revision: published.revision });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = methodRefusals(READ_ONLY_METHODS);
