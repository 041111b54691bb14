// Keyboard look for laptops: Shift with the arrow keys turns the view while held (plain arrows
// already seek, see use-player-shortcuts.ts), R turns it back to where the route looks.

export const LOOK_YAW_RATE_RAD_PER_S = (80 * Math.PI) / 180;
export const LOOK_PITCH_RATE_RAD_PER_S = (50 * Math.PI) / 180;

export type LookArrow = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

export function isLookArrow(key: string): key is LookArrow {
  return key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';
}

/** Turn rates for the arrows held now: left turns left (positive yaw), up looks up; opposite keys cancel. */
export function turnRatesOf(held: ReadonlySet<LookArrow>): { yawRateRadPerS: number; pitchRateRadPerS: number } {
  const yaw = (held.has('ArrowLeft') ? 1 : 0) - (held.has('ArrowRight') ? 1 : 0);
  const pitch = (held.has('ArrowUp') ? 1 : 0) - (held.has('ArrowDown') ? 1 : 0);
  return { yawRateRadPerS: yaw * LOOK_YAW_RATE_RAD_PER_S, pitchRateRadPerS: pitch * LOOK_PITCH_RATE_RAD_PER_S };
}

export function isRecentreKey(key: string): boolean {
  return key === 'r' || key === 'R';
}
