// GET /api/routes: the catalogue of published routes, as summaries.
import { listPublishedRoutes } from '@/app/_data/route-repository';
import { toRouteSummary } from '@/server/routes/route-summary';
import { READ_ONLY_METHODS, answeringErrorsAsJson, publicJson, methodRefusals } from '../_http/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = answeringErrorsAsJson(async () => {
  const published = await listPublishedRoutes();
  return publicJson({ routes: published.map(toRouteSummary) });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = methodRefusals(READ_ONLY_METHODS);
