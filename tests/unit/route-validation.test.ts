// validateRoute against the real generated world: each rule is provoked on purpose and
// must come back as one precise issue (rule, keyframe or segment, value and limit).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '@/scenes/world/world';
import type { RouteInput, Vec3 } from '@/scenes/routes/route-schema';
import {
  MAX_ACCELERATION_MPS2,
  MAX_SPEED_MPS,
  MAX_SUSTAINED_CLIMB_DEG,
  MAX_VIEW_PITCH_DEG,
  MAX_YAW_RATE_DEG_S,
  MAX_PITCH_RATE_DEG_S,
  MIN_CLEARANCE_M,
  MIN_LOOK_AT_DISTANCE_M,
  hasErrors,
  parseRoute,
  validateRoute,
  type RouteIssue,
} from '@/scenes/routes/validate-route';
import { HALLELUJAH } from '@/scenes/world/landmarks';

let world: World;
before(() => {
  world = createWorld();
});

// 1,250 m is above every pillar and, south of the Tianzi cliff, far above the ground.
const SAFE_Y = 1250;

type KeyframeInput = RouteInput['keyframes'][number];

function keyframe(timeS: number, position: Vec3, lookAt?: Vec3): KeyframeInput {
  return { timeS, position, lookAt: lookAt ?? [position[0] + 1500, position[1] - 100, position[2]] };
}

/** A calm eastward flight, 2 km in 100 s, high above everything. */
function calmRoute(overrides: Partial<RouteInput> = {}): RouteInput {
  return {
    id: 'calm-test-route',
    scene: 'wulingyuan',
    landmark: 'first-bridge',
    title: { en: 'Calm', zh: '平稳' },
    description: { en: 'A calm test flight.', zh: '平稳的测试航线。' },
    durationS: 100,
    easeInS: 6,
    easeOutS: 6,
    keyframes: [
      keyframe(0, [-1000, SAFE_Y, 400]),
      keyframe(25, [-500, SAFE_Y, 400]),
      keyframe(50, [0, SAFE_Y, 400]),
      keyframe(75, [500, SAFE_Y, 400]),
      keyframe(100, [1000, SAFE_Y, 400]),
    ],
    pointsOfInterest: [
      {
        id: 'sight',
        title: { en: 'A sight', zh: '景点' },
        narration: { en: 'Look.', zh: '请看。' },
        position: [0, 900, 0],
        timeS: 40,
        dwellS: 10,
      },
    ],
    ...overrides,
  };
}

function withKeyframes(keyframes: KeyframeInput[], overrides: Partial<RouteInput> = {}): RouteInput {
  return calmRoute({ keyframes, durationS: keyframes[keyframes.length - 1].timeS, ...overrides });
}

function only(issues: RouteIssue[], code: RouteIssue['code']): RouteIssue[] {
  return issues.filter((issue) => issue.code === code);
}

function assertBilingual(issues: RouteIssue[]): void {
  for (const issue of issues) {
    assert.ok(issue.message.en.length > 10, `English message for ${issue.code}`);
    assert.match(issue.message.zh, /[\u4e00-\u9fff]/, `Chinese message for ${issue.code}`);
  }
}

describe('validateRoute', () => {
  test('a calm route high above the forest has no issues at all', () => {
    assert.deepEqual(validateRoute(calmRoute(), world), []);
  });

  test('schema problems name the field, in both languages', () => {
    const input = calmRoute();
    const broken = { ...input, title: { en: 'Calm' }, keyframes: input.keyframes.map((k, i) => (i === 3 ? { ...k, fovDeg: 140 } : k)) };
    const issues = validateRoute(broken, world);
    assertBilingual(issues);
    const missing = issues.find((i) => i.path?.join('.') === 'title.zh');
    assert.ok(missing);
    assert.equal(missing.code, 'schema');
    assert.equal(missing.message.en, 'Title (Chinese) is missing.');
    assert.equal(missing.message.zh, '缺少标题（中文）。');
    const fov = issues.find((i) => i.path?.join('.') === 'keyframes.3.fovDeg');
    assert.ok(fov);
    assert.equal(fov.keyframeIndex, 3);
    assert.equal(fov.value, 140);
    assert.equal(fov.limit, 100);
    assert.equal(fov.message.en, 'Keyframe 4 field of view must be at most 100° (it is 140°).');
  });

  test('a duration outside 20–300 s is its own rule, with value and limit', () => {
    const short = validateRoute(calmRoute({ durationS: 12 }), world);
    assert.equal(short.length, 1);
    assert.deepEqual(
      { code: short[0].code, value: short[0].value, limit: short[0].limit },
      { code: 'duration-out-of-range', value: 12, limit: 20 },
    );
    const long = validateRoute(calmRoute({ durationS: 400 }), world);
    assert.deepEqual(
      { code: long[0].code, value: long[0].value, limit: long[0].limit },
      { code: 'duration-out-of-range', value: 400, limit: 300 },
    );
    assertBilingual([...short, ...long]);
  });

  test('keyframe times must start at 0, increase strictly, and end at the duration', () => {
    const route = calmRoute();
    const times = [2, 25, 25, 75, 90];
    const issues = validateRoute({ ...route, keyframes: route.keyframes.map((k, i) => ({ ...k, timeS: times[i] })) }, world);
    assertBilingual(issues);
    assert.deepEqual(
      issues.map((i) => [i.code, i.keyframeIndex, i.value, i.limit]),
      [
        ['first-keyframe-not-at-start', 0, 2, 0],
        ['keyframe-times-not-increasing', 2, 25, 25],
        ['last-keyframe-not-at-end', 4, 90, 100],
      ],
    );
  });

  test('points of interest must fall within the route; a caption running past the end is a warning', () => {
    const base = calmRoute();
    const poi = base.pointsOfInterest![0];
    const issues = validateRoute(
      { ...base, pointsOfInterest: [poi, { ...poi, id: 'late', timeS: 120 }, { ...poi, id: 'overrun', timeS: 95, dwellS: 12 }] },
      world,
    );
    assertBilingual(issues);
    assert.deepEqual(
      issues.map((i) => [i.code, i.severity, i.pointOfInterestIndex]),
      [
        ['poi-outside-duration', 'error', 1],
        ['poi-caption-overruns-end', 'warning', 2],
      ],
    );
  });

  test('a keyframe inside the Hallelujah pillar is reported at that keyframe, as a pillar', () => {
    const y = 1000;
    const inside: Vec3 = [HALLELUJAH.x, y, HALLELUJAH.z];
    const issues = validateRoute(
      withKeyframes(
        [
          keyframe(0, [-1300, y, HALLELUJAH.z]),
          keyframe(30, [-950, y, HALLELUJAH.z]),
          keyframe(45, inside, [-200, y, HALLELUJAH.z]),
          keyframe(60, [-350, y, HALLELUJAH.z]),
          keyframe(90, [0, y, HALLELUJAH.z]),
        ],
        { durationS: 90 },
      ),
      world,
    );
    const clearance = issues.filter((i) => i.code === 'keyframe-clearance' || i.code === 'path-clearance');
    assert.equal(clearance.length, 1, JSON.stringify(clearance));
    const [issue] = clearance;
    assert.equal(issue.code, 'keyframe-clearance');
    assert.equal(issue.keyframeIndex, 2);
    assert.ok(issue.value! < 0);
    assert.equal(issue.limit, MIN_CLEARANCE_M);
    assert.match(issue.message.en, /^Keyframe 3 is inside a pillar \(\d+ m deep\); keep at least 12 m clear\.$/);
    assert.match(issue.message.zh, /^第 3 个关键帧位于石柱内部/);
  });

  test('a segment that cuts through the pillar between two clear keyframes is reported at that segment', () => {
    const y = 1040;
    const issues = validateRoute(
      withKeyframes(
        [
          keyframe(0, [-1200, y, HALLELUJAH.z]),
          keyframe(30, [-900, y, HALLELUJAH.z]),
          keyframe(60, [-400, y, HALLELUJAH.z]),
          keyframe(90, [-100, y, HALLELUJAH.z]),
        ],
        { durationS: 90 },
      ),
      world,
    );
    const clearance = issues.filter((i) => i.code === 'keyframe-clearance' || i.code === 'path-clearance');
    assert.equal(clearance.length, 1, JSON.stringify(clearance));
    const [issue] = clearance;
    assert.equal(issue.code, 'path-clearance');
    assert.equal(issue.segmentIndex, 1);
    assert.ok(issue.value! < 0, 'the worst sample is inside the rock');
    // The worst sample is where the path crosses the column, halfway along segment 1.
    assert.ok(Math.abs(issue.timeS! - 45) < 3, `worst at ${issue.timeS} s`);
    assert.match(issue.message.en, /^Between keyframes 2 and 3 \(at 0:4\d\) the camera is inside a pillar/);
  });

  test('flying low over the valley floor is reported as too close to the ground', () => {
    const y = 447;
    const issues = validateRoute(
      withKeyframes([keyframe(0, [-900, 500, 946]), keyframe(30, [-600, y, 880]), keyframe(60, [-300, 500, 935])], { durationS: 60 }),
      world,
    );
    const issue = issues.find((i) => i.code === 'keyframe-clearance');
    assert.ok(issue);
    assert.equal(issue.keyframeIndex, 1);
    assert.match(issue.message.en, /from the ground/);
    assert.match(issue.message.zh, /地面/);
  });

  test('a constant-speed route that is too fast gets one issue with the duration it needs', () => {
    const issues = validateRoute(
      calmRoute({ durationS: 40, keyframes: calmRoute().keyframes.map((k, i) => ({ ...k, timeS: i * 10 })) }),
      world,
    );
    const speed = only(issues, 'speed-too-high');
    assert.equal(speed.length, 1);
    assert.deepEqual(speed[0].path, ['durationS']);
    assert.ok(speed[0].value! > MAX_SPEED_MPS);
    const neededS = Number(/about (\d+) s/.exec(speed[0].message.en)?.[1]);
    assert.ok(2000 / neededS <= MAX_SPEED_MPS * 1.1 && neededS > 40, `suggests ${neededS} s`);
    assertBilingual(speed);
  });

  test('a keyframe-timed dash between two keyframes is reported on that segment', () => {
    const issues = validateRoute(
      withKeyframes(
        [
          keyframe(0, [-1000, SAFE_Y, 400]),
          keyframe(40, [-600, SAFE_Y, 400]),
          keyframe(55, [400, SAFE_Y, 400]),
          keyframe(100, [800, SAFE_Y, 400]),
        ],
        { pacing: 'keyframe-times' },
      ),
      world,
    );
    const speed = only(issues, 'speed-too-high');
    assert.deepEqual(
      speed.map((i) => i.segmentIndex),
      [1],
    );
    assert.ok(speed[0].timeS! > 40 && speed[0].timeS! < 55);
  });

  test('a tight corner is too much acceleration on the segment that turns', () => {
    const issues = validateRoute(
      withKeyframes(
        [
          keyframe(0, [-1000, SAFE_Y, 0], [0, SAFE_Y, 0]),
          keyframe(35, [0, SAFE_Y, 0], [40, SAFE_Y, 800]),
          keyframe(37, [40, SAFE_Y, 40], [40, SAFE_Y, 1500]),
          keyframe(70, [40, SAFE_Y, 1000], [40, SAFE_Y, 2000]),
        ],
        { pacing: 'keyframe-times' },
      ),
      world,
    );
    const acceleration = only(issues, 'acceleration-too-high');
    assert.ok(acceleration.length >= 1);
    const corner = acceleration.find((i) => i.segmentIndex === 1);
    assert.ok(corner, JSON.stringify(acceleration));
    assert.ok(corner.value! > MAX_ACCELERATION_MPS2);
    assert.match(corner.message.en, /turn is too tight/);
  });

  test('an abrupt start is too much acceleration in the first segment', () => {
    const issues = validateRoute(calmRoute({ easeInS: 0.5 }), world);
    assert.deepEqual(
      only(issues, 'acceleration-too-high').map((i) => i.segmentIndex),
      [0],
    );
    assert.match(only(issues, 'acceleration-too-high')[0].message.en, /speed changes too abruptly/);
  });

  test('a fast swing of the view from east to west is a yaw-rate issue on that segment', () => {
    const base = calmRoute();
    const keyframes = base.keyframes.map((k, i) => ({
      ...k,
      lookAt: (i === 2 ? [-2000, SAFE_Y - 100, 600] : k.lookAt) as Vec3,
    }));
    const issues = validateRoute({ ...base, keyframes }, world);
    const yaw = only(issues, 'yaw-rate-too-high');
    assert.deepEqual(yaw.map((i) => i.segmentIndex).sort(), [1, 2]);
    for (const issue of yaw) assert.ok(issue.value! > MAX_YAW_RATE_DEG_S && issue.limit === MAX_YAW_RATE_DEG_S);
    assertBilingual(yaw);
  });

  test('a fast tilt from the sky to the valley is a pitch-rate issue', () => {
    // 20 m/s eastward throughout; between 50 s and 55 s the view drops from 60° up to 50° down.
    const at = (timeS: number): Vec3 => [-1000 + 20 * timeS, SAFE_Y, 400];
    const issues = validateRoute(
      withKeyframes(
        [
          keyframe(0, at(0)),
          keyframe(25, at(25)),
          keyframe(50, at(50), [0 + 500, SAFE_Y + 866, 400]),
          keyframe(55, at(55), [100 + 1000, SAFE_Y - 1190, 400]),
          keyframe(100, at(100)),
        ],
        { pacing: 'keyframe-times' },
      ),
      world,
    );
    const pitch = only(issues, 'pitch-rate-too-high');
    assert.deepEqual(
      pitch.map((i) => i.segmentIndex),
      [2],
    );
    assert.ok(pitch[0].value! > MAX_PITCH_RATE_DEG_S);
    assert.ok(pitch[0].timeS! > 50 && pitch[0].timeS! < 55);
  });

  test('looking straight down is too steep a view', () => {
    const base = calmRoute();
    const keyframes = base.keyframes.map((k, i) => ({
      ...k,
      lookAt: (i === 2 ? [5, 500, 400] : k.lookAt) as Vec3,
    }));
    const steep = only(validateRoute({ ...base, keyframes }, world), 'view-too-steep');
    assert.ok(steep.length >= 1);
    assert.ok(steep.every((i) => i.segmentIndex === 1 || i.segmentIndex === 2));
    assert.ok(steep[0].value! > MAX_VIEW_PITCH_DEG);
    assert.match(steep[0].message.en, /looks down/);
  });

  test('a look-at target almost on the camera is a warning', () => {
    const base = calmRoute();
    const keyframes = base.keyframes.map((k, i) => ({ ...k, lookAt: (i === 4 ? [1005, SAFE_Y, 400] : k.lookAt) as Vec3 }));
    const close = only(validateRoute({ ...base, keyframes }, world), 'look-at-too-close');
    assert.ok(close.length >= 1);
    assert.ok(close.every((i) => i.severity === 'warning' && i.value! < MIN_LOOK_AT_DISTANCE_M));
    assert.equal(close[close.length - 1].segmentIndex, 3);
  });

  test('a long steep climb is reported; a short one is not', () => {
    const long = validateRoute(
      withKeyframes(
        [
          keyframe(0, [-1000, 600, 1400]),
          keyframe(20, [-600, 600, 1400]),
          keyframe(50, [-100, 1000, 1400]),
          keyframe(70, [300, 1000, 1400]),
        ],
        {
          pacing: 'keyframe-times',
        },
      ),
      world,
    );
    const climbs = only(long, 'sustained-steep-climb');
    assert.equal(climbs.length, 1, JSON.stringify(climbs));
    assert.ok(climbs[0].value! > MAX_SUSTAINED_CLIMB_DEG);
    assert.match(climbs[0].message.en, /climbs at up to/);

    const short = validateRoute(
      withKeyframes(
        [
          keyframe(0, [-1000, SAFE_Y, 400]),
          keyframe(40, [-200, SAFE_Y, 400]),
          keyframe(44, [-150, SAFE_Y + 40, 400]),
          keyframe(90, [700, SAFE_Y + 40, 400]),
        ],
        {
          pacing: 'keyframe-times',
        },
      ),
      world,
    );
    assert.deepEqual(only(short, 'sustained-steep-climb'), []);
  });

  test('a keyframe outside the generated world is an error at that keyframe', () => {
    const base = calmRoute();
    const keyframes = base.keyframes.map((k, i) => (i === 4 ? { ...k, position: [2600, SAFE_Y, 400] as Vec3 } : k));
    const outside = only(validateRoute({ ...base, keyframes }, world), 'outside-world');
    assert.deepEqual(
      outside.map((i) => [i.keyframeIndex, i.value]),
      [[4, 2600]],
    );
  });

  test('repeating a position at constant speed is a warning, not an error', () => {
    const base = calmRoute();
    const keyframes = [...base.keyframes.slice(0, 3), { ...base.keyframes[2], timeS: 60 }, ...base.keyframes.slice(3)];
    const issues = validateRoute({ ...base, keyframes }, world);
    const close = only(issues, 'keyframes-too-close');
    assert.deepEqual(
      close.map((i) => [i.keyframeIndex, i.severity]),
      [[3, 'warning']],
    );
  });

  test('hasErrors tells blocking issues from warnings', () => {
    assert.equal(hasErrors(validateRoute(calmRoute(), world)), false);
    assert.equal(hasErrors(validateRoute(calmRoute({ durationS: 5 }), world)), true);
  });
});

describe('parseRoute', () => {
  test('applies the schema defaults to a valid route', () => {
    const { easeInS: _in, easeOutS: _out, ...input } = calmRoute();
    const result = parseRoute(input);
    assert.ok(result.ok);
    assert.equal(result.route.easeInS, 3);
    assert.equal(result.route.pacing, 'constant-speed');
    assert.equal(result.route.timeOfDay, 'midday');
  });

  test('returns issues, not exceptions, for anything else', () => {
    for (const input of [null, 42, 'route', {}, { ...calmRoute(), extra: true }]) {
      const result = parseRoute(input);
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.ok(result.issues.length > 0);
        assertBilingual(result.issues);
      }
    }
  });
});
