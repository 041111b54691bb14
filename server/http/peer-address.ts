// A connected peer's address as the render server judges it: one key per client whether a
// dual-stack listener reports IPv4 or IPv4-mapped IPv6, and whether it is this machine.

/** '::ffff:192.0.2.7' and '192.0.2.7' are one client. */
export function peerAddressKey(address: string | undefined): string {
  const value = address ?? 'unknown';
  return value.startsWith('::ffff:') ? value.slice('::ffff:'.length) : value;
}

/** 127.0.0.0/8 and ::1: this machine (the operator, a local proxy, the web app). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const key = peerAddressKey(address);
  return key === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(key);
}

/**
 * The client behind a chain of trusted reverse proxies: X-Forwarded-For lists what each hop
 * saw, and the socket's peer is the last hop. With 0 trusted hops the peer is the client and the
 * header is ignored (a client can write anything there); with n hops the client is the entry
 * the farthest trusted proxy wrote. A chain shorter than promised yields its first entry.
 */
export function clientAddressOf(peer: string | undefined, forwardedFor: string | string[] | undefined, trustedProxyHops: number): string {
  if (trustedProxyHops <= 0) return peerAddressKey(peer);
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = [
    ...header
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
    peerAddressKey(peer),
  ];
  return peerAddressKey(chain[Math.max(0, chain.length - 1 - trustedProxyHops)].slice(0, 64));
}

/** The client of an HTTP request (or a socket.io handshake's request) under the trusted hops. */
export function requestClientAddress(
  request: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> },
  trustedProxyHops: number,
): string {
  return clientAddressOf(request.socket.remoteAddress, request.headers['x-forwarded-for'], trustedProxyHops);
}
