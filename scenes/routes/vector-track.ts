// A C1 curve of Vec3 values over a scalar parameter (time or distance), used for
// look-at targets: cubic Hermite segments with non-uniform Catmull-Rom tangents,
// i.e. each tangent is the slope of the parabola through a value and its neighbours.
import type { Vec3 } from './route-schema';
import { lastIndexAtOrBelow } from './sorted-search';

export interface VectorTrack {
  /** Value at `x`; held constant outside the knot range. */
  valueAt(x: number): Vec3;
}

// Knot spacing floor, so coinciding knots give a (steep but finite) curve.
const MIN_KNOT_SPACING = 1e-6;

/** `knots` must be non-decreasing, with one knot per value. */
export function createVectorTrack(knots: readonly number[], values: readonly Vec3[]): VectorTrack {
  const n = values.length;
  const xs: number[] = [knots[0]];
  for (let i = 1; i < n; i++) xs.push(Math.max(knots[i], xs[i - 1] + MIN_KNOT_SPACING));
  const slopes: Vec3[] = [];
  for (let i = 0; i < n; i++) {
    const slope: Vec3 = [0, 0, 0];
    for (let a = 0; a < 3; a++) {
      if (n === 1) break;
      if (i === 0) slope[a] = (values[1][a] - values[0][a]) / (xs[1] - xs[0]);
      else if (i === n - 1) slope[a] = (values[i][a] - values[i - 1][a]) / (xs[i] - xs[i - 1]);
      else {
        const hPrev = xs[i] - xs[i - 1];
        const hNext = xs[i + 1] - xs[i];
        const dPrev = (values[i][a] - values[i - 1][a]) / hPrev;
        const dNext = (values[i + 1][a] - values[i][a]) / hNext;
        slope[a] = (dPrev * hNext + dNext * hPrev) / (hPrev + hNext);
      }
    }
    slopes.push(slope);
  }

  return {
    valueAt(x) {
      if (n === 1 || x <= xs[0]) return [...values[0]];
      if (x >= xs[n - 1]) return [...values[n - 1]];
      const lo = lastIndexAtOrBelow((i) => xs[i], x, n - 2);
      const h = xs[lo + 1] - xs[lo];
      const u = (x - xs[lo]) / h;
      const u2 = u * u;
      const u3 = u2 * u;
      const h00 = 2 * u3 - 3 * u2 + 1;
      const h10 = (u3 - 2 * u2 + u) * h;
      const h01 = -2 * u3 + 3 * u2;
      const h11 = (u3 - u2) * h;
      const a = values[lo];
      const b = values[lo + 1];
      const ma = slopes[lo];
      const mb = slopes[lo + 1];
      return [
        h00 * a[0] + h10 * ma[0] + h01 * b[0] + h11 * mb[0],
        h00 * a[1] + h10 * ma[1] + h01 * b[1] + h11 * mb[1],
        h00 * a[2] + h10 * ma[2] + h01 * b[2] + h11 * mb[2],
      ];
    },
  };
}
