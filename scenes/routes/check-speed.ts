// Validation rule on the camera's speed: one cruise speed for a constant-speed route,
// the worst stretch per segment for a keyframe-timed one.
import { cruiseSpeedMps, speedAtMps } from './pose';
import type { Route } from './route-schema';
import type { RouteIssue } from './route-issue';
import { MAX_SPEED_MPS } from './route-comfort-limits';
import { formatFixed as fmt } from './route-issue-text';
import { segmentIssues, WorstPerSegment, type MotionSample } from './motion-samples';

export function checkSpeed(route: Route, samples: readonly MotionSample[]): RouteIssue[] {
  const cruise = cruiseSpeedMps(route);
  if (cruise !== null) {
    if (cruise <= MAX_SPEED_MPS) return [];
    // One speed for the whole route: the fix is the duration, so say by how much.
    const neededS = Math.ceil(route.durationS * (cruise / MAX_SPEED_MPS));
    return [
      {
        code: 'speed-too-high',
        severity: 'error',
        path: ['durationS'],
        value: cruise,
        limit: MAX_SPEED_MPS,
        message: {
          en: `The camera cruises at ${fmt(cruise)} m/s, faster than the comfortable ${MAX_SPEED_MPS} m/s; lengthen the route to about ${neededS} s or shorten the path.`,
          zh: `镜头巡航速度为 ${fmt(cruise)} 米/秒，超过舒适上限 ${MAX_SPEED_MPS} 米/秒；请把时长延长到约 ${neededS} 秒，或缩短航线。`,
        },
      },
    ];
  }
  const worst = new WorstPerSegment();
  for (const s of samples) {
    const speed = speedAtMps(route, s.timeS);
    if (speed > MAX_SPEED_MPS) worst.offer(s.segmentIndex, speed, s.timeS);
  }
  return segmentIssues(worst, (w, place) => ({
    code: 'speed-too-high',
    severity: 'error',
    value: w.value,
    limit: MAX_SPEED_MPS,
    message: {
      en: `${place.en} the camera flies at ${fmt(w.value)} m/s, faster than the comfortable ${MAX_SPEED_MPS} m/s; give this stretch more time.`,
      zh: `${place.zh}，镜头速度达 ${fmt(w.value)} 米/秒，超过舒适上限 ${MAX_SPEED_MPS} 米/秒；请给这一段更多时间。`,
    },
  }));
}
