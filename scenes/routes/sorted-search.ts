// Binary search over sorted samples: which interval of a piecewise curve (keyframe times,
// arc-length tables, control points) holds a value. One definition for every curve here.

/**
 * The last index i in [0, maxIndex] whose value is at or below x, for values that never
 * decrease with i; 0 when x lies below them all. `valueAt(i)` reads the i-th sample.
 */
export function lastIndexAtOrBelow(valueAt: (index: number) => number, x: number, maxIndex: number): number {
  let lo = 0;
  let hi = maxIndex;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (valueAt(mid) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
