// The one binary search the route and world curves share: the last sample at or below a value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lastIndexAtOrBelow } from '@/scenes/routes/sorted-search';

test('finds the interval a value falls in, 0 below the first sample and maxIndex at or past the last', () => {
  const xs = [0, 1, 2.5, 4, 10];
  const at = (i: number) => xs[i];
  assert.equal(lastIndexAtOrBelow(at, -1, xs.length - 2), 0);
  assert.equal(lastIndexAtOrBelow(at, 0, xs.length - 2), 0);
  assert.equal(lastIndexAtOrBelow(at, 2.5, xs.length - 2), 2);
  assert.equal(lastIndexAtOrBelow(at, 3.9, xs.length - 2), 2);
  assert.equal(lastIndexAtOrBelow(at, 10, xs.length - 2), 3);
  assert.equal(lastIndexAtOrBelow(at, 99, xs.length - 1), 4);
});

test('agrees with a linear scan on any non-decreasing samples, repeats included', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 40 }),
      fc.integer({ min: -60, max: 60 }),
      (raw, x) => {
        const sorted = [...raw].sort((a, b) => a - b);
        const maxIndex = sorted.length - 1;
        let expected = 0;
        for (let i = 0; i <= maxIndex; i++) if (sorted[i] <= x) expected = i;
        assert.equal(
          lastIndexAtOrBelow((i) => sorted[i], x, maxIndex),
          expected,
        );
      },
    ),
  );
});
