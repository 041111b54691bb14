// A first guess at the device's quality tier before any capability probe: touch-first or
// narrow screens are treated as phones. A measured probe replaces this later.
import type { QualityTier } from '@/scenes/world/quality-tiers';

/** Phones are 320–480 CSS px across their short side; small laptops are still 700+. */
export const PHONE_MAX_SHORT_SIDE_PX = 600;

export interface DeviceHints {
  coarsePointer: boolean;
  screenShortSidePx: number;
}

export function guessQualityTier({ coarsePointer, screenShortSidePx }: DeviceHints): Exclude<QualityTier, 'bake'> {
  return coarsePointer || screenShortSidePx < PHONE_MAX_SHORT_SIDE_PX ? 'phone' : 'laptop';
}

/** Reads the hints from the browser; call only on the client. */
export function readDeviceHints(): DeviceHints {
  return {
    coarsePointer: window.matchMedia('(pointer: coarse)').matches,
    // The screen, not the window: a laptop with a narrow window is still a laptop.
    screenShortSidePx: Math.min(window.screen.width, window.screen.height),
  };
}
