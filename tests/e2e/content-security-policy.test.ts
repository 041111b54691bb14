// The Content-Security-Policy in real Chromium: the catalogue, a flight drawn on the
// device, a flight streamed from the render server (another origin: HTTP, WebSocket,
// WebRTC) and the signed-in studio all work under it, with no violation reported.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { CLOUD_TEST_ROUTE_ID, startCloudStreamFixture, type CloudStreamFixture } from '../helpers/cloud-stream-fixture';
import { signInToStudio } from '../helpers/studio-fixture';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { createStaffAccount } from '@/server/staff/staff-accounts';
import { openStaffServices } from '@/server/staff/staff-services';

/** Bounds hangs (a cold Chromium, a loaded machine), not speed. */
const READY_TIMEOUT_MS = 90_000;
const CURATOR = { email: 'csp.curator@bureau.example', password: 'pillars above the cloud sea 62' };

let fixture: CloudStreamFixture;
let browser: Browser;

before(async () => {
  fixture = await startCloudStreamFixture({ log: (line) => console.log(`# ${line}`) });
  const services = openStaffServices(fixture.next.dbPath);
  try {
    await createStaffAccount(services, { ...CURATOR, role: 'curator' });
  } finally {
    services.close();
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await fixture?.stop();
});

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Violations the page reported (securitypolicyviolation) and console errors naming the policy. */
  violations(): Promise<string[]>;
}

async function watchedPage(): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 960, height: 540 }, locale: 'en-US' });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleErrors.push(message.text());
  });
  return {
    context,
    page,
    async violations() {
      const reported = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
      return [...reported, ...consoleErrors];
    },
  };
}

describe('under the Content-Security-Policy', () => {
  test('a blocked load is noticed (the watch itself works)', async () => {
    const { context, page, violations } = await watchedPage();
    await page.goto(`${fixture.next.baseUrl}/`);
    await page.evaluate(() => {
      const image = new Image();
      image.src = 'https://elsewhere.example/pixel.png';
      document.body.append(image);
    });
    await page.waitForFunction(() => ((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).length > 0);
    assert.match((await violations()).join('\n'), /img-src/);
    await context.close();
  });

  test('the catalogue loads and hydrates with no violation', async () => {
    const { context, page, violations } = await watchedPage();
    assert.equal((await page.goto(`${fixture.next.baseUrl}/`))?.status(), 200);
    await page.locator('a[href^="/tours/"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await violations(), []);
    await context.close();
  });

  test('a flight drawn on the device starts with no violation', async () => {
    const { context, page, violations } = await watchedPage();
    assert.equal((await page.goto(`${fixture.next.baseUrl}/tours/${CURATED_ROUTES[0].id}?render=local&tier=phone`))?.status(), 200);
    await page.locator('[data-testid="flight-canvas"] [data-ready="true"]').waitFor({ timeout: READY_TIMEOUT_MS });
    assert.deepEqual(await violations(), []);
    await context.close();
  });

  test('a flight streamed from the render server shows its frames with no violation', async () => {
    const { context, page, violations } = await watchedPage();
    assert.equal((await page.goto(`${fixture.next.baseUrl}/tours/${CLOUD_TEST_ROUTE_ID}?render=cloud`))?.status(), 200);
    await page.waitForFunction(() => (window.__yunshanCloud?.framesShown ?? 0) > 0, undefined, { timeout: READY_TIMEOUT_MS });
    assert.deepEqual(await violations(), []);
    await context.close();
  });

  test('the studio signs in, lists the routes and opens the editor with no violation', async () => {
    const { context, page, violations } = await watchedPage();
    await signInToStudio(page, fixture.next.baseUrl, CURATOR);
    await page.locator('a[href^="/studio/routes/"]').first().waitFor();
    // The studio keeps a progress stream open, so the network never goes idle: wait for what it draws.
    assert.equal((await page.goto(`${fixture.next.baseUrl}/studio/routes/${CURATED_ROUTES[0].id}`))?.status(), 200);
    await page.getByTestId('studio-map').waitFor({ timeout: READY_TIMEOUT_MS });
    assert.deepEqual(await violations(), []);
    await context.close();
  });
});
