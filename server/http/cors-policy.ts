// Cross-origin headers for the public segment and manifest URLs. Pure. The allowed origins are
// the site's (the render server's YUNSHAN_STREAM_ALLOWED_ORIGINS); "*" allows every origin and
// lets one cached copy serve them all. Otherwise the allowed origin is echoed and the answer
// varies by Origin, so a shared cache never hands one site's header to another.

const EXPOSED_HEADERS = 'ETag, Content-Length, Content-Range, Accept-Ranges';
const PREFLIGHT_MAX_AGE_S = 86_400;

export function corsHeaders(origin: string | undefined, allowedOrigins: readonly string[]): Record<string, string> {
  if (allowedOrigins.includes('*')) return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSED_HEADERS };
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (origin !== undefined && allowedOrigins.includes(origin)) {
    headers['Access-Control-Allow-Origin'] = origin;
    headers['Access-Control-Expose-Headers'] = EXPOSED_HEADERS;
  }
  return headers;
}

/** The answer to an OPTIONS preflight: which methods and request headers a page may use. */
export function preflightHeaders(origin: string | undefined, allowedOrigins: readonly string[]): Record<string, string> {
  const headers = corsHeaders(origin, allowedOrigins);
  if (headers['Access-Control-Allow-Origin'] === undefined) return headers;
  return {
    ...headers,
    'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
    'Access-Control-Allow-Headers': 'Range, If-None-Match, If-Range',
    'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_S),
  };
}
