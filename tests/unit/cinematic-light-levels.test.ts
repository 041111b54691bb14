// The cinematic tier's light levels: a pillar's shaded side is a warm grey a few times darker
// than its sunlit side, as in a photograph of the place, not near black.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Color } from 'three';
import { atmosphereFor } from '@/scenes/atmosphere/atmosphere-params';
import { cinematicLightLevels, shadedWallIrradiance } from '@/components/scene/cinematic/cinematic-light-levels';
import { FILM_GRADES } from '@/components/scene/cinematic/film-grades';

const TIMES = ['sunrise', 'midday', 'golden-hour'] as const;
const luminance = (c: Color) => 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;

describe('cinematic light levels', () => {
  for (const time of TIMES) {
    const params = atmosphereFor(time, 'bake');
    const levels = cinematicLightLevels(params, FILM_GRADES[time]);
    const shade = shadedWallIrradiance(levels);

    test(`${time}: a wall facing the sun is 2 to 7 times brighter than one in shade`, () => {
      // A vertical face turned towards the sun gets the sun at the horizontal part of its direction.
      const [x, , z] = params.sunDirection;
      const sunOnWall = luminance(new Color(params.palette.sunLight)) * levels.sunIntensity * Math.hypot(x, z);
      const ratio = (sunOnWall + luminance(shade)) / luminance(shade);
      assert.ok(ratio > 2 && ratio < 7, `sunlit/shaded wall ${ratio.toFixed(2)}`);
    });

    test(`${time}: shade is a warm grey (the bounce is warmer than the sky fill)`, () => {
      assert.ok(levels.bounceFill.r > levels.bounceFill.b, 'bounce not warm');
      assert.ok(levels.skyFill.b > levels.skyFill.r, 'sky fill not cool');
      // Grey: no channel of the shade more than twice another.
      const channels = [shade.r, shade.g, shade.b];
      assert.ok(Math.max(...channels) < 2 * Math.min(...channels), `shade too coloured: ${channels.map((c) => c.toFixed(3))}`);
    });
  }
});
