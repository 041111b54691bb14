// Which baked frame belongs to a moment of route time. The bake drew frame i at
// poseAt(route, i / fps), so the nearest frame to t is round(t × fps).
import { BAKE_FPS } from '@/scenes/protocol/profile-ladder';

/** The stream's frame rate is the bake's. */
export const STREAM_FPS = BAKE_FPS;

/** The frame index to show at `timeS`, clamped to the frames that exist. */
export function frameIndexForTime(timeS: number, frameCount: number, fps: number = STREAM_FPS): number {
  if (!Number.isInteger(frameCount) || frameCount < 1) throw new RangeError(`frameCount must be a positive integer, got ${frameCount}`);
  if (!Number.isFinite(timeS) || timeS <= 0) return 0;
  return Math.min(frameCount - 1, Math.round(timeS * fps));
}

/** Route time at which frame `index` was drawn. */
export function timeOfFrame(index: number, fps: number = STREAM_FPS): number {
  return index / fps;
}

/** The keyframe at or before `index`, with a keyframe every `keyframeInterval` frames from 0. */
export function keyframeAtOrBefore(index: number, keyframeInterval: number = STREAM_FPS): number {
  return Math.max(0, Math.floor(index / keyframeInterval) * keyframeInterval);
}
