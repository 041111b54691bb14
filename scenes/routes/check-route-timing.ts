// Validation rules on a route's clock: keyframes from 0 s to the end in increasing
// order, and sights whose captions fall inside the flight.
import type { Route } from './route-schema';
import type { RouteIssue } from './route-issue';
import { KEYFRAME_TIME_TOLERANCE_S } from './route-comfort-limits';
import { formatFixed as fmt, keyframeName } from './route-issue-text';

export function checkKeyframeTimes(route: Route): RouteIssue[] {
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

export function checkPointsOfInterest(route: Route): RouteIssue[] {
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
