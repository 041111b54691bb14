// The client address used as a throttling key. Next (or the reverse proxy in front
// of it) puts the peer address in x-forwarded-for; the rightmost entry is the one
// the nearest hop saw, the leftmost ones are whatever the client claimed.
export function clientAddressOf(request: Request): string {
  const forwardedFor = request.headers.get('x-forwarded-for');
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const nearest = entries.at(-1) ?? request.headers.get('x-real-ip')?.trim() ?? '';
  // IPv4-mapped IPv6 ("::ffff:10.0.0.1") is the same client as its IPv4 form.
  const address = nearest.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').slice(0, 64);
  return address === '' ? 'unknown' : address;
}
