// A draining render node names another node: the session leaves this node's socket and joins
// afresh there (this node's resume token means nothing on the other), at the clock's time, so
// the flight goes on at the same pose. The picture on screen stays while the new node's first
// frames come: the media side is told not to start over (see onReady's firstTargetFrame).
import { arm, disarm, type SessionDraft } from './session-draft';
import { dropPeer } from './session-peer';

export function moveToNode(draft: SessionDraft, renderUrl: string): void {
  const state = draft.state;
  for (const timer of ['connect', 'join', 'webrtc', 'retry', 'reconnect'] as const) disarm(draft, timer);
  dropPeer(draft);
  draft.commands.push({ type: 'move-socket', renderUrl });
  Object.assign(state, {
    session: null,
    joined: false,
    socketConnected: false,
    pendingSeek: null,
    queuedSeekS: null,
    // A new node, a new chance for WebRTC; its peer count starts again.
    peerFailures: 0,
    phase: state.pictureShown ? 'streaming' : 'connecting',
    problem: null,
    retryAtMs: null,
  });
  arm(draft, 'connect', state.config.connectTimeoutMs);
}
