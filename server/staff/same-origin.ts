// Cross-site request forgery defence for the studio: a state-changing request must
// come from a page of this site, as its Origin (or, lacking that, Referer) proves.
import { ForbiddenError } from '../errors';

const STATE_CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Origins allowed besides the request's own: env YUNSHAN_ALLOWED_ORIGINS, comma-separated. */
export function allowedOriginsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  return (env.YUNSHAN_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => originOf(entry))
    .filter((origin): origin is string => origin !== null);
}

/**
 * Throws ForbiddenError unless a POST/PUT/PATCH/DELETE names an allowed origin.
 * Safe methods pass: they must not change anything anyway.
 */
export function assertSameOrigin(request: Request, extraAllowedOrigins: readonly string[] = allowedOriginsFromEnv()): void {
  if (!STATE_CHANGING_METHODS.has(request.method.toUpperCase())) return;
  const claimed = claimedOrigin(request);
  if (claimed === null) {
    throw new ForbiddenError('This request did not say which page sent it, so it was refused.');
  }
  if (claimed === requestOwnOrigin(request) || extraAllowedOrigins.includes(claimed)) return;
  throw new ForbiddenError('Requests from other sites are not allowed.');
}

/** The origin the browser says sent the request; 'null' (sandboxed or privacy-stripped) counts as none. */
function claimedOrigin(request: Request): string | null {
  const origin = request.headers.get('origin');
  if (origin !== null) return origin === 'null' ? null : originOf(origin);
  const referer = request.headers.get('referer');
  return referer === null ? null : originOf(referer);
}

/** Scheme as the visitor used it (x-forwarded-proto behind a TLS proxy) and the Host header they sent. */
function requestOwnOrigin(request: Request): string | null {
  const url = new URL(request.url);
  const forwardedProto = request.headers.get('x-forwarded-proto')?.split(',')[0].trim().toLowerCase();
  const scheme = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : url.protocol.replace(':', '');
  const host = request.headers.get('host') ?? url.host;
  return originOf(`${scheme}://${host}`);
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}
