// One problem found in a route, precise enough to fix without reading code: which
// rule, where (keyframe, segment, time, field), the measured value and the limit.
import type { LocalizedText } from './route-schema';

export type RouteIssueCode =
  | 'schema'
  | 'duration-out-of-range'
  | 'keyframe-times-not-increasing'
  | 'first-keyframe-not-at-start'
  | 'last-keyframe-not-at-end'
  | 'keyframes-too-close'
  | 'poi-outside-duration'
  | 'poi-caption-overruns-end'
  | 'outside-world'
  | 'keyframe-clearance'
  | 'path-clearance'
  | 'speed-too-high'
  | 'acceleration-too-high'
  | 'yaw-rate-too-high'
  | 'pitch-rate-too-high'
  | 'view-too-steep'
  | 'look-at-too-close'
  | 'sustained-steep-climb';

/** Errors block publishing a route; warnings are shown to the author but allowed. */
export type RouteIssueSeverity = 'error' | 'warning';

export interface RouteIssue {
  code: RouteIssueCode;
  severity: RouteIssueSeverity;
  /** Plain-language explanation for route authors; keyframes are numbered from 1 as in the studio. */
  message: LocalizedText;
  /** 0-based index into route.keyframes. */
  keyframeIndex?: number;
  /** 0-based segment index: segment i runs from keyframe i to keyframe i + 1. */
  segmentIndex?: number;
  /** 0-based index into route.pointsOfInterest. */
  pointOfInterestIndex?: number;
  /** Route time of the worst sample, in seconds. */
  timeS?: number;
  /** Field path inside the route document, as zod reports it. */
  path?: (string | number)[];
  /** The measured value (in the limit's unit) where the rule is numeric. */
  value?: number;
  limit?: number;
}

/** How many of the issues block publishing. */
export function countErrors(issues: readonly RouteIssue[]): number {
  return issues.filter((issue) => issue.severity === 'error').length;
}
