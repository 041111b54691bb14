// Everything about a route's motion that can be worked out once: the path curve,
// time → distance, and the look-at and field-of-view tracks. poseAt reads it 60×/s.
// Keyframe-timed routes take their pace from the keyframe times alone (easeInS and
// easeOutS shape constant-speed routes only).
import { getOrCreate } from '../get-or-create';
import { createMonotoneCubic, type MonotoneCubic } from './monotone-cubic';
import { createPathCurve, type PathCurve } from './path-curve';
import { DEFAULT_FOV_DEG, type Route } from './route-schema';
import { createSpeedProfile } from './speed-profile';
import { createVectorTrack, type VectorTrack } from './vector-track';

export interface RouteTimeline {
  readonly durationS: number;
  readonly curve: PathCurve;
  /** Pacing actually used: `keyframe-times` falls back to constant speed when its times are unusable. */
  readonly pacing: Route['pacing'];
  /** Cruise speed of a constant-speed route; null for keyframe-timed routes. */
  readonly cruiseSpeedMps: number | null;
  /** When the camera passes each keyframe. */
  readonly keyframePassTimesS: readonly number[];
  distanceAt(timeS: number): number;
  /** Inverse of distanceAt: the first time the camera has flown `distanceM`. */
  timeAtDistance(distanceM: number): number;
  speedAt(timeS: number): number;
  /** The parameter the look-at and fov tracks run on (time or distance, by pacing). */
  trackParameterAt(timeS: number): number;
  readonly lookAtTrack: VectorTrack;
  readonly fovTrack: MonotoneCubic;
}

// Routes are parsed, immutable data; an editor changing a route makes a new object.
const cache = new WeakMap<Route, RouteTimeline>();

export function routeTimeline(route: Route): RouteTimeline {
  return getOrCreate(cache, route, () => buildTimeline(route));
}

function buildTimeline(route: Route): RouteTimeline {
  const { keyframes, durationS } = route;
  const curve = createPathCurve(keyframes.map((k) => k.position));
  const keyframeTimes = keyframes.map((k) => k.timeS);
  const lookAts = keyframes.map((k) => k.lookAt);
  const fovs = keyframes.map((k) => k.fovDeg ?? DEFAULT_FOV_DEG);

  if (route.pacing === 'keyframe-times' && isStrictlyIncreasing(keyframeTimes)) {
    const distance = createMonotoneCubic(keyframeTimes, curve.keyframeDistancesM);
    const distanceAt = (t: number) => distance.valueAt(clampTime(t, durationS));
    return {
      durationS,
      curve,
      pacing: 'keyframe-times',
      cruiseSpeedMps: null,
      keyframePassTimesS: keyframeTimes,
      distanceAt,
      timeAtDistance: (d) => timeAtDistance(distanceAt, d, durationS),
      speedAt: (t) => (t < 0 || t > durationS ? 0 : distance.slopeAt(t)),
      // Look-at and fov follow the clock, so a hover can still pan the view.
      trackParameterAt: (t) => clampTime(t, durationS),
      lookAtTrack: createVectorTrack(keyframeTimes, lookAts),
      fovTrack: createMonotoneCubic(strictlyIncreasing(keyframeTimes), fovs),
    };
  }

  const profile = createSpeedProfile(curve.lengthM, durationS, route.easeInS, route.easeOutS);
  const distances = curve.keyframeDistancesM;
  return {
    durationS,
    curve,
    pacing: 'constant-speed',
    cruiseSpeedMps: profile.cruiseSpeedMps,
    keyframePassTimesS: distances.map((d) => timeAtDistance(profile.distanceAt, d, durationS)),
    distanceAt: (t) => profile.distanceAt(t),
    timeAtDistance: (d) => timeAtDistance(profile.distanceAt, d, durationS),
    speedAt: (t) => profile.speedAt(t),
    // Look-at and fov follow the path, so each keyframe's view is met at its position.
    trackParameterAt: (t) => profile.distanceAt(t),
    lookAtTrack: createVectorTrack(distances, lookAts),
    fovTrack: createMonotoneCubic(strictlyIncreasing(distances), fovs),
  };
}

function clampTime(timeS: number, durationS: number): number {
  return Math.min(durationS, Math.max(0, timeS));
}

function isStrictlyIncreasing(values: readonly number[]): boolean {
  return values.every((v, i) => i === 0 || v > values[i - 1]);
}

/** Nudges ties apart so an interpolant over these knots stays defined. */
function strictlyIncreasing(values: readonly number[]): number[] {
  const result: number[] = [];
  for (const v of values) result.push(result.length === 0 ? v : Math.max(v, result[result.length - 1] + 1e-6));
  return result;
}

/** Inverse of a non-decreasing distance(t), by bisection to well under a millisecond. */
function timeAtDistance(distanceAt: (t: number) => number, distanceM: number, durationS: number): number {
  let lo = 0;
  let hi = durationS;
  for (let i = 0; i < 60 && hi - lo > 1e-9; i++) {
    const mid = (lo + hi) / 2;
    if (distanceAt(mid) < distanceM) lo = mid;
    else hi = mid;
  }
  return hi;
}
