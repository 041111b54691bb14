// A first visit under Auto draws nothing with WebGL until the visitor presses play: the
// probe's warm-up and the device renderer cost seconds of main-thread work on a phone
// (issue 15: Lighthouse's long tasks). The route's poster holds the stage meanwhile, and
// pressing play starts the probe and the flight. WebGL contexts are counted in the page. A
// path chosen outright (?render=local here) starts as before, without waiting for play.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';

const FLIGHT_START_TIMEOUT_MS = 120_000;

// Page source, not a function: tsx would wrap a function's inner names in __name().
const COUNT_WEBGL_CONTEXTS = `
  (() => {
    const log = { contexts: 0 };
    window.__yunshanWebglContexts = log;
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      if (String(kind).startsWith('webgl')) log.contexts += 1;
      return getContext.call(this, kind, ...rest);
    };
  })();
`;

// Every CSS transition the page starts, named by the element's test id or class: the held poster
// hands over to the stage's copy of itself without one (a fade of one picture into itself is a
// second of full-screen compositing on a phone while the page hydrates, issue 15).
const RECORD_TRANSITIONS = `
  (() => {
    const log = [];
    window.__yunshanTransitions = log;
    document.addEventListener('transitionrun', (event) => {
      const element = event.target;
      const name = element.getAttribute('data-testid') || element.getAttribute('role') || element.className;
      log.push(name + ' ' + event.propertyName);
    }, true);
  })();
`;

let server: RunningNextServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startNextServer(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

interface WebglLog {
  contexts: number;
}
const contexts = (page: Page) =>
  page.evaluate(() => (window as unknown as { __yunshanWebglContexts: WebglLog }).__yunshanWebglContexts.contexts);
// Functions, not page source, for predicates: the page's CSP refuses the eval a string needs.
const waitForWebgl = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { __yunshanWebglContexts: WebglLog }).__yunshanWebglContexts.contexts > 0, undefined, {
    timeout: FLIGHT_START_TIMEOUT_MS,
  });

/**
 * A phone-sized page on the first curated tour with this `?render=`, counting WebGL contexts from
 * its first script, and listing the scripts it loads that hold zod (its core type tag survives minification).
 */
async function openTourCountingWebgl(render: string): Promise<{ context: BrowserContext; page: Page; scriptsWithZod: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  await context.addInitScript(COUNT_WEBGL_CONTEXTS);
  await context.addInitScript(RECORD_TRANSITIONS);
  const page = await context.newPage();
  const scriptsWithZod: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    void response
      .text()
      .then((body) => {
        if (body.includes('"$ZodType"')) scriptsWithZod.push(response.url());
      })
      .catch(() => undefined);
  });
  await page.goto(`${server.baseUrl}/tours/${CURATED_ROUTES[0].id}?render=${render}&lang=en`);
  return { context, page, scriptsWithZod };
}

test('a first visit under Auto shows the poster and a play button, with no WebGL context until play', async () => {
  const { context, page, scriptsWithZod } = await openTourCountingWebgl('auto');
  try {
    // The poster layer is up and ready: the veil is gone, the stage shows the route's picture.
    await page.locator('[data-layer-kind="posters"] [data-ready="true"]').waitFor({ timeout: FLIGHT_START_TIMEOUT_MS });
    await page.waitForLoadState('networkidle');
    assert.equal(await contexts(page), 0, 'no WebGL context before play');
    // Nothing on the poster needs a schema: the probe's code (zod, detect-gpu) waits for play too.
    assert.deepEqual(scriptsWithZod, [], 'no zod before play');
    // The page asks for the poster with its scripts, not after hydration.
    assert.equal(await page.locator(`link[rel="preload"][as="image"][href="/posters/${CURATED_ROUTES[0].id}.jpg"]`).count(), 1);
    assert.equal(await page.evaluate(() => window.__yunshanRenderChoice?.active), 'posters:held');
    assert.equal(await page.evaluate(() => window.__yunshanRenderChoice?.decision ?? null), null, 'no probe before play');
    // A poster, not the last resort's note that nothing can draw here.
    assert.equal(await page.getByText('Pictures of the flight').count(), 0);
    assert.ok(await page.getByTestId('play-start').isVisible(), 'the play button is on the poster');
    // The page's poster gave way to the stage's, the same picture, at once: nothing faded.
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __yunshanTransitions: string[] }).__yunshanTransitions), []);

    await page.getByTestId('play-start').click();
    await waitForWebgl(page);
    // The probe decides, and the stage leaves the held poster for what it chose (or, where that
    // fails, for what comes after it: here no render server answers).
    await page.waitForFunction(
      () => {
        const choice = window.__yunshanRenderChoice;
        return choice?.decision != null && choice.active !== 'posters:held' && choice.incoming === null;
      },
      undefined,
      { timeout: FLIGHT_START_TIMEOUT_MS },
    );
    assert.equal(await page.evaluate(() => window.__yunshanRenderChoice?.handovers[0]?.from), 'posters:held');
  } finally {
    await context.close();
  }
});

test('a flight drawn on the device by choice (?render=local) starts WebGL without waiting for play', async () => {
  const { context, page } = await openTourCountingWebgl('local');
  try {
    await waitForWebgl(page);
    assert.equal(await page.evaluate(() => window.__yunshanPlayer?.playing()), false, 'nobody pressed play');
  } finally {
    await context.close();
  }
});
