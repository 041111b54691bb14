// How the visitor's look offset moves over time, as pure arithmetic: a drag or the gyroscope
// sets it, a held key turns it at a steady rate, and when the visitor lets go it either eases
// back to the route's direction or stays (their setting). The offset at any moment is computed
// from the last change and the time since, so a renderer reads it every frame without anything
// ticking in between, and two renderers reading at the same moment (a handover) agree exactly.
import { MAX_LOOK_PITCH_RAD, NO_LOOK_OFFSET, normalizeLookOffset, type LookOffset } from '@/scenes/routes/look-offset';

/** What a let-go look does: return to where the route looks, or stay where the visitor left it. */
export type LookRelease = 'ease' | 'stay';

export interface LookMotion {
  /** The offset at anchorMs; everything after is the turn rate or the easing applied to it. */
  anchor: LookOffset;
  anchorMs: number;
  /** Held keys turn the view at these rates (radians per second). */
  yawRateRadPerS: number;
  pitchRateRadPerS: number;
  /** Easing back to the route's direction since anchorMs. */
  easing: boolean;
}

/** Half the way back every this many milliseconds: settles in about a second, never snaps. */
export const EASE_HALF_LIFE_MS = 180;
/** Below this (radians, about 0.06°) an easing look is home: it stops moving and reads as zero. */
const SETTLED_RAD = 0.001;

export const RESTING_MOTION: LookMotion = Object.freeze({
  anchor: NO_LOOK_OFFSET,
  anchorMs: 0,
  yawRateRadPerS: 0,
  pitchRateRadPerS: 0,
  easing: false,
});

function clampPitch(pitchRad: number): number {
  return Math.max(-MAX_LOOK_PITCH_RAD, Math.min(MAX_LOOK_PITCH_RAD, pitchRad));
}

/** Yaw wrapped to (-π, π], pitch within what a look may reach. */
export function tidyOffset(offset: LookOffset): LookOffset {
  return normalizeLookOffset({ yawRad: offset.yawRad, pitchRad: clampPitch(offset.pitchRad) });
}

function turning(motion: LookMotion): boolean {
  return motion.yawRateRadPerS !== 0 || motion.pitchRateRadPerS !== 0;
}

function easeFactor(elapsedMs: number): number {
  return Math.pow(0.5, elapsedMs / EASE_HALF_LIFE_MS);
}

/** Time for an easing offset of this size to come within SETTLED_RAD of home. */
function settleMs(anchor: LookOffset): number {
  const size = Math.max(Math.abs(anchor.yawRad), Math.abs(anchor.pitchRad));
  return size <= SETTLED_RAD ? 0 : EASE_HALF_LIFE_MS * Math.log2(size / SETTLED_RAD);
}

export function offsetAt(motion: LookMotion, nowMs: number): LookOffset {
  const elapsedMs = Math.max(0, nowMs - motion.anchorMs);
  if (turning(motion)) {
    const elapsedS = elapsedMs / 1000;
    return tidyOffset({
      yawRad: motion.anchor.yawRad + motion.yawRateRadPerS * elapsedS,
      pitchRad: motion.anchor.pitchRad + motion.pitchRateRadPerS * elapsedS,
    });
  }
  if (motion.easing) {
    if (elapsedMs >= settleMs(motion.anchor)) return NO_LOOK_OFFSET;
    const factor = easeFactor(elapsedMs);
    return { yawRad: motion.anchor.yawRad * factor, pitchRad: motion.anchor.pitchRad * factor };
  }
  return motion.anchor;
}

/** Whether the offset is still changing by itself (keys held, or easing home): a renderer keeps drawing. */
export function isMoving(motion: LookMotion, nowMs: number): boolean {
  if (turning(motion)) return true;
  return motion.easing && nowMs - motion.anchorMs < settleMs(motion.anchor);
}

function at(motion: LookMotion, nowMs: number, change: Partial<LookMotion>): LookMotion {
  return {
    anchor: offsetAt(motion, nowMs),
    anchorMs: nowMs,
    yawRateRadPerS: motion.yawRateRadPerS,
    pitchRateRadPerS: motion.pitchRateRadPerS,
    easing: motion.easing,
    ...change,
  };
}

/** A drag (or a gyroscope reading) turns the view by this much; the view stops easing meanwhile. */
export function turnBy(motion: LookMotion, nowMs: number, deltaYawRad: number, deltaPitchRad: number): LookMotion {
  const now = at(motion, nowMs, { easing: false });
  return { ...now, anchor: tidyOffset({ yawRad: now.anchor.yawRad + deltaYawRad, pitchRad: now.anchor.pitchRad + deltaPitchRad }) };
}

/** The view goes straight to this offset (a handover's carried look, a test). */
export function setOffset(motion: LookMotion, nowMs: number, offset: LookOffset): LookMotion {
  return { ...at(motion, nowMs, { easing: false }), anchor: tidyOffset(offset) };
}

/** The visitor holds the view (a finger or a button down): whatever easing was under way stops where it is. */
export function hold(motion: LookMotion, nowMs: number): LookMotion {
  return at(motion, nowMs, { easing: false });
}

/** The visitor lets go: the view eases home or stays, as their setting says; held keys keep turning it. */
export function letGo(motion: LookMotion, nowMs: number, release: LookRelease): LookMotion {
  return at(motion, nowMs, { easing: release === 'ease' && !turning(motion) });
}

/** Held keys: turn at these rates from now (zero rates stop the turn and let go). */
export function setTurnRate(
  motion: LookMotion,
  nowMs: number,
  yawRateRadPerS: number,
  pitchRateRadPerS: number,
  release: LookRelease,
): LookMotion {
  const stopping = yawRateRadPerS === 0 && pitchRateRadPerS === 0;
  return at(motion, nowMs, { yawRateRadPerS, pitchRateRadPerS, easing: stopping && release === 'ease' });
}

/** Back to the route's direction, eased (whatever the setting: the visitor asked for it). */
export function recentre(motion: LookMotion, nowMs: number): LookMotion {
  return at(motion, nowMs, { yawRateRadPerS: 0, pitchRateRadPerS: 0, easing: true });
}
