// Which baked segments the HTTP transport fetches next, as a pure function of where the
// playhead is and what is fetched, in flight or already handed on. Segments are handed to the
// decoder strictly in order (a VP8 chain must not skip), fetched a few at once and a few
// seconds ahead, so the clock runs on buffered frames while the next ones arrive.
import { segmentOfFrame } from '@/scenes/protocol/frame-timing';

/** Seconds (segments) fetched ahead of the playhead: enough to ride out a slow request, little enough to waste little on a seek. */
export const HTTP_SEGMENTS_AHEAD = 4;
/** Requests open at once: a slow one is overtaken, a CDN connection is not flooded. */
export const HTTP_SEGMENTS_IN_FLIGHT = 2;

export interface SegmentScheduleState {
  segmentCount: number;
  /** The next segment to hand to the decoder; segmentCount when all are handed on. */
  nextToDeliver: number;
  /** Fetched and waiting for their turn. */
  fetched: { has(index: number): boolean };
  inFlight: ReadonlySet<number>;
}

/** Segments to request now, in the order to request them. `playheadFrame` is the frame the clock names (or on screen). */
export function segmentsToFetch(state: SegmentScheduleState, playheadFrame: number): number[] {
  const { segmentCount, nextToDeliver, fetched, inFlight } = state;
  const room = HTTP_SEGMENTS_IN_FLIGHT - inFlight.size;
  if (room <= 0 || nextToDeliver >= segmentCount) return [];
  // The window is anchored at the playhead: a paused flight stops fetching once it is full.
  const from = nextToDeliver;
  const until = Math.min(segmentCount - 1, segmentOfFrame(Math.max(0, playheadFrame)) + HTTP_SEGMENTS_AHEAD);
  const wanted: number[] = [];
  for (let segment = from; segment <= until && wanted.length < room; segment++) {
    if (!fetched.has(segment) && !inFlight.has(segment)) wanted.push(segment);
  }
  return wanted;
}

/** Fetched segments that may be handed on now, in order: each one the decoder is waiting for. */
export function deliverableSegments(state: SegmentScheduleState): number[] {
  const ready: number[] = [];
  for (let segment = state.nextToDeliver; state.fetched.has(segment); segment++) ready.push(segment);
  return ready;
}

/** Where a fresh start (a seek, or taking over from another transport) begins: the segment holding the frame, a keyframe. */
export function firstSegmentFor(frame: number, segmentCount: number): number {
  return Math.min(segmentCount - 1, segmentOfFrame(Math.max(0, frame)));
}
