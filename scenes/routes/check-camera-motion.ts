// Validation rules on how the camera moves and turns, sample by sample: acceleration,
// how fast the view swings and tilts, how steeply it looks, and how near its target is.
import type { LocalizedText } from './route-schema';
import type { RouteIssue } from './route-issue';
import { dot, length, normalize, scale, sub } from './vec3-math';
import {
  MAX_ACCELERATION_MPS2,
  MAX_PITCH_RATE_DEG_S,
  MAX_VIEW_PITCH_DEG,
  MAX_YAW_RATE_DEG_S,
  MIN_LOOK_AT_DISTANCE_M,
} from './route-comfort-limits';
import { formatFixed as fmt } from './route-issue-text';
import { pitchRad, RAD_TO_DEG, segmentIssues, WorstPerSegment, type MotionSample } from './motion-samples';

export function checkCameraMotion(samples: readonly MotionSample[], stepS: number): RouteIssue[] {
  const acceleration = new WorstPerSegment();
  const yawRate = new WorstPerSegment();
  const pitchRate = new WorstPerSegment();
  const viewPitch = new WorstPerSegment();
  const lookClose = new WorstPerSegment();
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    const pitchDeg = pitchRad(s.forward) * RAD_TO_DEG;
    if (Math.abs(pitchDeg) > MAX_VIEW_PITCH_DEG) viewPitch.offer(s.segmentIndex, Math.abs(pitchDeg), s.timeS, Math.sign(pitchDeg));
    if (s.lookDistanceM < MIN_LOOK_AT_DISTANCE_M) lookClose.offer(s.segmentIndex, -s.lookDistanceM, s.timeS);
    if (i === 0 || i === samples.length - 1) continue;
    const before = samples[i - 1];
    const after = samples[i + 1];
    const accelerationVec = scale(sub(sub(after.position, s.position), sub(s.position, before.position)), 1 / (stepS * stepS));
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
      const yawRateDegS = (Math.abs(wrapAngle(yawB - yawA)) / (2 * stepS)) * RAD_TO_DEG;
      if (yawRateDegS > MAX_YAW_RATE_DEG_S) yawRate.offer(s.segmentIndex, yawRateDegS, s.timeS);
    }
    const pitchRateDegS = (Math.abs(pitchRad(after.forward) - pitchRad(before.forward)) / (2 * stepS)) * RAD_TO_DEG;
    if (pitchRateDegS > MAX_PITCH_RATE_DEG_S) pitchRate.offer(s.segmentIndex, pitchRateDegS, s.timeS);
  }

  return [
    ...segmentIssues(acceleration, (worst, place) => {
      const advice: LocalizedText =
        worst.detail === 1
          ? { en: 'the turn is too tight for this speed: widen it or slow down', zh: '这个速度下转弯过急：请放大转弯半径或降低速度' }
          : {
              en: 'the speed changes too abruptly: lengthen the ease or even out the keyframe spacing',
              zh: '速度变化过猛：请延长缓冲时间，或让关键帧间距更均匀',
            };
      return {
        code: 'acceleration-too-high',
        severity: 'error',
        value: worst.value,
        limit: MAX_ACCELERATION_MPS2,
        message: {
          en: `${place.en} the camera accelerates at ${fmt(worst.value, 1)} m/s², above the comfortable ${MAX_ACCELERATION_MPS2} m/s²; ${advice.en}.`,
          zh: `${place.zh}，镜头加速度达 ${fmt(worst.value, 1)} 米/秒²，超过舒适上限 ${MAX_ACCELERATION_MPS2} 米/秒²；${advice.zh}。`,
        },
      };
    }),
    ...segmentIssues(yawRate, (worst, place, segmentIndex) => ({
      code: 'yaw-rate-too-high',
      severity: 'error',
      value: worst.value,
      limit: MAX_YAW_RATE_DEG_S,
      message: {
        en: `${place.en} the view swings sideways at ${fmt(worst.value)}°/s; keep it under ${MAX_YAW_RATE_DEG_S}°/s to avoid motion sickness. Move the look-at targets of keyframes ${segmentIndex + 1} and ${segmentIndex + 2} closer in direction, or further away from the camera.`,
        zh: `${place.zh}，视角左右转动速度达每秒 ${fmt(worst.value)}°；为避免晕动，请控制在每秒 ${MAX_YAW_RATE_DEG_S}° 以内。可让第 ${segmentIndex + 1} 和第 ${segmentIndex + 2} 个关键帧的注视点方向更接近，或放得更远。`,
      },
    })),
    ...segmentIssues(pitchRate, (worst, place, segmentIndex) => ({
      code: 'pitch-rate-too-high',
      severity: 'error',
      value: worst.value,
      limit: MAX_PITCH_RATE_DEG_S,
      message: {
        en: `${place.en} the view tilts up or down at ${fmt(worst.value)}°/s; keep it under ${MAX_PITCH_RATE_DEG_S}°/s. Bring the heights of the look-at targets of keyframes ${segmentIndex + 1} and ${segmentIndex + 2} closer together.`,
        zh: `${place.zh}，视角上下俯仰速度达每秒 ${fmt(worst.value)}°；请控制在每秒 ${MAX_PITCH_RATE_DEG_S}° 以内。可让第 ${segmentIndex + 1} 和第 ${segmentIndex + 2} 个关键帧注视点的高度更接近。`,
      },
    })),
    ...segmentIssues(viewPitch, (worst, place) => {
      const down = worst.detail < 0;
      return {
        code: 'view-too-steep',
        severity: 'error',
        value: worst.value,
        limit: MAX_VIEW_PITCH_DEG,
        message: {
          en: `${place.en} the camera looks ${down ? 'down' : 'up'} at ${fmt(worst.value)}°; keep within ${MAX_VIEW_PITCH_DEG}° of level so the horizon does not spin.`,
          zh: `${place.zh}，镜头${down ? '俯视' : '仰视'}角度达 ${fmt(worst.value)}°；请控制在 ${MAX_VIEW_PITCH_DEG}° 以内，以免画面旋转。`,
        },
      };
    }),
    // The tally keeps the largest value, so the nearest target is offered negated.
    ...segmentIssues(lookClose, (worst, place) => ({
      code: 'look-at-too-close',
      severity: 'warning',
      value: -worst.value,
      limit: MIN_LOOK_AT_DISTANCE_M,
      message: {
        en: `${place.en} the look-at target is only ${fmt(-worst.value)} m from the camera; put it at least ${MIN_LOOK_AT_DISTANCE_M} m away or the view will jerk as the camera passes it.`,
        zh: `${place.zh}，注视点距镜头仅 ${fmt(-worst.value)} 米；请放到 ${MIN_LOOK_AT_DISTANCE_M} 米以外，否则镜头经过时视角会突然甩动。`,
      },
    })),
  ];
}

function wrapAngle(radians: number): number {
  return Math.atan2(Math.sin(radians), Math.cos(radians));
}
