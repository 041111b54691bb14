// Preloaded into the web app's process (node --import, see scripts/start.mjs): Next
// keeps a client-written X-Forwarded-For as it is and adds the socket's address only
// when the header is missing, so a route handler could never tell the peer from what
// the client claimed. Appending the peer here, as any reverse proxy does, makes the
// last entry always the one this process saw; client-address.ts counts back from it.
import http from 'node:http';

const FORWARDED_FOR = 'x-forwarded-for';
const hooked = Symbol.for('yunshan.peerAddressHook');

function appendPeerAddress(request) {
  const peer = request.socket && request.socket.remoteAddress;
  // A socket already closed has no address: an entry that cannot be a client keeps
  // the count of hops right, and such a request cannot be answered anyway.
  const entry = typeof peer === 'string' && peer !== '' ? peer : 'unknown';
  const claimed = request.headers[FORWARDED_FOR];
  const earlier = Array.isArray(claimed) ? claimed.join(', ') : claimed;
  request.headers[FORWARDED_FOR] = earlier ? `${earlier}, ${entry}` : entry;
}

if (!http.Server.prototype[hooked]) {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithPeerAddress(event, request, ...rest) {
    if (event === 'request' || event === 'checkContinue' || event === 'checkExpectation') appendPeerAddress(request);
    return emit.call(this, event, request, ...rest);
  };
  http.Server.prototype[hooked] = true;
}
