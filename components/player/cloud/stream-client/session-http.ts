// The session's third transport: the route revision's baked segments over plain HTTP. The
// session moves there when the server hands a join to HTTP (its WebRTC cap, an operator's
// setting), when the node drains with nowhere else to send the viewer, when WebRTC is blocked
// or fails to connect (a page's choice), or when asked to. Taking over mid-flight keeps the
// picture: the driver goes on after the last frame received, so the clock runs on buffered
// frames while the first segment arrives. The socket is closed: no stream is held on the node.
import type { HttpSegmentsMessage } from '@/scenes/protocol/http-segment-messages';
import { cheapestProfileFor, QUALITY_PROFILES, type ProfileId } from '@/scenes/protocol/profile-ladder';
import { decodes } from '@/scenes/protocol/codec-choice';
import { frameIndexForTime } from '@/scenes/protocol/frame-timing';
import type { HttpManifestRef } from '@/scenes/protocol/http-segment-messages';
import { arm, disarm, type SessionDraft } from './session-draft';
import { dropPeer } from './session-peer';
import type { ProfileSummary } from '@/scenes/protocol/server-messages';
import type { SessionState } from './session-state';

/** The manifest to play: the profile on screen (its chain goes on), else the viewer's or the cheapest, among those this browser decodes. */
export function chooseHttpManifest(
  state: Pick<SessionState, 'httpManifests' | 'profile' | 'manualProfile' | 'requestedProfile' | 'capabilities'>,
): HttpManifestRef | null {
  const vp8 = state.capabilities.webcodecsVp8;
  const codecs = { vp8, vp9: state.capabilities.webcodecsVp9 === true };
  const decodable = state.httpManifests.filter((ref) => decodes(QUALITY_PROFILES[ref.profileId].codec, codecs));
  const preferred: (ProfileId | null)[] = [state.profile, state.manualProfile, state.requestedProfile, cheapestProfileFor(vp8)];
  for (const id of preferred) {
    const found = decodable.find((ref) => ref.profileId === id);
    if (found) return found;
  }
  return decodable[0] ?? null;
}

/** The profiles the session can stream: over HTTP, only those with a manifest to fetch. */
export function streamableProfiles(state: Pick<SessionState, 'transport' | 'profiles' | 'httpManifests'>): readonly ProfileSummary[] {
  if (state.transport !== 'http') return state.profiles;
  return state.profiles.filter((profile) => state.httpManifests.some((ref) => ref.profileId === profile.id));
}

/**
 * Over HTTP the client itself moves to another profile (Auto's choice or the viewer's): there
 * is no server to ask. The feed opens that profile's manifest and goes on after the frames
 * received, at a segment's keyframe, while the frames in hand play out (or at the clock's
 * frame, dropping them, where the switch cannot wait for them to play out). False when the profile
 * has no manifest this browser can play, or is the one streaming.
 */
export function switchHttpProfile(draft: SessionDraft, id: ProfileId, restart = false): boolean {
  const state = draft.state;
  if (state.transport !== 'http' || state.profile === id) return false;
  const codecs = { vp8: state.capabilities.webcodecsVp8, vp9: state.capabilities.webcodecsVp9 === true };
  const manifest = state.httpManifests.find((ref) => ref.profileId === id && decodes(QUALITY_PROFILES[id].codec, codecs));
  if (manifest === undefined) return false;
  const plan = { manifestUrl: manifest.url, profileId: id, ...(restart ? { restart } : {}) };
  draft.commands.push({ type: 'open-http', http: plan });
  Object.assign(state, { profile: id, requestedProfile: id, lastSwitchMs: draft.nowMs });
  return true;
}

/** Whether a failed or blocked WebRTC should go to HTTP rather than the socket.io stream. */
export function webrtcFailureGoesToHttp(state: SessionState): boolean {
  return state.config.httpTransport === true && chooseHttpManifest(state) !== null;
}

/** Moves the session to HTTP segments; false (and nothing changed) when no decodable profile has them. */
export function moveToHttp(draft: SessionDraft, why: string | null): boolean {
  const state = draft.state;
  const manifest = state.config.httpTransport === true ? chooseHttpManifest(state) : null;
  if (manifest === null) return false;
  for (const timer of ['connect', 'join', 'webrtc', 'retry', 'reconnect'] as const) disarm(draft, timer);
  dropPeer(draft);
  draft.commands.push({ type: 'open-http', http: { manifestUrl: manifest.url, profileId: manifest.profileId } });
  draft.commands.push({ type: 'close-socket' });
  Object.assign(state, {
    transport: 'http',
    profile: manifest.profileId,
    requestedProfile: manifest.profileId,
    session: null,
    joined: false,
    socketConnected: false,
    pendingSeek: null,
    queuedSeekS: null,
    webrtcWanted: false,
    phase: state.pictureShown ? 'streaming' : 'buffering',
    problem: why,
    bake: null,
    retryAtMs: null,
  });
  if (!state.firstPictureDecoded) arm(draft, 'firstFrame', state.config.firstFrameTimeoutMs);
  return true;
}

/** The server handed this join to HTTP: the media side gets the route's facts, then the segments come. */
export function onHttpSegments(draft: SessionDraft, message: HttpSegmentsMessage): void {
  const state = draft.state;
  state.httpManifests = message.httpManifests;
  state.profiles = message.profiles;
  const clockS = draft.event.clock.timeS;
  // A first picture lands where the clock is; after one (a rejoin) the picture on screen goes on.
  const firstTargetFrame = clockS === undefined || state.pictureShown ? null : frameIndexForTime(clockS, message.frameCount, message.fps);
  draft.commands.push({
    type: 'media-session',
    media: { profiles: message.profiles, fps: message.fps, frameCount: message.frameCount, firstTargetFrame },
  });
  const why = message.reason === 'at-cap' ? 'the render node is at its WebRTC cap' : null;
  if (!moveToHttp(draft, why)) {
    const problem = state.config.httpTransport
      ? 'no HTTP segments this browser can decode'
      : 'handed to HTTP segments, which this client does not play';
    Object.assign(state, { phase: 'unavailable', problem });
  }
}
