// A tour's first visit downloads only what its first picture needs (issue 15, Lighthouse
// mobile): the look panel (with the headset's entry) and the sight marker are code a visitor
// may never use, so the browser asks for their scripts on first use, not with the page. Each
// is recognised in a script by a test id it renders (string literals survive minification).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { builtChunkBodies, scriptsHolding } from '../helpers/built-chunks';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';

const WAIT_TIMEOUT_MS = 60_000;
const MARKERS = { 'look panel': '"look-recentre"', 'sight marker': '"sight-marker"' } as const;

let server: RunningNextServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startNextServer(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A phone-sized tour page under Auto (the poster held until play), keeping every script body it downloads. */
async function openTour(): Promise<{ context: BrowserContext; page: Page; scripts: Map<string, string> }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true });
  const page = await context.newPage();
  const scripts = new Map<string, string>();
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    void response
      .text()
      .then((body) => scripts.set(response.url(), body))
      .catch(() => undefined);
  });
  await page.goto(`${server.baseUrl}/tours/${CURATED_ROUTES[0].id}?lang=en`);
  await page.locator('[data-layer-kind="posters"] [data-ready="true"]').waitFor({ timeout: WAIT_TIMEOUT_MS });
  await page.waitForLoadState('networkidle');
  return { context, page, scripts };
}

test('the markers name code in this build (so their absence below means something)', () => {
  const bodies = builtChunkBodies();
  for (const [name, marker] of Object.entries(MARKERS)) {
    assert.ok(
      bodies.some((body) => body.includes(marker)),
      `some built chunk holds the ${name}`,
    );
  }
});

test("a tour's first visit does not fetch the look panel's code; opening the panel does, and it works", async () => {
  const { context, page, scripts } = await openTour();
  try {
    for (const [name, marker] of Object.entries(MARKERS)) {
      assert.deepEqual(scriptsHolding(scripts, marker), [], `the ${name}'s code among the scripts of a first visit`);
    }
    await page.getByTestId('look-open').click();
    await page.getByTestId('look-panel').waitFor({ timeout: WAIT_TIMEOUT_MS });
    assert.equal(await page.getByTestId('look-open').getAttribute('aria-expanded'), 'true');
    assert.equal(scriptsHolding(scripts, MARKERS['look panel']).length, 1, 'one script brought the look panel');
    // The panel does what it did when it came with the page: the let-go setting is remembered.
    await page.getByTestId('look-release-stay').click();
    assert.equal(await page.getByTestId('look-release-stay').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => window.__yunshanLook!.release()), 'stay');
    // Escape closes it.
    await page.keyboard.press('Escape');
    await page.getByTestId('look-panel').waitFor({ state: 'detached', timeout: WAIT_TIMEOUT_MS });
  } finally {
    await context.close();
  }
});
