// A drag on the picture turns the view as if the visitor held the landscape and moved it:
// dragging right brings what is on the left into view (the view turns left), dragging down
// looks up. One pixel is as many radians as one pixel of the picture spans, so the point under
// the finger stays under it (near the centre of the picture, where it matters).

/** A press that moves less than this (CSS pixels) is a tap or a click, not a look. */
export const DRAG_THRESHOLD_PX = 8;

export function radiansPerPixel(verticalFovDeg: number, stageHeightPx: number): number {
  return (verticalFovDeg * Math.PI) / 180 / Math.max(1, stageHeightPx);
}

/** Yaw and pitch change for a pointer move of (dx, dy) CSS pixels. */
export function dragTurn(dxPx: number, dyPx: number, radPerPx: number): { deltaYawRad: number; deltaPitchRad: number } {
  // Yaw is positive to the left, pitch positive up (look-offset.ts).
  return { deltaYawRad: dxPx * radPerPx, deltaPitchRad: dyPx * radPerPx };
}

export function movedPastThreshold(dxPx: number, dyPx: number): boolean {
  return Math.hypot(dxPx, dyPx) >= DRAG_THRESHOLD_PX;
}
