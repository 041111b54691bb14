// A flight as a visitor takes it in Chromium (WebGL2 on llvmpipe): the scene is drawn and
// moves, captions appear at the sights in the chosen language, and the controls work by
// mouse and keyboard.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { gridDifference, samplePixels } from '../helpers/page-pixels';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';

const SCENE_READY_TIMEOUT_MS = 90_000;
const route = CURATED_ROUTES.find((candidate) => candidate.id === 'hallelujah-flyover') ?? CURATED_ROUTES[0];

let server: RunningNextServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startNextServer(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openFlight(
  query: string,
  options: { locale?: string; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const locale = options.locale ?? 'en-US';
  const context = await browser.newContext({
    viewport: { width: 960, height: 540 },
    deviceScaleFactor: 1,
    locale,
    extraHTTPHeaders: { 'Accept-Language': locale },
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  const page = await context.newPage();
  const response = await page.goto(`${server.baseUrl}/tours/${route.id}?tier=phone&${query}`);
  assert.equal(response?.status(), 200);
  await page.locator('[data-testid="flight-canvas"] [data-ready="true"]').waitFor({ timeout: SCENE_READY_TIMEOUT_MS });
  return { context, page };
}

const routeTime = (page: Page) => page.evaluate(() => window.__yunshanPlayer?.timeS() ?? Number.NaN);
const waitForRouteTime = (page: Page, atLeastS: number) =>
  page.waitForFunction((target) => (window.__yunshanPlayer?.timeS() ?? 0) >= target, atLeastS, { timeout: 60_000 });

describe('flight', () => {
  test('draws the scene and the view changes as the flight plays', async () => {
    const { context, page } = await openFlight('autoplay=1');
    const canvas = page.locator('[data-testid="flight-canvas"] canvas');
    const first = await samplePixels(page, canvas);
    assert.ok(first.lumaStdDev > 8, `the canvas has detail (luma std dev ${first.lumaStdDev.toFixed(1)})`);
    assert.ok(first.meanLuma > 30, `the canvas is not black (mean luma ${first.meanLuma.toFixed(1)})`);

    const startS = await routeTime(page);
    await waitForRouteTime(page, startS + 4);
    const later = await samplePixels(page, canvas);
    const difference = gridDifference(first, later);
    assert.ok(difference > 1.5, `the view moved (mean grid difference ${difference.toFixed(2)})`);

    const frames = await page.evaluate(() => (window as unknown as { __yunshanStats?: { frames: number } }).__yunshanStats?.frames ?? 0);
    assert.ok(frames > 3, `the scene rendered ${frames} frames`);
    await context.close();
  });

  test('shows the narration caption at a point of interest, in English then in Chinese', async () => {
    const poi = route.pointsOfInterest[0];
    const { context, page } = await openFlight(`autoplay=0&t=${poi.timeS + 1}`);
    const caption = page.getByTestId('caption');
    await caption.filter({ hasText: poi.narration.en }).waitFor();
    assert.equal(await caption.getAttribute('data-poi-id'), poi.id);

    await page.getByTestId('lang-switch').click();
    await caption.filter({ hasText: poi.narration.zh }).waitFor();
    const afterSwitchS = await routeTime(page);
    assert.ok(Math.abs(afterSwitchS - (poi.timeS + 1)) < 0.5, `the flight kept its place across the language switch (${afterSwitchS})`);

    // Far from any point of interest there is no caption.
    const quiet = findQuietTime();
    await page.evaluate((t) => window.__yunshanPlayer?.seek(t), quiet);
    await caption.waitFor({ state: 'detached' });
    await context.close();
  });

  test('play, pause, speed, timeline and keyboard controls drive the flight', async () => {
    const { context, page } = await openFlight('autoplay=0');
    const toggle = page.getByTestId('play-toggle');
    assert.equal(await routeTime(page), 0);

    await page.getByTestId('play-start').click();
    await page.waitForFunction(() => window.__yunshanPlayer?.playing() === true);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');

    await page.getByTestId('speed-2').click();
    assert.equal(await page.getByTestId('speed-2').getAttribute('aria-pressed'), 'true');
    const rate = await page.evaluate(async () => {
      const player = window.__yunshanPlayer!;
      const t0 = player.timeS();
      const w0 = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return (player.timeS() - t0) / ((performance.now() - w0) / 1000);
    });
    assert.ok(rate > 1.6 && rate < 2.4, `at 2× the route runs at ${rate.toFixed(2)}× wall time`);

    // Space on a focused button presses that button; the shortcut is for the page itself.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    await page.waitForFunction(() => window.__yunshanPlayer?.playing() === false);
    const pausedAt = await routeTime(page);
    await page.keyboard.press('ArrowRight');
    const afterRight = await routeTime(page);
    assert.ok(Math.abs(afterRight - (pausedAt + 5)) < 0.05, `ArrowRight seeks 5 s (${pausedAt} → ${afterRight})`);
    await page.keyboard.press('ArrowLeft');
    assert.ok(Math.abs((await routeTime(page)) - pausedAt) < 0.05, 'ArrowLeft seeks back 5 s');

    const timeline = page.getByTestId('timeline');
    const box = await timeline.boundingBox();
    assert.ok(box);
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
    const scrubbedS = await routeTime(page);
    assert.ok(Math.abs(scrubbedS / route.durationS - 0.75) < 0.05, `clicking 3/4 along the timeline lands at ${scrubbedS.toFixed(1)} s`);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    await page.waitForFunction(() => window.__yunshanPlayer?.playing() === true);
    await context.close();
  });

  test('a visitor who prefers reduced motion gets the calm flight', async () => {
    const { context, page } = await openFlight('autoplay=0', { reducedMotion: 'reduce' });
    assert.equal(await page.getByTestId('calm-toggle').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByTestId('speed-0.5').getAttribute('aria-pressed'), 'true');
    await context.close();
  });

  test('every control has an accessible name in Chinese', async () => {
    const { context, page } = await openFlight('autoplay=0', { locale: 'zh-CN' });
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, a')]
        .filter((element) => !(element.getAttribute('aria-label') || element.textContent?.trim()))
        .map((element) => element.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unnamed, []);
    const label = (await page.getByTestId('play-start').getAttribute('aria-label')) ?? '';
    assert.match(label, /[\u4e00-\u9fff]/);
    await context.close();
  });
});

/** A time at least 2 s away from every caption window. */
function findQuietTime(): number {
  for (let t = 1; t < route.durationS; t += 0.5) {
    const busy = route.pointsOfInterest.some((poi) => t > poi.timeS - 2 && t < poi.timeS + poi.dwellS + 2);
    if (!busy) return t;
  }
  throw new Error(`${route.id} has captions the whole way`);
}
