// The client address used as a throttling key. X-Forwarded-For is a chain: each hop
// appends the address it saw, and the web app's own process appends its socket's peer
// last (peer-address-hook.mjs). Only the entries written by the trusted hops can be
// believed; anything to their left is whatever the client wrote.
import { z } from 'zod';

export const TRUSTED_PROXY_HOPS_ENV = 'YUNSHAN_TRUSTED_PROXY_HOPS';

const TrustedProxyHopsSchema = z.coerce.number().int().min(0).max(16).default(0);

/** Reverse proxies between the visitor and `next start`: env YUNSHAN_TRUSTED_PROXY_HOPS, 0 without one. */
export function trustedProxyHopsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env[TRUSTED_PROXY_HOPS_ENV]?.trim();
  const parsed = TrustedProxyHopsSchema.safeParse(raw === '' ? undefined : raw);
  if (!parsed.success) throw new Error(`${TRUSTED_PROXY_HOPS_ENV} must be a whole number from 0 to 16, not "${raw}".`);
  return parsed.data;
}

/**
 * With 0 hops the last entry (the socket's peer) is the client; with n hops the
 * nearest proxy is the peer and the client is the entry the farthest trusted proxy
 * wrote, n places before it. A shorter chain than promised holds only entries
 * written by trusted hops, so its first one is the best that can be known.
 * X-Real-IP is never read: without a proxy that sets it, the client wrote it.
 */
export function clientAddressOf(request: Request, trustedProxyHops: number = trustedProxyHopsFromEnv()): string {
  const entries = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const chosen = entries[Math.max(0, entries.length - 1 - trustedProxyHops)] ?? '';
  // IPv4-mapped IPv6 ("::ffff:10.0.0.1") is the same client as its IPv4 form.
  const address = chosen.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').slice(0, 64);
  return address === '' ? 'unknown' : address;
}
