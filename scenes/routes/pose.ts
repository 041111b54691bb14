// The one function that turns route time into a camera: both the local renderer and
// the render server call poseAt, so a switch between them lands on the same pose.
import { lookRotation, type Quaternion } from './camera-orientation';
import { routeTimeline } from './route-timeline';
import type { Route, Vec3 } from './route-schema';

export interface CameraPose {
  position: Vec3;
  /** three.js convention [x, y, z, w]: the camera looks down its local -Z, +Y up. */
  quaternion: Quaternion;
  /** Vertical field of view in degrees. */
  fovDeg: number;
  lookAt: Vec3;
}

/** Camera pose at `timeS` seconds into the route (clamped to [0, durationS]). */
export function poseAt(route: Route, timeS: number): CameraPose {
  const timeline = routeTimeline(route);
  const t = clampTime(route, timeS);
  const { position, tangent } = timeline.curve.pointAtDistance(timeline.distanceAt(t));
  const parameter = timeline.trackParameterAt(t);
  let lookAt = timeline.lookAtTrack.valueAt(parameter);
  if (lookAt[0] === position[0] && lookAt[1] === position[1] && lookAt[2] === position[2]) {
    // A target on top of the camera has no direction; look along the path instead.
    lookAt = [position[0] + tangent[0], position[1] + tangent[1], position[2] + tangent[2]];
  }
  return {
    position,
    quaternion: lookRotation(position, lookAt),
    fovDeg: timeline.fovTrack.valueAt(parameter),
    lookAt,
  };
}

/** Total length of the flight path in metres. */
export function pathLengthM(route: Route): number {
  return routeTimeline(route).curve.lengthM;
}

/** Distance flown by `timeS`, in metres along the path. */
export function distanceAtM(route: Route, timeS: number): number {
  return routeTimeline(route).distanceAt(clampTime(route, timeS));
}

/** Camera speed along the path at `timeS`, in m/s. */
export function speedAtMps(route: Route, timeS: number): number {
  return routeTimeline(route).speedAt(clampTime(route, timeS));
}

/** Camera velocity at `timeS` (m/s, world axes). */
export function velocityAt(route: Route, timeS: number): Vec3 {
  const timeline = routeTimeline(route);
  const t = clampTime(route, timeS);
  const { tangent } = timeline.curve.pointAtDistance(timeline.distanceAt(t));
  const speed = timeline.speedAt(t);
  return [tangent[0] * speed, tangent[1] * speed, tangent[2] * speed];
}

/** Cruise speed of a constant-speed route (m/s); null when keyframe times set the pace. */
export function cruiseSpeedMps(route: Route): number | null {
  return routeTimeline(route).cruiseSpeedMps;
}

/**
 * When the camera passes each keyframe. For keyframe-timed routes these are the
 * authored times; for constant-speed routes they follow from the path and speed.
 */
export function keyframePassTimesS(route: Route): readonly number[] {
  return routeTimeline(route).keyframePassTimesS;
}

/** Index of the segment (keyframe i → i + 1) the camera is on at `timeS`. */
export function segmentIndexAt(route: Route, timeS: number): number {
  const timeline = routeTimeline(route);
  return timeline.curve.segmentAtDistance(timeline.distanceAt(clampTime(route, timeS)));
}

/** Point `distanceM` metres along the path, independent of timing. */
export function pointAtDistance(route: Route, distanceM: number): Vec3 {
  return routeTimeline(route).curve.pointAtDistance(distanceM).position;
}

export interface PathSample {
  timeS: number;
  position: Vec3;
  lookAt: Vec3;
  speedMps: number;
  segmentIndex: number;
}

/** The path sampled every `stepS` seconds, both ends included (for maps, previews, checks). */
export function samplePath(route: Route, stepS = 0.5): PathSample[] {
  if (!(stepS > 0)) throw new RangeError('stepS must be positive');
  const count = Math.max(1, Math.ceil(route.durationS / stepS));
  const samples: PathSample[] = [];
  for (let i = 0; i <= count; i++) {
    const timeS = Math.min(route.durationS, i * stepS);
    const pose = poseAt(route, timeS);
    samples.push({
      timeS,
      position: pose.position,
      lookAt: pose.lookAt,
      speedMps: speedAtMps(route, timeS),
      segmentIndex: segmentIndexAt(route, timeS),
    });
  }
  return samples;
}

function clampTime(route: Route, timeS: number): number {
  if (Number.isNaN(timeS)) return 0;
  return Math.min(route.durationS, Math.max(0, timeS));
}
