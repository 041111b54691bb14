// What the headset view publishes for end-to-end tests (and the curious, in the console): how
// many frames it drew into the session, and where its rig stood on the last one.
import type { Vec3 } from '@/scenes/routes/route-schema';

export interface YunshanXRHandle {
  frames: number;
  /** Route time of the last frame drawn in the headset. */
  timeS: number;
  /** The rig (the headset's origin) in world space: position, and its forward and up axes. */
  position: Vec3;
  forward: Vec3;
  up: Vec3;
  vignette: number;
  /** The eye's forward in the world (the rig's turn and the head's; on the device path as last rendered): the look kept on leaving. */
  eyeForward?: Vec3;
}

declare global {
  interface Window {
    __yunshanXR?: YunshanXRHandle;
  }
}
