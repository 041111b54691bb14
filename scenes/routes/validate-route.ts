// Checks a route before it is published: the schema, its timing, clearance from the
// world's rock, and comfort limits on motion, with issues that say where and why.
// Each rule lives in its own check-*.ts; this is the one entry point and its order.
import { parseRoute } from './parse-route';
import type { RouteIssue } from './route-issue';
import { checkKeyframeTimes, checkPointsOfInterest } from './check-route-timing';
import { checkKeyframeSpacing, checkWorldBounds } from './check-keyframe-placement';
import { checkClearance, type ValidationWorld } from './check-clearance';
import { sampleMotion } from './motion-samples';
import { checkSpeed } from './check-speed';
import { checkCameraMotion } from './check-camera-motion';
import { checkSustainedClimb } from './check-sustained-climb';

export { parseRoute, type ParseRouteResult } from './parse-route';
export * from './route-comfort-limits';
export type { RouteIssue, RouteIssueCode, RouteIssueSeverity } from './route-issue';
export type { ValidationWorld } from './check-clearance';

/** Every issue in `input`, schema first; an empty list means the route may be published. */
export function validateRoute(input: unknown, world: ValidationWorld): RouteIssue[] {
  const parsed = parseRoute(input);
  if (!parsed.ok) return parsed.issues;
  const route = parsed.route;
  const motion = sampleMotion(route);
  return [
    ...checkKeyframeTimes(route),
    ...checkKeyframeSpacing(route),
    ...checkPointsOfInterest(route),
    ...checkWorldBounds(route),
    ...checkClearance(route, world),
    ...checkSpeed(route, motion.samples),
    ...checkCameraMotion(motion.samples, motion.stepS),
    ...checkSustainedClimb(motion.samples, motion.stepS),
  ];
}

export function hasErrors(issues: readonly RouteIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
