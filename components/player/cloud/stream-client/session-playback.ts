// The playing part of the session: which epoch's frames count, seeks and their replies,
// play/pause/speed mirrored from the player's clock, acks and the adaptive profile.
import type { LabelledChunk } from '@/scenes/protocol/chunk-codec';
import type { ControlMessage } from '@/scenes/protocol/client-messages';
import { frameIndexForTime } from '@/scenes/protocol/frame-timing';
import { isProfileId, type ProfileId } from '@/scenes/protocol/profile-ladder';
import type { StateMessage } from '@/scenes/protocol/server-messages';
import type { TransportKind } from '@/scenes/protocol/stream-fields';
import { MAX_PLAYBACK_RATE, MIN_PLAYBACK_RATE } from '@/scenes/protocol/stream-limits';
import { chooseProfile, profileCapsOf, projectionOfProfile } from '../adaptive-profile';
import { canTalk, isNewerEpoch, type SessionDraft } from './session-draft';
import { streamableProfiles, switchHttpProfile } from './session-http';
import { IDLE_ACK_MS, SEEK_REPLY_TIMEOUT_MS } from './session-timing';
import type { AdaptMeasurements, PlaybackProgress } from './session-state';

export function sendControl(draft: SessionDraft, message: ControlMessage): void {
  draft.commands.push({ type: 'emit', event: 'control', message });
}

/** A newer epoch (seek, resume, new transport): what is queued belongs to the old one. */
export function adoptEpoch(draft: SessionDraft, epoch: number, targetFrame: number | null): void {
  draft.state.epoch = epoch;
  draft.commands.push({ type: 'media-epoch', epoch, targetFrame });
}

function landSeek(draft: SessionDraft, epoch: number, targetFrame: number | null): void {
  draft.state.pendingSeek = null;
  adoptEpoch(draft, epoch, targetFrame);
  const queued = draft.state.queuedSeekS;
  if (queued !== null) {
    draft.state.queuedSeekS = null;
    requestSeek(draft, queued);
  }
}

/** Frames of an epoch before the current (or before an unanswered seek) are stale; a newer epoch restarts decoding. */
export function onFrame(draft: SessionDraft, transport: TransportKind, frame: LabelledChunk): void {
  const state = draft.state;
  if (state.session === null) return;
  if (state.pendingSeek !== null) {
    if (!isNewerEpoch(frame.epoch, state.pendingSeek.afterEpoch)) return;
    landSeek(draft, frame.epoch, null);
  } else if (frame.epoch !== state.epoch) {
    if (!isNewerEpoch(frame.epoch, state.epoch)) return;
    // The server restarted the stream by itself (resume, new transport): go on from the picture on screen.
    adoptEpoch(draft, frame.epoch, null);
  }
  draft.commands.push({ type: 'deliver-frame', transport, frame });
}

export function onStateMessage(draft: SessionDraft, message: StateMessage): void {
  const state = draft.state;
  if (state.pendingSeek !== null && isNewerEpoch(message.epoch, state.pendingSeek.afterEpoch))
    landSeek(draft, message.epoch, message.targetFrame);
  else if (state.pendingSeek === null && isNewerEpoch(message.epoch, state.epoch)) adoptEpoch(draft, message.epoch, message.targetFrame);
  const transport = message.transport === 'none' ? state.transport : message.transport;
  if (message.profile !== state.profile) state.lastSwitchMs = draft.nowMs;
  state.profile = message.profile;
  state.transport = transport;
}

export function requestSeek(draft: SessionDraft, timeS: number): void {
  const state = draft.state;
  if (state.session === null) return;
  const targetFrame = frameIndexForTime(timeS, state.session.frameCount, state.session.fps);
  const inFlight = state.pendingSeek !== null;
  // Frames from the keyframe up to the target only prime the decoder.
  draft.commands.push({ type: 'media-seek', targetFrame, flush: !inFlight });
  if (inFlight) {
    state.queuedSeekS = timeS;
    return;
  }
  state.pendingSeek = { afterEpoch: state.epoch, sentAtMs: draft.nowMs };
  sendControl(draft, { type: 'seek', timeS: Math.max(0, timeS) });
}

/** Mirrors the clock's play/pause and speed to the server. */
export function syncControls(draft: SessionDraft): void {
  const state = draft.state;
  if (!canTalk(state)) return;
  const { playing } = draft.event.clock;
  const rate = Math.min(MAX_PLAYBACK_RATE, Math.max(MIN_PLAYBACK_RATE, draft.event.clock.rate));
  if (rate !== state.sentRate) {
    state.sentRate = rate;
    sendControl(draft, { type: 'speed', rate });
  }
  if (playing !== state.sentPlaying) {
    state.sentPlaying = playing;
    sendControl(draft, { type: playing ? 'play' : 'pause' });
  }
}

/** Housekeeping: a lost seek reply is asked again; an ack goes out when something moved, or at least once a second. */
export function onProgress(draft: SessionDraft, progress: PlaybackProgress): void {
  const state = draft.state;
  if (!canTalk(state)) return;
  if (state.pendingSeek !== null && draft.nowMs - state.pendingSeek.sentAtMs > SEEK_REPLY_TIMEOUT_MS) {
    const timeS = state.queuedSeekS ?? draft.event.clock.timeS ?? 0;
    state.pendingSeek = null;
    state.queuedSeekS = null;
    requestSeek(draft, timeS);
  }
  if (state.pendingSeek !== null || state.epoch < 0) return;
  const key = `${state.epoch}/${progress.lastReceivedFrame}/${progress.playheadFrame}`;
  if (key === state.lastAck.key && draft.nowMs - state.lastAck.atMs < IDLE_ACK_MS) return;
  state.lastAck = { atMs: draft.nowMs, key };
  draft.commands.push({
    type: 'emit',
    event: 'ack',
    message: { epoch: state.epoch, ...progress, bufferAheadMs: Math.max(0, Math.round(progress.bufferAheadMs)) },
  });
}

export function requestProfile(draft: SessionDraft, id: ProfileId): void {
  if (draft.state.transport === 'http') {
    switchHttpProfile(draft, id);
    return;
  }
  draft.state.requestedProfile = id;
  draft.state.lastSwitchMs = draft.nowMs;
  sendControl(draft, { type: 'profile', id });
}

export function adapt(draft: SessionDraft, measurements: AdaptMeasurements, immediate: boolean): void {
  const state = draft.state;
  const current = state.requestedProfile ?? state.profile;
  // Over HTTP there is no session: the client fetches what it chooses (session-http.ts).
  const available = streamableProfiles(state);
  if ((state.session === null && state.transport !== 'http') || available.length === 0 || current === null) return;
  const decision = chooseProfile({
    available,
    currentId: current,
    caps: { ...profileCapsOf(state.capabilities, measurements.maxUsefulWidthPx), projection: measurements.projection },
    manualId: state.manualProfile,
    capacityKbps: measurements.capacityKbps,
    bufferAheadS: measurements.bufferAheadS,
    playing: draft.event.clock.playing,
    lateFrameRatio: measurements.lateFrameRatio,
    secondsSinceSwitch: immediate ? Number.POSITIVE_INFINITY : (draft.nowMs - state.lastSwitchMs) / 1000,
  });
  const next = decision.profileId;
  if (next === current || !isProfileId(next)) return;
  // A paused flight moving onto the sphere (a look away, a headset) would wait for play: a
  // switch lands at a segment boundary the stream reaches only by playing on, and until then
  // the visitor sees "360° view loading" and the headset black. So that switch starts the
  // stream again at the frame on screen, as a seek does, in the new profile.
  const toSphere = projectionOfProfile(next) === 'equirect' && projectionOfProfile(current) !== 'equirect';
  const restart = toSphere && !draft.event.clock.playing;
  if (state.transport === 'http') {
    switchHttpProfile(draft, next, restart);
    return;
  }
  requestProfile(draft, next);
  if (restart) requestSeek(draft, draft.event.clock.timeS ?? 0);
}
