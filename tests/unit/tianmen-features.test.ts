// Tianmen's cliff face, cableway and skywalk: where the place has them, clear of the rock,
// counted by the clearance routes are validated against, and inside every tier's budget.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { poseAt } from '@/scenes/routes/pose';
import { FACE_RELIEF_MAX_M } from '@/scenes/world/limestone-face';
import { CLIFF_FACE_OFFSET_M } from '@/scenes/world/tianmen-cliffs';
import { buildTianmenGeometry } from '@/scenes/world/tianmen-geometry';
import { CLIFF_WALKWAY, HEAVENS_GATE, TIANMEN_MASSIF } from '@/scenes/world/tianmen-landmarks';
import { massifRimDistanceM } from '@/scenes/world/tianmen-terrain';
import { createTianmenWorld } from '@/scenes/world/tianmen-world';

const world = createTianmenWorld();

describe('Tianmen cliff face', () => {
  test('runs round the whole rim but leaves the gate wall its gap', () => {
    const { rim, lengthM } = world.cliffs;
    assert.ok(lengthM > 6000, `rim ${lengthM.toFixed(0)} m`);
    for (const r of rim) {
      assert.ok(Math.abs(massifRimDistanceM(r.x, r.z, world.seed)) < 1.5, 'rim samples lie on the rim');
      assert.ok(!(Math.abs(r.x - HEAVENS_GATE.x) < HEAVENS_GATE.wallHalfWidthM && r.z > TIANMEN_MASSIF.centreZ), 'none in the gate gap');
      assert.ok(r.topM > TIANMEN_MASSIF.topM - 20 && r.topM < TIANMEN_MASSIF.highestPointM + 5);
    }
  });

  test('relief is fluted: it varies along the rim at one height, and stays within its bound', () => {
    const y = 1420;
    const values: number[] = [];
    for (let u = 0; u < 400; u += 2) values.push(world.cliffs.reliefM(u, y, TIANMEN_MASSIF.topM));
    assert.ok(Math.max(...values) - Math.min(...values) > 4, 'flutes several metres deep');
    assert.ok(values.every((v) => v >= 0 && v <= FACE_RELIEF_MAX_M));
  });

  test('the face is solid to the clearance query: a point on it has no clearance, 80 m out has plenty', () => {
    const r = world.cliffs.rimAt(world.cliffs.lengthM / 3);
    const onFace: [number, number, number] = [r.x + r.nx * (CLIFF_FACE_OFFSET_M + 5), 1420, r.z + r.nz * (CLIFF_FACE_OFFSET_M + 5)];
    assert.equal(world.clearanceAt(onFace), 0);
    assert.ok(world.clearanceAt([r.x + r.nx * 120, 1420, r.z + r.nz * 120]) > 40);
  });
});

describe('Tianmen cableway', () => {
  const { masts } = world.cableway;

  test('climbs from the valley to a station on the plateau, on several masts', () => {
    const bottom = masts[0];
    const top = masts[masts.length - 1];
    assert.ok(top.footM - bottom.footM > 800, `climb ${(top.footM - bottom.footM).toFixed(0)} m`);
    assert.ok(massifRimDistanceM(top.x, top.z, world.seed) < 0, 'top station inside the rim');
    assert.ok(masts.length >= 6);
  });

  test('its cable keeps clear of the ground between masts', () => {
    for (let i = 0; i <= 400; i++) {
      const [x, y, z] = world.cableway.pointAt(i / 400);
      assert.ok(y - world.heightAt(x, z) > 10, `cable ${(y - world.heightAt(x, z)).toFixed(1)} m above ground at ${i}`);
    }
  });

  test('counts as an obstacle: on the cable the clearance is none', () => {
    assert.ok(world.clearanceAt(world.cableway.pointAt(0.5)) <= 0);
  });
});

describe('Tianmen skywalk', () => {
  const { stations, deckM } = world.skywalk;

  test('hangs on the west face at the walkway height, near the landmark, outside the rock', () => {
    assert.equal(deckM, CLIFF_WALKWAY.heightM);
    const nearest = Math.min(...stations.map((s) => Math.hypot(s.inner[0] - CLIFF_WALKWAY.x, s.inner[2] - CLIFF_WALKWAY.z)));
    assert.ok(nearest < 150, `nearest ${nearest.toFixed(0)} m`);
    for (const s of stations) {
      const d = massifRimDistanceM(s.inner[0], s.inner[2], world.seed);
      assert.ok(d > CLIFF_FACE_OFFSET_M && d < CLIFF_FACE_OFFSET_M + FACE_RELIEF_MAX_M + 6, `deck ${d.toFixed(1)} m from the rim`);
      assert.ok(s.inner[0] < -800, 'on the west side');
    }
  });

  test('the cliff route flies along it, a safe distance off', () => {
    const route = CURATED_ROUTES.find((r) => r.id === 'tianmen-cliff-skywalk');
    assert.ok(route);
    let closest = Infinity;
    for (let t = 0; t <= route.durationS; t += 0.5) {
      const [x, y, z] = poseAt(route, t).position;
      closest = Math.min(closest, world.skywalk.distanceM(x, y, z));
    }
    assert.ok(closest > 12 && closest < 250, `closest ${closest.toFixed(0)} m`);
  });
});

describe('Tianmen vegetation and structures meshes', () => {
  test('every tier has pines on the rock and the cableway and skywalk, the phone fewest', () => {
    const phone = buildTianmenGeometry(world, 'phone');
    const bake = buildTianmenGeometry(world, 'bake');
    assert.ok(phone.pines.indices.length > 0 && phone.structures.indices.length > 0);
    assert.ok(phone.pines.indices.length < bake.pines.indices.length);
    assert.ok(phone.structures.indices.length <= bake.structures.indices.length);
  });
});
