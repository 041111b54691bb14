// Colours of sky, haze, light and cloud for each time of day, as sRGB hex numbers.
// Humid subtropical air: skies are never deep blue, the horizon is always milky.
import type { TimeOfDay } from '../routes/route-schema';

export interface AtmospherePalette {
  /** Sky straight up. */
  zenith: number;
  /** Sky and fog at the horizon away from the sun; also the fog colour, so the world's edge dissolves into it. */
  haze: number;
  /** Horizon glow on the sun's side of the sky. */
  sunwardHaze: number;
  /** Halo around the sun and the colour of its disc. */
  sunGlow: number;
  /** Directional sunlight. */
  sunLight: number;
  /** Hemisphere fill from above: the sky's blue-grey. */
  skyFill: number;
  /**
   * Hemisphere fill from below on the device tiers: light bounced off sunlit rock, cloud and
   * forest, a light warm grey, the device tiers' stand-in for the cinematic tier's rockBounce.
   * A dark olive fill lit every pillar's shaded side, the Southern Sky Column's seen from below
   * above all, a dark green-grey on the phone, which has no other light there.
   */
  groundFill: number;
  /**
   * Sunlight bounced off sunlit sandstone and the cloud sea onto a pillar's shaded side (the
   * cinematic tier's fill from below and around): what makes shade a warm grey, not black.
   */
  rockBounce: number;
  /** Sunlit tops of the cloud sea. */
  cloudLit: number;
  /** Cloud in its own shade and seen from below. */
  cloudShade: number;
}

export const PALETTES: Record<TimeOfDay, AtmospherePalette> = {
  sunrise: {
    zenith: 0x4a6f9e,
    haze: 0xb9c2cf,
    sunwardHaze: 0xf4b88a,
    sunGlow: 0xffc98f,
    sunLight: 0xffc48c,
    skyFill: 0x9fb2cc,
    groundFill: 0x7a736a,
    rockBounce: 0xd8bfa6,
    cloudLit: 0xfbe4cf,
    cloudShade: 0x7f89a0,
  },
  midday: {
    zenith: 0x4f83bd,
    haze: 0xc6d1da,
    sunwardHaze: 0xdfe5e8,
    sunGlow: 0xfff6e6,
    sunLight: 0xfff3e2,
    skyFill: 0xb6c9dd,
    groundFill: 0x8a857b,
    rockBounce: 0xcfc2b0,
    cloudLit: 0xf7f8f8,
    cloudShade: 0x8f9bab,
  },
  'golden-hour': {
    zenith: 0x4d6896,
    haze: 0xc8bfb4,
    sunwardHaze: 0xf0b77c,
    sunGlow: 0xffc27a,
    // Warm, but not the orange of a desert: under 0xffb468 grey-buff sandstone read as orange-tan hoodoos.
    sunLight: 0xffcb95,
    skyFill: 0xa4b2c6,
    groundFill: 0x817b73,
    rockBounce: 0xcdbba8,
    cloudLit: 0xfde0bd,
    cloudShade: 0x8a8294,
  },
};
