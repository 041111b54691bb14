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

/** A handler for methods a resource does not support: 405 with the Allow header. */
export function methodNotAllowed(allowedMethods: readonly string[]): (request: Request) => Response {
  return (request) => errorJson(new MethodNotAllowedError(request.method, allowedMethods));
}

/**
 * OPTIONS for a resource that also answers 405s: Next's automatic OPTIONS would
 * list every exported method, the 405 handlers included.
 */
export function allowedMethodsOptions(allowedMethods: readonly string[]): () => Response {
  return () => new Response(null, { status: 204, headers: { Allow: allowedMethods.join(', ') } });
}

/** Read-only resources: Next answers HEAD with the GET handler. */
export const READ_ONLY_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;
