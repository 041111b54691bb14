// Validation rules on where keyframes stand: apart from each other on a constant-speed
// route, and inside the generated world.
import type { Route } from './route-schema';
import type { RouteIssue } from './route-issue';
import { distance } from './vec3-math';
import { MAX_ABS_HORIZONTAL_M, MIN_KEYFRAME_SPACING_M } from './route-comfort-limits';
import { formatFixed as fmt, keyframeName } from './route-issue-text';

export function checkKeyframeSpacing(route: Route): RouteIssue[] {
  // A keyframe-timed route may hover on purpose; at constant speed a repeat is a kink.
  if (route.pacing !== 'constant-speed') return [];
  const issues: RouteIssue[] = [];
  for (let i = 1; i < route.keyframes.length; i++) {
    const gapM = distance(route.keyframes[i - 1].position, route.keyframes[i].position);
    if (gapM < MIN_KEYFRAME_SPACING_M) {
      issues.push({
        code: 'keyframes-too-close',
        severity: 'warning',
        keyframeIndex: i,
        segmentIndex: i - 1,
        path: ['keyframes', i, 'position'],
        value: gapM,
        limit: MIN_KEYFRAME_SPACING_M,
        message: {
          en: `${keyframeName(i).en} is at the same place as keyframe ${i}; at constant speed this makes a kink. Remove one, or use keyframe-timed pacing to hover.`,
          zh: `${keyframeName(i).zh}与第 ${i} 个关键帧位置重合；匀速飞行时会造成折角。请删除其一，或改用“按关键帧时间”节奏来悬停。`,
        },
      });
    }
  }
  return issues;
}

export function checkWorldBounds(route: Route): RouteIssue[] {
  const issues: RouteIssue[] = [];
  route.keyframes.forEach((keyframe, index) => {
    const reach = Math.max(Math.abs(keyframe.position[0]), Math.abs(keyframe.position[2]));
    if (reach > MAX_ABS_HORIZONTAL_M) {
      issues.push({
        code: 'outside-world',
        severity: 'error',
        keyframeIndex: index,
        path: ['keyframes', index, 'position'],
        value: reach,
        limit: MAX_ABS_HORIZONTAL_M,
        message: {
          en: `${keyframeName(index).en} is ${fmt(reach)} m from the centre, outside the scene (at most ${MAX_ABS_HORIZONTAL_M} m east, west, north or south).`,
          zh: `${keyframeName(index).zh}距场景中心 ${fmt(reach)} 米，已超出场景范围（东西南北各不超过 ${MAX_ABS_HORIZONTAL_M} 米）。`,
        },
      });
    }
  });
  return issues;
}
