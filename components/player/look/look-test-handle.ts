// The handle the player puts on window for end-to-end tests and the screenshot script: read
// and set the look, and read what the device's camera last drew with it, so a test can check
// the drawn camera against lookedQuaternion without reading pixels.
import type { LookOffset } from '@/scenes/routes/look-offset';
import type { Quaternion } from '@/scenes/routes/camera-orientation';
import type { Vec3 } from '@/scenes/routes/route-schema';
import type { LookRelease } from './look-motion';

/** One frame of the device's camera: the route time, the look it applied, and the camera it set. */
export interface DrawnLook {
  timeS: number;
  offset: LookOffset;
  position: Vec3;
  quaternion: Quaternion;
  /** Vertical field of view, degrees. */
  fovDeg: number;
  frame: number;
}

export interface YunshanLookHandle {
  get(): LookOffset;
  set(offset: LookOffset): void;
  recentre(): void;
  moving(): boolean;
  release(): LookRelease;
  setRelease(release: LookRelease): void;
  /** The device camera's latest frame; null before the device has drawn. */
  drawn(): DrawnLook | null;
}

let latestDrawn: DrawnLook | null = null;
let drawnFrames = 0;

/** FlightCamera reports each frame it sets (a few numbers: cheap enough to keep always). */
export function reportDrawnLook(record: Omit<DrawnLook, 'frame'>): void {
  drawnFrames += 1;
  latestDrawn = { ...record, frame: drawnFrames };
}

export function latestDrawnLook(): DrawnLook | null {
  return latestDrawn;
}

declare global {
  interface Window {
    __yunshanLook?: YunshanLookHandle;
  }
}
