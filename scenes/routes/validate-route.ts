// Checks a route before it is published: the schema, its timing, clearance from the
// world's rock, and comfort limits on motion, with issues that say where and why.
import { poseAt, keyframePassTimesS, segmentIndexAt, speedAtMps, cruiseSpeedMps, pathLengthM, pointAtDistance } from './pose';
import { parseRoute } from './parse-route';
import { formatClockTime } from '../timeline/clock-time-format';
import type { LocalizedText, Route, Vec3 } from './route-schema';
import type { RouteIssue } from './route-issue';
import { distance, length, normalize, scale, sub, dot } from './vec3-math';
import { routeTimeline } from './route-timeline';
import {
  CLEARANCE_SAMPLE_STEP_M,
  KEYFRAME_TIME_TOLERANCE_S,
  MAX_ABS_HORIZONTAL_M,
  MAX_CLEARANCE_SAMPLES,
  MAX_ACCELERATION_MPS2,
  MAX_PITCH_RATE_DEG_S,
  MAX_SPEED_MPS,
  MAX_STEEP_CLIMB_S,
  MAX_SUSTAINED_CLIMB_DEG,
  MAX_VIEW_PITCH_DEG,
  MAX_YAW_RATE_DEG_S,
  MIN_CLEARANCE_M,
  MIN_KEYFRAME_SPACING_M,
  MIN_LOOK_AT_DISTANCE_M,
  MOTION_SAMPLE_STEP_S,
} from './route-comfort-limits';

export { parseRoute, type ParseRouteResult } from './parse-route';
export * from './route-comfort-limits';
export type { RouteIssue, RouteIssueCode, RouteIssueSeverity } from './route-issue';

/** What validation needs from the world: `createWorld()` in scenes/world/world.ts provides it. */
export interface ValidationWorld {
  /** Metres from `p` to the nearest solid (terrain, pillar, bridge); negative inside. */
  clearanceAt(p: Vec3): number;
  /** Terrain height at (x, z); lets messages tell "the ground" from "a pillar". */
  heightAt?(x: number, z: number): number;
}

const RAD_TO_DEG = 180 / Math.PI;

/** Every issue in `input`, schema first; an empty list means the route may be published. */
export function validateRoute(input: unknown, world: ValidationWorld): RouteIssue[] {
  const parsed = parseRoute(input);
  if (!parsed.ok) return parsed.issues;
  const route = parsed.route;
  return [
    ...checkKeyframeTimes(route),
    ...checkKeyframeSpacing(route),
    ...checkPointsOfInterest(route),
    ...checkWorldBounds(route),
    ...checkClearance(route, world),
    ...checkMotion(route),
  ];
}

export function hasErrors(issues: readonly RouteIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

function keyframeName(index: number): LocalizedText {
  return { en: `Keyframe ${index + 1}`, zh: `第 ${index + 1} 个关键帧` };
}

function segmentPlace(segmentIndex: number, timeS: number): LocalizedText {
  const clock = formatClockTime(timeS);
  return {
    en: `Between keyframes ${segmentIndex + 1} and ${segmentIndex + 2} (at ${clock})`,
    zh: `第 ${segmentIndex + 1} 至第 ${segmentIndex + 2} 个关键帧之间（${clock} 处）`,
  };
}

function fmt(value: number, digits = 0): string {
  return value.toFixed(digits);
}

function checkKeyframeTimes(route: Route): RouteIssue[] {
  const issues: RouteIssue[] = [];
  const { keyframes, durationS } = route;
  const first = keyframes[0].timeS;
  if (Math.abs(first) > KEYFRAME_TIME_TOLERANCE_S) {
    issues.push({
      code: 'first-keyframe-not-at-start',
      severity: 'error',
      keyframeIndex: 0,
      path: ['keyframes', 0, 'timeS'],
      value: first,
      limit: 0,
      message: {
        en: `Keyframe 1 is at ${fmt(first, 1)} s; the first keyframe must be at 0 s.`,
        zh: `第 1 个关键帧位于 ${fmt(first, 1)} 秒；第一个关键帧必须在 0 秒。`,
      },
    });
  }
  for (let i = 1; i < keyframes.length; i++) {
    const previous = keyframes[i - 1].timeS;
    const current = keyframes[i].timeS;
    if (current <= previous) {
      issues.push({
        code: 'keyframe-times-not-increasing',
        severity: 'error',
        keyframeIndex: i,
        path: ['keyframes', i, 'timeS'],
        value: current,
        limit: previous,
        message: {
          en: `${keyframeName(i).en} is at ${fmt(current, 1)} s, not after keyframe ${i} (${fmt(previous, 1)} s); keyframe times must increase.`,
          zh: `${keyframeName(i).zh}的时间为 ${fmt(current, 1)} 秒，没有晚于第 ${i} 个关键帧（${fmt(previous, 1)} 秒）；关键帧时间必须依次递增。`,
        },
      });
    }
  }
  const lastIndex = keyframes.length - 1;
  const last = keyframes[lastIndex].timeS;
  if (Math.abs(last - durationS) > KEYFRAME_TIME_TOLERANCE_S) {
    issues.push({
      code: 'last-keyframe-not-at-end',
      severity: 'error',
      keyframeIndex: lastIndex,
      path: ['keyframes', lastIndex, 'timeS'],
      value: last,
      limit: durationS,
      message: {
        en: `The last keyframe (${lastIndex + 1}) is at ${fmt(last, 1)} s, but the route lasts ${fmt(durationS, 1)} s; they must match.`,
        zh: `最后一个关键帧（第 ${lastIndex + 1} 个）位于 ${fmt(last, 1)} 秒，而路线时长为 ${fmt(durationS, 1)} 秒；两者必须一致。`,
      },
    });
  }
  return issues;
}

function checkKeyframeSpacing(route: Route): RouteIssue[] {
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

function checkPointsOfInterest(route: Route): RouteIssue[] {
  const issues: RouteIssue[] = [];
  route.pointsOfInterest.forEach((poi, index) => {
    const name = { en: `Point of interest ${index + 1} (“${poi.title.en}”)`, zh: `第 ${index + 1} 个景点解说（“${poi.title.zh}”）` };
    if (poi.timeS > route.durationS) {
      issues.push({
        code: 'poi-outside-duration',
        severity: 'error',
        pointOfInterestIndex: index,
        path: ['pointsOfInterest', index, 'timeS'],
        timeS: poi.timeS,
        value: poi.timeS,
        limit: route.durationS,
        message: {
          en: `${name.en} appears at ${fmt(poi.timeS, 1)} s, after the route ends at ${fmt(route.durationS, 1)} s.`,
          zh: `${name.zh}在 ${fmt(poi.timeS, 1)} 秒出现，但路线在 ${fmt(route.durationS, 1)} 秒就结束了。`,
        },
      });
    } else if (poi.timeS + poi.dwellS > route.durationS + KEYFRAME_TIME_TOLERANCE_S) {
      issues.push({
        code: 'poi-caption-overruns-end',
        severity: 'warning',
        pointOfInterestIndex: index,
        path: ['pointsOfInterest', index, 'dwellS'],
        timeS: poi.timeS,
        value: poi.timeS + poi.dwellS,
        limit: route.durationS,
        message: {
          en: `${name.en} would stay on screen until ${fmt(poi.timeS + poi.dwellS, 1)} s, but the route ends at ${fmt(route.durationS, 1)} s; it will be cut short.`,
          zh: `${name.zh}的字幕要显示到 ${fmt(poi.timeS + poi.dwellS, 1)} 秒，但路线在 ${fmt(route.durationS, 1)} 秒结束，字幕会被截断。`,
        },
      });
    }
  });
  return issues;
}

function checkWorldBounds(route: Route): RouteIssue[] {
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

function checkClearance(route: Route, world: ValidationWorld): RouteIssue[] {
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

  // Sub-minimum samples come in runs (one pass by one obstacle). A run that touches a
  // reported keyframe is that keyframe's problem; any other run is reported at the worst
  // sample of each segment it crosses, so one misplaced keyframe gives one issue.
  const timeline = routeTimeline(route);
  const lengthM = pathLengthM(route);
  const count = Math.min(MAX_CLEARANCE_SAMPLES, Math.max(1, Math.ceil(lengthM / CLEARANCE_SAMPLE_STEP_M)));
  const stepM = lengthM / count;
  const flaggedDistancesM = flagged.map((index) => timeline.curve.keyframeDistancesM[index]);
  const worst = new Map<number, { clearanceM: number; distanceM: number; position: Vec3 }>();
  let run: { startM: number; samples: { clearanceM: number; distanceM: number; position: Vec3 }[] } | null = null;
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
  for (const [segmentIndex, sample] of [...worst].sort((a, b) => a[0] - b[0])) {
    const timeS = timeAtDistance(route, sample.distanceM);
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

function timeAtDistance(route: Route, distanceM: number): number {
  const timeline = routeTimeline(route);
  let lo = 0;
  let hi = route.durationS;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (timeline.distanceAt(mid) < distanceM) lo = mid;
    else hi = mid;
  }
  return hi;
}

interface MotionSample {
  timeS: number;
  segmentIndex: number;
  position: Vec3;
  forward: Vec3;
  lookDistanceM: number;
}

/** Keeps the worst value of one rule per segment. */
class WorstPerSegment {
  readonly entries = new Map<number, { value: number; timeS: number; detail: number }>();
  offer(segmentIndex: number, value: number, timeS: number, detail = 0): void {
    const current = this.entries.get(segmentIndex);
    if (!current || value > current.value) this.entries.set(segmentIndex, { value, timeS, detail });
  }
  sorted(): [number, { value: number; timeS: number; detail: number }][] {
    return [...this.entries].sort((a, b) => a[0] - b[0]);
  }
}

function checkMotion(route: Route): RouteIssue[] {
  const issues: RouteIssue[] = [];
  const dt = MOTION_SAMPLE_STEP_S;
  const count = Math.max(2, Math.ceil(route.durationS / dt));
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
  const step = route.durationS / count;

  issues.push(...checkSpeed(route, samples));

  const acceleration = new WorstPerSegment();
  const yawRate = new WorstPerSegment();
  const pitchRate = new WorstPerSegment();
  const viewPitch = new WorstPerSegment();
  const lookClose = new WorstPerSegment();
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    const pitchDeg = Math.asin(Math.max(-1, Math.min(1, s.forward[1]))) * RAD_TO_DEG;
    if (Math.abs(pitchDeg) > MAX_VIEW_PITCH_DEG) viewPitch.offer(s.segmentIndex, Math.abs(pitchDeg), s.timeS, Math.sign(pitchDeg));
    if (s.lookDistanceM < MIN_LOOK_AT_DISTANCE_M) lookClose.offer(s.segmentIndex, -s.lookDistanceM, s.timeS);
    if (i === 0 || i === samples.length - 1) continue;
    const before = samples[i - 1];
    const after = samples[i + 1];
    const accelerationVec = scale(
      sub(sub(after.position, s.position), sub(s.position, before.position)),
      1 / (step * step),
    );
    const accelerationMps2 = length(accelerationVec);
    if (accelerationMps2 > MAX_ACCELERATION_MPS2) {
      const direction = normalize(sub(after.position, before.position));
      const alongMps2 = Math.abs(dot(accelerationVec, direction));
      // detail 1 = mostly cornering, 0 = mostly speeding up or slowing down.
      const cornering = alongMps2 < accelerationMps2 * Math.SQRT1_2 ? 1 : 0;
      acceleration.offer(s.segmentIndex, accelerationMps2, s.timeS, cornering);
    }
    const yawA = Math.atan2(before.forward[0], -before.forward[2]);
    const yawB = Math.atan2(after.forward[0], -after.forward[2]);
    const horizontal = Math.min(Math.hypot(before.forward[0], before.forward[2]), Math.hypot(after.forward[0], after.forward[2]));
    // Near vertical the yaw is undefined; the view-pitch rule reports that instead.
    if (horizontal > 0.1) {
      const yawRateDegS = (Math.abs(wrapAngle(yawB - yawA)) / (2 * step)) * RAD_TO_DEG;
      if (yawRateDegS > MAX_YAW_RATE_DEG_S) yawRate.offer(s.segmentIndex, yawRateDegS, s.timeS);
    }
    const pitchA = Math.asin(Math.max(-1, Math.min(1, before.forward[1])));
    const pitchB = Math.asin(Math.max(-1, Math.min(1, after.forward[1])));
    const pitchRateDegS = (Math.abs(pitchB - pitchA) / (2 * step)) * RAD_TO_DEG;
    if (pitchRateDegS > MAX_PITCH_RATE_DEG_S) pitchRate.offer(s.segmentIndex, pitchRateDegS, s.timeS);
  }

  for (const [segmentIndex, worst] of acceleration.sorted()) {
    const place = segmentPlace(segmentIndex, worst.timeS);
    const advice: LocalizedText =
      worst.detail === 1
        ? { en: 'the turn is too tight for this speed: widen it or slow down', zh: '这个速度下转弯过急：请放大转弯半径或降低速度' }
        : { en: 'the speed changes too abruptly: lengthen the ease or even out the keyframe spacing', zh: '速度变化过猛：请延长缓冲时间，或让关键帧间距更均匀' };
    issues.push({
      code: 'acceleration-too-high',
      severity: 'error',
      segmentIndex,
      timeS: worst.timeS,
      value: worst.value,
      limit: MAX_ACCELERATION_MPS2,
      message: {
        en: `${place.en} the camera accelerates at ${fmt(worst.value, 1)} m/s², above the comfortable ${MAX_ACCELERATION_MPS2} m/s²; ${advice.en}.`,
        zh: `${place.zh}，镜头加速度达 ${fmt(worst.value, 1)} 米/秒²，超过舒适上限 ${MAX_ACCELERATION_MPS2} 米/秒²；${advice.zh}。`,
      },
    });
  }
  for (const [segmentIndex, worst] of yawRate.sorted()) {
    const place = segmentPlace(segmentIndex, worst.timeS);
    issues.push({
      code: 'yaw-rate-too-high',
      severity: 'error',
      segmentIndex,
      timeS: worst.timeS,
      value: worst.value,
      limit: MAX_YAW_RATE_DEG_S,
      message: {
        en: `${place.en} the view swings sideways at ${fmt(worst.value)}°/s; keep it under ${MAX_YAW_RATE_DEG_S}°/s to avoid motion sickness. Move the look-at targets of keyframes ${segmentIndex + 1} and ${segmentIndex + 2} closer in direction, or further away from the camera.`,
        zh: `${place.zh}，视角左右转动速度达每秒 ${fmt(worst.value)}°；为避免晕动，请控制在每秒 ${MAX_YAW_RATE_DEG_S}° 以内。可让第 ${segmentIndex + 1} 和第 ${segmentIndex + 2} 个关键帧的注视点方向更接近，或放得更远。`,
      },
    });
  }
  for (const [segmentIndex, worst] of pitchRate.sorted()) {
    const place = segmentPlace(segmentIndex, worst.timeS);
    issues.push({
      code: 'pitch-rate-too-high',
      severity: 'error',
      segmentIndex,
      timeS: worst.timeS,
      value: worst.value,
      limit: MAX_PITCH_RATE_DEG_S,
      message: {
        en: `${place.en} the view tilts up or down at ${fmt(worst.value)}°/s; keep it under ${MAX_PITCH_RATE_DEG_S}°/s. Bring the heights of the look-at targets of keyframes ${segmentIndex + 1} and ${segmentIndex + 2} closer together.`,
        zh: `${place.zh}，视角上下俯仰速度达每秒 ${fmt(worst.value)}°；请控制在每秒 ${MAX_PITCH_RATE_DEG_S}° 以内。可让第 ${segmentIndex + 1} 和第 ${segmentIndex + 2} 个关键帧注视点的高度更接近。`,
      },
    });
  }
  for (const [segmentIndex, worst] of viewPitch.sorted()) {
    const place = segmentPlace(segmentIndex, worst.timeS);
    const down = worst.detail < 0;
    issues.push({
      code: 'view-too-steep',
      severity: 'error',
      segmentIndex,
      timeS: worst.timeS,
      value: worst.value,
      limit: MAX_VIEW_PITCH_DEG,
      message: {
        en: `${place.en} the camera looks ${down ? 'down' : 'up'} at ${fmt(worst.value)}°; keep within ${MAX_VIEW_PITCH_DEG}° of level so the horizon does not spin.`,
        zh: `${place.zh}，镜头${down ? '俯视' : '仰视'}角度达 ${fmt(worst.value)}°；请控制在 ${MAX_VIEW_PITCH_DEG}° 以内，以免画面旋转。`,
      },
    });
  }
  for (const [segmentIndex, worst] of lookClose.sorted()) {
    const place = segmentPlace(segmentIndex, worst.timeS);
    issues.push({
      code: 'look-at-too-close',
      severity: 'warning',
      segmentIndex,
      timeS: worst.timeS,
      value: -worst.value,
      limit: MIN_LOOK_AT_DISTANCE_M,
      message: {
        en: `${place.en} the look-at target is only ${fmt(-worst.value)} m from the camera; put it at least ${MIN_LOOK_AT_DISTANCE_M} m away or the view will jerk as the camera passes it.`,
        zh: `${place.zh}，注视点距镜头仅 ${fmt(-worst.value)} 米；请放到 ${MIN_LOOK_AT_DISTANCE_M} 米以外，否则镜头经过时视角会突然甩动。`,
      },
    });
  }
  issues.push(...checkSustainedClimb(samples, step));
  return issues;
}

function checkSpeed(route: Route, samples: readonly MotionSample[]): RouteIssue[] {
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
  return worst.sorted().map(([segmentIndex, w]) => {
    const place = segmentPlace(segmentIndex, w.timeS);
    return {
      code: 'speed-too-high' as const,
      severity: 'error' as const,
      segmentIndex,
      timeS: w.timeS,
      value: w.value,
      limit: MAX_SPEED_MPS,
      message: {
        en: `${place.en} the camera flies at ${fmt(w.value)} m/s, faster than the comfortable ${MAX_SPEED_MPS} m/s; give this stretch more time.`,
        zh: `${place.zh}，镜头速度达 ${fmt(w.value)} 米/秒，超过舒适上限 ${MAX_SPEED_MPS} 米/秒；请给这一段更多时间。`,
      },
    };
  });
}

function checkSustainedClimb(samples: readonly MotionSample[], step: number): RouteIssue[] {
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
    const speedMps = length(move) / step;
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

function wrapAngle(radians: number): number {
  return Math.atan2(Math.sin(radians), Math.cos(radians));
}
