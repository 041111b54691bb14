// Validation rule on steep climbs and dives: a short steep stretch is fine, a long one
// is not, so the rule looks at runs of steep samples rather than single ones.
import type { RouteIssue } from './route-issue';
import { length, sub } from './vec3-math';
import { MAX_STEEP_CLIMB_S, MAX_SUSTAINED_CLIMB_DEG } from './route-comfort-limits';
import { formatFixed as fmt, segmentPlace } from './route-issue-text';
import { RAD_TO_DEG, type MotionSample } from './motion-samples';

export function checkSustainedClimb(samples: readonly MotionSample[], stepS: number): RouteIssue[] {
  const issues: RouteIssue[] = [];
  let runStart = -1;
  let runWorstDeg = 0;
  let runSign = 0;
  const flush = (endIndex: number) => {
    if (runStart < 0) return;
    const durationS = samples[endIndex].timeS - samples[runStart].timeS;
    if (durationS > MAX_STEEP_CLIMB_S) {
      const start = samples[runStart];
      const place = segmentPlace(start.segmentIndex, start.timeS);
      const climbing = runSign > 0;
      issues.push({
        code: 'sustained-steep-climb',
        severity: 'error',
        segmentIndex: start.segmentIndex,
        timeS: start.timeS,
        value: runWorstDeg,
        limit: MAX_SUSTAINED_CLIMB_DEG,
        message: {
          en: `${place.en} the camera ${climbing ? 'climbs' : 'dives'} at up to ${fmt(runWorstDeg)}° for ${fmt(durationS, 1)} s; steeper than ${MAX_SUSTAINED_CLIMB_DEG}° may last at most ${MAX_STEEP_CLIMB_S} s. Spread the height change over a longer stretch.`,
          zh: `${place.zh}，镜头以最高 ${fmt(runWorstDeg)}° 的角度${climbing ? '爬升' : '俯冲'}了 ${fmt(durationS, 1)} 秒；超过 ${MAX_SUSTAINED_CLIMB_DEG}° 的${climbing ? '爬升' : '俯冲'}最多只能持续 ${MAX_STEEP_CLIMB_S} 秒。请把高度变化分摊到更长的航段。`,
        },
      });
    }
    runStart = -1;
    runWorstDeg = 0;
    runSign = 0;
  };
  for (let i = 1; i < samples.length; i++) {
    const move = sub(samples[i].position, samples[i - 1].position);
    const horizontalM = Math.hypot(move[0], move[2]);
    const speedMps = length(move) / stepS;
    const angleDeg = Math.atan2(move[1], horizontalM) * RAD_TO_DEG;
    const steep = speedMps > 1 && Math.abs(angleDeg) > MAX_SUSTAINED_CLIMB_DEG;
    const sign = Math.sign(angleDeg);
    if (steep && runStart >= 0 && sign === runSign) {
      runWorstDeg = Math.max(runWorstDeg, Math.abs(angleDeg));
    } else {
      flush(i - 1);
      if (steep) {
        runStart = i - 1;
        runWorstDeg = Math.abs(angleDeg);
        runSign = sign;
      }
    }
  }
  flush(samples.length - 1);
  return issues;
}
