// What the page's player asks of a stream session: the timeouts of session-timing.ts, answer
// the server's WebRTC offers, retry on its own, and every fallback (socket.io, HTTP segments,
// a draining node's successor). The Node viewer and the tests build their own configs.
import { WEBRTC_CONNECT_TIMEOUT_MS } from '@/scenes/protocol/stream-limits';
import type { CloudStreamOptions } from '../stream-client-options';
import type { SessionConfig } from './session-state';
import * as timing from './session-timing';

export function browserSessionConfig(options: Pick<CloudStreamOptions, 'routeId' | 'revision' | 'transport'>): SessionConfig {
  return {
    routeId: options.routeId,
    revision: options.revision,
    startProfile: null,
    connectTimeoutMs: timing.CONNECT_TIMEOUT_MS,
    joinReplyTimeoutMs: timing.JOIN_REPLY_TIMEOUT_MS,
    firstFrameTimeoutMs: timing.FIRST_FRAME_TIMEOUT_MS,
    webrtcConnectTimeoutMs: WEBRTC_CONNECT_TIMEOUT_MS,
    answerOffers: true,
    maxPeerFailures: timing.MAX_PEER_FAILURES,
    autoRetry: true,
    reconnectAfterHangUp: true,
    httpTransport: true,
    preferHttp: options.transport === 'http',
    followDrainToNode: true,
  };
}
