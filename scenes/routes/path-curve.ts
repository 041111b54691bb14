// The camera's flight path: a centripetal Catmull-Rom spline through the keyframe
// positions (C1, no cusps or self-loops between close points), with an arc-length
// table so the timeline can move along it at a chosen speed in metres.
import type { Vec3 } from './route-schema';
import { lastIndexAtOrBelow } from './sorted-search';

export interface PathPoint {
  position: Vec3;
  /** Unit tangent in the direction of travel. */
  tangent: Vec3;
}

export interface PathCurve {
  readonly lengthM: number;
  /** Arc length from the start to each keyframe position. */
  readonly keyframeDistancesM: readonly number[];
  /** Point at `distanceM` along the path (clamped to [0, lengthM]). */
  pointAtDistance(distanceM: number): PathPoint;
  /** Index of the segment (keyframe i → i + 1) that contains `distanceM`. */
  segmentAtDistance(distanceM: number): number;
}

// Knot spacing floor, so repeated keyframe positions do not divide by zero.
const MIN_KNOT_SPACING = 1e-6;
// Gauss–Legendre nodes and weights on [0, 1]: exact for the polynomial part of the
// speed integrand, so a few metres per sub-interval give sub-millimetre lengths.
const GL_NODES = [0.04691007703066802, 0.23076534494715845, 0.5, 0.7692346550528415, 0.9530899229693319];
const GL_WEIGHTS = [0.11846344252809454, 0.23931433524968324, 0.28444444444444444, 0.23931433524968324, 0.11846344252809454];
const TARGET_SUBINTERVAL_M = 4;
const MAX_SUBINTERVALS_PER_SEGMENT = 256;

interface Segment {
  // Hermite form in local u ∈ [0, 1]: p(u) = c0 + c1 u + c2 u² + c3 u³ per axis.
  coefficients: [Vec3, Vec3, Vec3, Vec3];
  startDistanceM: number;
  lengthM: number;
  /** Cumulative arc length at u = k / subintervals, relative to the segment start. */
  cumulativeM: Float64Array;
}

export function createPathCurve(points: readonly Vec3[]): PathCurve {
  const n = points.length;
  if (n < 2) throw new RangeError('a path needs at least two points');
  // Mirrored phantom points make the end tangents point straight at the neighbours.
  const extended: Vec3[] = [mirror(points[0], points[1]), ...points, mirror(points[n - 1], points[n - 2])];
  const spacing: number[] = [];
  for (let i = 0; i < extended.length - 1; i++) {
    spacing.push(Math.max(Math.sqrt(dist(extended[i], extended[i + 1])), MIN_KNOT_SPACING));
  }
  // Tangent at each real point with respect to the global (centripetal) knot parameter.
  const tangents: Vec3[] = [];
  for (let i = 1; i <= n; i++) {
    const dPrev = spacing[i - 1];
    const dNext = spacing[i];
    const tangent: Vec3 = [0, 0, 0];
    for (let a = 0; a < 3; a++) {
      tangent[a] =
        (extended[i][a] - extended[i - 1][a]) / dPrev -
        (extended[i + 1][a] - extended[i - 1][a]) / (dPrev + dNext) +
        (extended[i + 1][a] - extended[i][a]) / dNext;
    }
    tangents.push(tangent);
  }

  const segments: Segment[] = [];
  const keyframeDistancesM: number[] = [0];
  let totalM = 0;
  for (let i = 0; i < n - 1; i++) {
    const k = spacing[i + 1];
    const p0 = points[i];
    const p1 = points[i + 1];
    const m0: Vec3 = [tangents[i][0] * k, tangents[i][1] * k, tangents[i][2] * k];
    const m1: Vec3 = [tangents[i + 1][0] * k, tangents[i + 1][1] * k, tangents[i + 1][2] * k];
    const coefficients: Segment['coefficients'] = [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ];
    for (let a = 0; a < 3; a++) {
      coefficients[0][a] = p0[a];
      coefficients[1][a] = m0[a];
      coefficients[2][a] = -3 * p0[a] - 2 * m0[a] + 3 * p1[a] - m1[a];
      coefficients[3][a] = 2 * p0[a] + m0[a] - 2 * p1[a] + m1[a];
    }
    const chordM = dist(p0, p1);
    const subintervals = Math.min(MAX_SUBINTERVALS_PER_SEGMENT, Math.max(8, Math.ceil(chordM / TARGET_SUBINTERVAL_M)));
    const cumulativeM = new Float64Array(subintervals + 1);
    const segment: Segment = { coefficients, startDistanceM: totalM, lengthM: 0, cumulativeM };
    for (let s = 0; s < subintervals; s++) {
      cumulativeM[s + 1] = cumulativeM[s] + integrateSpeed(segment, s / subintervals, (s + 1) / subintervals);
    }
    segment.lengthM = cumulativeM[subintervals];
    totalM += segment.lengthM;
    segments.push(segment);
    keyframeDistancesM.push(totalM);
  }

  function segmentAtDistance(distanceM: number): number {
    let lo = lastIndexAtOrBelow((i) => segments[i].startDistanceM, distanceM, segments.length - 1);
    // Zero-length segments (repeated positions) are never the answer unless all are.
    while (lo > 0 && segments[lo].lengthM === 0) lo--;
    return lo;
  }

  function localParameter(segment: Segment, localM: number): number {
    const table = segment.cumulativeM;
    const count = table.length - 1;
    if (segment.lengthM <= 0) return 0;
    if (localM <= 0) return 0;
    if (localM >= segment.lengthM) return 1;
    const lo = lastIndexAtOrBelow((i) => table[i], localM, count - 1);
    const uLo = lo / count;
    const uHi = (lo + 1) / count;
    const span = table[lo + 1] - table[lo];
    let u = span > 0 ? uLo + ((localM - table[lo]) / span) * (uHi - uLo) : uLo;
    // Newton on s(u) = localM; the linear guess is already within a hair, so two
    // steps reach double precision and keep speed exactly constant between samples.
    for (let iteration = 0; iteration < 3; iteration++) {
      const speed = speedAt(segment, u);
      if (speed <= 1e-12) break;
      const error = table[lo] + integrateSpeed(segment, uLo, u) - localM;
      u = Math.min(uHi, Math.max(uLo, u - error / speed));
    }
    return u;
  }

  return {
    lengthM: totalM,
    keyframeDistancesM,
    segmentAtDistance,
    pointAtDistance(distanceM) {
      const clamped = Math.min(totalM, Math.max(0, distanceM));
      const index = segmentAtDistance(clamped);
      const segment = segments[index];
      const u = localParameter(segment, clamped - segment.startDistanceM);
      const position = evaluate(segment, u);
      let derivative = derivativeAt(segment, u);
      // At a repeated position the derivative vanishes; fall back to the chord ahead.
      if (Math.hypot(derivative[0], derivative[1], derivative[2]) < 1e-9) {
        derivative = [
          points[Math.min(index + 1, n - 1)][0] - points[index][0],
          points[Math.min(index + 1, n - 1)][1] - points[index][1],
          points[Math.min(index + 1, n - 1)][2] - points[index][2],
        ];
      }
      const len = Math.hypot(derivative[0], derivative[1], derivative[2]);
      const tangent: Vec3 = len > 0 ? [derivative[0] / len, derivative[1] / len, derivative[2] / len] : [0, 0, -1];
      return { position, tangent };
    },
  };
}

function mirror(point: Vec3, neighbour: Vec3): Vec3 {
  return [2 * point[0] - neighbour[0], 2 * point[1] - neighbour[1], 2 * point[2] - neighbour[2]];
}

function dist(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

function evaluate(segment: Segment, u: number): Vec3 {
  const [c0, c1, c2, c3] = segment.coefficients;
  return [
    c0[0] + u * (c1[0] + u * (c2[0] + u * c3[0])),
    c0[1] + u * (c1[1] + u * (c2[1] + u * c3[1])),
    c0[2] + u * (c1[2] + u * (c2[2] + u * c3[2])),
  ];
}

function derivativeAt(segment: Segment, u: number): Vec3 {
  const [, c1, c2, c3] = segment.coefficients;
  return [c1[0] + u * (2 * c2[0] + 3 * u * c3[0]), c1[1] + u * (2 * c2[1] + 3 * u * c3[1]), c1[2] + u * (2 * c2[2] + 3 * u * c3[2])];
}

function speedAt(segment: Segment, u: number): number {
  const d = derivativeAt(segment, u);
  return Math.hypot(d[0], d[1], d[2]);
}

function integrateSpeed(segment: Segment, fromU: number, toU: number): number {
  const width = toU - fromU;
  if (width === 0) return 0;
  let sum = 0;
  for (let g = 0; g < GL_NODES.length; g++) sum += GL_WEIGHTS[g] * speedAt(segment, fromU + GL_NODES[g] * width);
  return sum * width;
}
