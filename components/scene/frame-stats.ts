// The numbers tests and the bench read from a running flight, published on window.
import type { QualityTier } from '@/scenes/world/quality-tiers';

export interface YunshanFrameStats {
  frames: number;
  /** Route time of the latest frame. */
  timeS: number;
  /** Draw calls and triangles of the previous complete frame. */
  drawCalls: number;
  triangles: number;
  tier: QualityTier;
  /** Wall time between the last two frames. */
  frameMs: number;
}

declare global {
  interface Window {
    __yunshanStats?: YunshanFrameStats;
  }
}
