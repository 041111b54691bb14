// The Golden Whip Stream centre line as a smooth curve z(x): the control points run
// strictly west to east, so a cubic Hermite in x gives the curve and O(1) distance queries.
import { lastIndexAtOrBelow } from '../routes/sorted-search';
import { GOLDEN_WHIP_STREAM } from './landmarks';

export interface StreamPath {
  westX: number;
  eastX: number;
  /** Centre line z at a given x (clamped to the path's ends). */
  centreZAt(x: number): number;
  /** dz/dx of the centre line. */
  slopeAt(x: number): number;
  /** Horizontal distance from (x, z) to the centre line; exact for straight stretches, close on gentle bends. */
  distanceM(x: number, z: number): number;
  /** Centre-line points every ~stepM metres of x, west to east. */
  sample(stepM: number): Array<[number, number]>;
}

export function createStreamPath(points: ReadonlyArray<readonly [number, number]> = GOLDEN_WHIP_STREAM.path): StreamPath {
  const xs = points.map((p) => p[0]);
  const zs = points.map((p) => p[1]);
  const n = points.length;
  for (let i = 1; i < n; i++) {
    if (!(xs[i] > xs[i - 1])) throw new Error('stream control points must run strictly west to east');
  }
  // Catmull-Rom style tangents in x, so the curve passes every control point without overshooting wildly.
  const tangents = zs.map((_, i) => {
    if (i === 0) return (zs[1] - zs[0]) / (xs[1] - xs[0]);
    if (i === n - 1) return (zs[n - 1] - zs[n - 2]) / (xs[n - 1] - xs[n - 2]);
    return (zs[i + 1] - zs[i - 1]) / (xs[i + 1] - xs[i - 1]);
  });

  const segmentOf = (x: number): number => lastIndexAtOrBelow((i) => xs[i], x, n - 2);

  /** The Hermite segment holding x (clamped to the path), its width along x and where in it x lies. */
  function segmentAt(xRaw: number): { i: number; h: number; t: number } {
    const x = Math.min(xs[n - 1], Math.max(xs[0], xRaw));
    const i = segmentOf(x);
    const h = xs[i + 1] - xs[i];
    return { i, h, t: (x - xs[i]) / h };
  }

  function centreZAt(xRaw: number): number {
    const { i, h, t } = segmentAt(xRaw);
    const t2 = t * t;
    const t3 = t2 * t;
    return (
      (2 * t3 - 3 * t2 + 1) * zs[i] + (t3 - 2 * t2 + t) * h * tangents[i] + (-2 * t3 + 3 * t2) * zs[i + 1] + (t3 - t2) * h * tangents[i + 1]
    );
  }

  function slopeAt(xRaw: number): number {
    const { i, h, t } = segmentAt(xRaw);
    const t2 = t * t;
    return (
      ((6 * t2 - 6 * t) * zs[i] +
        (3 * t2 - 4 * t + 1) * h * tangents[i] +
        (-6 * t2 + 6 * t) * zs[i + 1] +
        (3 * t2 - 2 * t) * h * tangents[i + 1]) /
      h
    );
  }

  function distanceM(x: number, z: number): number {
    const dz = z - centreZAt(x);
    const slope = slopeAt(x);
    // Beyond the ends the stream runs on under the fog, so only the across-stream distance matters.
    return Math.abs(dz) / Math.sqrt(1 + slope * slope);
  }

  function sample(stepM: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const count = Math.max(2, Math.ceil((xs[n - 1] - xs[0]) / stepM) + 1);
    for (let k = 0; k < count; k++) {
      const x = xs[0] + ((xs[n - 1] - xs[0]) * k) / (count - 1);
      out.push([x, centreZAt(x)]);
    }
    return out;
  }

  return { westX: xs[0], eastX: xs[n - 1], centreZAt, slopeAt, distanceM, sample };
}
