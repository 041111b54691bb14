// A route still baking when the visitor opens it, in Debian Chromium against the real render
// server and Next server: Auto draws it on the device (the probe called the device too slow to
// draw a baked route) and says how far the cloud picture is; the percentage moves as the real
// bake reports progress to the real queue; when the bake lands, the player hands the flight to
// the stream at the same pose and says why.
//
// The route has the fixture route's flight under another id. To keep the bake short, all but
// its first segment are copied from the fixture's 360p bake through the frame store (a bake
// keeps stored segments whose checksums hold, as after a restart); the first is rendered here
// by the real renderer pool. The test pauses the bake after that segment until the page shows
// its progress, so the percentage is seen to move, not hoped to.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startCloudStreamFixture, type CloudStreamFixture } from '../helpers/cloud-stream-fixture';
import { buildTestRoute } from '../helpers/test-routes';
import {
  CAPABLE_DEVICE,
  HANDOVER_TIMEOUT_MS,
  describeHandover,
  lastHandover,
  newProbeContext,
  pressPlay,
  readChoice,
  waitForActive,
  waitForPicture,
} from '../helpers/handover-page';
import { openDatabase } from '@/server/db/database';
import { createSqliteRouteStore } from '@/server/routes/route-store';
import { openSqliteBakeQueue } from '@/server/bake/sqlite-bake-queue';
import { bakeRoute } from '@/server/bake/bake-route';
import { currentSceneVersion } from '@/server/bake/scene-version';
import { FIRST_STREAMABLE_PROFILE } from '@/server/bake/cloud-readiness';
import { frameCountFor, FRAMES_PER_SEGMENT } from '@/scenes/protocol/frame-timing';
import { QUALITY_PROFILES } from '@/scenes/protocol/profile-ladder';
import { LocalFrameStore } from '@/server/frame-store/local-frame-store';
import { createRendererPool } from '@/server/render/renderer-pool';
import type { BakeKey } from '@/server/bake/bake-contracts';

const WORKER_ID = 'e2e-bake-lands';
const LEASE_MS = 10 * 60_000;
/** The bar for a handover: the incoming picture within 40 ms of the clock's time. */
const POSE_TOLERANCE_MS = 40;

let fixture: CloudStreamFixture;
let browser: Browser;

before(async () => {
  fixture = await startCloudStreamFixture({ log: (line) => console.log(`# ${line}`) });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await fixture?.stop();
});

/** The percentage the player shows, or null while it shows none. */
const PREPARING_PERCENT = `(() => { const line = document.querySelector('[data-testid="cloud-preparing"]'); return line === null ? null : Number(line.getAttribute('data-percent')); })()`;

describe('a bake that lands while the visitor watches', () => {
  test('the percentage follows the bake, and Auto hands the flight to the stream at the same pose once it lands', async () => {
    const route = buildTestRoute('bake-lands-e2e', { durationS: fixture.route.durationS, keyframes: fixture.route.keyframes });
    const sceneVersion = currentSceneVersion();
    const profile = QUALITY_PROFILES[FIRST_STREAMABLE_PROFILE];
    const key: BakeKey = { sceneVersion, routeId: route.id, revision: 1, profileId: profile.id };
    const fixtureKey: BakeKey = { ...key, routeId: fixture.route.id };
    const store = new LocalFrameStore(fixture.framesDir);

    const routes = createSqliteRouteStore(openDatabase(fixture.dbPath));
    try {
      await routes.seedPublished([route]);
    } finally {
      routes.close();
    }
    // The frames folder outlives runs: start from no bake of this route, then lay down all
    // but the first segment, as a bake stopped after rendering them would have left them.
    fs.rmSync(store.bakeDirectory(key), { recursive: true, force: true });
    const framesTotal = frameCountFor(route.durationS);
    const segmentCount = Math.ceil(framesTotal / FRAMES_PER_SEGMENT);
    for (let segment = 1; segment < segmentCount; segment++)
      await store.writeSegment(key, segment, await store.readSegment(fixtureKey, segment));

    const queue = openSqliteBakeQueue(fixture.dbPath);
    const context = await newProbeContext(browser, { ...CAPABLE_DEVICE, warmupFrameMs: 200 });
    const pool = await createRendererPool({ size: 1 });
    try {
      const queued = await queue.enqueue({ routeId: route.id, revision: 1, profileId: profile.id, sceneVersion, framesTotal });
      // The render server queued the other routes' bakes but does not bake: this test is the
      // worker. It claims jobs until it holds this route's and gives the others back.
      const heldOthers: number[] = [];
      for (;;) {
        const job = await queue.claim(WORKER_ID, LEASE_MS);
        assert.ok(job !== null, 'the route bake is claimable');
        if (job.id === queued.id) break;
        heldOthers.push(job.id);
      }
      for (const other of heldOthers) await queue.release(other, WORKER_ID);

      // 5 fps in the warm-up: too slow to draw a baked route, so only the bake keeps it here.
      const page = await context.newPage();
      await page.goto(`${fixture.next.baseUrl}/tours/${route.id}?lang=en`);
      await pressPlay(page);
      await waitForActive(page, 'local:phone', 'a route still baking');
      await waitForPicture(page);
      assert.equal(await page.evaluate(PREPARING_PERCENT), 0, 'the bake has just started');
      assert.equal(await page.getByTestId('cloud-preparing').innerText(), 'Preparing the cloud picture, 0%');

      const seen: number[] = [];
      // VP8 only: the segments laid down above are the fixture's VP8 ones, and a VP9 twin would re-render them.
      const result = await bakeRoute(
        { route, revision: 1, profile, sceneVersion, vp9: false },
        {
          pool,
          store,
          async onProgress(progress) {
            await queue.heartbeat(
              queued.id,
              WORKER_ID,
              { framesDone: progress.framesDone, framesPerSecond: progress.framesPerSecond },
              LEASE_MS,
            );
            if (seen.length > 0) return;
            // The first segment is rendered: the bake waits until the visitor has seen it.
            const expected = Math.floor((100 * progress.framesDone) / progress.framesTotal);
            // (A function, not page source: the page's CSP forbids the eval a string predicate needs.)
            await page.waitForFunction(
              (wanted) => document.querySelector('[data-testid="cloud-preparing"]')?.getAttribute('data-percent') === String(wanted),
              expected,
              {
                timeout: HANDOVER_TIMEOUT_MS,
                polling: 100,
              },
            );
            seen.push(expected);
          },
        },
      );
      assert.equal(result.renderedSegments + result.rebakedSegments, 1, 'one segment rendered for real');
      assert.equal(result.reusedSegments, segmentCount - 1);
      assert.ok(seen[0] > 0, `the percentage moved past 0 (to ${seen[0]}%)`);
      assert.equal(await page.getByTestId('cloud-preparing').innerText(), `Preparing the cloud picture, ${seen[0]}%`);

      // The flight is under way when the bake lands.
      await page.evaluate(() => window.__yunshanPlayer!.play());
      await queue.complete(queued.id, WORKER_ID);

      await waitForActive(page, 'cloud', 'the bake landed');
      const reading = await readChoice(page);
      const handover = lastHandover(reading);
      assert.equal(handover.from, 'local:phone');
      assert.equal(handover.to, 'cloud');
      assert.equal(handover.reason, 'cloud-ready', describeHandover(handover));
      assert.equal(handover.outcome, 'done', describeHandover(handover));
      assert.ok(
        handover.offsetMs !== null && Math.abs(handover.offsetMs) <= POSE_TOLERANCE_MS,
        `the stream took over at the clock's pose: ${describeHandover(handover)}`,
      );
      assert.ok(await page.evaluate(() => window.__yunshanPlayer!.playing()), 'the flight played on through the switch');
      assert.equal(await page.getByTestId('handover-notice').innerText(), 'The cloud picture is ready: now streaming it');
      assert.equal(await page.evaluate(PREPARING_PERCENT), null, 'nothing left to prepare');
    } finally {
      await context.close();
      await pool.close();
      queue.close();
    }
  });
});
