// GET /api/routes: the catalogue of published routes, as summaries.
import { listPublishedRoutes } from '../../_data/route-repository';
import { toRouteSummary } from '../../../server/routes/route-summary';
import { READ_ONLY_METHODS, allowedMethodsOptions, errorJson, methodNotAllowed, publicJson } from '../_http/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  try {
    const published = await listPublishedRoutes();
    return publicJson({ routes: published.map(toRouteSummary) });
  } catch (error) {
    return errorJson(error);
  }
}

export const OPTIONS = allowedMethodsOptions(READ_ONLY_METHODS);
export const POST = methodNotAllowed(READ_ONLY_METHODS);
export const PUT = methodNotAllowed(READ_ONLY_METHODS);
export const PATCH = methodNotAllowed(READ_ONLY_METHODS);
export const DELETE = methodNotAllowed(READ_ONLY_METHODS);
