// Watches the cloud stream for the moment it can no longer carry the flight: refused, not
// baked, or stalled past its buffer. Then a capable device draws locally, any other shows the
// route's posters. Fed the stream's state and time; it never reads a clock.
import type { CloudState } from '../cloud/stream-client';
import type { LocalTier } from './render-choice-types';

/** The render server keeps about 2 s of frames ahead of the playhead: past this the buffer is gone. */
export const STALL_HANDOVER_MS = 2000;
/**
 * Where this device can draw, a frozen picture need not last the whole buffer's worth: after
 * a second of it (longer than a quick peer restart takes to resume) the device takes over.
 */
export const LOCAL_TAKEOVER_STALL_MS = 1000;
/**
 * A dropped connection, where this device can draw: the ~2 s buffer still plays, so the
 * device starts preparing now and takes over before it runs out, with no frozen picture.
 * (Posters wait for the whole buffer: the stream's pictures are better while they last.)
 */
export const RECONNECT_PREPARE_MS = 500;
/** Likewise when frames stop arriving while the connection still looks up (a dead server, a dead link). */
export const STARVED_PREPARE_MS = 300;
/**
 * Reaching the server, joining the route and the first keyframe take a second or two on a fair
 * connection; eight seconds of a black stage means the stream is not coming.
 */
export const CONNECT_HANDOVER_MS = 8000;

export type StreamStallAction = 'none' | 'handover-local' | 'handover-posters';

export interface StreamObservation {
  state: CloudState;
  /** Playing, but the frame due is not here yet. */
  waiting: boolean;
  playing: boolean;
  /** Playing, and the server has stopped delivering (the buffer still plays, briefly). */
  starved?: boolean;
}

export interface StreamStallWatchOptions {
  /** The tier this device can draw at; null: it cannot draw the scene. */
  localTier: LocalTier | null;
  /**
   * Under Auto the device takes over early (a dropped connection, a starved or frozen
   * stream) so the picture never freezes for long. A visitor who chose the cloud outright
   * keeps it through hiccups: only a failure or a stall past the whole buffer hands over.
   */
  eager?: boolean;
}

export class StreamStallWatch {
  private readonly localTier: LocalTier | null;
  private readonly eager: boolean;
  private hasStreamed = false;
  private stalledSinceMs: number | null = null;
  private reconnectingSinceMs: number | null = null;
  private starvedSinceMs: number | null = null;
  private connectingSinceMs: number | null = null;
  private handedOver = false;

  constructor({ localTier, eager = true }: StreamStallWatchOptions) {
    this.localTier = localTier;
    this.eager = eager;
  }

  /** Watches a new stream (e.g. the visitor chose the cloud again) from its first connect. */
  reset(): void {
    this.hasStreamed = false;
    this.stalledSinceMs = null;
    this.reconnectingSinceMs = null;
    this.starvedSinceMs = null;
    this.connectingSinceMs = null;
    this.handedOver = false;
  }

  /** Call on every state change and a few times a second; asks for a handover once, then stays quiet until reset. */
  update({ state, waiting, playing, starved = false }: StreamObservation, nowMs: number): StreamStallAction {
    if (this.handedOver) return 'none';
    if (state === 'streaming') this.hasStreamed = true;

    // The server said no, or has nothing for this route yet: a flight cannot wait on a bake.
    if (state === 'unavailable' || state === 'not-baked' || state === 'revision-gone' || state === 'busy') return this.handOver();

    // Once pictures have flowed, rejoining after a drop is part of the same stall, not a new connect.
    const stalled =
      state === 'reconnecting' ||
      (state === 'streaming' && playing && waiting) ||
      (this.hasStreamed && (state === 'connecting' || state === 'buffering'));
    const connecting = !this.hasStreamed && (state === 'connecting' || state === 'buffering');

    this.stalledSinceMs = stalled ? (this.stalledSinceMs ?? nowMs) : null;
    this.reconnectingSinceMs = state === 'reconnecting' ? (this.reconnectingSinceMs ?? nowMs) : null;
    this.starvedSinceMs = playing && starved ? (this.starvedSinceMs ?? nowMs) : null;
    this.connectingSinceMs = connecting ? (this.connectingSinceMs ?? nowMs) : null;

    const early = this.eager && this.localTier !== null;
    const stallLimitMs = early ? LOCAL_TAKEOVER_STALL_MS : STALL_HANDOVER_MS;
    if (this.stalledSinceMs !== null && nowMs - this.stalledSinceMs > stallLimitMs) return this.handOver();
    if (early && this.reconnectingSinceMs !== null && nowMs - this.reconnectingSinceMs > RECONNECT_PREPARE_MS) return this.handOver();
    if (early && this.starvedSinceMs !== null && nowMs - this.starvedSinceMs > STARVED_PREPARE_MS) return this.handOver();
    if (this.connectingSinceMs !== null && nowMs - this.connectingSinceMs > CONNECT_HANDOVER_MS) return this.handOver();
    return 'none';
  }

  private handOver(): StreamStallAction {
    this.handedOver = true;
    return this.localTier === null ? 'handover-posters' : 'handover-local';
  }
}
