// Any /api path no other handler claims, /api itself included: a JSON 404 for
// every method, never the HTML not-found page.
import { NotFoundError } from '@/server/errors';
import { errorJson } from '../_http/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

function noSuchEndpoint(): Response {
  return errorJson(new NotFoundError('There is no API endpoint at this path.'));
}

export const GET = noSuchEndpoint;
export const HEAD = noSuchEndpoint;
export const OPTIONS = noSuchEndpoint;
export const POST = noSuchEndpoint;
export const PUT = noSuchEndpoint;
export const PATCH = noSuchEndpoint;
export const DELETE = noSuchEndpoint;
