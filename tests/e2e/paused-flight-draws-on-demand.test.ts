// A paused device flight is drawn only when its picture changes (issue 15): the frame loop of a
// paused flight runs on demand, so the page's main thread and GPU rest instead of redrawing the
// same picture at full rate. The page's WebGL draw calls are counted: none while paused and
// nothing changes, many while flying, and a seek while paused draws the new moment.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';

const SCENE_READY_TIMEOUT_MS = 120_000;
/** How long the paused page must go without a draw call to count as resting. */
const QUIET_MS = 1000;
const WAIT_TIMEOUT_MS = 30_000;
/** Frames the flying flight must draw: a loop that drew only on demand would stop after a few. */
const FLYING_FRAMES = 30;

// A string, not a function: tsx would wrap a function's inner names in __name().
const COUNT_DRAWS = `
  (() => {
    const log = { draws: 0, lastDrawAtMs: 0 };
    window.__yunshanDraws = log;
    const proto = WebGL2RenderingContext.prototype;
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced']) {
      const draw = proto[name];
      proto[name] = function (...args) {
        log.draws += 1;
        log.lastDrawAtMs = performance.now();
        return draw.apply(this, args);
      };
    }
  })();
`;

interface DrawLog {
  draws: number;
  lastDrawAtMs: number;
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

const readDraws = (page: Page) => page.evaluate('window.__yunshanDraws') as Promise<DrawLog>;
const framesDrawn = (page: Page) => page.evaluate(() => window.__yunshanStats?.frames ?? 0);

/** Waits until a whole QUIET_MS has passed without a draw call; fails if the page keeps drawing. */
async function waitUntilQuiet(page: Page, what: string): Promise<void> {
  try {
    await page.waitForFunction(
      (quietMs) => performance.now() - (window as unknown as { __yunshanDraws: DrawLog }).__yunshanDraws.lastDrawAtMs >= quietMs,
      QUIET_MS,
      {
        timeout: WAIT_TIMEOUT_MS,
        polling: 100,
      },
    );
  } catch {
    assert.fail(`${what}: the page kept drawing (${(await readDraws(page)).draws} draw calls, ${await framesDrawn(page)} frames)`);
  }
}

test('a paused device flight draws only when its picture changes', async () => {
  const route = CURATED_ROUTES.find((candidate) => candidate.scene === 'wulingyuan');
  assert.ok(route, 'a curated wulingyuan route');
  const context = await browser.newContext({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 1 });
  try {
    await context.addInitScript(COUNT_DRAWS);
    const page = await context.newPage();
    const response = await page.goto(`${server.baseUrl}/tours/${route.id}?render=local&tier=phone&autoplay=0`);
    assert.equal(response?.status(), 200);
    await page.locator('[data-testid="flight-canvas"] [data-ready="true"]').waitFor({ state: 'attached', timeout: SCENE_READY_TIMEOUT_MS });
    assert.equal(await page.evaluate(() => window.__yunshanPlayer!.playing()), false, 'the flight waits for the visitor');
    assert.ok((await readDraws(page)).draws > 0, 'the paused picture was drawn');

    // Paused: the picture is up and nothing changes, so nothing is drawn.
    await waitUntilQuiet(page, 'paused');
    const pausedFrames = await framesDrawn(page);

    // Flying: drawn frame after frame.
    const drawsBeforeFlight = (await readDraws(page)).draws;
    await page.evaluate(() => window.__yunshanPlayer!.play());
    await page.waitForFunction((until) => (window.__yunshanStats?.frames ?? 0) >= until, pausedFrames + FLYING_FRAMES, {
      timeout: WAIT_TIMEOUT_MS,
    });
    assert.ok((await readDraws(page)).draws > drawsBeforeFlight, 'the flying flight drew');

    // Paused again: it rests again.
    await page.evaluate(() => window.__yunshanPlayer!.pause());
    await waitUntilQuiet(page, 'paused after flying');

    // A seek while paused draws the new moment.
    const targetS = Math.min(route.durationS, (await page.evaluate(() => window.__yunshanPlayer!.timeS())) + 3);
    const framesBeforeSeek = await framesDrawn(page);
    const drawsBeforeSeek = (await readDraws(page)).draws;
    await page.evaluate((timeS) => window.__yunshanPlayer!.seek(timeS), targetS);
    await page.waitForFunction((before) => (window.__yunshanStats?.frames ?? 0) > before, framesBeforeSeek, { timeout: WAIT_TIMEOUT_MS });
    assert.ok((await readDraws(page)).draws > drawsBeforeSeek, 'the seek drew');
    const shownS = await page.evaluate(() => window.__yunshanStats!.timeS);
    assert.ok(Math.abs(shownS - targetS) < 1e-3, `the new frame shows ${shownS} s, sought to ${targetS} s`);
    assert.equal(await page.evaluate(() => window.__yunshanPlayer!.playing()), false, 'still paused');
    await waitUntilQuiet(page, 'paused after the seek');
  } finally {
    await context.close();
  }
});
