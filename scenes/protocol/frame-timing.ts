// Frame and segment maths: which frame shows at a moment of route time, where segments
// start, and the timestamp an encoded frame carries. The bake drew frame i at
// poseAt(route, i / BAKE_FPS), one independently encoded second per segment.
import { BAKE_FPS } from './profile-ladder';

/** One segment is one second: it starts with a keyframe and is encoded independently. */
export const FRAMES_PER_SEGMENT = BAKE_FPS;

/** Frames in a route of `durationS` seconds: both ends drawn. */
export function frameCountFor(durationS: number): number {
  return Math.floor(durationS * BAKE_FPS) + 1;
}

export function segmentCountFor(durationS: number): number {
  return Math.ceil(frameCountFor(durationS) / FRAMES_PER_SEGMENT);
}

/** The segment frame `index` belongs to. */
export function segmentOfFrame(index: number): number {
  return Math.floor(index / FRAMES_PER_SEGMENT);
}

/** The first frame of a segment: always a keyframe. */
export function firstFrameOfSegment(segmentIndex: number): number {
  return segmentIndex * FRAMES_PER_SEGMENT;
}

/** The presentation timestamp frame `index` carries, in whole microseconds. */
export function frameTimestampUs(index: number, fps: number = BAKE_FPS): number {
  return Math.round((index * 1_000_000) / fps);
}

/** Route time at which frame `index` was drawn. */
export function timeOfFrame(index: number, fps: number = BAKE_FPS): number {
  return index / fps;
}

/** The frame index to show at `timeS`, clamped to the frames that exist: the nearest frame. */
export function frameIndexForTime(timeS: number, frameCount: number, fps: number = BAKE_FPS): number {
  if (!Number.isInteger(frameCount) || frameCount < 1) throw new RangeError(`frameCount must be a positive integer, got ${frameCount}`);
  if (!Number.isFinite(timeS) || timeS <= 0) return 0;
  return Math.min(frameCount - 1, Math.round(timeS * fps));
}

/** The keyframe at or before frame `index`, with a keyframe every `keyframeInterval` frames from 0. */
export function keyframeAtOrBefore(index: number, keyframeInterval: number = FRAMES_PER_SEGMENT): number {
  return Math.max(0, Math.floor(index / keyframeInterval) * keyframeInterval);
}

/**
 * The keyframe a stream restarts at to land on `targetFrame` (a seek, a resume, a new
 * transport): the segment start at or before it, never past the route's last keyframe.
 */
export function seekStartFrame(targetFrame: number, frameCount: number): number {
  const lastKeyframe = keyframeAtOrBefore(Math.max(0, frameCount - 1));
  return Math.min(lastKeyframe, keyframeAtOrBefore(Math.max(0, targetFrame)));
}
