// The JSON responses every API route handler sends: public data with its cache
// policy, and errors through the one mapping in server/errors.ts.
import { MethodNotAllowedError, isUnexpectedError, toHttpError } from '@/server/errors';

/** Published routes change only when staff publish; a minute of staleness is fine. */
export const PUBLIC_DATA_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

export function publicJson(body: unknown): Response {
  return Response.json(body, { headers: { 'Cache-Control': PUBLIC_DATA_CACHE_CONTROL } });
}

export function errorJson(error: unknown): Response {
  // The caller gets a sanitised body; the details belong in the server log.
  if (isUnexpectedError(error)) console.error('[api]', error);
  const { status, body, headers } = toHttpError(error);
  return Response.json(body, { status, headers });
}

/**
 * Wraps a route handler so that anything it throws is answered as JSON by `toResponse`
 * (errorJson unless a family of handlers adds the errors only it throws).
 */
export function answeringErrorsAsJson<Context>(
  handler: (request: Request, context: Context) => Promise<Response>,
  toResponse: (error: unknown) => Response = errorJson,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return toResponse(error);
    }
  };
}

type RefusedMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A resource's answers for what it does not do: OPTIONS naming what it allows (Next's automatic
 * OPTIONS would list every exported method, the 405 handlers included), and a 405 with the
 * Allow header for any other method. A route exports the ones it needs:
 * `export const { OPTIONS, POST, PUT, PATCH, DELETE } = methodRefusals(READ_ONLY_METHODS);`
 */
export function methodRefusals(
  allowedMethods: readonly string[],
): { OPTIONS: () => Response } & Record<RefusedMethod, (request: Request) => Response> {
  const refuse = (request: Request) => errorJson(new MethodNotAllowedError(request.method, allowedMethods));
  return {
    OPTIONS: () => new Response(null, { status: 204, headers: { Allow: allowedMethods.join(', ') } }),
    GET: refuse,
    POST: refuse,
    PUT: refuse,
    PATCH: refuse,
    DELETE: refuse,
  };
}

/** Read-only resources: Next answers HEAD with the GET handler. */
export const READ_ONLY_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;
