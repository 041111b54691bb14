// Where the sun stands for each time of day a route can be flown at. Zhangjiajie lies
// near 29°N; the figures are a pleasing late-spring sky, not an ephemeris.
import type { TimeOfDay } from '../routes/route-schema';

export interface SunPosition {
  /** Compass bearing of the sun, degrees clockwise from north (90 = east). */
  azimuthDeg: number;
  /** Height of the sun above the horizon, degrees. */
  elevationDeg: number;
}

export const SUN_POSITIONS: Record<TimeOfDay, SunPosition> = {
  // Low in the east-south-east: light rakes across the pillar faces over the cloud sea.
  sunrise: { azimuthDeg: 104, elevationDeg: 7 },
  // High but not overhead at this latitude; a little south so pillars keep a shaded north face.
  midday: { azimuthDeg: 172, elevationDeg: 64 },
  // Low in the west-south-west, a touch higher than sunrise so the valleys still catch light.
  'golden-hour': { azimuthDeg: 254, elevationDeg: 9 },
};

/**
 * Unit vector pointing from the scene towards the sun, in world axes
 * (x east, y up, z south, so north is -z).
 */
export function sunDirection({ azimuthDeg, elevationDeg }: SunPosition): [number, number, number] {
  const az = (azimuthDeg * Math.PI) / 180;
  const el = (elevationDeg * Math.PI) / 180;
  const horizontal = Math.cos(el);
  return [Math.sin(az) * horizontal, Math.sin(el), -Math.cos(az) * horizontal];
}
