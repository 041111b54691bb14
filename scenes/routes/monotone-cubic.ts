// Monotone piecewise-cubic Hermite interpolation (PCHIP, Fritsch–Butland): a C1
// curve through scalar samples that never overshoots them. Used for time → arc
// length (the camera never runs backwards) and for field of view.
import { lastIndexAtOrBelow } from './sorted-search';

export interface MonotoneCubic {
  /** Value at x; x is clamped to the sampled range. */
  valueAt(x: number): number;
  /** dValue/dx at x; zero outside the sampled range. */
  slopeAt(x: number): number;
}

/** `xs` must be strictly increasing and at least one sample long. */
export function createMonotoneCubic(xs: readonly number[], ys: readonly number[]): MonotoneCubic {
  const n = xs.length;
  const h: number[] = [];
  const d: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    h.push(xs[i + 1] - xs[i]);
    d.push((ys[i + 1] - ys[i]) / h[i]);
  }
  const m = new Array<number>(n).fill(0);
  if (n === 2) {
    m[0] = m[1] = d[0];
  } else if (n > 2) {
    for (let i = 1; i < n - 1; i++) {
      // A weighted harmonic mean keeps the cubic monotone on uneven spacing; a
      // local extremum (sign change) gets a flat tangent.
      if (d[i - 1] * d[i] <= 0) continue;
      const w1 = 2 * h[i] + h[i - 1];
      const w2 = h[i] + 2 * h[i - 1];
      m[i] = (w1 + w2) / (w1 / d[i - 1] + w2 / d[i]);
    }
    m[0] = endSlope(h[0], h[1], d[0], d[1]);
    m[n - 1] = endSlope(h[n - 2], h[n - 3], d[n - 2], d[n - 3]);
  }

  const locate = (x: number): number => lastIndexAtOrBelow((i) => xs[i], x, n - 2);

  return {
    valueAt(x) {
      if (n === 1 || x <= xs[0]) return ys[0];
      if (x >= xs[n - 1]) return ys[n - 1];
      const i = locate(x);
      const u = (x - xs[i]) / h[i];
      const u2 = u * u;
      const u3 = u2 * u;
      return (2 * u3 - 3 * u2 + 1) * ys[i] + (u3 - 2 * u2 + u) * h[i] * m[i] + (-2 * u3 + 3 * u2) * ys[i + 1] + (u3 - u2) * h[i] * m[i + 1];
    },
    slopeAt(x) {
      if (n === 1 || x < xs[0] || x > xs[n - 1]) return 0;
      const i = locate(Math.min(x, xs[n - 1]));
      const u = Math.min(1, (x - xs[i]) / h[i]);
      const u2 = u * u;
      return ((6 * u2 - 6 * u) * ys[i] + (-6 * u2 + 6 * u) * ys[i + 1]) / h[i] + (3 * u2 - 4 * u + 1) * m[i] + (3 * u2 - 2 * u) * m[i + 1];
    },
  };
}

/** One-sided three-point slope at an end, limited so the end interval stays monotone. */
function endSlope(h0: number, h1: number, d0: number, d1: number): number {
  const m = ((2 * h0 + h1) * d0 - h0 * d1) / (h0 + h1);
  if (Math.sign(m) !== Math.sign(d0)) return 0;
  if (Math.sign(d0) !== Math.sign(d1) && Math.abs(m) > 3 * Math.abs(d0)) return 3 * d0;
  return m;
}
