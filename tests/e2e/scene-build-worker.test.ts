// A tour's world is generated in the scene-build worker, not on the page's main thread, and the
// flight still draws it: the page records where each build was made, and the frames drawn
// carry the world's triangles, not only the sky's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';

const SCENE_READY_TIMEOUT_MS = 120_000;
/** The sky, clouds and mist draw a few thousand triangles; either world at the phone tier draws far more. */
const WORLD_TRIANGLES_AT_LEAST = 50_000;

let server: RunningNextServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startNextServer(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const scene of ['wulingyuan', 'tianmen'] as const) {
  test(`a ${scene} tour builds its world in the worker and draws it`, async () => {
    const route = CURATED_ROUTES.find((candidate) => candidate.scene === scene);
    assert.ok(route, `a curated ${scene} route`);
    const context = await browser.newContext({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 1 });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${server.baseUrl}/tours/${route.id}?render=local&tier=phone&autoplay=1`);
      assert.equal(response?.status(), 200);
      await page
        .locator('[data-testid="flight-canvas"] [data-ready="true"]')
        .waitFor({ state: 'attached', timeout: SCENE_READY_TIMEOUT_MS });
      const builds = await page.evaluate(() => window.__yunshanWorldBuilds ?? []);
      assert.deepEqual(
        builds.map((b) => `${b.scene}/${b.tier}@${b.where}`),
        [`${scene}/phone@worker`],
        'one build, of this scene at the phone tier, made in the worker',
      );
      const framesAtReady = await page.evaluate(() => window.__yunshanStats?.frames ?? 0);
      await page.waitForFunction((after) => (window.__yunshanStats?.frames ?? 0) > after + 2, framesAtReady, { timeout: 60_000 });
      const triangles = await page.evaluate(() => window.__yunshanStats?.triangles ?? 0);
      assert.ok(triangles >= WORLD_TRIANGLES_AT_LEAST, `the frames draw the world (${triangles} triangles)`);
    } finally {
      await context.close();
    }
  });
}
