// Property tests for poseAt: the camera never jumps, in position, velocity or view,
// whatever keyframes an author draws.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RouteSchema, type Route, type Vec3 } from '@/scenes/routes/route-schema';
import { cruiseSpeedMps, keyframePassTimesS, pathLengthM, poseAt, samplePath, speedAtMps, velocityAt } from '@/scenes/routes/pose';

const coordinate = fc.double({ min: -2000, max: 2000, noNaN: true });
const altitude = fc.double({ min: 500, max: 1200, noNaN: true });
const point: fc.Arbitrary<Vec3> = fc.tuple(coordinate, altitude, coordinate);

/**
 * Keyframes at least 30 m apart that never double back on themselves (a path that
 * reverses at a keyframe has a cusp by geometry, which validation rejects as a
 * sharp turn), so the path is a real flight, not a hover or a U-turn on the spot.
 */
const spreadPoints = fc
  .array(point, { minLength: 2, maxLength: 8 })
  .filter((ps) => ps.every((p, i) => i === 0 || distance(p, ps[i - 1]) > 30))
  .filter((ps) => ps.every((p, i) => i === 0 || i === ps.length - 1 || turnAngleRad(ps[i - 1], p, ps[i + 1]) < (2 * Math.PI) / 3));

function routeFrom(points: Vec3[], options: { pacing: 'constant-speed' | 'keyframe-times'; durationS: number; gapsS?: number[] }): Route {
  const weights = options.gapsS ?? points.slice(1).map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  const times = points.map((_, i) => {
    if (i > 0) acc += weights[i - 1];
    return i === points.length - 1 ? options.durationS : (acc / total) * options.durationS;
  });
  return RouteSchema.parse({
    id: 'property-route',
    scene: 'wulingyuan',
    landmark: 'hallelujah-mountain',
    title: { en: 'Test', zh: '测试' },
    description: { en: 'Test', zh: '测试' },
    durationS: options.durationS,
    pacing: options.pacing,
    easeInS: 4,
    easeOutS: 4,
    keyframes: points.map((p, i) => ({
      timeS: times[i],
      position: p,
      // Look ahead and a little below, offset sideways so the view differs from the path.
      lookAt: [p[0] + 300, p[1] - 80, p[2] - 400 + i * 50],
    })),
  });
}

const constantRoute = fc
  .tuple(spreadPoints, fc.integer({ min: 30, max: 200 }))
  .map(([points, durationS]) => routeFrom(points, { pacing: 'constant-speed', durationS }));

const timedRoute = fc
  .tuple(
    spreadPoints,
    fc.integer({ min: 30, max: 200 }),
    fc.array(fc.double({ min: 0.5, max: 3, noNaN: true }), { minLength: 7, maxLength: 7 }),
  )
  .map(([points, durationS, gaps]) => routeFrom(points, { pacing: 'keyframe-times', durationS, gapsS: gaps.slice(0, points.length - 1) }));

const anyRoute = fc.oneof(constantRoute, timedRoute);

function distance(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

function turnAngleRad(a: Vec3, b: Vec3, c: Vec3): number {
  const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const v = [c[0] - b[0], c[1] - b[1], c[2] - b[2]];
  const cos = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) / (Math.hypot(...u) * Math.hypot(...v));
  return Math.acos(Math.max(-1, Math.min(1, cos)));
}

function rotateMinusZ(q: [number, number, number, number]): Vec3 {
  // Rotate (0, 0, -1) by q: the direction a three.js camera looks.
  const [x, y, z, w] = q;
  return [-(2 * (x * z + w * y)), -(2 * (y * z - w * x)), -(1 - 2 * (x * x + y * y))];
}

function maxSpeedBound(route: Route): number {
  let max = 0;
  for (const s of samplePath(route, 0.25)) max = Math.max(max, s.speedMps);
  return max;
}

describe('poseAt', () => {
  test('starts at the first keyframe and ends at the last, and clamps time outside the route', () => {
    fc.assert(
      fc.property(anyRoute, (route) => {
        const first = route.keyframes[0];
        const last = route.keyframes[route.keyframes.length - 1];
        assert.ok(distance(poseAt(route, 0).position, first.position) < 1e-6);
        assert.ok(distance(poseAt(route, route.durationS).position, last.position) < 1e-3);
        assert.ok(distance(poseAt(route, 0).lookAt, first.lookAt) < 1e-6);
        assert.ok(distance(poseAt(route, route.durationS).lookAt, last.lookAt) < 1e-3);
        assert.deepEqual(poseAt(route, -5), poseAt(route, 0));
        assert.deepEqual(poseAt(route, route.durationS + 5), poseAt(route, route.durationS));
      }),
      { numRuns: 60 },
    );
  });

  test('position never jumps: a step of ε moves at most (max speed × ε) plus rounding', () => {
    fc.assert(
      fc.property(anyRoute, fc.double({ min: 0, max: 1, noNaN: true }), (route, fraction) => {
        const t = fraction * (route.durationS - 0.01);
        const epsilonS = 0.01;
        const step = distance(poseAt(route, t).position, poseAt(route, t + epsilonS).position);
        assert.ok(step <= maxSpeedBound(route) * epsilonS * 1.05 + 1e-6, `moved ${step} m in ${epsilonS} s`);
      }),
      { numRuns: 40 },
    );
  });

  test('velocity is continuous across every keyframe', () => {
    fc.assert(
      fc.property(anyRoute, (route) => {
        const passTimes = keyframePassTimesS(route);
        const speedScale = Math.max(1, maxSpeedBound(route));
        for (let i = 1; i < passTimes.length - 1; i++) {
          const t = passTimes[i];
          const before = velocityAt(route, t - 1e-4);
          const after = velocityAt(route, t + 1e-4);
          assert.ok(distance(before, after) < 0.01 * speedScale, `velocity jumps at keyframe ${i}`);
          // Finite differences agree with the reported velocity, so it is the real derivative.
          const h = 1e-3;
          const a = poseAt(route, t - h).position;
          const b = poseAt(route, t + h).position;
          const numeric: Vec3 = [(b[0] - a[0]) / (2 * h), (b[1] - a[1]) / (2 * h), (b[2] - a[2]) / (2 * h)];
          assert.ok(distance(numeric, velocityAt(route, t)) < 0.01 * speedScale + 1e-3);
        }
      }),
      { numRuns: 40 },
    );
  });

  test('keyframe-timed routes pass each keyframe at its time', () => {
    fc.assert(
      fc.property(timedRoute, (route) => {
        for (const keyframe of route.keyframes) {
          assert.ok(distance(poseAt(route, keyframe.timeS).position, keyframe.position) < 1e-3);
          assert.ok(distance(poseAt(route, keyframe.timeS).lookAt, keyframe.lookAt) < 1e-3);
        }
      }),
      { numRuns: 40 },
    );
  });

  test('constant-speed routes hold the cruise speed within 2% between the eases', () => {
    fc.assert(
      fc.property(constantRoute, fc.double({ min: 0, max: 1, noNaN: true }), (route, fraction) => {
        const cruise = cruiseSpeedMps(route);
        assert.ok(cruise !== null && cruise > 0);
        const t = route.easeInS + fraction * (route.durationS - route.easeInS - route.easeOutS);
        const h = 0.005;
        const measured = distance(poseAt(route, t - h).position, poseAt(route, t + h).position) / (2 * h);
        assert.ok(Math.abs(measured - cruise) <= 0.02 * cruise, `measured ${measured} m/s, cruise ${cruise} m/s`);
        assert.ok(Math.abs(speedAtMps(route, t) - cruise) < 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  test('constant-speed routes start and end at rest and cover exactly the path length', () => {
    fc.assert(
      fc.property(constantRoute, (route) => {
        assert.equal(speedAtMps(route, 0), 0);
        assert.equal(speedAtMps(route, route.durationS), 0);
        let flown = 0;
        const samples = samplePath(route, 0.05);
        for (let i = 1; i < samples.length; i++) flown += distance(samples[i - 1].position, samples[i].position);
        assert.ok(Math.abs(flown - pathLengthM(route)) < 0.005 * pathLengthM(route));
      }),
      { numRuns: 30 },
    );
  });

  test('the quaternion is unit length and points the camera at lookAt', () => {
    fc.assert(
      fc.property(anyRoute, fc.double({ min: 0, max: 1, noNaN: true }), (route, fraction) => {
        const pose = poseAt(route, fraction * route.durationS);
        const [x, y, z, w] = pose.quaternion;
        assert.ok(Math.abs(Math.hypot(x, y, z, w) - 1) < 1e-9);
        const toTarget = [pose.lookAt[0] - pose.position[0], pose.lookAt[1] - pose.position[1], pose.lookAt[2] - pose.position[2]] as Vec3;
        const len = Math.hypot(...toTarget);
        const forward = rotateMinusZ(pose.quaternion);
        const cos = (forward[0] * toTarget[0] + forward[1] * toTarget[1] + forward[2] * toTarget[2]) / len;
        assert.ok(cos > 1 - 1e-9, `camera looks ${Math.acos(Math.min(1, cos))} rad off its target`);
        // Horizon stays level: the camera's right axis has no vertical component.
        const right = [1 - 2 * (y * y + z * z), 2 * (x * y + w * z), 2 * (x * z - w * y)];
        assert.ok(Math.abs(right[1]) < 1e-9);
      }),
      { numRuns: 100 },
    );
  });

  test('the view heading turns smoothly: no jump between neighbouring frames', () => {
    fc.assert(
      fc.property(anyRoute, (route) => {
        const samples = samplePath(route, 1 / 60);
        let worstStep = 0;
        let worstChange = 0;
        let previousStep = 0;
        for (let i = 1; i < samples.length; i++) {
          const a = rotateMinusZ(poseAt(route, samples[i - 1].timeS).quaternion);
          const b = rotateMinusZ(poseAt(route, samples[i].timeS).quaternion);
          const step = Math.acos(Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]));
          worstStep = Math.max(worstStep, step);
          // The turn per frame itself changes gradually (angular velocity is continuous).
          if (i > 1) worstChange = Math.max(worstChange, Math.abs(step - previousStep));
          previousStep = step;
        }
        assert.ok(worstStep < 0.2, `view turned ${worstStep} rad in one frame`);
        assert.ok(worstChange < 0.01, `turn rate jumped by ${worstChange} rad/frame`);
      }),
      { numRuns: 20 },
    );
  });

  test('repeated calls return the same pose (precomputed timeline is deterministic)', () => {
    fc.assert(
      fc.property(anyRoute, fc.double({ min: 0, max: 1, noNaN: true }), (route, fraction) => {
        const t = fraction * route.durationS;
        const copy = RouteSchema.parse(structuredClone(route));
        assert.deepEqual(poseAt(route, t), poseAt(copy, t));
      }),
      { numRuns: 30 },
    );
  });

  test('a keyframe-timed route with unusable times still flies, at constant speed', () => {
    const route = RouteSchema.parse({
      ...routeFrom(
        [
          [0, 900, 0],
          [300, 900, 0],
          [600, 900, 100],
        ],
        { pacing: 'keyframe-times', durationS: 60 },
      ),
      keyframes: [
        { timeS: 0, position: [0, 900, 0], lookAt: [100, 900, -500] },
        { timeS: 40, position: [300, 900, 0], lookAt: [400, 900, -500] },
        { timeS: 30, position: [600, 900, 100], lookAt: [700, 900, -500] },
      ],
    });
    assert.ok(cruiseSpeedMps(route)! > 0);
    for (let t = 0; t <= 60; t += 0.5) {
      const pose = poseAt(route, t);
      assert.ok([...pose.position, ...pose.quaternion, pose.fovDeg].every(Number.isFinite));
    }
    assert.ok(distance(poseAt(route, 60).position, [600, 900, 100]) < 1e-3);
  });
});
