// The curated Tianmen routes against the real Tianmen world: zero validation issues, and the
// showpiece truly passes through Heaven's Gate while the other keeps to the cliffs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { samplePath } from '@/scenes/routes/pose';
import { validateRoute } from '@/scenes/routes/validate-route';
import type { Route } from '@/scenes/routes/route-schema';
import { LANDMARKS } from '@/scenes/world/landmarks';
import { createSceneWorld } from '@/scenes/world/scene-worlds';
import { HEAVENS_GATE, TIANMEN_MASSIF } from '@/scenes/world/tianmen-landmarks';

const world = createSceneWorld('tianmen');
const tianmenRoutes = CURATED_ROUTES.filter((r) => r.scene === 'tianmen');

function route(id: string): Route {
  const found = tianmenRoutes.find((r) => r.id === id);
  assert.ok(found, `curated route ${id}`);
  return found;
}

describe('curated Tianmen routes', () => {
  test('there are two, at Tianmen landmarks', () => {
    assert.deepEqual(tianmenRoutes.map((r) => r.id).sort(), ['heavens-gate-flythrough', 'tianmen-cliff-skywalk']);
    for (const r of tianmenRoutes) assert.equal(LANDMARKS[r.landmark].scene, 'tianmen');
  });

  for (const curated of tianmenRoutes) {
    test(`${curated.id} validates against the Tianmen world with no issues`, () => {
      assert.deepEqual(
        validateRoute(curated, world).map((i) => `${i.severity} ${i.code}: ${i.message.en}`),
        [],
      );
    });
  }

  test('the showpiece flies through the passage of Heaven’s Gate, inside its outline', () => {
    const r = route('heavens-gate-flythrough');
    const southZ = HEAVENS_GATE.z + HEAVENS_GATE.depthM / 2;
    const northZ = HEAVENS_GATE.z - HEAVENS_GATE.depthM / 2;
    const inPassage = samplePath(r, 0.05).filter((s) => s.position[2] <= southZ && s.position[2] >= northZ);
    assert.ok(inPassage.length > 10, 'the path crosses the wall');
    for (const { position } of inPassage) {
      assert.ok(world.gateWall.openingDistanceM(position[0], position[1]) < -20, `inside the arch at ${position.map(Math.round)}`);
    }
    // It comes from the valley to the south and ends over the plateau to the north.
    const first = r.keyframes[0].position;
    const last = r.keyframes[r.keyframes.length - 1].position;
    assert.ok(first[2] > 1000 && first[1] < 1000);
    assert.ok(last[2] < -1200 && last[1] > TIANMEN_MASSIF.topM);
  });

  test('the cliff route keeps close to the walls, below the rim, for most of its length', () => {
    const r = route('tianmen-cliff-skywalk');
    const samples = samplePath(r, 1);
    const alongCliff = samples.filter((s) => s.position[1] < TIANMEN_MASSIF.topM && world.clearanceAt(s.position) < 250);
    assert.ok(alongCliff.length / samples.length > 0.6, `${alongCliff.length} of ${samples.length} samples near the cliffs`);
  });
});
