// The colour grade of each time of day, applied around the filmic (AgX) tone curve: how bright
// the exposure, how warm the highlights and how cool the shadows, how much the sun blooms.
// Humid subtropical air: soft contrast, never punchy, warm light raking into cool shade.
import type { TimeOfDay } from '@/scenes/routes/route-schema';

export interface FilmGrade {
  /** Multiplier on scene light before the tone curve. */
  exposure: number;
  /** Added to the darkest tones after the curve (sRGB hex): the colour of shade. */
  shadowTint: number;
  /** Multiplies the brightest tones after the curve (sRGB hex): the colour of the light. */
  highlightTint: number;
  /** 1 keeps saturation; AgX desaturates, so a little above 1 restores the green of the pines. */
  saturation: number;
  /** Contrast around mid grey after the curve; 1 keeps it. */
  contrast: number;
  /** Bloom around the sun and the brightest cloud. */
  bloomIntensity: number;
  /**
   * Multipliers on the scene's sun and sky-fill light. The device tiers light with a strong fill
   * because they have no shadows; with shadows the fill must drop for a shaded face to read as
   * shade, so sunlit and shaded sides of a pillar differ several times over, as in a photograph.
   */
  sunGain: number;
  fillGain: number;
  /**
   * Share of the sun's intensity bounced back onto shaded faces by sunlit sandstone and cloud
   * (cinematic-light-levels.ts): the shade's warm grey, about a third of the sunlit side.
   */
  bounceShare: number;
}

export const FILM_GRADES: Record<TimeOfDay, FilmGrade> = {
  // Warm low sun over a cool blue valley: the postcard.
  sunrise: {
    exposure: 1.2,
    shadowTint: 0x081226,
    highlightTint: 0xfff0dc,
    saturation: 1.3,
    contrast: 1.14,
    bloomIntensity: 0.9,
    sunGain: 1.6,
    fillGain: 0.4,
    bounceShare: 0.5,
  },
  // Flat milky light: lifted, a touch cooler, little bloom.
  midday: {
    exposure: 1.05,
    shadowTint: 0x08121a,
    highlightTint: 0xfffaf2,
    saturation: 1.28,
    contrast: 1.14,
    bloomIntensity: 0.5,
    sunGain: 1.5,
    fillGain: 0.45,
    bounceShare: 0.5,
  },
  // Amber light, violet-grey shade; the rock stays grey-buff and the pines green under it.
  'golden-hour': {
    exposure: 1.15,
    shadowTint: 0x0c0e1c,
    highlightTint: 0xfff1e0,
    saturation: 1.2,
    contrast: 1.14,
    bloomIntensity: 0.8,
    sunGain: 1.5,
    fillGain: 0.42,
    bounceShare: 0.5,
  },
};
