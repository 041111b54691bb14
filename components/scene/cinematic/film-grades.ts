// The colour grade of each time of day, applied around the filmic (AgX) tone curve: how bright
// the exposure, how warm the highlights and how cool the shadows, how much the sun blooms.
// Humid subtropical air: soft contrast, never punchy, warm light raking into cool shade.
import type { TimeOfDay } from '../../../scenes/routes/route-schema';

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
}

export const FILM_GRADES: Record<TimeOfDay, FilmGrade> = {
  // Warm low sun over a cool blue valley: the postcard.
  sunrise: { exposure: 1.45, shadowTint: 0x0a1222, highlightTint: 0xfff0dc, saturation: 1.22, contrast: 1.06, bloomIntensity: 0.9 },
  // Flat milky light: lifted, a touch cooler, little bloom.
  midday: { exposure: 1.3, shadowTint: 0x0c1418, highlightTint: 0xfffaf2, saturation: 1.18, contrast: 1.04, bloomIntensity: 0.5 },
  // Amber light, violet-grey shade.
  'golden-hour': { exposure: 1.4, shadowTint: 0x120e1e, highlightTint: 0xffe6c4, saturation: 1.25, contrast: 1.07, bloomIntensity: 0.8 },
};
