// How the poster shown in place of a flight drifts over the route: a slow zoom and shift on the
// flight clock, calm enough to read as still. Shared by the poster flight and the poster the page
// holds before the player has hydrated, so the one hands over to the other without a jump.

/** How far the picture drifts and zooms over the whole route: slow enough to read as calm. */
const DRIFT_ZOOM = 0.12;
const DRIFT_PERCENT = 4;

/** The CSS transform at `progress` (0 at the route's start, 1 at its end). */
export function posterDriftTransform(progress: number): string {
  const scale = 1.04 + DRIFT_ZOOM * progress;
  const shift = DRIFT_PERCENT * (progress - 0.5);
  return `translate3d(${shift}%, ${-shift / 2}%, 0) scale(${scale})`;
}
