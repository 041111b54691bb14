// The studio session cookie: HttpOnly and SameSite=Lax always; under HTTPS also
// Secure with the __Host- prefix, which browsers only accept from a secure origin,
// for Path=/ and without a Domain, so no sibling subdomain can plant or shadow it.

export const SESSION_COOKIE_NAME_HTTP = 'yunshan_studio';
export const SESSION_COOKIE_NAME_HTTPS = '__Host-yunshan_studio';

/** The scheme the visitor used: a TLS-terminating proxy tells us with x-forwarded-proto. */
export function isHttpsRequest(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto');
  if (forwarded !== null && forwarded.trim() !== '') {
    // A chain of proxies lists one scheme each; the first is the visitor's.
    return forwarded.split(',')[0].trim().toLowerCase() === 'https';
  }
  return new URL(request.url).protocol === 'https:';
}

export function sessionCookieName(secure: boolean): string {
  return secure ? SESSION_COOKIE_NAME_HTTPS : SESSION_COOKIE_NAME_HTTP;
}

export interface SessionCookieOptions {
  secure: boolean;
  /** How long the browser keeps it; the server enforces the shorter idle expiry itself. */
  maxAgeS: number;
}

export function serializeSessionCookie(token: string, options: SessionCookieOptions): string {
  const attributes = [
    `${sessionCookieName(options.secure)}=${token}`,
    'Path=/',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeS))}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (options.secure) attributes.push('Secure');
  return attributes.join('; ');
}

/** Tells the browser to drop the cookie (logout, or a session the server no longer knows). */
export function serializeClearedSessionCookie(secure: boolean): string {
  const attributes = [`${sessionCookieName(secure)}=`, 'Path=/', 'Max-Age=0', 'HttpOnly', 'SameSite=Lax'];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}

/**
 * The session token from the Cookie header. Over HTTPS only the __Host- cookie
 * counts: a plain-named one could have been set by a sibling or over HTTP.
 */
export function readSessionToken(request: Request): string | null {
  return readSessionTokenFromHeaders(request.headers, isHttpsRequest(request));
}

/** The same, for server components, which see headers but no Request. */
export function readSessionTokenFromHeaders(headers: Headers, secure: boolean): string | null {
  const header = headers.get('cookie');
  if (header === null) return null;
  const wanted = sessionCookieName(secure);
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== wanted) continue;
    const value = part.slice(separator + 1).trim();
    return value === '' ? null : value;
  }
  return null;
}
