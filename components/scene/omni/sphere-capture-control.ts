// What the render page tells the sphere capture: which of the six faces the next advance of
// the frame loop draws. A plain mutable object, read each frame (no React state per frame).
export interface SphereCaptureControl {
  /** 0–5: the face the next advance draws (CUBE_FACES); the last one also resamples the sphere onto the canvas. */
  face: number;
}

export function createSphereCaptureControl(): SphereCaptureControl {
  return { face: 0 };
}
