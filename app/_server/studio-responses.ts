// JSON responses for studio handlers: never cached (they are per staff member),
// and errors mapped by the same sanitising function as the public API.
import { answeringErrorsAsJson, errorJson } from '../api/_http/responses';

export const STUDIO_CACHE_CONTROL = 'no-store';

export function studioJson(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('Cache-Control', STUDIO_CACHE_CONTROL);
  return Response.json(body, { ...init, headers });
}

/** Any thrown value as a JSON error: DomainErrors keep their status and message, the rest become a bare 500. */
export function studioErrorJson(error: unknown): Response {
  return errorJson(error);
}

/**
 * Wraps a route handler so that anything it throws (UnauthorizedError from
 * requireStaff, ForbiddenError from assertSameOrigin, ValidationError from
 * readJsonBody…) is answered as JSON; `toResponse` lets a family of handlers add
 * the errors only they throw.
 */
export function studioHandler<Context>(
  handler: (request: Request, context: Context) => Promise<Response>,
  toResponse: (error: unknown) => Response = studioErrorJson,
): (request: Request, context: Context) => Promise<Response> {
  return answeringErrorsAsJson(handler, toResponse);
}
