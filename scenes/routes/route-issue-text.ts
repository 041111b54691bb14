// The words every validation rule shares to say where a problem is: keyframes and
// segments numbered from 1 as the studio shows them, times as the player's clock.
import { formatClockTime } from '../timeline/clock-time-format';
import type { LocalizedText } from './route-schema';

export function keyframeName(index: number): LocalizedText {
  return { en: `Keyframe ${index + 1}`, zh: `第 ${index + 1} 个关键帧` };
}

export function segmentPlace(segmentIndex: number, timeS: number): LocalizedText {
  const clock = formatClockTime(timeS);
  return {
    en: `Between keyframes ${segmentIndex + 1} and ${segmentIndex + 2} (at ${clock})`,
    zh: `第 ${segmentIndex + 1} 至第 ${segmentIndex + 2} 个关键帧之间（${clock} 处）`,
  };
}

/** A measured value in a message: whole units unless `digits` asks for more. */
export function formatFixed(value: number, digits = 0): string {
  return value.toFixed(digits);
}
