// Which keyframes, segments and sights the studio map marks, and how: the worst
// severity of any issue that names each. Pure, so the map only draws what it is given.
import type { RouteIssue, RouteIssueSeverity } from '@/scenes/routes/route-issue';

export interface IssueMarks {
  keyframes: Map<number, RouteIssueSeverity>;
  segments: Map<number, RouteIssueSeverity>;
  pois: Map<number, RouteIssueSeverity>;
}

export function issueMarks(issues: readonly RouteIssue[]): IssueMarks {
  const keyframes = new Map<number, RouteIssueSeverity>();
  const segments = new Map<number, RouteIssueSeverity>();
  const pois = new Map<number, RouteIssueSeverity>();
  const mark = (map: Map<number, RouteIssueSeverity>, index: number | undefined, severity: RouteIssueSeverity) => {
    if (index === undefined) return;
    if (map.get(index) !== 'error') map.set(index, severity);
  };
  for (const issue of issues) {
    // A segment issue marks the stretch, not the keyframe it may also name.
    if (issue.segmentIndex !== undefined) mark(segments, issue.segmentIndex, issue.severity);
    else mark(keyframes, issue.keyframeIndex, issue.severity);
    mark(pois, issue.pointOfInterestIndex, issue.severity);
  }
  return { keyframes, segments, pois };
}
