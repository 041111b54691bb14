// The catalogue as a visitor meets it in Chromium: route cards in their language, a
// working language switch, and a card that opens its flight.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';

let server: RunningNextServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startNextServer(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function phoneContext(locale: string): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale,
    extraHTTPHeaders: { 'Accept-Language': locale },
  });
}

describe('catalogue', () => {
  test('lists every curated route in English for an English browser, without sideways scrolling on a phone', async () => {
    const context = await phoneContext('en-US');
    const page = await context.newPage();
    const response = await page.goto(`${server.baseUrl}/`);
    assert.equal(response?.status(), 200);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    const cards = page.getByTestId('route-card');
    assert.equal(await cards.count(), CURATED_ROUTES.length);
    for (const route of CURATED_ROUTES) {
      const card = page.locator(`[data-testid="route-card"][data-route-id="${route.id}"]`);
      assert.ok(((await card.textContent()) ?? '').includes(route.title.en), `card for ${route.id} shows its English title`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone screen`);
    await context.close();
  });

  test('a Chinese browser gets Chinese, and the switch changes language both ways', async () => {
    const context = await phoneContext('zh-CN');
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    const first = CURATED_ROUTES[0];
    const firstCard = page.locator(`[data-testid="route-card"][data-route-id="${first.id}"]`);
    assert.ok(((await firstCard.textContent()) ?? '').includes(first.title.zh));

    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await firstCard.filter({ hasText: first.title.en }).waitFor();

    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await firstCard.filter({ hasText: first.title.zh }).waitFor();
    await context.close();
  });

  test('an English title draws its apostrophe from a Latin face, not as a full-width CJK mark', async () => {
    const route = CURATED_ROUTES.find((candidate) => candidate.title.en.includes('\u2019'));
    assert.ok(route, 'a curated route whose English title has a typographic apostrophe');
    const context = await phoneContext('en-US');
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    // The mark's drawn width against the title's font size: a Latin ’ is a sliver, a CJK one a full em.
    const widthEm = await page.evaluate(`(() => {
      const title = document.getElementById('route-${route.id}-title');
      const text = title.firstChild;
      const at = text.textContent.indexOf('\u2019');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      return range.getBoundingClientRect().width / parseFloat(getComputedStyle(title).fontSize);
    })()`);
    assert.ok(typeof widthEm === 'number' && widthEm > 0 && widthEm < 0.5, `the apostrophe is ${String(widthEm)} em wide`);
    await context.close();
  });

  test('choosing a card opens its flight', async () => {
    const context = await phoneContext('en-US');
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    const route = CURATED_ROUTES[1];
    await page.locator(`[data-testid="route-card"][data-route-id="${route.id}"]`).click();
    await page.waitForURL(`**/tours/${route.id}`);
    await page.getByTestId('flight-canvas').waitFor();
    // Next streams metadata: the title may land just after the first paint.
    await page.waitForFunction(() => document.title.length > 0);
    assert.ok((await page.title()).includes(route.title.en), 'the tab names the flight');
    await context.close();
  });

  /** The posters a context fetches once every card has been on screen (they are lazy). */
  async function posterRequests(context: BrowserContext): Promise<string[]> {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/posters/')) requested.push(pathname);
    });
    await page.goto(`${server.baseUrl}/`);
    for (const card of await page.getByTestId('route-card').all()) await card.scrollIntoViewIfNeeded();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="route-card"] img')].every((img) => (img as HTMLImageElement).complete),
    );
    await context.close();
    return requested.sort();
  }

  test("a phone fetches the posters' narrow copies, not the full-size pictures; a sharp laptop screen still gets detail", async () => {
    // One column, 90vw of 390 px at one device pixel per CSS pixel: the 480 px copy is enough.
    const phone = await posterRequests(await phoneContext('en-US'));
    assert.deepEqual(phone, CURATED_ROUTES.map((route) => `/posters/${route.id}-480w.jpg`).sort());
    // Three columns of about 400 px at two device pixels per CSS pixel want the 800 px copy or more.
    const laptop = await posterRequests(await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 }));
    assert.equal(laptop.length, CURATED_ROUTES.length);
    for (const url of laptop) assert.match(url, /^\/posters\/[a-z0-9-]+(-800w)?\.jpg$/);
  });

  test('an unknown tour and an unknown page get a friendly bilingual not-found page with a way back', async () => {
    const context = await phoneContext('en-US');
    const page = await context.newPage();
    for (const path of ['/tours/no-such-route', '/nowhere']) {
      const response = await page.goto(`${server.baseUrl}${path}`);
      assert.equal(response?.status(), 404, path);
      const text = (await page.locator('body').textContent()) ?? '';
      assert.match(text, /[\u4e00-\u9fff]/, `${path} says it in Chinese too`);
      await page.locator('a[href="/"]').first().click();
      await page.getByTestId('route-card').first().waitFor();
    }
    await context.close();
  });
});
