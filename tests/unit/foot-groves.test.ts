// Forest on the valley floor: every near pillar stands in a grove of trees on the ground, off the
// stream, low enough that no route cleared against the ground can fly through a tree, and the
// tiers draw as many of each grove as their budgets allow.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GROVE_TREE_MAX_HEIGHT_M, GROVE_TREES_PER_TIER, footGrovesOf } from '@/scenes/world/foot-groves';
import { planInstances } from '@/scenes/world/instance-plan';
import { MIN_CLEARANCE_M } from '@/scenes/routes/route-comfort-limits';
import { createWorld } from '@/scenes/world/world';

const world = createWorld();
const groves = footGrovesOf(world);

describe('foot groves', () => {
  test('most ordinary pillars stand in a grove; landmarks keep their own ground', () => {
    const ordinary = world.pillars.filter((p) => p.landmark === null);
    const withGrove = ordinary.filter((p) => groves.count[p.index] >= GROVE_TREES_PER_TIER.laptop);
    assert.ok(withGrove.length >= ordinary.length * 0.6, `${withGrove.length} of ${ordinary.length} pillars have a grove`);
    for (const p of world.pillars) if (p.landmark !== null) assert.equal(groves.count[p.index], 0);
  });

  test('every tree stands on the ground, off the stream, under the routes’ least clearance', () => {
    assert.ok(GROVE_TREE_MAX_HEIGHT_M * 1.1 < MIN_CLEARANCE_M);
    for (let t = 0; t < groves.total; t++) {
      const m = groves.matrices.subarray(t * 16, t * 16 + 16);
      const [x, y, z] = [m[12], m[13], m[14]];
      assert.ok(Math.abs(y + 1 - world.heightAt(x, z)) < 1e-3, `tree ${t} stands on the ground`);
      assert.ok(m[5] <= GROVE_TREE_MAX_HEIGHT_M + 1e-6 && m[5] >= 4, `tree ${t} is ${m[5]} m tall`);
      assert.ok(world.stream.distanceM(x, z) >= 20, `tree ${t} stands in the stream`);
    }
  });

  test('near pillars bring their grove into the grove bucket, as many as the tier draws', () => {
    const camera: [number, number, number] = [0, 700, 0];
    const phone = planInstances(world, 'phone', camera).groveBuckets[0].count;
    const bake = planInstances(world, 'bake', camera).groveBuckets[0].count;
    assert.ok(bake > phone, `bake ${bake} clumps near, phone ${phone}`);
  });
});
