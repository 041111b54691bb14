// Each tier stays within its triangle and draw-call budget from anywhere, by LOD and instancing, while every pillar is still drawn.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld } from '@/scenes/world/world';
import { worldDrawCost, worstCaseWorldDrawCost } from '@/scenes/world/draw-cost';
import { assignPillarLods, planInstances } from '@/scenes/world/instance-plan';
import { TIER_BUDGETS, type QualityTier } from '@/scenes/world/quality-tiers';
import { FIRST_BRIDGE, HALLELUJAH, TIANZI_PLATEAU } from '@/scenes/world/landmarks';
import type { Vec3 } from '@/scenes/routes/route-schema';

const world = createWorld();
const ordinaryCount = world.pillars.filter((p) => p.landmark === null).length;
/** Atmosphere (sky, fog, cloud sea, mist) is drawn by another part of the scene: leave it this share of the budget. */
const ATMOSPHERE_SHARE = 0.15;
const ATMOSPHERE_DRAW_CALLS = 15;

const cameras: Vec3[] = [
  [HALLELUJAH.x + 200, 950, HALLELUJAH.z],
  [FIRST_BRIDGE.x, 850, FIRST_BRIDGE.z],
  [TIANZI_PLATEAU.viewpointX, 1290, TIANZI_PLATEAU.edgeZ - 20],
  [0, 700, 0],
  [-1800, 600, 1000],
  [0, 2500, 0],
];

describe('world budgets', () => {
  for (const tier of ['phone', 'laptop', 'bake'] as QualityTier[]) {
    test(`${tier}: worst case and sample cameras fit the budget`, () => {
      const budget = TIER_BUDGETS[tier];
      const worst = worstCaseWorldDrawCost(world, tier);
      assert.ok(worst.triangles <= budget.maxTriangles * (1 - ATMOSPHERE_SHARE), `worst ${worst.triangles}`);
      assert.ok(worst.drawCalls <= budget.maxDrawCalls - ATMOSPHERE_DRAW_CALLS);
      for (const camera of cameras) {
        const cost = worldDrawCost(world, tier, camera);
        assert.ok(cost.triangles <= worst.triangles && cost.drawCalls <= worst.drawCalls);
        assert.ok(cost.triangles > 0);
      }
    });
  }

  test('every ordinary pillar is drawn from every camera, nearer ones in more detail', () => {
    for (const camera of cameras) {
      const lods = assignPillarLods(world, 'phone', camera);
      const plan = planInstances(world, 'phone', camera);
      const drawn = plan.pillarBuckets.reduce((s, b) => s + b.count, 0);
      assert.equal(drawn, ordinaryCount);
      let nearest = { d: Infinity, lod: -1 };
      let farthest = { d: -Infinity, lod: -1 };
      for (const p of world.pillars) {
        if (p.landmark !== null) continue;
        const d = Math.hypot(p.x - camera[0], p.z - camera[2]);
        if (d < nearest.d) nearest = { d, lod: lods[p.index] };
        if (d > farthest.d) farthest = { d, lod: lods[p.index] };
      }
      assert.ok(nearest.lod <= farthest.lod);
      assert.equal(farthest.lod, 2);
    }
  });

  test('the phone tier draws at most a third of the laptop triangles', () => {
    const phone = worstCaseWorldDrawCost(world, 'phone');
    const laptop = worstCaseWorldDrawCost(world, 'laptop');
    assert.ok(phone.triangles * 3 <= laptop.triangles);
  });

  test('instance matrices put each pillar on its foot', () => {
    const plan = planInstances(world, 'laptop', [0, 800, 0]);
    const positions = new Set(world.pillars.map((p) => `${Math.fround(p.x)},${Math.fround(p.baseY)},${Math.fround(p.z)}`));
    for (const bucket of plan.pillarBuckets) {
      for (let i = 0; i < bucket.count; i++) {
        const m = bucket.matrices.subarray(i * 16, i * 16 + 16);
        assert.ok(positions.has(`${m[12]},${m[13]},${m[14]}`));
        assert.ok(m[5] >= 120, 'height scale');
      }
    }
  });
});
