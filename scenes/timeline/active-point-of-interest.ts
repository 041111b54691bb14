// Which narration caption is showing at a moment of the flight.
import type { PointOfInterest } from '../routes/route-schema';

/**
 * The point of interest whose caption window [timeS, timeS + dwellS] contains `timeS`.
 * Where windows overlap, the one that began most recently wins: it is the newer sight.
 */
export function activePointOfInterest(pointsOfInterest: readonly PointOfInterest[], timeS: number): PointOfInterest | null {
  let active: PointOfInterest | null = null;
  for (const poi of pointsOfInterest) {
    const showing = timeS >= poi.timeS && timeS <= poi.timeS + poi.dwellS;
    if (showing && (active === null || poi.timeS >= active.timeS)) active = poi;
  }
  return active;
}
