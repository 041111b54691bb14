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
