// The stream session as a pure reducer: (state, event) → { state, commands }. It joins and
// rejoins (with the resume token), answers the server's replies, keeps the epoch and the
// transport, and mirrors the player's clock; the driver does the I/O the commands name.
// No timers, sockets or DOM here: time comes in with each event, timers are deadlines.
import { frameIndexForTime, seekStartFrame } from '@/scenes/protocol/frame-timing';
import { cheapestProfileFor, type ProfileId } from '@/scenes/protocol/profile-ladder';
import { parseServerMessage, type ReadyMessage, type ServerMessage } from '@/scenes/protocol/server-messages';
import { STREAM_PROTOCOL_VERSION } from '@/scenes/protocol/stream-limits';
import { allowedProfiles, profileCapsOf } from '../adaptive-profile';
import { summarizeBakeProgress } from '../bake-progress';
import { arm, canTalk, disarm, openDraft, type SessionDraft } from './session-draft';
import { moveToHttp, onHttpSegments, streamableProfiles, webrtcFailureGoesToHttp } from './session-http';
import { moveToNode } from './session-node-move';
import { awaitPeer, dropPeer, onPeerClosed, onPeerConnected, onServerSignal, onWebRtcTimer } from './session-peer';
import { adapt, onFrame, onProgress, onStateMessage, requestProfile, requestSeek, syncControls } from './session-playback';
import type { SessionConfig, SessionEvent, SessionState, SessionStep, SessionTimer } from './session-state';
import {
  BUSY_RETRY_MAX_MS,
  BUSY_RETRY_MIN_MS,
  MAX_SERVER_HANG_UPS,
  NOT_BAKED_POLL_MS,
  SERVER_HANG_UP_RETRY_MS,
  SERVER_HANG_UP_WINDOW_MS,
} from './session-timing';

export function initialSessionState(
  config: SessionConfig,
  capabilities: SessionState['capabilities'],
  manualProfile: ProfileId | null = null,
): SessionState {
  return {
    config,
    phase: 'connecting',
    problem: null,
    bake: null,
    retryAtMs: null,
    transport: null,
    profile: null,
    profiles: [],
    capabilities,
    manualProfile,
    requestedProfile: config.startProfile,
    lastSwitchMs: 0,
    socketConnected: false,
    joined: false,
    session: null,
    serverHangUpsMs: [],
    epoch: -1,
    pendingSeek: null,
    queuedSeekS: null,
    sentPlaying: false,
    sentRate: 1,
    httpManifests: [],
    webrtcWanted: true,
    peer: null,
    peerFailures: 0,
    firstPictureDecoded: false,
    pictureShown: false,
    lastAck: { atMs: 0, key: '' },
    timers: {},
  };
}

/** Profiles the viewer may pick by hand: decodable here and within the data-saver cap. */
export function selectableProfiles(state: SessionState): ProfileId[] {
  const caps = profileCapsOf(state.capabilities, null);
  return allowedProfiles(streamableProfiles(state), caps, { includeSuperseded: true }).map((profile) => profile.id as ProfileId);
}

/** The earliest deadline the driver should wake the reducer at, or null. */
export function nextDeadlineMs(state: SessionState): number | null {
  const deadlines = Object.values(state.timers);
  return deadlines.length === 0 ? null : Math.min(...deadlines);
}

export function reduceSession(state: SessionState, event: SessionEvent): SessionStep {
  if (state.phase === 'closed') return { state, commands: [] };
  // The hot path: a frame of the current epoch changes nothing but is handed on.
  if (event.type === 'frame' && state.session !== null && state.pendingSeek === null && event.frame.epoch === state.epoch) {
    return { state, commands: [{ type: 'deliver-frame', transport: event.transport, frame: event.frame }] };
  }
  const draft = openDraft(state, event);
  apply(draft);
  return { state: draft.state, commands: draft.commands };
}

function apply(draft: SessionDraft): void {
  const { event, state } = draft;
  switch (event.type) {
    case 'start':
      if (!event.webrtcAvailable) state.webrtcWanted = false;
      arm(draft, 'connect', state.config.connectTimeoutMs);
      return;
    case 'socket-connected':
      state.socketConnected = true;
      disarm(draft, 'connect');
      join(draft);
      return;
    case 'socket-disconnected':
      onDisconnect(draft, event.reason);
      return;
    case 'socket-connect-error':
      if (state.phase === 'connecting' || state.phase === 'reconnecting') state.problem = event.message;
      return;
    case 'server-message': {
      const parsed = parseServerMessage(event.event, event.payload);
      if (parsed.ok) onServerMessage(draft, parsed);
      else giveUp(draft, `the render server sent a bad message: ${parsed.reason}`);
      return;
    }
    case 'frame':
      onFrame(draft, event.transport, event.frame);
      return;
    case 'peer-signal-out':
      if (state.peer?.peerId === event.peerId && state.socketConnected) {
        draft.commands.push({ type: 'emit', event: 'signal', message: { peerId: event.peerId, data: event.data as never } });
      }
      return;
    case 'peer-connected':
      onPeerConnected(draft, event.peerId);
      return;
    case 'peer-closed': {
      const lastTry = state.peer?.peerId === event.peerId && state.peerFailures + 1 >= state.config.maxPeerFailures;
      if (
        lastTry &&
        state.socketConnected &&
        webrtcFailureGoesToHttp(state) &&
        moveToHttp(draft, `the data channel failed (${event.reason})`)
      )
        return;
      onPeerClosed(draft, event.peerId, event.reason);
      return;
    }
    case 'first-picture-decoded':
      state.firstPictureDecoded = true;
      return;
    case 'media-problem':
      state.problem = event.problem;
      return;
    case 'picture-shown':
      if (!state.pictureShown) disarm(draft, 'firstFrame');
      state.pictureShown = true;
      // Pictures flowing again end any waiting, reconnecting or given-up state.
      if (state.phase !== 'streaming') {
        state.phase = 'streaming';
        state.problem = null;
      }
      return;
    case 'seek':
      if (canTalk(state)) requestSeek(draft, event.timeS);
      syncControls(draft);
      return;
    case 'clock':
      syncControls(draft);
      return;
    case 'progress':
      onProgress(draft, event.progress);
      return;
    case 'adapt':
      adapt(draft, event.measurements, event.immediate);
      return;
    case 'request-profile':
      requestProfile(draft, event.id);
      return;
    case 'set-manual-profile':
      state.manualProfile = event.id;
      return;
    case 'set-capabilities':
      state.capabilities = event.capabilities;
      return;
    case 'report-stats':
      if (canTalk(state)) draft.commands.push({ type: 'emit', event: 'stats', message: event.stats });
      return;
    case 'retry':
      // Over HTTP there is nothing to ask the server again.
      if (state.transport === 'http') return;
      disarm(draft, 'retry');
      Object.assign(state, { phase: 'connecting', retryAtMs: null, problem: null });
      if (state.socketConnected) join(draft);
      else draft.commands.push({ type: 'connect-socket' });
      return;
    case 'timer':
      for (const timer of Object.keys(state.timers) as SessionTimer[]) {
        if ((state.timers[timer] ?? Infinity) <= draft.nowMs) {
          disarm(draft, timer);
          onTimer(draft, timer);
        }
      }
      return;
    case 'close':
      dropPeer(draft);
      state.phase = 'closed';
      state.timers = {};
      draft.commands.push({ type: 'close-socket' });
      return;
  }
}

function giveUp(draft: SessionDraft, problem: string): void {
  disarm(draft, 'join');
  disarm(draft, 'retry');
  Object.assign(draft.state, { phase: 'unavailable', problem, retryAtMs: null });
}

function join(draft: SessionDraft): void {
  const state = draft.state;
  state.joined = false;
  const session = state.session;
  const profile = state.requestedProfile ?? state.manualProfile ?? cheapestProfileFor(state.capabilities.webcodecsVp8);
  const startS = draft.event.clock.timeS;
  draft.commands.push({
    type: 'emit',
    event: 'join',
    message: {
      protocolVersion: STREAM_PROTOCOL_VERSION,
      routeId: state.config.routeId,
      revision: state.config.revision,
      profile,
      capabilities: { ...state.capabilities, packedFrames: true }, // protocol-client unpacks (pushPacked)
      transport: state.webrtcWanted ? 'webrtc' : 'socket',
      ...(startS === undefined ? {} : { startS: Math.max(0, startS) }),
      ...(session ? { resume: { sessionId: session.sessionId, resumeToken: session.resumeToken } } : {}),
    },
  });
  arm(draft, 'join', state.config.joinReplyTimeoutMs);
}

function onServerMessage(draft: SessionDraft, parsed: ServerMessage): void {
  const state = draft.state;
  switch (parsed.name) {
    case 'ready':
      onReady(draft, parsed.message);
      return;
    case 'not-baked':
      disarm(draft, 'join');
      Object.assign(state, {
        phase: 'not-baked',
        bake: summarizeBakeProgress(parsed.message, state.capabilities.webcodecsVp8),
        retryAtMs: draft.nowMs + NOT_BAKED_POLL_MS,
      });
      scheduleRetry(draft, NOT_BAKED_POLL_MS);
      return;
    case 'revision-gone':
      // Asking again cannot help: the frames of this revision are gone for good.
      giveUp(draft, `revision ${parsed.message.revision} is not streamed; revision ${parsed.message.publishedRevision} is published`);
      state.phase = 'revision-gone';
      return;
    case 'busy': {
      disarm(draft, 'join');
      const waitMs = Math.min(BUSY_RETRY_MAX_MS, Math.max(BUSY_RETRY_MIN_MS, parsed.message.retryAfterMs));
      Object.assign(state, { phase: 'busy', retryAtMs: draft.nowMs + waitMs, problem: parsed.message.reason });
      scheduleRetry(draft, waitMs);
      return;
    }
    case 'error': {
      const { code, message } = parsed.message;
      if (code === 'unknown-route') {
        disarm(draft, 'join');
        Object.assign(state, { phase: 'unavailable', problem: message });
      } else if (code === 'not-joined' && state.joined && state.socketConnected) {
        // The server lost the session (restart, grace period over): join again where the clock is.
        join(draft);
      } else if (code === 'profile-unavailable') {
        state.requestedProfile = state.profile;
      } else if (state.phase === 'connecting') {
        state.problem = `${code}: ${message}`;
      }
      return;
    }
    case 'signal':
      onServerSignal(draft, parsed.message);
      return;
    case 'state':
      onStateMessage(draft, parsed.message);
      return;
    case 'http-segments':
      disarm(draft, 'join');
      onHttpSegments(draft, parsed.message);
      return;
    case 'draining':
      // To the node it names where the driver can open a socket there, else to HTTP, at the same
      // pose; a driver that does neither (the Node viewer) acts on the message itself.
      if (parsed.message.moveTo.kind === 'node' && state.config.followDrainToNode === true)
        moveToNode(draft, parsed.message.moveTo.renderUrl);
      else moveToHttp(draft, 'the render node is shutting down');
      return;
    case 'frame':
      // Binary frames arrive as 'frame' events of their own, reassembled by the protocol client.
      return;
  }
}

function onReady(draft: SessionDraft, message: ReadyMessage): void {
  const state = draft.state;
  disarm(draft, 'join');
  disarm(draft, 'retry');
  const firstSession = state.session === null;
  state.session = {
    sessionId: message.sessionId,
    resumeToken: message.resumeToken,
    fps: message.fps,
    frameCount: message.frameCount,
    iceServers: message.iceServers,
  };
  state.joined = true;
  // The reply came over the socket, so it is up (socket.io tells 'connect' first).
  state.socketConnected = true;
  const clockS = draft.event.clock.timeS;
  const targetFrame = clockS === undefined ? null : frameIndexForTime(clockS, message.frameCount, message.fps);
  draft.commands.push({
    type: 'media-session',
    media: {
      profiles: message.profiles,
      fps: message.fps,
      frameCount: message.frameCount,
      // After a move to another node the picture on screen goes on, as on a resume.
      firstTargetFrame: firstSession && !state.pictureShown ? targetFrame : null,
    },
  });
  state.epoch = message.epoch;
  draft.commands.push({ type: 'media-epoch', epoch: message.epoch, targetFrame: message.startFrame });
  state.pendingSeek = null;
  state.queuedSeekS = null;
  state.sentPlaying = !message.paused;
  state.sentRate = message.rate;
  state.requestedProfile = message.profile;
  state.httpManifests = message.httpManifests ?? [];
  state.lastSwitchMs = draft.nowMs;
  Object.assign(state, {
    phase: state.pictureShown ? 'streaming' : 'buffering',
    transport: message.transport,
    profile: message.profile,
    profiles: message.profiles,
    bake: null,
    retryAtMs: null,
    problem: null,
  });
  // The clock may have moved while the socket was away: land the stream where it is now.
  if (clockS !== undefined && targetFrame !== null && message.startFrame !== seekStartFrame(targetFrame, message.frameCount)) {
    requestSeek(draft, clockS);
  }
  // Asked to play over HTTP, or WebRTC is blocked here and HTTP beats a socket stream: leave the stream now.
  const toHttp = state.config.preferHttp === true || (!state.webrtcWanted && webrtcFailureGoesToHttp(state));
  if (toHttp && moveToHttp(draft, null)) return;
  syncControls(draft);
  if (message.transport === 'webrtc') awaitPeer(draft);
  else dropPeer(draft);
  if (!state.firstPictureDecoded) arm(draft, 'firstFrame', state.config.firstFrameTimeoutMs);
}

function scheduleRetry(draft: SessionDraft, waitMs: number): void {
  if (draft.state.config.autoRetry) arm(draft, 'retry', waitMs);
}

function onDisconnect(draft: SessionDraft, reason: string): void {
  const state = draft.state;
  state.socketConnected = false;
  if (reason === 'io client disconnect') return;
  state.joined = false;
  disarm(draft, 'join');
  if (state.phase === 'streaming' || state.phase === 'buffering') state.phase = 'reconnecting';
  // socket.io reconnects by itself after a lost connection, but not after the server hung
  // up: then try once more, a little later, and give up if the server keeps hanging up.
  if (reason !== 'io server disconnect' || !state.config.reconnectAfterHangUp) return;
  state.serverHangUpsMs = [...state.serverHangUpsMs.filter((atMs) => atMs > draft.nowMs - SERVER_HANG_UP_WINDOW_MS), draft.nowMs];
  if (state.serverHangUpsMs.length > MAX_SERVER_HANG_UPS) {
    Object.assign(state, { phase: 'unavailable', problem: 'the render server keeps closing the connection' });
    return;
  }
  arm(draft, 'reconnect', SERVER_HANG_UP_RETRY_MS);
}

function onTimer(draft: SessionDraft, timer: SessionTimer): void {
  const state = draft.state;
  switch (timer) {
    // A node that never answers (one a drain moved the page to, say) is no reason to stop
    // where the route's segments are known: they play over HTTP at the same pose.
    case 'connect':
      if (state.socketConnected || moveToHttp(draft, 'the render server did not answer')) return;
      Object.assign(state, { phase: 'unavailable', problem: state.problem ?? 'the render server did not answer' });
      return;
    case 'join':
      if (moveToHttp(draft, 'the render server did not answer the join')) return;
      Object.assign(state, { phase: 'unavailable', problem: 'the render server did not answer the join' });
      return;
    case 'firstFrame':
      if (!state.firstPictureDecoded) Object.assign(state, { phase: 'unavailable', problem: 'no frame arrived' });
      return;
    case 'webrtc':
      if (!state.peer?.connected && webrtcFailureGoesToHttp(state) && moveToHttp(draft, 'the data channel did not open in time')) return;
      onWebRtcTimer(draft);
      return;
    case 'retry':
      if (state.socketConnected) join(draft);
      return;
    case 'reconnect':
      draft.commands.push({ type: 'connect-socket' });
      return;
  }
}
