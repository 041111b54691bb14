// A new route opens in the editor as a two-keyframe sketch near its landmark; a curator's
// first sight of it should be a clean route to build on, not errors they did not make. Each
// landmark's sketch is validated against its own scene's world.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { starterRoute } from '@/components/studio/route-draft-edits';
import { validateRoute } from '@/scenes/routes/validate-route';
import { sceneWorldFor } from '@/components/scene/world-cache';
import { LANDMARKS, type LandmarkId } from '@/scenes/world/landmarks';

for (const landmark of Object.keys(LANDMARKS) as LandmarkId[]) {
  test(`the starter route at ${landmark} validates without errors`, () => {
    // The world the studio itself builds routes against (StudioList).
    const world = sceneWorldFor(LANDMARKS[landmark].scene);
    const route = starterRoute(
      { id: 'new-route-abc123', title: { zh: '新', en: 'New' }, description: { zh: '新', en: 'New' }, landmark },
      world,
    );
    assert.equal(route.landmark, landmark);
    assert.equal(route.keyframes.length, 2);
    const errors = validateRoute(route, world).filter((issue) => issue.severity === 'error');
    assert.deepEqual(
      errors.map((issue) => issue.message.en),
      [],
    );
  });
}
