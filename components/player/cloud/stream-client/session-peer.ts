// The data channel's part of the session: answering the server's offers, noticing a
// peer that never opens or breaks, and falling back to the socket.io transport.
import type { ServerSignalMessage } from '@/scenes/protocol/server-messages';
import { arm, disarm, type SessionDraft } from './session-draft';
import { sendControl } from './session-playback';

/** Waits for the data channel; when it does not open in time the session moves to the socket. */
export function awaitPeer(draft: SessionDraft): void {
  disarm(draft, 'webrtc');
  if (draft.state.peer?.connected) return;
  arm(draft, 'webrtc', draft.state.config.webrtcConnectTimeoutMs);
}

export function dropPeer(draft: SessionDraft): void {
  disarm(draft, 'webrtc');
  if (draft.state.peer === null) return;
  draft.state.peer = null;
  draft.commands.push({ type: 'destroy-peer' });
}

export function fallBackToSocket(draft: SessionDraft, why: string): void {
  dropPeer(draft);
  draft.state.webrtcWanted = false;
  draft.state.transport = 'socket';
  draft.state.problem = why;
  sendControl(draft, { type: 'transport', transport: 'socket', ...playheadForRestart(draft) });
}

/** Where the restart after a transport change should land; nothing before the first frame is shown. */
export function playheadForRestart(draft: SessionDraft): { playheadFrame?: number } {
  const shown = draft.event.clock.shownFrame;
  return shown >= 0 ? { playheadFrame: shown } : {};
}

export function onServerSignal(draft: SessionDraft, message: ServerSignalMessage): void {
  const state = draft.state;
  if (!state.webrtcWanted || !state.config.answerOffers) return;
  if (state.peer === null || state.peer.peerId !== message.peerId) {
    // A peer id not seen before is a fresh offer: the server replaced the peer. An older id is a late signal.
    if (state.peer !== null && message.peerId < state.peer.peerId) return;
    dropPeer(draft);
    if (state.session === null) return;
    state.peer = { peerId: message.peerId, connected: false };
    draft.commands.push({ type: 'open-peer', peerId: message.peerId, iceServers: state.session.iceServers });
    awaitPeer(draft);
  }
  draft.commands.push({ type: 'signal-peer', peerId: message.peerId, data: message.data });
}

export function onPeerConnected(draft: SessionDraft, peerId: number): void {
  const state = draft.state;
  if (state.peer?.peerId !== peerId) return;
  state.peer = { peerId, connected: true };
  disarm(draft, 'webrtc');
  state.peerFailures = 0;
  state.transport = 'webrtc';
}

export function onPeerClosed(draft: SessionDraft, peerId: number, reason: string): void {
  const state = draft.state;
  if (state.peer?.peerId !== peerId) return;
  state.peer = null;
  disarm(draft, 'webrtc');
  draft.commands.push({ type: 'reset-assembler', transport: 'webrtc' });
  state.peerFailures += 1;
  if (!state.socketConnected) return;
  if (state.peerFailures >= state.config.maxPeerFailures) {
    fallBackToSocket(draft, `the data channel failed twice (${reason})`);
    return;
  }
  // A fresh peer; the server restarts the stream at the keyframe before the playhead.
  state.problem = `data channel ${reason}; reconnecting`;
  sendControl(draft, { type: 'transport', transport: 'webrtc', ...playheadForRestart(draft) });
  awaitPeer(draft);
}

export function onWebRtcTimer(draft: SessionDraft): void {
  if (draft.state.peer?.connected) return;
  fallBackToSocket(draft, 'the data channel did not open in time');
}
