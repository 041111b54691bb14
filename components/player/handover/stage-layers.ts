// What the player's stage shows: one active renderer and, during a handover, an incoming
// one that prepares underneath the picture and fades in once it has drawn the flight at
// the clock's time. Pure: the player dispatches events, React renders the layers by id.
import type { QualityTier } from '@/scenes/world/quality-tiers';
import type { CloudState } from '../cloud/stream-client';

/**
 * A local layer's tier may be 'bake' when the page's URL asks for it (posters, screenshots).
 * Posters that are `held` are the route's poster before play under Auto, as a video shows its
 * poster (nothing is wrong: no note that the device cannot draw); without it they are the last resort.
 */
export type LayerTarget = { kind: 'local'; tier: QualityTier } | { kind: 'cloud' } | { kind: 'posters'; held?: true };
export type StageLayer = LayerTarget & { id: number };

/** Why the flight moved to another renderer: recorded with every handover. */
export type HandoverReason =
  /** The visitor picked it in the player. */
  | 'choice'
  /** The device probe decided again (the visitor went back to Auto). */
  | 'probe'
  /** Sustained low frame rate at the laptop tier: the same renderer, lighter. */
  | 'lower-tier'
  /** Sustained low frame rate at the phone tier. */
  | 'low-fps'
  | 'context-lost'
  /** The local renderer could not start (no WebGL2, a shader error). */
  | 'local-failed'
  /** The render server is unreachable or refused the stream. */
  | 'stream-failed'
  /** The stream ran out of buffer and stayed out. */
  | 'stream-stalled'
  /** The route is not baked yet or the node is full. */
  | 'stream-not-ready'
  /** The route's bake landed while the device drew it as a stopgap: Auto takes the cloud picture. */
  | 'cloud-ready';

export interface StageState {
  active: StageLayer;
  incoming: StageLayer | null;
  /** Why the incoming layer was asked for. */
  reason: HandoverReason | null;
  /** The incoming layer has drawn and is fading in over the active one. */
  fading: boolean;
  /**
   * When (performance.now() ms) the incoming layer put up a picture that was not yet at the
   * clock's time: it is catching up with the clock. Null while it is not.
   */
  catchingUpSinceMs: number | null;
  nextId: number;
}

export type StageEvent =
  | { type: 'request'; target: LayerTarget; reason: HandoverReason }
  /** The incoming layer showed a picture, behind the clock (a stream catching up). */
  | { type: 'incoming-drawing'; id: number; nowMs: number }
  /** The incoming layer drew the flight at the clock's time. */
  | { type: 'incoming-ready'; id: number }
  /** The fade finished: the incoming layer becomes the active one. */
  | { type: 'fade-done'; id: number }
  /** The incoming layer cannot show the flight after all: the active one stays. */
  | { type: 'incoming-failed'; id: number };

export function initialStage(target: LayerTarget): StageState {
  return { active: { ...target, id: 1 }, incoming: null, reason: null, fading: false, catchingUpSinceMs: null, nextId: 2 };
}

export function sameTarget(a: LayerTarget, b: LayerTarget): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'posters') return b.kind === 'posters' && a.held === b.held;
  return a.kind !== 'local' || (b.kind === 'local' && a.tier === b.tier);
}

/** Where the stage is headed: the incoming layer when there is one, else the active one. */
export function stageTarget(state: StageState): StageLayer {
  return state.incoming ?? state.active;
}

export function stageReducer(state: StageState, event: StageEvent): StageState {
  switch (event.type) {
    case 'request': {
      if (sameTarget(stageTarget(state), event.target)) return state;
      // A fade under way completes first: its layer has drawn and is the better picture to leave from.
      const base = state.incoming !== null && state.fading ? { ...state, active: state.incoming, incoming: null, fading: false } : state;
      // Back to what is showing: the layer still preparing is dropped.
      if (sameTarget(base.active, event.target)) return { ...base, incoming: null, reason: null, fading: false, catchingUpSinceMs: null };
      const incoming = { ...event.target, id: base.nextId };
      return { ...base, incoming, reason: event.reason, fading: false, catchingUpSinceMs: null, nextId: base.nextId + 1 };
    }
    case 'incoming-drawing':
      return state.incoming?.id === event.id && state.catchingUpSinceMs === null ? { ...state, catchingUpSinceMs: event.nowMs } : state;
    case 'incoming-ready':
      return state.incoming?.id === event.id && !state.fading ? { ...state, fading: true } : state;
    case 'fade-done':
      return state.incoming?.id === event.id && state.fading
        ? { ...state, active: state.incoming, incoming: null, reason: null, fading: false, catchingUpSinceMs: null }
        : state;
    case 'incoming-failed':
      return state.incoming?.id === event.id ? { ...state, incoming: null, reason: null, fading: false, catchingUpSinceMs: null } : state;
  }
}

/**
 * The outgoing device renderer holds its last picture instead of drawing on: a stream is
 * coming in and has begun to show pictures, behind the clock. The stream shows a picture on
 * the page's animation frames, and a device that draws on its CPU (no GPU: llvmpipe,
 * SwiftShader) holds each of those frames up for as long as its own drawing takes; drawn on at
 * full rate, it left the stream a few frames a second, too few ever to catch up with the clock
 * (issue 15). Held, the stream catches up in a few frames and fades in at the clock's pose.
 * It holds only once the stream has a picture: connecting and joining take no animation frames,
 * and the flight should move on the device for as long as nothing on its way needs them.
 */
export function outgoingHoldsPicture(state: StageState): boolean {
  return state.active.kind === 'local' && state.incoming?.kind === 'cloud' && (state.catchingUpSinceMs !== null || state.fading);
}

/**
 * How long a stream may keep the outgoing device holding its picture without reaching the
 * clock. On a machine too busy to decode at the flight's pace the stream never lands, and an
 * unbounded hold would leave the visitor on a frozen picture while the clock runs on.
 */
export const CATCH_UP_MAX_MS = 4000;

/** The incoming stream has had its CATCH_UP_MAX_MS and is still behind: the handover gives up and the device draws on. */
export function catchUpOverdue(state: StageState, nowMs: number): boolean {
  const since = state.catchingUpSinceMs;
  return state.incoming?.kind === 'cloud' && !state.fading && since !== null && nowMs - since > CATCH_UP_MAX_MS;
}

/** What the stage knows of its active layer when the incoming one fails. */
export interface ActiveLayerHealth {
  /** The active layer gave up on the flight: it asked for the handover that just failed. */
  failed: boolean;
  /** The active layer is a cloud stream whose frames still arrive (late, perhaps). */
  streamArriving: boolean;
}

/**
 * Where the flight goes once the incoming layer could not show it; null: the active layer
 * keeps it. A cloud stream that ran past its buffer handed over to the device; if the device
 * then failed (no WebGL), the stream that is still arriving, late or not, beats still
 * pictures: the flight goes back to it, not on to `fallback` (the posters).
 */
export function afterIncomingFailed(active: StageLayer, health: ActiveLayerHealth, fallback: LayerTarget): LayerTarget | null {
  // The poster held before play is no picture of the flight: a renderer that cannot take over
  // from it hands on to the next, as it would have had it started the flight itself.
  const heldPoster = active.kind === 'posters' && active.held === true;
  if (!health.failed && !heldPoster) return null;
  if (active.kind === 'cloud' && health.streamArriving) return null;
  return fallback;
}

/** Frames still come: the stream is joined and the server has not stopped delivering. */
export function streamStillArriving(stream: { state: CloudState; starved: boolean }): boolean {
  return (stream.state === 'streaming' || stream.state === 'buffering') && !stream.starved;
}

/**
 * Whether a stream's stall or lateness should end its flight. Where the device cannot draw
 * (it failed to start), a stream that still arrives keeps the flight however late it runs:
 * only a stream that stopped goes to the posters.
 */
export function streamStallEndsFlight(stream: { state: CloudState; starved: boolean }, deviceFailed: boolean): boolean {
  return !(deviceFailed && streamStillArriving(stream));
}

/** The layers to render, bottom to top: the incoming one draws over the active one. */
export function stageLayers(state: StageState): StageLayer[] {
  return state.incoming === null ? [state.active] : [state.active, state.incoming];
}
