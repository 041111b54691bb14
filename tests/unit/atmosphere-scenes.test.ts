// Each scene's own air: Tianmen's cloud sea lies over its lower ridges and its mist at the massif's
// foot, below the flights' gate and cliffs; Wulingyuan's stays exactly what it was.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { atmosphereFor } from '@/scenes/atmosphere/atmosphere-params';
import { MIST_BAND, MIST_BASE_M, MIST_TOP_M } from '@/scenes/atmosphere/cloud-layers';
import { CLOUD_SEA_BANDS } from '@/scenes/atmosphere/cloud-sea';
import { HEAVENS_GATE_PLUME, TIANMEN_CLOUD_SEA_BANDS, TIANMEN_MIST_BAND } from '@/scenes/atmosphere/scene-atmosphere';
import type { TimeOfDay } from '@/scenes/routes/route-schema';
import { QUALITY_TIERS } from '@/scenes/world/quality-tiers';
import { HEAVENS_GATE, TIANMEN_MASSIF } from '@/scenes/world/tianmen-landmarks';
import { createTianmenWorld } from '@/scenes/world/tianmen-world';

const TIMES: TimeOfDay[] = ['sunrise', 'midday', 'golden-hour'];

describe('scene atmospheres', () => {
  test('Wulingyuan is the default and unchanged', () => {
    for (const time of TIMES) {
      for (const tier of QUALITY_TIERS) {
        const params = atmosphereFor(time, tier, 'wulingyuan');
        assert.deepEqual(params, atmosphereFor(time, tier));
        assert.deepEqual(params.cloudSea, CLOUD_SEA_BANDS[time]);
        for (const layer of params.cloudLayers.filter((l) => l.kind === 'mist'))
          assert.ok(layer.heightM >= MIST_BASE_M && layer.heightM <= MIST_TOP_M);
        assert.deepEqual(params.mistBand, MIST_BAND, 'the fog shader whitens Wulingyuan at the same heights as before');
      }
    }
  });

  test('Tianmen has its own sea and mist; sky, light and haze are the region’s', () => {
    for (const time of TIMES) {
      const tianmen = atmosphereFor(time, 'laptop', 'tianmen');
      const wulingyuan = atmosphereFor(time, 'laptop');
      assert.deepEqual(tianmen.cloudSea, TIANMEN_CLOUD_SEA_BANDS[time]);
      assert.notDeepEqual(tianmen.cloudLayers, wulingyuan.cloudLayers);
      assert.equal(tianmen.fogDensityPerM, wulingyuan.fogDensityPerM);
      assert.deepEqual(tianmen.palette, wulingyuan.palette);
      assert.equal(tianmen.cloudLayers.length, wulingyuan.cloudLayers.length, 'the same draw calls');
    }
  });

  test('Tianmen’s sea fills the valleys round the massif, leaving ridges standing out and the cliffs clear', () => {
    const world = createTianmenWorld();
    const heights: number[] = [];
    for (let z = -2300; z <= 2300; z += 100) for (let x = -2300; x <= 2300; x += 100) heights.push(world.heightAt(x, z));
    for (const time of TIMES) {
      const band = TIANMEN_CLOUD_SEA_BANDS[time];
      const under = heights.filter((h) => h < band.baseM).length / heights.length;
      const above = heights.filter((h) => h > band.topM + 100 && h < TIANMEN_MASSIF.cliffFootM).length / heights.length;
      assert.ok(under > 0.15, `${time}: only ${(under * 100).toFixed(0)}% of the land lies under the sea`);
      assert.ok(above > 0.1, `${time}: too few ridges rise out of the sea`);
      assert.ok(band.topM < TIANMEN_MASSIF.cliffFootM - 300);
    }
  });

  test('Tianmen’s mist clings below the gate and above the sea', () => {
    assert.ok(TIANMEN_MIST_BAND.baseM < TIANMEN_MIST_BAND.peakM && TIANMEN_MIST_BAND.peakM < TIANMEN_MIST_BAND.topM);
    assert.ok(TIANMEN_MIST_BAND.peakDensityPerM > 0);
    for (const time of TIMES) {
      for (const tier of QUALITY_TIERS) {
        // The fog shader's pale stripe lies where Tianmen's mist layers drift, not at Wulingyuan's 670–840 m.
        assert.deepEqual(atmosphereFor(time, tier, 'tianmen').mistBand, TIANMEN_MIST_BAND, `${time} ${tier}`);
      }
    }
    assert.ok(TIANMEN_MIST_BAND.baseM > TIANMEN_CLOUD_SEA_BANDS.sunrise.topM);
    assert.ok(TIANMEN_MIST_BAND.topM < HEAVENS_GATE.floorM - 50);
    for (const tier of QUALITY_TIERS) {
      for (const layer of atmosphereFor('midday', tier, 'tianmen').cloudLayers.filter((l) => l.kind === 'mist')) {
        assert.ok(layer.heightM >= TIANMEN_MIST_BAND.baseM && layer.heightM <= TIANMEN_MIST_BAND.topM, `${tier} ${layer.id}`);
      }
    }
  });

  test('cloud drifts through Heaven’s Gate, above everything else the cinematic tier marches', () => {
    const world = createTianmenWorld();
    const {
      centreM: [x, y, z],
      halfSizeM: [hx, hy, hz],
    } = HEAVENS_GATE_PLUME;
    // Its core is in the open passage, and it spans the wall's depth with room to spill out of both faces.
    assert.ok(world.clearanceAt([x, y, HEAVENS_GATE.z]) > 10);
    assert.ok(Math.abs(x - HEAVENS_GATE.x) + HEAVENS_GATE.widthM / 2 < hx);
    assert.ok(y - hy >= HEAVENS_GATE.floorM - 15 && y + hy <= HEAVENS_GATE.floorM + HEAVENS_GATE.heightM);
    assert.ok(z - hz < HEAVENS_GATE.z - HEAVENS_GATE.depthM && z + hz > HEAVENS_GATE.z + HEAVENS_GATE.depthM);
    for (const time of TIMES) {
      for (const tier of QUALITY_TIERS) {
        const params = atmosphereFor(time, tier, 'tianmen');
        assert.deepEqual(params.plume, HEAVENS_GATE_PLUME);
        // The pass marches the sea's slab and the plume separately and lays one over the other: they must not overlap.
        assert.ok(y - hy > Math.max(params.cloudSeaVeil.topM, params.mistBand.topM), `${time} ${tier}`);
        assert.equal(atmosphereFor(time, tier, 'wulingyuan').plume, null);
      }
    }
  });
});
