// Validation rule on clearance from the world's rock: at each keyframe, and along the
// flown path between them, with messages that tell the ground from a pillar.
import { keyframePassTimesS, pathLengthM, pointAtDistance } from './pose';
import type { LocalizedText, Route, Vec3 } from './route-schema';
import type { RouteIssue } from './route-issue';
import { routeTimeline } from './route-timeline';
import { CLEARANCE_SAMPLE_STEP_M, MAX_CLEARANCE_SAMPLES, MIN_CLEARANCE_M } from './route-comfort-limits';
import { formatFixed as fmt, keyframeName, segmentPlace } from './route-issue-text';

/** What validation needs from the world: `createWorld()` in scenes/world/world.ts provides it. */
export interface ValidationWorld {
  /** Metres from `p` to the nearest solid (terrain, pillar, bridge); negative inside. */
  clearanceAt(p: Vec3): number;
  /** Terrain height at (x, z); lets messages tell "the ground" from "a pillar". */
  heightAt?(x: number, z: number): number;
}

interface ClearanceSample {
  clearanceM: number;
  distanceM: number;
  position: Vec3;
}

export function checkClearance(route: Route, world: ValidationWorld): RouteIssue[] {
  const issues: RouteIssue[] = [];
  const passTimes = keyframePassTimesS(route);
  const flagged: number[] = [];
  route.keyframes.forEach((keyframe, index) => {
    const clearanceM = world.clearanceAt(keyframe.position);
    if (clearanceM < MIN_CLEARANCE_M) {
      flagged.push(index);
      const text = clearanceText(clearanceM, obstacleName(keyframe.position, clearanceM, world));
      issues.push({
        code: 'keyframe-clearance',
        severity: 'error',
        keyframeIndex: index,
        timeS: passTimes[index],
        path: ['keyframes', index, 'position'],
        value: clearanceM,
        limit: MIN_CLEARANCE_M,
        message: { en: `${keyframeName(index).en} ${text.en}.`, zh: `${keyframeName(index).zh}${text.zh}。` },
      });
    }
  });

  const timeline = routeTimeline(route);
  for (const [segmentIndex, sample] of worstPathSamples(route, world, flagged)) {
    const timeS = timeline.timeAtDistance(sample.distanceM);
    const place = segmentPlace(segmentIndex, timeS);
    const text = clearanceText(sample.clearanceM, obstacleName(sample.position, sample.clearanceM, world));
    issues.push({
      code: 'path-clearance',
      severity: 'error',
      segmentIndex,
      timeS,
      value: sample.clearanceM,
      limit: MIN_CLEARANCE_M,
      message: {
        en: `${place.en} the camera ${text.en}; move keyframe ${segmentIndex + 1} or ${segmentIndex + 2}, or add one to steer around it.`,
        zh: `${place.zh}，镜头${text.zh}；请移动第 ${segmentIndex + 1} 或第 ${segmentIndex + 2} 个关键帧，或加一个关键帧绕开。`,
      },
    });
  }
  return issues;
}

/**
 * Sub-minimum samples come in runs (one pass by one obstacle). A run that touches a
 * reported keyframe is that keyframe's problem; any other run is reported at the worst
 * sample of each segment it crosses, so one misplaced keyframe gives one issue.
 * Returns [segment index, worst sample], by segment.
 */
function worstPathSamples(route: Route, world: ValidationWorld, flaggedKeyframes: readonly number[]): [number, ClearanceSample][] {
  const timeline = routeTimeline(route);
  const lengthM = pathLengthM(route);
  const count = Math.min(MAX_CLEARANCE_SAMPLES, Math.max(1, Math.ceil(lengthM / CLEARANCE_SAMPLE_STEP_M)));
  const stepM = lengthM / count;
  const flaggedDistancesM = flaggedKeyframes.map((index) => timeline.curve.keyframeDistancesM[index]);
  const worst = new Map<number, ClearanceSample>();
  let run: { startM: number; samples: ClearanceSample[] } | null = null;
  const closeRun = (endM: number) => {
    if (!run) return;
    const { startM, samples } = run;
    run = null;
    if (flaggedDistancesM.some((d) => d >= startM - stepM && d <= endM + stepM)) return;
    for (const sample of samples) {
      const segment = timeline.curve.segmentAtDistance(sample.distanceM);
      const current = worst.get(segment);
      if (!current || sample.clearanceM < current.clearanceM) worst.set(segment, sample);
    }
  };
  for (let i = 0; i <= count; i++) {
    const distanceM = i * stepM;
    const position = pointAtDistance(route, distanceM);
    const clearanceM = world.clearanceAt(position);
    if (clearanceM < MIN_CLEARANCE_M) {
      run ??= { startM: distanceM, samples: [] };
      run.samples.push({ clearanceM, distanceM, position });
    } else {
      closeRun(distanceM - stepM);
    }
  }
  closeRun(lengthM);
  return [...worst].sort((a, b) => a[0] - b[0]);
}

function obstacleName(p: Vec3, clearanceM: number, world: ValidationWorld): LocalizedText {
  if (!world.heightAt) return { en: 'rock or ground', zh: '山石或地面' };
  // If some terrain point is about as near as the reported clearance, the culprit is the
  // ground (a cliff counts); otherwise it is a pillar standing on it.
  const reachM = Math.max(0, clearanceM) + 2;
  for (let radiusM = 0; radiusM <= reachM; radiusM += 2) {
    for (let k = 0; k < (radiusM === 0 ? 1 : 8); k++) {
      const x = p[0] + radiusM * Math.cos((k * Math.PI) / 4);
      const z = p[2] + radiusM * Math.sin((k * Math.PI) / 4);
      const groundM = world.heightAt(x, z);
      if (p[1] <= groundM || Math.hypot(radiusM, p[1] - groundM) <= reachM) return { en: 'the ground', zh: '地面' };
    }
  }
  return { en: 'a pillar', zh: '石柱' };
}

function clearanceText(clearanceM: number, obstacle: LocalizedText): LocalizedText {
  if (clearanceM < 0) {
    return {
      en: `is inside ${obstacle.en} (${fmt(-clearanceM)} m deep); keep at least ${MIN_CLEARANCE_M} m clear`,
      zh: `位于${obstacle.zh}内部（深 ${fmt(-clearanceM)} 米）；请至少保持 ${MIN_CLEARANCE_M} 米距离`,
    };
  }
  return {
    en: `is ${fmt(clearanceM)} m from ${obstacle.en}; keep at least ${MIN_CLEARANCE_M} m`,
    zh: `距${obstacle.zh}仅 ${fmt(clearanceM)} 米；请至少保持 ${MIN_CLEARANCE_M} 米`,
  };
}
