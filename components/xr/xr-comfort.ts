// Comfort in the headset, as pure arithmetic. The visitor's head does the looking; the route
// only carries them along, turned by its heading alone: no pitch and no roll from the route, so
// the horizon stays level whatever the flight does. Where the route itself turns fast, a
// vignette narrows the view, which is what keeps an artificial turn from unsettling the stomach.
import { yawPitchOf } from '@/scenes/routes/look-offset';
import { poseAt } from '@/scenes/routes/pose';
import type { Route, Vec3 } from '@/scenes/routes/route-schema';

/** Below this heading change the view stays open; at TURN_FULL_VIGNETTE it is as narrow as it gets. */
export const TURN_CALM_RAD_PER_S = (15 * Math.PI) / 180;
export const TURN_FULL_VIGNETTE_RAD_PER_S = (45 * Math.PI) / 180;
/** How far the vignette closes at most (0 open, 1 black): enough to calm, never blinding. */
export const MAX_VIGNETTE = 0.85;
/** Time constant of the turn rate's smoothing. */
const TURN_SMOOTHING_S = 0.25;

export interface XRRig {
  position: Vec3;
  /** Heading about world up (yawPitchOf's convention): the rig's only rotation. */
  yawRad: number;
}

function headingAt(route: Route, timeS: number): number {
  const pose = poseAt(route, timeS);
  return yawPitchOf([pose.lookAt[0] - pose.position[0], pose.lookAt[1] - pose.position[1], pose.lookAt[2] - pose.position[2]]).yawRad;
}

function wrap(rad: number): number {
  let r = rad % (2 * Math.PI);
  if (r > Math.PI) r -= 2 * Math.PI;
  if (r <= -Math.PI) r += 2 * Math.PI;
  return r;
}

/** Where the headset's origin sits at route time `timeS`: on the route, facing its heading plus the visitor's own turn. */
export function rigAt(route: Route, timeS: number, lookYawRad = 0): XRRig {
  return { position: poseAt(route, timeS).position, yawRad: wrap(headingAt(route, timeS) + lookYawRad) };
}

/** Heading change between two frames, the short way round (radians). */
export function headingChange(fromRad: number, toRad: number): number {
  return wrap(toRad - fromRad);
}

/**
 * The turn rate the vignette follows, smoothed over about a quarter second so one uneven frame
 * does not flicker it; measured in wall time, so playback speed and a pause count as they feel.
 */
export function smoothTurnRate(previousRadPerS: number, changeRad: number, elapsedS: number): number {
  if (elapsedS <= 0) return previousRadPerS;
  const blend = 1 - Math.exp(-elapsedS / TURN_SMOOTHING_S);
  return previousRadPerS + (Math.abs(changeRad) / elapsedS - previousRadPerS) * blend;
}

/** Vignette strength for a turn rate (in wall time: route rate times playback speed). */
export function vignetteFor(turnRadPerS: number): number {
  const t = (turnRadPerS - TURN_CALM_RAD_PER_S) / (TURN_FULL_VIGNETTE_RAD_PER_S - TURN_CALM_RAD_PER_S);
  return MAX_VIGNETTE * Math.max(0, Math.min(1, t));
}
