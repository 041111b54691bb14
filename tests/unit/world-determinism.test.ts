// The world core is deterministic and framework-free: same seed, same bytes; no DOM needed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, DEFAULT_WORLD_SEED } from '@/scenes/world/world';
import { hashWorldGeometry } from '@/scenes/world/geometry-hash';
import { createRandom, fbm2, valueNoise3 } from '@/scenes/world/random';

describe('world determinism', () => {
  test('the core runs under Node with no DOM', () => {
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    assert.ok(createWorld().pillars.length > 0);
  });

  test('the same seed gives the same geometry hash, another seed a different one', () => {
    const a = hashWorldGeometry(DEFAULT_WORLD_SEED, 'phone');
    const b = hashWorldGeometry(DEFAULT_WORLD_SEED, 'phone');
    const other = hashWorldGeometry(DEFAULT_WORLD_SEED + 1, 'phone');
    assert.match(a, /^[0-9a-f]{16}$/);
    assert.equal(a, b);
    assert.notEqual(a, other);
    assert.notEqual(a, hashWorldGeometry(DEFAULT_WORLD_SEED, 'laptop'));
  });

  test('two worlds from one seed place identical pillars', () => {
    const a = createWorld(7);
    const b = createWorld(7);
    assert.deepEqual(a.pillars, b.pillars);
    assert.equal(a.heightAt(123.4, -567.8), b.heightAt(123.4, -567.8));
  });

  test('PRNG and noise are seeded and bounded', () => {
    const r1 = createRandom(5);
    const r2 = createRandom(5);
    const seq = Array.from({ length: 100 }, () => r1());
    assert.deepEqual(
      seq,
      Array.from({ length: 100 }, () => r2()),
    );
    assert.ok(seq.every((v) => v >= 0 && v < 1));
    assert.ok(new Set(seq).size > 95);
    for (let i = 0; i < 200; i++) {
      const n = fbm2(i * 0.37, i * -0.91, 3);
      const m = valueNoise3(i * 0.13, i * 0.7, -i * 0.29, 11);
      assert.ok(n >= 0 && n <= 1 && m >= 0 && m <= 1);
    }
  });
});
