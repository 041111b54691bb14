// A scene build crosses from the worker to the page as a structured clone with its mesh buffers
// transferred: what arrives must be the very geometry the builder made, the builder must still
// build the next tier byte-identically, and the posted instancing data must plan the same
// instances as the world itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprintTianmenGeometry, fingerprintWorldGeometry, hashTianmenGeometry, hashWorldGeometry } from '@/scenes/world/geometry-hash';
import { planInstances } from '@/scenes/world/instance-plan';
import { SceneBuilder, meshBuffersOf, type SceneBuild } from '@/scenes/world/scene-build';
import { DEFAULT_TIANMEN_SEED } from '@/scenes/world/tianmen-world';
import { createWorld, DEFAULT_WORLD_SEED } from '@/scenes/world/world';

/** What postMessage(build, meshBuffersOf(build)) does to the build. */
function post(build: SceneBuild): SceneBuild {
  return structuredClone(build, { transfer: meshBuffersOf(build) });
}

test('a posted Wulingyuan build is byte-identical, and the builder builds the next tier as if fresh', () => {
  const builder = new SceneBuilder();
  const phone = post(builder.build({ scene: 'wulingyuan', seed: DEFAULT_WORLD_SEED, tier: 'phone' }));
  assert.equal(phone.scene, 'wulingyuan');
  assert.equal(fingerprintWorldGeometry(phone.geometry, phone.instancing.pillars), hashWorldGeometry(DEFAULT_WORLD_SEED, 'phone'));
  // Transferring the phone tier's buffers must not have emptied anything the laptop tier reuses (the world, its ledge pines).
  const laptop = post(builder.build({ scene: 'wulingyuan', seed: DEFAULT_WORLD_SEED, tier: 'laptop' }));
  assert.equal(laptop.scene, 'wulingyuan');
  assert.equal(fingerprintWorldGeometry(laptop.geometry, laptop.instancing.pillars), hashWorldGeometry(DEFAULT_WORLD_SEED, 'laptop'));
});

test('a posted Tianmen build is byte-identical', () => {
  const built = post(new SceneBuilder().build({ scene: 'tianmen', seed: DEFAULT_TIANMEN_SEED, tier: 'phone' }));
  assert.equal(built.scene, 'tianmen');
  assert.equal(fingerprintTianmenGeometry(built.geometry), hashTianmenGeometry(DEFAULT_TIANMEN_SEED, 'phone'));
});

test('the posted instancing data plans the same instances as the world it came from', () => {
  const world = createWorld(DEFAULT_WORLD_SEED);
  const built = post(new SceneBuilder().build({ scene: 'wulingyuan', seed: DEFAULT_WORLD_SEED, tier: 'phone' }));
  assert.equal(built.scene, 'wulingyuan');
  for (const camera of [
    [0, 700, 0],
    [-900, 450, 1200],
    [1500, 1100, -600],
  ] as const) {
    const fromWorld = planInstances(world, 'laptop', [...camera]);
    const fromPosted = planInstances(built.instancing, 'laptop', [...camera]);
    for (const kind of ['pillarBuckets', 'crownBuckets', 'ledgeBuckets', 'groveBuckets'] as const) {
      fromWorld[kind].forEach((bucket, i) => {
        const posted = fromPosted[kind][i];
        assert.equal(posted.count, bucket.count, `${kind}[${i}] count at ${camera}`);
        assert.deepEqual(
          posted.matrices.subarray(0, posted.count * 16),
          bucket.matrices.subarray(0, bucket.count * 16),
          `${kind}[${i}] matrices`,
        );
        assert.deepEqual(posted.colors.subarray(0, posted.count * 3), bucket.colors.subarray(0, bucket.count * 3), `${kind}[${i}] colours`);
      });
    }
  }
});

test('every mesh buffer is listed once, so the transfer list is valid', () => {
  const build = new SceneBuilder().build({ scene: 'wulingyuan', seed: DEFAULT_WORLD_SEED, tier: 'phone' });
  const buffers = meshBuffersOf(build);
  assert.equal(new Set(buffers).size, buffers.length);
  assert.ok(buffers.length > 10);
  post(build);
  // Transferred, not copied: the sender's arrays are empty now.
  assert.equal(build.geometry.terrain.positions.length, 0);
});
