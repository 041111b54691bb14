// The baked cloud noise and the hashes behind it: deterministic, seamless when tiled, full range.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cloudNoiseTexels } from '@/scenes/atmosphere/cloud-noise';
import { latticeHash01, seedFromName } from '@/scenes/atmosphere/lattice-hash';

const SIZE = 64;

describe('cloud noise texels', () => {
  const texels = cloudNoiseTexels(SIZE, 7);

  test('is the same for the same seed and differs for another', () => {
    assert.deepEqual(cloudNoiseTexels(SIZE, 7), texels);
    assert.notDeepEqual(cloudNoiseTexels(SIZE, 8), texels);
  });

  test('spans the full byte range', () => {
    assert.equal(texels.length, SIZE * SIZE);
    assert.equal(Math.min(...texels), 0);
    assert.equal(Math.max(...texels), 255);
  });

  test('is smooth: neighbouring texels differ by little', () => {
    let largestStep = 0;
    for (let row = 0; row < SIZE; row++) {
      for (let col = 1; col < SIZE; col++) {
        largestStep = Math.max(largestStep, Math.abs(texels[row * SIZE + col] - texels[row * SIZE + col - 1]));
      }
    }
    assert.ok(largestStep < 64, `step of ${largestStep}`);
  });

  test('tiles without a seam: across each wrapped edge it changes no more than inside', () => {
    let interior = 0;
    let seam = 0;
    for (let k = 0; k < SIZE; k++) {
      for (let j = 1; j < SIZE; j++) {
        interior = Math.max(interior, Math.abs(texels[k * SIZE + j] - texels[k * SIZE + j - 1]));
        interior = Math.max(interior, Math.abs(texels[j * SIZE + k] - texels[(j - 1) * SIZE + k]));
      }
      seam = Math.max(seam, Math.abs(texels[k * SIZE] - texels[k * SIZE + SIZE - 1]));
      seam = Math.max(seam, Math.abs(texels[k] - texels[(SIZE - 1) * SIZE + k]));
    }
    assert.ok(seam <= interior, `seam step ${seam} exceeds interior step ${interior}`);
  });

  test('is centred: the median lies mid-range, so coverage thresholds mean the same on any seed', () => {
    for (const seed of [1, 2, 3]) {
      const sorted = Array.from(cloudNoiseTexels(SIZE, seed)).sort((a, b) => a - b);
      const median = sorted[sorted.length >> 1];
      assert.ok(median > 96 && median < 160, `seed ${seed}: median ${median}`);
    }
  });
});

describe('lattice hash', () => {
  test('lies in [0, 1) and repeats for the same input', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.integer({ min: 0, max: 0xffffffff }), (i, j, seed) => {
        const value = latticeHash01(i, j, seed);
        return value >= 0 && value < 1 && value === latticeHash01(i, j, seed);
      }),
    );
  });

  test('spreads evenly: neighbouring lattice points give an unbiased mean', () => {
    let sum = 0;
    const n = 4096;
    for (let k = 0; k < n; k++) sum += latticeHash01(k % 64, k >> 6, 99);
    assert.ok(Math.abs(sum / n - 0.5) < 0.02, `mean ${sum / n}`);
  });

  test('seeds from names are stable and distinct', () => {
    assert.equal(seedFromName('cloud-sea'), seedFromName('cloud-sea'));
    assert.notEqual(seedFromName('sea-0-of-2'), seedFromName('sea-1-of-2'));
  });
});
