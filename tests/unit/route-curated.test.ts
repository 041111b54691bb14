// The curated routes against the real generated world: each must validate without
// errors and actually show its landmark the way its title promises.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '@/scenes/world/world';
import { createSceneWorld } from '@/scenes/world/scene-worlds';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { RouteSchema, type Route } from '@/scenes/routes/route-schema';
import { poseAt, samplePath } from '@/scenes/routes/pose';
import { validateRoute } from '@/scenes/routes/validate-route';
import { FIRST_BRIDGE, GOLDEN_WHIP_STREAM, HALLELUJAH, LANDMARKS, TIANZI_PLATEAU } from '@/scenes/world/landmarks';

let world: World;
before(() => {
  world = createWorld();
});

function route(id: string): Route {
  const found = CURATED_ROUTES.find((r) => r.id === id);
  assert.ok(found, `curated route ${id}`);
  return found;
}

describe('curated routes', () => {
  test('there are the four Wulingyuan landmark routes, each parsed and unique', () => {
    assert.deepEqual(
      CURATED_ROUTES.filter((r) => r.scene === 'wulingyuan')
        .map((r) => r.id)
        .sort(),
      ['first-bridge-pass', 'golden-whip-glide', 'hallelujah-flyover', 'tianzi-sunrise'],
    );
    for (const r of CURATED_ROUTES) assert.deepEqual(RouteSchema.parse(r), r);
    assert.equal(new Set(CURATED_ROUTES.map((r) => r.landmark)).size, CURATED_ROUTES.length);
  });

  for (const curated of CURATED_ROUTES) {
    test(`${curated.id} validates against the real world with no issues`, () => {
      const issues = validateRoute(curated, curated.scene === 'wulingyuan' ? world : createSceneWorld(curated.scene));
      assert.deepEqual(
        issues.map((i) => `${i.severity} ${i.code}: ${i.message.en}`),
        [],
      );
    });

    test(`${curated.id} lasts 45–120 s with 2–4 narrated sights in both languages`, () => {
      assert.ok(curated.durationS >= 45 && curated.durationS <= 120);
      assert.ok(curated.pointsOfInterest.length >= 2 && curated.pointsOfInterest.length <= 4);
      for (const poi of curated.pointsOfInterest) {
        assert.ok((poi.narration.zh.match(/[\u4e00-\u9fff]/g) ?? []).length >= 15, poi.narration.zh);
        assert.doesNotMatch(poi.narration.zh, /[a-zA-Z]{3}/, 'Chinese narration is not left in English');
        assert.ok(poi.narration.en.split(' ').length >= 10);
        assert.ok(poi.timeS + poi.dwellS <= curated.durationS);
      }
      // Captions never overlap: one voice at a time.
      const sorted = [...curated.pointsOfInterest].sort((a, b) => a.timeS - b.timeS);
      for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].timeS >= sorted[i - 1].timeS + sorted[i - 1].dwellS);
    });
  }

  test('the Hallelujah flyover circles the column at least once, below and then above its summit', () => {
    const r = route('hallelujah-flyover');
    let swept = 0;
    let previous: number | null = null;
    let lowest = Infinity;
    for (const s of samplePath(r, 0.25)) {
      const angle = Math.atan2(s.position[2] - HALLELUJAH.z, s.position[0] - HALLELUJAH.x);
      if (previous !== null) swept += Math.atan2(Math.sin(angle - previous), Math.cos(angle - previous));
      previous = angle;
      lowest = Math.min(lowest, s.position[1]);
    }
    assert.ok(Math.abs(swept) > (5 / 3) * Math.PI, `swept ${((swept * 180) / Math.PI).toFixed(0)}°`);
    assert.ok(lowest < HALLELUJAH.summitM - 100);
    assert.ok(poseAt(r, r.durationS).position[1] > HALLELUJAH.summitM);
  });

  test('the Golden Whip glide stays low over the stream and passes Golden Whip Rock', () => {
    const r = route('golden-whip-glide');
    const samples = samplePath(r, 0.5);
    const overStream = samples.filter((s) => world.stream.distanceM(s.position[0], s.position[2]) < 40);
    assert.ok(overStream.length > 0.8 * samples.length);
    assert.ok(samples.every((s) => s.position[1] < GOLDEN_WHIP_STREAM.floorM + 100));
    const { rock } = GOLDEN_WHIP_STREAM;
    const nearest = Math.min(...samples.map((s) => Math.hypot(s.position[0] - rock.x, s.position[2] - rock.z)));
    assert.ok(nearest < 150, `closest pass ${nearest.toFixed(0)} m`);
  });

  test('the Tianzi sunrise leaves the plateau over the pillar sea at sunrise', () => {
    const r = route('tianzi-sunrise');
    assert.equal(r.timeOfDay, 'sunrise');
    const start = poseAt(r, 0).position;
    const end = poseAt(r, r.durationS).position;
    assert.ok(start[2] < TIANZI_PLATEAU.edgeZ - 60 && world.heightAt(start[0], start[2]) > TIANZI_PLATEAU.topM - 20);
    assert.ok(end[2] > TIANZI_PLATEAU.edgeZ + 300 && world.heightAt(end[0], end[2]) < 700);
    // By the end the camera faces the sunrise, in the east.
    const last = poseAt(r, r.durationS);
    assert.ok(last.lookAt[0] - last.position[0] > Math.abs(last.lookAt[2] - last.position[2]));
  });

  test('the First Bridge pass flies between the two pillars beneath the arch', () => {
    const r = route('first-bridge-pass');
    const crossing = samplePath(r, 0.05).find(
      (s, i, all) => i > 0 && (all[i - 1].position[2] - FIRST_BRIDGE.z) * (s.position[2] - FIRST_BRIDGE.z) <= 0,
    );
    assert.ok(crossing, 'the path crosses the line of the bridge');
    const [x, y] = crossing.position;
    assert.ok(Math.abs(x - FIRST_BRIDGE.x) < FIRST_BRIDGE.spanM / 2 - 5, `crosses at x ${x.toFixed(1)}`);
    assert.ok(y < world.bridge.undersideAt(x) - 20, `crosses at y ${y.toFixed(1)}`);
    assert.ok(y > world.heightAt(x, FIRST_BRIDGE.z) + 200);
  });

  test('every route names a landmark that exists', () => {
    for (const r of CURATED_ROUTES) assert.ok(LANDMARKS[r.landmark]);
  });
});
