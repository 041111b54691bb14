// The camera sampled along a route's clock for the motion rules, and the tally each rule
// keeps of its worst sample per segment, so one bad stretch gives one issue.
import { poseAt, segmentIndexAt } from './pose';
import type { LocalizedText, Route, Vec3 } from './route-schema';
import type { RouteIssue } from './route-issue';
import { length, normalize, sub } from './vec3-math';
import { MOTION_SAMPLE_STEP_S } from './route-comfort-limits';
import { segmentPlace } from './route-issue-text';

export const RAD_TO_DEG = 180 / Math.PI;

export interface MotionSample {
  timeS: number;
  segmentIndex: number;
  position: Vec3;
  forward: Vec3;
  lookDistanceM: number;
}

/** Evenly spaced samples from 0 to the route's end, about MOTION_SAMPLE_STEP_S apart; `stepS` is their exact spacing. */
export function sampleMotion(route: Route): { samples: MotionSample[]; stepS: number } {
  const count = Math.max(2, Math.ceil(route.durationS / MOTION_SAMPLE_STEP_S));
  const samples: MotionSample[] = [];
  for (let i = 0; i <= count; i++) {
    const timeS = (i / count) * route.durationS;
    const pose = poseAt(route, timeS);
    const toTarget = sub(pose.lookAt, pose.position);
    samples.push({
      timeS,
      segmentIndex: segmentIndexAt(route, timeS),
      position: pose.position,
      forward: normalize(toTarget),
      lookDistanceM: length(toTarget),
    });
  }
  return { samples, stepS: route.durationS / count };
}

/** Angle of a unit direction above the horizon, in radians (negative below). */
export function pitchRad(forward: Vec3): number {
  return Math.asin(Math.max(-1, Math.min(1, forward[1])));
}

export interface WorstSample {
  value: number;
  timeS: number;
  /** A rule's own note on the worst sample (which way, which cause). */
  detail: number;
}

/** Keeps the worst value of one rule per segment. */
export class WorstPerSegment {
  readonly entries = new Map<number, WorstSample>();
  offer(segmentIndex: number, value: number, timeS: number, detail = 0): void {
    const current = this.entries.get(segmentIndex);
    if (!current || value > current.value) this.entries.set(segmentIndex, { value, timeS, detail });
  }
  sorted(): [number, WorstSample][] {
    return [...this.entries].sort((a, b) => a[0] - b[0]);
  }
}

/** What a rule says about its worst sample in one segment; where and when are filled in. */
export interface SegmentFinding {
  code: RouteIssue['code'];
  severity: RouteIssue['severity'];
  value: number;
  limit: number;
  message: LocalizedText;
}

/** One issue per segment with a worst sample, in segment order. */
export function segmentIssues(
  worst: WorstPerSegment,
  describe: (worst: WorstSample, place: LocalizedText, segmentIndex: number) => SegmentFinding,
): RouteIssue[] {
  return worst.sorted().map(([segmentIndex, sample]) => {
    const finding = describe(sample, segmentPlace(segmentIndex, sample.timeS), segmentIndex);
    return {
      code: finding.code,
      severity: finding.severity,
      segmentIndex,
      timeS: sample.timeS,
      value: finding.value,
      limit: finding.limit,
      message: finding.message,
    };
  });
}
