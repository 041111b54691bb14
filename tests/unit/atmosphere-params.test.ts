// The atmosphere's pure parameters: sun placement, palettes, haze, and the cloud layers per tier.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atmosphereDrawCalls, atmosphereFor, hazeAt, surfaceThroughHaze } from '@/scenes/atmosphere/atmosphere-params';
import { MIST_BAND, MIST_BASE_M, MIST_TOP_M, cloudLayersFor } from '@/scenes/atmosphere/cloud-layers';
import { CLOUD_SEA_BANDS, CLOUD_SEA_LIMITS_M, cloudSeaVeil, veilColumnDepth } from '@/scenes/atmosphere/cloud-sea';
import { PALETTES } from '@/scenes/atmosphere/palettes';
import { SUN_POSITIONS, sunDirection } from '@/scenes/atmosphere/sun-position';
import { TimeOfDaySchema, type TimeOfDay } from '@/scenes/routes/route-schema';
import { linearFromSrgb } from '@/scenes/world/colour';
import { WORLD_HALF_EXTENT_M } from '@/scenes/world/landmarks';
import { QUALITY_TIERS, TIER_BUDGETS } from '@/scenes/world/quality-tiers';

const TIMES: readonly TimeOfDay[] = TimeOfDaySchema.options;

describe('sun', () => {
  test('stands above the horizon at every time of day, as a unit vector', () => {
    for (const time of TIMES) {
      const [x, y, z] = sunDirection(SUN_POSITIONS[time]);
      assert.ok(y > 0, `${time}: sun below the horizon`);
      assert.ok(Math.abs(Math.hypot(x, y, z) - 1) < 1e-9, `${time}: not a unit vector`);
    }
  });

  test('rises in the east and sets in the west (+x east, -z north)', () => {
    assert.ok(atmosphereFor('sunrise', 'phone').sunDirection[0] > 0.5);
    assert.ok(atmosphereFor('golden-hour', 'phone').sunDirection[0] < -0.5);
  });

  test('is low at sunrise and golden hour, highest at midday', () => {
    const elevation = (time: TimeOfDay) => atmosphereFor(time, 'laptop').sun.elevationDeg;
    assert.ok(elevation('sunrise') < 15 && elevation('golden-hour') < 15);
    assert.ok(elevation('midday') > 45);
  });

  test('a compass bearing maps onto world axes: north is -z, east is +x', () => {
    const north = sunDirection({ azimuthDeg: 0, elevationDeg: 0 });
    const east = sunDirection({ azimuthDeg: 90, elevationDeg: 0 });
    assert.ok(north[2] < -0.999 && Math.abs(north[0]) < 1e-9);
    assert.ok(east[0] > 0.999 && Math.abs(east[2]) < 1e-9);
  });
});

describe('palettes', () => {
  test('every time of day has its own haze, sunlight and sky', () => {
    for (const key of ['haze', 'sunLight', 'zenith', 'sunwardHaze'] as const) {
      const colours = new Set(TIMES.map((time) => PALETTES[time][key]));
      assert.equal(colours.size, TIMES.length, `${key} repeats across times of day`);
    }
  });

  test('low suns are warm (red over blue), the midday sun near white', () => {
    const channels = (hex: number) => [(hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff];
    for (const time of ['sunrise', 'golden-hour'] as const) {
      const [r, , b] = channels(PALETTES[time].sunLight);
      assert.ok(r - b > 80, `${time} sunlight is not warm`);
    }
    const [r, g, b] = channels(PALETTES.midday.sunLight);
    assert.ok(Math.min(r, g, b) > 0xd0, 'midday sunlight is not near white');
  });

  test('colours are 24-bit hex numbers', () => {
    for (const time of TIMES) {
      for (const [name, value] of Object.entries(PALETTES[time])) {
        assert.ok(Number.isInteger(value) && value >= 0 && value <= 0xffffff, `${time}.${name}`);
      }
    }
  });
});

describe('haze', () => {
  test('near pillars keep their colour, far ranks fade and the world edge vanishes', () => {
    for (const time of TIMES) {
      const params = atmosphereFor(time, 'phone');
      assert.ok(hazeAt(params, 500) < 0.15, `${time}: 500 m already hazed out`);
      assert.ok(hazeAt(params, 1000) < 0.4, `${time}: 1 km too hazy`);
      assert.ok(hazeAt(params, 3000) > 0.8, `${time}: 3 km too clear`);
      // From a camera on one side of the world, the far edge is at least the full width away.
      assert.ok(hazeAt(params, WORLD_HALF_EXTENT_M * 2) > 0.99, `${time}: world edge visible`);
    }
  });

  test('far ranks stand against the sky as blue-grey silhouettes, each a step paler than the one before', () => {
    // A pillar's shaded grey-green side, linear RGB, seen 1.2, 1.6 and 2 km away: the third to
    // fifth ranks of a Wulingyuan view. In a photograph each is a flat silhouette darker and bluer
    // than the sky at the horizon behind it, and paler than the rank in front.
    const rock = linearFromSrgb([0.36, 0.38, 0.34]);
    const luminance = (c: readonly number[]) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    for (const time of TIMES) {
      const params = atmosphereFor(time, 'phone');
      const haze = PALETTES[time].haze;
      const horizon = linearFromSrgb([((haze >> 16) & 255) / 255, ((haze >> 8) & 255) / 255, (haze & 255) / 255]);
      const ranks = [1200, 1600, 2000].map((d) => surfaceThroughHaze(params, rock, horizon, d));
      for (let i = 1; i < ranks.length; i++) {
        assert.ok(luminance(ranks[i]) > luminance(ranks[i - 1]), `${time}: rank ${i + 1} is no paler than rank ${i}`);
      }
      for (const [i, rank] of ranks.entries()) {
        assert.ok(luminance(rank) < 0.8 * luminance(horizon), `${time}: rank ${i + 1} fades into the sky instead of standing against it`);
        assert.ok(rank[2] / rank[0] > 1.1 * (horizon[2] / horizon[0]), `${time}: rank ${i + 1} is no bluer than the sky behind it`);
      }
    }
  });

  test('is the same on every tier, so a baked stream and a local render match', () => {
    for (const time of TIMES) {
      const densities = new Set(QUALITY_TIERS.map((tier) => atmosphereFor(time, tier).fogDensityPerM));
      assert.equal(densities.size, 1);
    }
  });
});

const layersFor = (tier: (typeof QUALITY_TIERS)[number], time: TimeOfDay = 'sunrise') => cloudLayersFor(tier, CLOUD_SEA_BANDS[time]);

describe('cloud sea by time of day', () => {
  test('lies above the valley floor and below most pillar tops at every time of day', () => {
    for (const time of TIMES) {
      const band = CLOUD_SEA_BANDS[time];
      assert.ok(band.baseM < band.topM, time);
      assert.ok(band.baseM >= CLOUD_SEA_LIMITS_M.lowest && band.topM <= CLOUD_SEA_LIMITS_M.highest, time);
    }
  });

  test('is a thick closed sea at sunrise, patchy at midday, thin and high over the valley at golden hour', () => {
    const depth = (time: TimeOfDay) => veilColumnDepth(cloudSeaVeil(CLOUD_SEA_BANDS[time]));
    // Straight down through the sunrise sea, most of the valley floor is hidden (exp(-1.2) ≈ 30 % shows).
    assert.ok(depth('sunrise') > 1.2, `sunrise sea too thin: ${depth('sunrise')}`);
    assert.ok(depth('midday') < depth('sunrise') * 0.6 && depth('midday') > 0.3, `midday: ${depth('midday')}`);
    assert.ok(depth('golden-hour') < 0.3, `golden-hour: ${depth('golden-hour')}`);
    const coverage = (time: TimeOfDay) => CLOUD_SEA_BANDS[time].coverageScale;
    assert.ok(coverage('sunrise') > coverage('midday') && coverage('midday') > coverage('golden-hour'));
    // The Golden Whip route flies about 480–530 m up the valley: the golden-hour sea stays well above it.
    assert.ok(CLOUD_SEA_BANDS['golden-hour'].baseM > 600);
  });

  test('seen from under or inside it, hides at most part of what lies beyond (a luminous mist, not a wall)', () => {
    for (const time of TIMES) {
      const hidden = 1 - Math.exp(-CLOUD_SEA_BANDS[time].maxDepthFromBelow);
      assert.ok(hidden > 0 && hidden < 0.6, `${time}: ${hidden}`);
    }
  });

  test('the sea body wraps the slices; the mist band peaks above it', () => {
    for (const time of TIMES) {
      const band = CLOUD_SEA_BANDS[time];
      const veil = cloudSeaVeil(band);
      assert.ok(veil.floorM < veil.coreM && veil.coreM < veil.topM, time);
      assert.ok(veil.floorM < band.baseM && veil.topM > band.topM, `${time}: slices would cut pillars that the body has not yet paled`);
      assert.ok(veil.floorDensityPerM < veil.coreDensityPerM, time);
      assert.ok(MIST_BAND.peakM > veil.topM, time);
      assert.ok(veil.topM < 720, `${time}: the sea body would swallow the lower pillars`);
    }
    assert.ok(MIST_BAND.baseM < MIST_BAND.peakM && MIST_BAND.peakM < MIST_BAND.topM);
  });
});

describe('cloud layers', () => {
  test("sea slices lie in the time of day's band, mist between it and the pillar tops", () => {
    for (const time of TIMES) {
      const band = CLOUD_SEA_BANDS[time];
      for (const tier of QUALITY_TIERS) {
        for (const layer of layersFor(tier, time)) {
          const [low, high] = layer.kind === 'sea' ? [band.baseM, band.topM] : [MIST_BASE_M, MIST_TOP_M];
          assert.ok(layer.heightM >= low && layer.heightM <= high, `${time} ${tier} ${layer.id} at ${layer.heightM} m`);
        }
      }
    }
    assert.ok(MIST_BASE_M >= 650 && MIST_TOP_M <= 850);
  });

  test('richer tiers draw more layers, within their draw-call share', () => {
    const counts = QUALITY_TIERS.map((tier) => layersFor(tier).length);
    for (let i = 1; i < counts.length; i++) assert.ok(counts[i] > counts[i - 1], `${QUALITY_TIERS[i]} not richer`);
    for (const time of TIMES) {
      assert.ok(atmosphereDrawCalls(atmosphereFor(time, 'phone')) <= 6);
      assert.ok(atmosphereDrawCalls(atmosphereFor(time, 'laptop')) <= 12);
      for (const tier of QUALITY_TIERS) {
        assert.ok(atmosphereDrawCalls(atmosphereFor(time, tier)) < TIER_BUDGETS[tier].maxDrawCalls / 4);
      }
    }
  });

  test('the atmosphere draws the layers of its own time of day', () => {
    for (const time of TIMES) {
      for (const tier of QUALITY_TIERS) assert.deepEqual(atmosphereFor(time, tier).cloudLayers, layersFor(tier, time));
    }
  });

  test('every tier has a cloud sea and at least one mist layer', () => {
    for (const tier of QUALITY_TIERS) {
      const kinds = layersFor(tier).map((layer) => layer.kind);
      assert.ok(kinds.includes('sea') && kinds.includes('mist'), tier);
    }
  });

  test('the sea reads equally thick on every tier, however finely it is sliced', () => {
    for (const time of TIMES) {
      const combined = (tier: (typeof QUALITY_TIERS)[number]) =>
        1 -
        layersFor(tier, time)
          .filter((l) => l.kind === 'sea')
          .reduce((clear, l) => clear * (1 - l.opacity), 1);
      const values = QUALITY_TIERS.map(combined);
      for (const value of values) assert.ok(Math.abs(value - values[0]) < 0.03, `${time}: combined opacities ${values.join(', ')}`);
      assert.ok(Math.abs(values[0] - CLOUD_SEA_BANDS[time].opacity) < 0.01, time);
    }
    assert.ok(CLOUD_SEA_BANDS.sunrise.opacity > 0.9);
  });

  test('sea slices share one large-scale pattern but not their detail', () => {
    for (const tier of QUALITY_TIERS) {
      const sea = layersFor(tier).filter((layer) => layer.kind === 'sea');
      assert.equal(new Set(sea.map((layer) => layer.patternSeed)).size, 1);
      assert.equal(new Set(sea.map((layer) => layer.detailSeed)).size, sea.length);
      assert.equal(new Set(sea.map((layer) => layer.heightM)).size, sea.length);
    }
  });

  test('drift is slow: under 6 m/s, so a 60 s route sees the sea move, not race', () => {
    for (const layer of layersFor('bake')) {
      const speed = Math.hypot(...layer.windMps);
      assert.ok(speed > 0.5 && speed < 6, `${layer.id}: ${speed} m/s`);
    }
  });
});

test('atmosphereFor is deterministic', () => {
  for (const time of TIMES) {
    for (const tier of QUALITY_TIERS) assert.deepEqual(atmosphereFor(time, tier), atmosphereFor(time, tier));
  }
});

test('the atmosphere core uses no Math.random', () => {
  const dir = join(import.meta.dirname, '../../scenes/atmosphere');
  for (const file of readdirSync(dir)) {
    assert.ok(!readFileSync(join(dir, file), 'utf8').includes('Math.random'), file);
  }
});
