// Motion blur by the shutter: a frame's sub-frames are spread over the time the shutter is open
// (180° at the bake's 30 frames a second: 1/60 s), each drawn at its own route time, so their
// average smears what moves across the picture the way a film camera does. The times follow
// from the frame's time alone, so the blur is the same on every bake.
import { BAKE_FPS } from '@/scenes/protocol/profile-ladder';

/** The bake's frame rate: the profile ladder's, defined once. */
export const FRAMES_PER_S = BAKE_FPS;
/** Fraction of a frame the shutter is open: 0.5 is the cinema's 180° shutter. */
export const SHUTTER_OPEN_FRACTION = 0.5;

/**
 * Route-time offsets (s) of sub-frames 0…count−1, centred on the frame's time: sub-frame k sits at
 * the middle of the k-th of count equal slices of the open shutter, so the blur is symmetric
 * and an odd count puts one sub-frame exactly at the frame's time.
 */
export function shutterOffsetsS(count: number): number[] {
  const openS = SHUTTER_OPEN_FRACTION / FRAMES_PER_S;
  return Array.from({ length: count }, (_, k) => ((k + 0.5) / count - 0.5) * openS);
}

/**
 * The order to draw sub-frames in: the one nearest the frame's time first, since the first
 * sub-frame also draws the sun's shadow map and marches the cloud that every sub-frame reuses.
 */
export function drawOrder(count: number): number[] {
  const centre = Math.floor(count / 2);
  return [centre, ...Array.from({ length: count }, (_, k) => k).filter((k) => k !== centre)];
}
