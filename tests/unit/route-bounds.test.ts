// A route cannot make validation expensive: coordinates are bounded by the scene's world,
// and a path at that bound costs a bounded number of clearance queries (counted, not timed).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '@/scenes/world/world';
import { ROUTE_MAX_DURATION_S, RouteSchema, WORLD_COORDINATE_LIMIT_M, type RouteInput, type Vec3 } from '@/scenes/routes/route-schema';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { pathLengthM } from '@/scenes/routes/pose';
import {
  CLEARANCE_SAMPLE_STEP_M,
  MAX_CLEARANCE_SAMPLES,
  MAX_SPEED_MPS,
  parseRoute,
  validateRoute,
  type ValidationWorld,
} from '@/scenes/routes/validate-route';
import { WORLD_HALF_EXTENT_M } from '@/scenes/world/landmarks';

let world: World;
before(() => {
  world = createWorld();
});

function countingWorld(): ValidationWorld & { queries: number } {
  const counting = {
    queries: 0,
    clearanceAt(p: Vec3) {
      counting.queries++;
      return world.clearanceAt(p);
    },
    heightAt: (x: number, z: number) => world.heightAt(x, z),
  };
  return counting;
}

function shortRoute(overrides: Partial<RouteInput> = {}): RouteInput {
  return {
    id: 'bounds-test-route',
    scene: 'wulingyuan',
    landmark: 'first-bridge',
    title: { en: 'Bounds', zh: '边界' },
    description: { en: 'A test flight.', zh: '测试航线。' },
    durationS: 60,
    keyframes: [
      { timeS: 0, position: [-500, 1250, 400], lookAt: [1000, 1150, 400] },
      { timeS: 60, position: [500, 1250, 400], lookAt: [2000, 1150, 400] },
    ],
    pointsOfInterest: [
      {
        id: 'sight',
        title: { en: 'A sight', zh: '景点' },
        narration: { en: 'Look.', zh: '请看。' },
        position: [0, 900, 0],
        timeS: 10,
        dwellS: 10,
      },
    ],
    ...overrides,
  };
}

describe('world coordinates in the route schema', () => {
  test('the bound is the scene world, a few kilometres: twice its half-width', () => {
    assert.equal(WORLD_COORDINATE_LIMIT_M, 2 * WORLD_HALF_EXTENT_M);
    assert.ok(WORLD_COORDINATE_LIMIT_M >= 2000 && WORLD_COORDINATE_LIMIT_M <= 10_000);
  });

  const far: [string, (value: number) => RouteInput, (string | number)[]][] = [
    [
      'a keyframe position',
      (v) => shortRoute({ keyframes: [{ timeS: 0, position: [v, 1250, 400], lookAt: [0, 1150, 400] }, shortRoute().keyframes[1]] }),
      ['keyframes', 0, 'position', 0],
    ],
    [
      'a keyframe height',
      (v) => shortRoute({ keyframes: [shortRoute().keyframes[0], { timeS: 60, position: [500, v, 400], lookAt: [0, 1150, 400] }] }),
      ['keyframes', 1, 'position', 1],
    ],
    [
      'a look-at target',
      (v) => shortRoute({ keyframes: [{ timeS: 0, position: [0, 1250, 400], lookAt: [0, 1150, -v] }, shortRoute().keyframes[1]] }),
      ['keyframes', 0, 'lookAt', 2],
    ],
    [
      'a point of interest',
      (v) => shortRoute({ pointsOfInterest: [{ ...shortRoute().pointsOfInterest![0], position: [v, 900, 0] }] }),
      ['pointsOfInterest', 0, 'position', 0],
    ],
  ];
  for (const [what, build, path] of far) {
    for (const value of [1e7, 1e308, -1e7]) {
      test(`${what} at ${value} m is rejected with a message naming the limit`, () => {
        const result = RouteSchema.safeParse(build(value));
        assert.equal(result.success, false);
        const issues = result.error!.issues;
        assert.deepEqual(
          issues.map((issue) => [issue.path, issue.message]),
          [[path, `World coordinates must lie within ±${WORLD_COORDINATE_LIMIT_M} m of the scene centre.`]],
        );
      });
    }
  }

  test("the editor's issue for an out-of-bounds keyframe names the field and the limit, in both languages", () => {
    const result = parseRoute(
      shortRoute({ keyframes: [{ timeS: 0, position: [1e7, 1250, 400], lookAt: [0, 1150, 400] }, shortRoute().keyframes[1]] }),
    );
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.issues.map((issue) => [issue.path, issue.keyframeIndex, issue.limit, issue.message.en]),
      [
        [
          ['keyframes', 0, 'position', 0],
          0,
          WORLD_COORDINATE_LIMIT_M,
          `Keyframe 1 position (x (east)) must be at most ${WORLD_COORDINATE_LIMIT_M} m (it is 10000000 m).`,
        ],
      ],
    );
    assert.match(result.issues[0].message.zh, new RegExp(`不能超过 ${WORLD_COORDINATE_LIMIT_M} 米`));
  });

  test('coordinates at the bound itself are accepted', () => {
    const L = WORLD_COORDINATE_LIMIT_M;
    const result = RouteSchema.safeParse(
      shortRoute({ keyframes: [{ timeS: 0, position: [-L, -L, L], lookAt: [L, L, -L] }, shortRoute().keyframes[1]] }),
    );
    assert.equal(result.success, true);
  });

  test('every curated route lies within the bound', () => {
    for (const route of CURATED_ROUTES) {
      const points = [...route.keyframes.flatMap((k) => [k.position, k.lookAt]), ...route.pointsOfInterest.map((p) => p.position)];
      for (const point of points)
        assert.ok(
          point.every((c) => Math.abs(c) <= WORLD_COORDINATE_LIMIT_M),
          `${route.id} ${point.join(', ')}`,
        );
    }
  });
});

describe('clearance sampling is bounded', () => {
  /** 200 keyframes zig-zagging between opposite corners of the bounding cube: the longest path the schema lets through, roughly. */
  function longestRoute(): RouteInput {
    const L = WORLD_COORDINATE_LIMIT_M;
    const keyframes = Array.from({ length: 200 }, (_, i) => {
      const s = i % 2 === 0 ? -1 : 1;
      const position: Vec3 = [s * L, s * L, (i % 4 < 2 ? 1 : -1) * s * L];
      return { timeS: (i * 300) / 199, position, lookAt: [0, 0, 0] as Vec3 };
    });
    keyframes[199].timeS = 300;
    return shortRoute({ durationS: 300, pacing: 'keyframe-times', keyframes });
  }

  test('a path at the coordinate bound costs at most MAX_CLEARANCE_SAMPLES path queries plus one per keyframe', () => {
    const input = longestRoute();
    const parsed = parseRoute(input);
    assert.ok(parsed.ok, 'the longest route is a valid route as far as the schema goes');
    const lengthM = pathLengthM(parsed.route);
    // Long enough that sampling every 2 m would far exceed the cap.
    assert.ok(lengthM / CLEARANCE_SAMPLE_STEP_M > 100 * MAX_CLEARANCE_SAMPLES, `path is ${lengthM} m`);

    const counting = countingWorld();
    const issues = validateRoute(input, counting);
    assert.ok(counting.queries <= MAX_CLEARANCE_SAMPLES + 1 + parsed.route.keyframes.length, `${counting.queries} clearance queries`);
    // Still validated, not skipped: the path leaves the world, flies too fast and hits the ground.
    const codes = new Set(issues.map((issue) => issue.code));
    for (const code of ['outside-world', 'speed-too-high', 'keyframe-clearance'] as const) assert.ok(codes.has(code), code);
  });

  test('the cap covers the longest publishable path: a route that keeps to the speed limit is sampled every 2 m', () => {
    assert.ok(MAX_CLEARANCE_SAMPLES * CLEARANCE_SAMPLE_STEP_M >= MAX_SPEED_MPS * ROUTE_MAX_DURATION_S);
    const input = shortRoute();
    const parsed = parseRoute(input);
    assert.ok(parsed.ok);
    const counting = countingWorld();
    validateRoute(input, counting);
    const expectedPathSamples = Math.ceil(pathLengthM(parsed.route) / CLEARANCE_SAMPLE_STEP_M) + 1;
    assert.equal(counting.queries, expectedPathSamples + parsed.route.keyframes.length);
  });
});
