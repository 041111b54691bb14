// A device flight draws nothing until every shader program of its scene (sky, clouds, world) is
// compiled and linked, a few per task (FlightCanvas and precompilePrograms): its first frames
// then link no program, which would have blocked the main thread on every link in one task.
// The page's WebGL calls are watched: each linkProgram and the first draw call, in order.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';

const SCENE_READY_TIMEOUT_MS = 120_000;
/** Frames the flight draws after its first before the count is read. */
const FRAMES_WATCHED = 10;

// A string, not a function: tsx would wrap a function's inner names in __name().
const WATCH_GL_CALLS = `
  (() => {
    const log = { links: 0, linksBeforeFirstDraw: 0, draws: 0 };
    window.__yunshanGlCalls = log;
    const proto = WebGL2RenderingContext.prototype;
    const link = proto.linkProgram;
    proto.linkProgram = function (program) {
      log.links += 1;
      if (log.draws === 0) log.linksBeforeFirstDraw += 1;
      return link.call(this, program);
    };
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced']) {
      const draw = proto[name];
      proto[name] = function (...args) {
        log.draws += 1;
        return draw.apply(this, args);
      };
    }
  })();
`;

interface GlCalls {
  links: number;
  linksBeforeFirstDraw: number;
  draws: number;
}

let server: RunningNextServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startNextServer(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a device flight links every program before its first draw, none in its first frames', async () => {
  const route = CURATED_ROUTES.find((candidate) => candidate.scene === 'wulingyuan');
  assert.ok(route, 'a curated wulingyuan route');
  const context = await browser.newContext({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 1 });
  try {
    await context.addInitScript(WATCH_GL_CALLS);
    const page = await context.newPage();
    const response = await page.goto(`${server.baseUrl}/tours/${route.id}?render=local&tier=phone&autoplay=1`);
    assert.equal(response?.status(), 200);
    await page.locator('[data-testid="flight-canvas"] [data-ready="true"]').waitFor({ state: 'attached', timeout: SCENE_READY_TIMEOUT_MS });
    const framesAtReady = await page.evaluate(() => window.__yunshanStats?.frames ?? 0);
    await page.waitForFunction((after) => (window.__yunshanStats?.frames ?? 0) > after, framesAtReady + FRAMES_WATCHED, {
      timeout: 60_000,
    });
    const calls = (await page.evaluate('window.__yunshanGlCalls')) as GlCalls;
    assert.ok(calls.draws > 0, 'the flight drew');
    assert.ok(calls.linksBeforeFirstDraw > 0, 'its programs were linked ahead');
    assert.equal(
      calls.links,
      calls.linksBeforeFirstDraw,
      `no program linked once drawing began (${calls.links - calls.linksBeforeFirstDraw} were)`,
    );
  } finally {
    await context.close();
  }
});
