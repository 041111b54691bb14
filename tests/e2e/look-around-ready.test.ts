// "360° ready" from the real bake state: a published route is not marked as one to look around
// until its sphere profile's bake job is done, on the render server's bake-state API, in the
// catalogue's HTML and, in Chromium, as a "360°" mark with an accessible name in both languages.
// The real render server (baking off) and the real Next server share one SQLite file; the test
// plays the bake worker's part through the real SQLite bake queue (claim, then complete, in bake
// order), as BakeWorker does after each render. It renders no frames: a whole 2k sphere of even
// the shortest route is 601 six-face frames, minutes of CPU; what is under test here is that the
// mark follows the queue. tests/render/omni-sphere.test.ts bakes real sphere segments.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { openSqliteRouteStore } from '@/server/routes/route-store';
import { openSqliteBakeQueue, type SqliteBakeQueue } from '@/server/bake/sqlite-bake-queue';
import type { BakeJob } from '@/server/bake/bake-contracts';
import { BakeStateReplySchema } from '@/server/render-api/render-api-contract';
import { isSphereProfile } from '@/scenes/protocol/profile-ladder';
import { en } from '@/components/i18n/messages-en';
import { zh } from '@/components/i18n/messages-zh';
import { buildTestRoute } from '../helpers/test-routes';
import { startWebRenderServer, type WebRenderServer } from '../helpers/web-render-server';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { launchChromium } from '../helpers/browser';

const route = buildTestRoute('test-look-around');
/** Not a `host:pid` name: the render server's sweep never takes this worker's leases for a dead process's. */
const WORKER_ID = 'look-around-test-worker';
const LEASE_MS = 30 * 60_000;

let tempDir: string;
let render: WebRenderServer;
let next: RunningNextServer;
let browser: Browser;
let queue: SqliteBakeQueue;

before(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-look-ready-'));
  const dbPath = path.join(tempDir, 'yunshan.sqlite');
  const store = openSqliteRouteStore(dbPath);
  await store.seedPublished([route]);
  store.close();
  // The render server's start-up sweep queues the published revision's bakes.
  render = await startWebRenderServer(dbPath);
  [next, browser] = await Promise.all([startNextServer({ dbPath, env: render.webEnv }), launchChromium()]);
  queue = openSqliteBakeQueue(dbPath);
});

after(async () => {
  queue?.close();
  await browser?.close();
  await next?.stop();
  await render?.stop();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

/** What the render server answers for the route's published revision. */
async function bakeState() {
  const response = await fetch(`${render.render.url}/api/bake-state?route=${route.id}@1`);
  assert.equal(response.status, 200);
  return BakeStateReplySchema.parse(await response.json()).routes[0];
}

/** The test route's card in the catalogue's server-rendered HTML. */
async function cardHtml(lang: 'en' | 'zh'): Promise<string> {
  const response = await fetch(`${next.baseUrl}/?lang=${lang}`);
  assert.equal(response.status, 200);
  const html = await response.text();
  const start = html.indexOf(`data-route-id="${route.id}"`);
  assert.ok(start > 0, 'the catalogue lists the test route');
  return html.slice(start, html.indexOf('</a>', start));
}

/**
 * As a bake worker: claims jobs in the queue's order and completes the test route's, until the
 * one for which `stopBefore` holds is claimed (returned, still running) or none is left (null).
 * Other routes' jobs (the curated routes, seeded by the web app) stay claimed and untouched.
 */
async function completeJobsUntil(stopBefore: (job: BakeJob) => boolean): Promise<BakeJob | null> {
  for (;;) {
    const job = await queue.claim(WORKER_ID, LEASE_MS);
    if (job === null) return null;
    if (job.routeId !== route.id) continue;
    if (stopBefore(job)) return job;
    await queue.complete(job.id, WORKER_ID);
  }
}

describe('360° ready follows the sphere bake', () => {
  let sphereJob: BakeJob;

  test('queued: neither streamable nor 360°', async () => {
    const state = await bakeState();
    assert.equal(state.readiness.state, 'queued');
    assert.ok(
      state.profiles.some((p) => isSphereProfile(p.profileId)),
      'the 2k sphere is among the bakes every published route gets',
    );
    const card = await cardHtml('en');
    assert.match(card, /data-look-around="false"/);
    assert.doesNotMatch(card, /look-around-badge/);
  });

  test('every flat profile baked, the sphere running: the cloud is ready, the flight is not 360° yet', async () => {
    const claimed = await completeJobsUntil((job) => isSphereProfile(job.profileId));
    assert.ok(claimed, 'the sphere job is queued after the flat ones');
    sphereJob = claimed;
    const state = await bakeState();
    assert.equal(state.readiness.state, 'ready');
    assert.equal(state.profiles.find((p) => p.profileId === sphereJob.profileId)?.status, 'running');
    const card = await cardHtml('en');
    assert.match(card, /data-state="ready"/);
    assert.match(card, /data-look-around="false"/);
    assert.doesNotMatch(card, /look-around-badge/);
  });

  test('the sphere done: bake state lists it, and the catalogue marks the flight 360° in both languages', async () => {
    await queue.complete(sphereJob.id, WORKER_ID);
    const state = await bakeState();
    assert.equal(state.readiness.state, 'ready');
    assert.ok(state.readiness.state === 'ready' && state.readiness.profilesReady.includes(sphereJob.profileId));
    for (const [lang, messages] of [
      ['en', en],
      ['zh', zh],
    ] as const) {
      const card = await cardHtml(lang);
      assert.match(card, /data-look-around="true"/, lang);
      assert.ok(card.includes(`aria-label="${messages['look360.catalogueLabel']}"`), `${lang}: the mark says what it means`);
    }
  });

  test('in Chromium the card shows the "360°" mark, named for a screen reader, and describes the card with it', async () => {
    for (const [locale, messages] of [
      ['en-US', en],
      ['zh-CN', zh],
    ] as const) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        locale,
        extraHTTPHeaders: { 'Accept-Language': locale },
      });
      const page = await context.newPage();
      await page.goto(`${next.baseUrl}/`);
      const card = page.locator(`[data-testid="route-card"][data-route-id="${route.id}"]`);
      const mark = card.getByRole('img', { name: messages['look360.catalogueLabel'] });
      await mark.waitFor();
      assert.ok(await mark.isVisible(), `${locale}: the mark is visible`);
      assert.equal((await mark.textContent())?.trim(), messages['look360.mark']);
      // Other flights (the curated routes, not baked here) carry no mark.
      assert.equal(await page.getByTestId('look-around-badge').count(), 1, locale);
      const description = await card.evaluate((element) =>
        (element.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.getAttribute('aria-label') ?? document.getElementById(id)?.textContent),
      );
      assert.ok(description.includes(messages['look360.catalogueLabel']), `${locale}: the card's description names the mark`);
      await context.close();
    }
  });
});
