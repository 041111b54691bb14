// The reducer's working copy: one event turns a copy of the state into the next state
// and a list of commands. Handlers write to the copy; the state passed in is never changed.
import type { SessionCommand, SessionEvent, SessionState, SessionTimer } from './session-state';

export interface SessionDraft {
  readonly event: SessionEvent;
  readonly nowMs: number;
  state: SessionState;
  readonly commands: SessionCommand[];
}

export function openDraft(state: SessionState, event: SessionEvent): SessionDraft {
  return { event, nowMs: event.nowMs, state: { ...state, timers: { ...state.timers } }, commands: [] };
}

export function arm(draft: SessionDraft, timer: SessionTimer, afterMs: number | null): void {
  if (afterMs === null) delete draft.state.timers[timer];
  else draft.state.timers[timer] = draft.nowMs + afterMs;
}

export function disarm(draft: SessionDraft, timer: SessionTimer): void {
  delete draft.state.timers[timer];
}

/** The server holds this session and the socket is up: controls and acks may go out. */
export function canTalk(state: SessionState): boolean {
  return state.session !== null && state.joined && state.socketConnected;
}

/** Epochs are 16-bit and wrap: newer means ahead by less than half the range. */
export function isNewerEpoch(epoch: number, than: number): boolean {
  if (than < 0) return true;
  const ahead = (epoch - than) & 0xffff;
  return ahead > 0 && ahead < 0x8000;
}
