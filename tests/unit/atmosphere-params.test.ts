// The atmosphere's pure parameters: sun placement, palettes, haze, and the cloud layers per tier.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atmosphereDrawCalls, atmosphereFor, hazeAt } from '../../scenes/atmosphere/atmosphere-params';
import {
  CLOUD_SEA_BASE_M,
  CLOUD_SEA_TOP_M,
  CLOUD_SEA_VEIL,
  MIST_BAND,
  MIST_BASE_M,
  MIST_TOP_M,
  cloudLayersFor,
} from '../../scenes/atmosphere/cloud-layers';
import { PALETTES } from '../../scenes/atmosphere/palettes';
import { SUN_POSITIONS, sunDirection } from '../../scenes/atmosphere/sun-position';
import { TimeOfDaySchema, type TimeOfDay } from '../../scenes/routes/route-schema';
import { WORLD_HALF_EXTENT_M } from '../../scenes/world/landmarks';
import { QUALITY_TIERS, TIER_BUDGETS } from '../../scenes/world/quality-tiers';

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

  test('is the same on every tier, so a baked stream and a local render match', () => {
    for (const time of TIMES) {
      const densities = new Set(QUALITY_TIERS.map((tier) => atmosphereFor(time, tier).fogDensityPerM));
      assert.equal(densities.size, 1);
    }
  });
});

describe('cloud layers', () => {
  test('sea slices lie in the valley band, mist between it and the pillar tops', () => {
    for (const tier of QUALITY_TIERS) {
      for (const layer of cloudLayersFor(tier)) {
        const [low, high] = layer.kind === 'sea' ? [CLOUD_SEA_BASE_M, CLOUD_SEA_TOP_M] : [MIST_BASE_M, MIST_TOP_M];
        assert.ok(layer.heightM >= low && layer.heightM <= high, `${tier} ${layer.id} at ${layer.heightM} m`);
      }
    }
    assert.ok(CLOUD_SEA_BASE_M >= 560 && CLOUD_SEA_TOP_M <= 650);
    assert.ok(MIST_BASE_M >= 650 && MIST_TOP_M <= 850);
  });

  test('richer tiers draw more layers, within their draw-call share', () => {
    const counts = QUALITY_TIERS.map((tier) => cloudLayersFor(tier).length);
    for (let i = 1; i < counts.length; i++) assert.ok(counts[i] > counts[i - 1], `${QUALITY_TIERS[i]} not richer`);
    for (const time of TIMES) {
      assert.ok(atmosphereDrawCalls(atmosphereFor(time, 'phone')) <= 6);
      assert.ok(atmosphereDrawCalls(atmosphereFor(time, 'laptop')) <= 12);
      for (const tier of QUALITY_TIERS) {
        assert.ok(atmosphereDrawCalls(atmosphereFor(time, tier)) < TIER_BUDGETS[tier].maxDrawCalls / 4);
      }
    }
  });

  test('every tier has a cloud sea and at least one mist layer', () => {
    for (const tier of QUALITY_TIERS) {
      const kinds = cloudLayersFor(tier).map((layer) => layer.kind);
      assert.ok(kinds.includes('sea') && kinds.includes('mist'), tier);
    }
  });

  test('the sea reads equally thick on every tier, however finely it is sliced', () => {
    const combined = (tier: (typeof QUALITY_TIERS)[number]) =>
      1 - cloudLayersFor(tier).filter((l) => l.kind === 'sea').reduce((clear, l) => clear * (1 - l.opacity), 1);
    const values = QUALITY_TIERS.map(combined);
    for (const value of values) assert.ok(Math.abs(value - values[0]) < 0.03, `combined opacities ${values.join(', ')}`);
    assert.ok(values[0] > 0.9);
  });

  test('sea slices share one large-scale pattern but not their detail', () => {
    for (const tier of QUALITY_TIERS) {
      const sea = cloudLayersFor(tier).filter((layer) => layer.kind === 'sea');
      assert.equal(new Set(sea.map((layer) => layer.patternSeed)).size, 1);
      assert.equal(new Set(sea.map((layer) => layer.detailSeed)).size, sea.length);
      assert.equal(new Set(sea.map((layer) => layer.heightM)).size, sea.length);
    }
  });

  test('the sea body wraps the slices; the mist band peaks above it', () => {
    assert.ok(CLOUD_SEA_VEIL.floorM < CLOUD_SEA_VEIL.coreM && CLOUD_SEA_VEIL.coreM < CLOUD_SEA_VEIL.topM);
    assert.ok(CLOUD_SEA_VEIL.topM > CLOUD_SEA_TOP_M, 'slices would cut pillars that the body has not yet paled');
    assert.ok(CLOUD_SEA_VEIL.floorDensityPerM < CLOUD_SEA_VEIL.coreDensityPerM);
    assert.ok(MIST_BAND.baseM < MIST_BAND.peakM && MIST_BAND.peakM < MIST_BAND.topM);
    assert.ok(MIST_BAND.peakM > CLOUD_SEA_VEIL.topM);
    assert.ok(CLOUD_SEA_VEIL.topM < 720, 'the sea body would swallow the lower pillars');
  });

  test('drift is slow: under 6 m/s, so a 60 s route sees the sea move, not race', () => {
    for (const layer of cloudLayersFor('bake')) {
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
