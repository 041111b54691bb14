// A farm bake's progress from what its render nodes reported per segment: segments and
// frames done out of the total, and the farm's rate, frames drawn per second of wall time
// from the first drawn segment's start to the last one's end, over all nodes together.
// Pure, so the studio's line and /metrics read the same numbers.
import type { BakeKey } from '../bake/bake-contracts';
import { frameCountFor, segmentCountFor } from '@/scenes/protocol/frame-timing';
import type { SegmentResult } from './segment-job';

export type FarmBakeState = 'queued' | 'running' | 'done' | 'failed';

export interface FarmBakeProgress {
  key: BakeKey;
  state: FarmBakeState;
  segmentsDone: number;
  segmentCount: number;
  framesDone: number;
  framesTotal: number;
  /** Frames drawn (segments found stored excluded) per second of farm wall time; null before the first drawn segment. */
  framesPerSecond: number | null;
  /** Why it failed, when it did. */
  error: string | null;
}

/** The bake's state in BullMQ's words, for its manifest job: waiting-children while segments are out. */
export function farmStateOf(manifestJobState: string, segmentsDone: number): FarmBakeState {
  if (manifestJobState === 'completed') return 'done';
  if (manifestJobState === 'failed') return 'failed';
  if (manifestJobState === 'active' || segmentsDone > 0) return 'running';
  return 'queued';
}

export function aggregateFarmProgress(
  key: BakeKey,
  routeDurationS: number,
  results: readonly SegmentResult[],
  manifestJobState: string,
  error: string | null = null,
): FarmBakeProgress {
  const segmentCount = segmentCountFor(routeDurationS);
  const framesTotal = frameCountFor(routeDurationS);
  // A segment retried after its node was lost reports once per index: count each second once.
  const bySegment = new Map<number, SegmentResult>();
  for (const result of results) bySegment.set(result.segmentIndex, result);
  const done = [...bySegment.values()];
  const drawn = done.filter((result) => result.outcome !== 'reused');
  const framesDrawn = drawn.reduce((sum, result) => sum + result.frames, 0);
  const wallMs = drawn.length === 0 ? 0 : Math.max(...drawn.map((r) => r.finishedAtMs)) - Math.min(...drawn.map((r) => r.startedAtMs));
  const state = farmStateOf(manifestJobState, done.length);
  return {
    key,
    state,
    segmentsDone: state === 'done' ? segmentCount : Math.min(done.length, segmentCount),
    segmentCount,
    framesDone:
      state === 'done'
        ? framesTotal
        : Math.min(
            done.reduce((sum, result) => sum + result.frames, 0),
            framesTotal,
          ),
    framesTotal,
    framesPerSecond: framesDrawn > 0 && wallMs > 0 ? (framesDrawn * 1000) / wallMs : null,
    error: state === 'failed' ? error : null,
  };
}
