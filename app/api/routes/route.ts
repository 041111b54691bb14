// GET /api/routes: the catalogue of published routes, as summaries.
import { listPublishedRoutes } from '@/app/_data/route-repository';
import { toRouteSummary } from '@/server/routes/route-summary';
import { READ_ONLY_METHODS, allowedMethodsOptions, answeringErrorsAsJson, methodNotAllowed, publicJson } from '../_http/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = answeringErrorsAsJson(async () => {
  const published = await listPublishedRoutes();
  return publicJson({ routes: published.map(toRouteSummary) });
});

export const OPTIONS = allowedMethodsOptions(READ_ONLY_METHODS);
export const POST = methodNotAllowed(READ_ONLY_METHODS);
export const PUT = methodNotAllowed(READ_ONLY_METHODS);
export const PATCH = methodNotAllowed(READ_ONLY_METHODS);
export const DELETE = methodNotAllowed(READ_ONLY_METHODS);
