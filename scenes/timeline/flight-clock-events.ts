// What the flight clock tells its subscribers: one event per change of its state (never per
// tick), and the immutable snapshot that state is. Time itself stays a pull: a snapshot
// gives the route time at any moment through `snapshotTimeAt`, without asking the clock.

/** One change of the clock's state; `nowMs` is the moment it took effect, in the caller's time base. */
export type FlightClockEvent =
  | { readonly type: 'play'; readonly atS: number; readonly nowMs: number }
  | { readonly type: 'pause'; readonly atS: number; readonly nowMs: number }
  /** An explicit jump (the timeline, the arrow keys, a handle's seek); also a jump away from the end, which plays on if the clock was playing. */
  | { readonly type: 'seek'; readonly fromS: number; readonly toS: number; readonly nowMs: number }
  /** Play on a clock at its end: it starts over from 0 and plays. A jump too, hence from/to. */
  | { readonly type: 'restart'; readonly fromS: number; readonly toS: number; readonly nowMs: number }
  | { readonly type: 'rate'; readonly fromSpeed: number; readonly toSpeed: number; readonly atS: number; readonly nowMs: number }
  /** Playing reached the end of the route (a seek to the end says so in its own event). `nowMs` is the exact moment it did. */
  | { readonly type: 'ended'; readonly atS: number; readonly nowMs: number };

export type FlightClockEventType = FlightClockEvent['type'];

/**
 * The clock's state between two events. A new object (new identity) only when an event
 * happens, so React's useSyncExternalStore and plain `===` can tell a change cheaply.
 */
export interface FlightClockSnapshot {
  /** Counts events since the clock was made: 0 for the first snapshot. */
  readonly serial: number;
  /** The event that made this snapshot; null for the first. */
  readonly event: FlightClockEvent | null;
  readonly durationS: number;
  /** Route time is advancing (played and not yet at the end). */
  readonly playing: boolean;
  /** Route time is at the end: played to it, sought to it, or started there. */
  readonly ended: boolean;
  readonly speed: number;
  /** Route time at `anchorNowMs`; while playing, time runs on from there at `speed`. */
  readonly anchorS: number;
  readonly anchorNowMs: number;
}

export type FlightClockListener = (event: FlightClockEvent, snapshot: FlightClockSnapshot) => void;

/** Route time in seconds at `nowMs` according to `snapshot`, always within [0, durationS]. */
export function snapshotTimeAt(snapshot: FlightClockSnapshot, nowMs: number): number {
  if (!snapshot.playing) return snapshot.anchorS;
  // A read slightly before the anchor (out-of-order timestamps) must not run time backwards.
  const elapsedS = Math.max(0, nowMs - snapshot.anchorNowMs) / 1000;
  return Math.min(snapshot.durationS, snapshot.anchorS + elapsedS * snapshot.speed);
}

/** The moment (in the snapshot's time base) a playing snapshot reaches the end; Infinity when paused. */
export function snapshotEndMs(snapshot: FlightClockSnapshot): number {
  if (!snapshot.playing) return Number.POSITIVE_INFINITY;
  return snapshot.anchorNowMs + ((snapshot.durationS - snapshot.anchorS) / snapshot.speed) * 1000;
}
