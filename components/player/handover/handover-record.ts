// One handover as it happened, measured in the page: when it was asked for, when the
// incoming renderer first drew the flight (and how far its picture was from the clock),
// and the longest stretch with no new picture across the switch. Pure arithmetic over
// performance.now() marks; the stage hook fills it in, tests and the note read it. It notes
// where the visitor looked on both sides too: the look is part of the pose a handover keeps.
import { NO_LOOK_OFFSET, type LookOffset } from '@/scenes/routes/look-offset';
import type { HandoverReason, LayerTarget } from './stage-layers';

export type HandoverOutcome = 'pending' | 'done' | 'failed' | 'superseded';

export interface HandoverRecord {
  id: number;
  from: string;
  to: string;
  reason: HandoverReason;
  requestedAtMs: number;
  /** Route time on the flight clock when the handover was asked for. */
  clockAtRequestS: number;
  /** Where the visitor looked when the handover was asked for. */
  lookAtRequest: LookOffset;
  /** Where the visitor looked at the incoming renderer's first picture (every renderer draws the one look store). */
  lookAtReady: LookOffset | null;
  /** The incoming renderer's first picture at the clock's time. */
  readyAtMs: number | null;
  /** Route time of that picture minus the clock's time then, in ms (the pose carried over). */
  offsetMs: number | null;
  /** The outgoing renderer's last new picture before the incoming one's first. */
  outgoingLastFrameAtMs: number | null;
  /** How long the screen went without a new picture across the switch (0 when they overlap). */
  visibleGapMs: number | null;
  doneAtMs: number | null;
  outcome: HandoverOutcome;
}

export function describeTarget(target: LayerTarget): string {
  if (target.kind === 'posters' && target.held) return 'posters:held';
  return target.kind === 'local' ? `local:${target.tier}` : target.kind;
}

export function startRecord(
  id: number,
  from: LayerTarget,
  to: LayerTarget,
  reason: HandoverReason,
  nowMs: number,
  clockS: number,
  look: LookOffset = NO_LOOK_OFFSET,
): HandoverRecord {
  return {
    id,
    from: describeTarget(from),
    to: describeTarget(to),
    reason,
    requestedAtMs: nowMs,
    clockAtRequestS: clockS,
    lookAtRequest: look,
    lookAtReady: null,
    readyAtMs: null,
    offsetMs: null,
    outgoingLastFrameAtMs: null,
    visibleGapMs: null,
    doneAtMs: null,
    outcome: 'pending',
  };
}

/**
 * The incoming picture is up. The gap is measured from the outgoing renderer's last new
 * picture; a renderer that is still drawing overlaps the new one and leaves no gap beyond
 * its own frame interval. A renderer that never drew counts from the request.
 */
export function markReady(
  record: HandoverRecord,
  readyAtMs: number,
  pictureTimeS: number,
  clockS: number,
  outgoingLastFrameAtMs: number | null,
  look: LookOffset = NO_LOOK_OFFSET,
): HandoverRecord {
  const lastOld = outgoingLastFrameAtMs ?? record.requestedAtMs;
  return {
    ...record,
    readyAtMs,
    offsetMs: (pictureTimeS - clockS) * 1000,
    outgoingLastFrameAtMs,
    lookAtReady: look,
    visibleGapMs: Math.max(0, readyAtMs - lastOld),
  };
}

export function finishRecord(record: HandoverRecord, outcome: Exclude<HandoverOutcome, 'pending'>, nowMs: number): HandoverRecord {
  return { ...record, outcome, doneAtMs: nowMs };
}
