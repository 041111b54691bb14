// What the studio map and the inspectors agree on: what is selected, what a click on
// open map adds, and the phases of a drag.
import type { RouteIssue } from '@/scenes/routes/route-issue';

export type MapMode = 'keyframe' | 'poi';

export type MapSelection = { kind: 'keyframe'; index: number } | { kind: 'poi'; index: number } | { kind: 'segment'; index: number } | null;

/** 'move' while the pointer drags, 'end' when it lets go: one drag is one undo step. */
export type DragPhase = 'move' | 'end';

/** What the map selects for an issue: its segment, else its keyframe, else its sight. */
export function selectionForIssue(issue: Pick<RouteIssue, 'keyframeIndex' | 'segmentIndex' | 'pointOfInterestIndex'>): MapSelection {
  if (issue.keyframeIndex !== undefined && issue.segmentIndex === undefined) return { kind: 'keyframe', index: issue.keyframeIndex };
  if (issue.segmentIndex !== undefined) return { kind: 'segment', index: issue.segmentIndex };
  if (issue.pointOfInterestIndex !== undefined) return { kind: 'poi', index: issue.pointOfInterestIndex };
  return null;
}
