// Choosing where the flight is drawn, and handing it over mid-flight, in Debian Chromium
// against the real render server and Next server: without WebGL the player streams from
// the cloud; with WebGL2 and a capable GPU it draws locally; a handover in either
// direction keeps the flight clock and shows no black frame; a killed render server hands
// the flight to the device; a lost WebGL context hands it to the cloud; with neither, the
// route's pictures carry the narration; a route still baking plays on the device and
// says how far the cloud picture is.
//
// Headless Chromium draws with Mesa's llvmpipe, which detect-gpu honestly rates low: where
// a test needs a capable device, it says so through the player's probe override
// (window.__yunshanProbeOverride), the only thing not measured for real.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startCloudStreamFixture, type CloudStreamFixture } from '../helpers/cloud-stream-fixture';
import { samplePixels, type PixelSample } from '../helpers/page-pixels';
import { REMEMBERED_PROBE_KEY } from '@/components/player/render-choice/remembered-choice';
import type { DeviceProbe } from '@/components/player/render-choice/render-choice-types';
import { openDatabase } from '@/server/db/database';
import { createSqliteRouteStore } from '@/server/routes/route-store';
import { openSqliteBakeQueue } from '@/server/bake/sqlite-bake-queue';
import { FIRST_STREAMABLE_PROFILE } from '@/server/bake/cloud-readiness';
import { currentSceneVersion } from '@/server/bake/scene-version';
import { buildTestRoute } from '../helpers/test-routes';
import {
  CAPABLE_DEVICE,
  CLOUD_FIRST_DEVICE,
  HANDOVER_TIMEOUT_MS as TIMEOUT_MS,
  describeHandover,
  flyUntil,
  lastHandover,
  newProbeContext,
  pressPlay,
  readChoice,
  waitForActive,
  waitForPicture,
} from '../helpers/handover-page';

/** What the slow-GPU test adds to each animation frame's drawing (about 14 fps at most). */
const SLOW_GPU_EXTRA_MS = 70;
/** The bar: a handover lands within 40 ms of the clock's time. */
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

/** Flight clock and wall clock, read together in the page. */
function readClock(page: Page): Promise<{ nowMs: number; timeS: number; playing: boolean }> {
  return page.evaluate(() => ({
    nowMs: performance.now(),
    timeS: window.__yunshanPlayer!.timeS(),
    playing: window.__yunshanPlayer!.playing(),
  }));
}

/** A screen with nothing on it: near-black, or a single flat colour. */
function isBlank(sample: PixelSample): boolean {
  return sample.meanLuma < 12 || sample.lumaStdDev < 2;
}

/**
 * Samples the stage as the visitor sees it (real screenshots) from now until the stage
 * settles on `active`, and returns every sample with the handover it ended with.
 */
async function sampleUntilSettled(page: Page, active: string): Promise<PixelSample[]> {
  const stage = page.getByTestId('flight-canvas');
  const samples: PixelSample[] = [];
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    samples.push(await samplePixels(page, stage));
    const reading = await readChoice(page);
    if (reading.active === active && reading.incoming === null) break;
    if (Date.now() > deadline) throw new Error(`the stage never settled on ${active}: ${JSON.stringify(reading)}`);
  }
  // One more after the outgoing renderer has gone.
  samples.push(await samplePixels(page, stage));
  return samples;
}

describe('the render path a device gets', () => {
  test('without WebGL the player chooses the cloud, and remembers the probe for the next visit', async () => {
    const noWebGl = await launchChromium(['--disable-3d-apis']);
    try {
      const context = await newProbeContext(noWebGl, null, { width: 390, height: 844 });
      const page = await context.newPage();
      await page.goto(fixture.tourUrl({ lang: 'zh' }));
      await pressPlay(page);
      await waitForActive(page, 'cloud', 'no WebGL');
      const reading = await readChoice(page);
      assert.equal(reading.preference, 'auto');
      assert.equal(reading.decisionPath, 'cloud');
      assert.ok(reading.reasons.includes('no-webgl2'), reading.reasons.join(', '));
      assert.equal(reading.localTier, null, 'a device without WebGL cannot draw the scene');
      await page.waitForFunction(() => (window.__yunshanCloud?.framesShown ?? 0) > 0, undefined, { timeout: TIMEOUT_MS });
      assert.equal(await page.getByTestId('flight-canvas').getAttribute('data-render-path'), 'cloud');
      // The phone's one button names the choice and what Auto picked.
      assert.match((await page.getByTestId('render-path-menu').getAttribute('aria-label')) ?? '', /自动（当前：云端）/);

      const remembered = await page.evaluate((key) => window.localStorage.getItem(key), REMEMBERED_PROBE_KEY);
      assert.ok(remembered?.includes('"webgl2":false'), 'the probe is remembered for this device');
      await page.reload();
      await pressPlay(page);
      await waitForActive(page, 'cloud', 'second visit');
      assert.equal((await readChoice(page)).decisionPath, 'cloud');
      await context.close();
    } finally {
      await noWebGl.close();
    }
  });

  test('with WebGL2 and a capable GPU the player draws on the device', async () => {
    const context = await newProbeContext(browser, CAPABLE_DEVICE);
    try {
      const page = await context.newPage();
      await page.goto(fixture.tourUrl({ lang: 'en' }));
      await pressPlay(page);
      await waitForActive(page, 'local:phone', 'capable device');
      await waitForPicture(page);
      const reading = await readChoice(page);
      assert.equal(reading.decisionPath, 'local');
      assert.ok(reading.reasons.includes('warmup-smooth'), reading.reasons.join(', '));
      await page.waitForFunction(() => (window.__yunshanStats?.frames ?? 0) > 2, undefined, { timeout: TIMEOUT_MS });
      assert.equal(await page.evaluate(() => window.__yunshanCloud), undefined, 'no stream was opened');
      assert.equal(await page.getByTestId('render-path-auto').getAttribute('aria-pressed'), 'true');
      // An overridden probe is not this device's: it must not be remembered.
      assert.equal(await page.evaluate((key) => window.localStorage.getItem(key), REMEMBERED_PROBE_KEY), null);

      // On a phone-sized screen the three choices sit behind one button, as a menu.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('render-path-menu').click();
      assert.equal(await page.getByRole('menuitemradio', { checked: true }).innerText(), 'Auto (now on this device)');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await waitForActive(page, 'cloud', 'the visitor chose the cloud from the menu');
      assert.equal((await readChoice(page)).preference, 'cloud');
      assert.equal(await page.getByRole('menu').count(), 0, 'the menu closed');
    } finally {
      await context.close();
    }
  });
});

describe('handing over mid-flight', () => {
  // On this CPU-only machine the device draws with llvmpipe at its full rate until the stream comes in: the stream
  // catches up with the clock only because the device holds its picture meanwhile (stage-layers outgoingHoldsPicture;
  // issue 15), and the screen samples are decoded outside the page (page-pixels), which they would slow as well.
  test('device → cloud while flying, then cloud → device while paused: same clock, no black frame', async () => {
    const context = await newProbeContext(browser, CAPABLE_DEVICE);
    try {
      const page = await context.newPage();
      await page.goto(fixture.tourUrl({ lang: 'en' }));
      await pressPlay(page);
      await waitForActive(page, 'local:phone', 'start on the device');
      await waitForPicture(page);
      await flyUntil(page, 2);

      // Device → cloud, mid-flight.
      const before = await readClock(page);
      await page.getByTestId('render-path-cloud').click();
      const toCloudSamples = await sampleUntilSettled(page, 'cloud');
      const afterwards = await readClock(page);
      const toCloud = lastHandover(await readChoice(page));
      console.log(`# ${describeHandover(toCloud)}; ${toCloudSamples.length} screen samples`);
      assert.equal(toCloud.outcome, 'done');
      assert.ok(
        toCloud.offsetMs !== null && Math.abs(toCloud.offsetMs) <= POSE_TOLERANCE_MS,
        `the cloud picture was ${toCloud.offsetMs} ms from the clock`,
      );
      assert.ok(before.playing && afterwards.playing, 'the flight kept flying');
      const clockDriftMs = (afterwards.timeS - before.timeS) * 1000 - (afterwards.nowMs - before.nowMs);
      assert.ok(
        Math.abs(clockDriftMs) <= POSE_TOLERANCE_MS,
        `the flight clock moved ${clockDriftMs.toFixed(0)} ms off wall time during the handover`,
      );
      toCloudSamples.forEach((sample, i) =>
        assert.ok(
          !isBlank(sample),
          `screen sample ${i} of ${toCloudSamples.length} is blank: ${JSON.stringify({ mean: sample.meanLuma, sd: sample.lumaStdDev })}`,
        ),
      );

      // Cloud → device, paused: the device's first picture is exactly the paused pose.
      await page.evaluate(() => window.__yunshanPlayer!.pause());
      const pausedAtS = (await readClock(page)).timeS;
      await page.getByTestId('render-path-local').click();
      const toDeviceSamples = await sampleUntilSettled(page, 'local:phone');
      const toDevice = lastHandover(await readChoice(page));
      console.log(`# ${describeHandover(toDevice)}; ${toDeviceSamples.length} screen samples`);
      assert.equal(toDevice.outcome, 'done');
      assert.ok(
        toDevice.offsetMs !== null && Math.abs(toDevice.offsetMs) <= POSE_TOLERANCE_MS,
        `the device picture was ${toDevice.offsetMs} ms from the clock`,
      );
      const shown = await page.evaluate(() => window.__yunshanStats!.timeS);
      assert.ok(Math.abs(shown - pausedAtS) * 1000 <= POSE_TOLERANCE_MS, `the device draws ${shown} s, paused at ${pausedAtS} s`);
      assert.equal((await readClock(page)).timeS, pausedAtS, 'a handover never moves the clock');
      toDeviceSamples.forEach((sample, i) => assert.ok(!isBlank(sample), `screen sample ${i} of ${toDeviceSamples.length} is blank`));
      // The visitor's choice stands: no notice for a handover they asked for.
      assert.equal(await page.getByTestId('handover-notice').count(), 0);
    } finally {
      await context.close();
    }
  });

  test('a sustained low frame rate lowers the tier first, then hands the flight to the cloud', async () => {
    // The probe is told this is a strong laptop; its WebGL drawing is then made slow on purpose,
    // so the watch sees a low rate on any machine: the first WebGL clear of every animation frame
    // costs an extra 70 ms (about 14 fps at most), while a frame stays far under the watch's
    // one-second gap that it reads as a hidden tab. Only WebGL is slowed: the cloud stream's 2D
    // canvas and the rest of the page run as they would on a device with a weak GPU. Drawing
    // llvmpipe at a huge size instead was hoped-for slowness: on a loaded machine frames took
    // over a second and the watch rightly ignored them.
    const context = await browser.newContext({ viewport: { width: 960, height: 540 } });
    try {
      const override = {
        ...CAPABLE_DEVICE,
        gpu: { tier: 3, type: 'BENCHMARK', isMobile: false, gpu: 'nvidia geforce rtx 4070', fps: 144 },
        warmupFrameMs: 8,
      } satisfies Partial<DeviceProbe>;
      // Page source, not a function: tsx would wrap the named inner functions in a helper the page lacks.
      await context.addInitScript({
        content: `
          window.__yunshanProbeOverride = ${JSON.stringify(override)};
          let slowedThisFrame = false;
          function nextFrame() {
            slowedThisFrame = false;
            requestAnimationFrame(nextFrame);
          }
          requestAnimationFrame(nextFrame);
          const nativeClear = WebGL2RenderingContext.prototype.clear;
          WebGL2RenderingContext.prototype.clear = function (mask) {
            // Once the cloud is on its way the device has asked for help: a weak GPU would not
            // hold up the stream's decoding and 2D drawing the way this busy loop would.
            const choice = window.__yunshanRenderChoice;
            const cloudComing = choice !== undefined && (choice.incoming === 'cloud' || choice.active === 'cloud');
            if (!slowedThisFrame && !cloudComing) {
              slowedThisFrame = true;
              const until = performance.now() + ${SLOW_GPU_EXTRA_MS};
              while (performance.now() < until) {}
            }
            nativeClear.call(this, mask);
          };
        `,
      });
      const page = await context.newPage();
      await page.goto(fixture.tourUrl({ lang: 'en' }));
      await pressPlay(page);
      await waitForActive(page, 'local:laptop', 'a strong laptop, on paper');
      await flyUntil(page, 0.5);
      await waitForActive(page, 'local:phone', 'after the laptop tier proved too slow');
      assert.equal(lastHandover(await readChoice(page)).reason, 'lower-tier');
      // Back near the start, so the second step lands mid-flight, not at the 20 s route's end.
      await page.evaluate(() => window.__yunshanPlayer!.seek(2));
      await waitForActive(page, 'cloud', 'after the phone tier proved too slow as well');
      const record = lastHandover(await readChoice(page));
      console.log(`# ${describeHandover(record)}`);
      assert.equal(record.reason, 'low-fps');
      assert.deepEqual(
        (await readChoice(page)).handovers.map((handover) => `${handover.from} → ${handover.to}: ${handover.outcome}`),
        ['posters:held → local:laptop: done', 'local:laptop → local:phone: done', 'local:phone → cloud: done'],
      );
      assert.match(await page.getByTestId('handover-notice').innerText(), /streaming from the cloud/);
    } finally {
      await context.close();
    }
  });

  test('a render server killed during a cloud flight hands the flight to the device', async () => {
    const context = await newProbeContext(browser, CLOUD_FIRST_DEVICE);
    try {
      const page = await context.newPage();
      await page.goto(fixture.tourUrl({ lang: 'en' }));
      await pressPlay(page);
      await waitForActive(page, 'cloud', 'cloud flight');
      await page.waitForFunction(() => (window.__yunshanCloud?.framesShown ?? 0) > 0, undefined, { timeout: TIMEOUT_MS });
      await flyUntil(page, 1.5);

      await fixture.render.close();
      const samples = await sampleUntilSettled(page, 'local:phone');
      const record = lastHandover(await readChoice(page));
      console.log(`# ${describeHandover(record)}; ${samples.length} screen samples`);
      assert.ok(['stream-stalled', 'stream-failed'].includes(record.reason), record.reason);
      assert.ok((await readChoice(page)).reasons.includes('warmup-slow'), 'Auto had chosen the cloud for this device');
      assert.ok(record.offsetMs !== null && Math.abs(record.offsetMs) <= POSE_TOLERANCE_MS);
      samples.forEach((sample, i) => assert.ok(!isBlank(sample), `screen sample ${i} of ${samples.length} is blank`));
      // The flight goes on, drawn here, and the visitor is told why.
      const t0 = (await readClock(page)).timeS;
      await page.waitForFunction((from) => window.__yunshanStats!.timeS > from + 0.5, t0, { timeout: TIMEOUT_MS });
      assert.match(await page.getByTestId('handover-notice').innerText(), /now drawn on this device/);
    } finally {
      await context.close();
      await fixture.restartRenderServer();
    }
  });

  test('a lost WebGL context hands the flight to the cloud', async () => {
    const context = await newProbeContext(browser, CAPABLE_DEVICE);
    try {
      const page = await context.newPage();
      await page.goto(fixture.tourUrl({ lang: 'zh' }));
      await pressPlay(page);
      await waitForActive(page, 'local:phone', 'start on the device');
      await waitForPicture(page);
      await flyUntil(page, 1);

      // The browser takes the context away, as a GPU reset would.
      await page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-layer-kind="local"] canvas')!;
        canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!.loseContext();
      });
      await waitForActive(page, 'cloud', 'after the lost context');
      const record = lastHandover(await readChoice(page));
      console.log(`# ${describeHandover(record)}`);
      assert.equal(record.reason, 'context-lost');
      assert.ok(record.offsetMs !== null && Math.abs(record.offsetMs) <= POSE_TOLERANCE_MS);
      const t0 = (await readClock(page)).timeS;
      await page.waitForFunction((from) => (window.__yunshanCloud?.lastShownFrameIndex ?? -1) / 30 > from + 0.5, t0, {
        timeout: TIMEOUT_MS,
      });
      assert.match(await page.getByTestId('handover-notice').innerText(), /云端画面/);
    } finally {
      await context.close();
    }
  });

  test('with no WebGL and no cloud, the route plays as pictures with its narration', async () => {
    const noWebGl = await launchChromium(['--disable-3d-apis']);
    await fixture.render.close();
    try {
      const context = await newProbeContext(noWebGl, null, { width: 390, height: 844 });
      const page = await context.newPage();
      await page.goto(fixture.tourUrl({ lang: 'en', t: '4' }));
      await pressPlay(page);
      // The probe finds no WebGL, Auto tries the cloud, and the stage falls back to the explained posters.
      await page.waitForFunction(
        () => {
          const choice = window.__yunshanRenderChoice;
          return choice?.decision != null && (choice.decision.path === 'posters' || choice.handovers.length > 0);
        },
        undefined,
        { timeout: TIMEOUT_MS },
      );
      await waitForActive(page, 'posters', 'nothing can draw');
      await page.getByText('Pictures of the flight').waitFor({ timeout: TIMEOUT_MS });
      await waitForPicture(page);
      const sample = await samplePixels(page, page.getByTestId('flight-canvas'));
      assert.ok(!isBlank(sample), 'pictures, not a black screen');
      await page.getByTestId('play-start').click();
      // The narration at the summit (5 s) comes on the flight clock, as in any flight.
      await page.getByText('A lone sandstone pillar.').waitFor({ timeout: TIMEOUT_MS });
      await context.close();
    } finally {
      await noWebGl.close();
      await fixture.restartRenderServer();
    }
  });
});

describe('a route whose bake is not finished', () => {
  test('Auto draws it on this device at the phone tier, although the probe called the device too slow, and says how far the cloud picture is', async () => {
    // A second published route in the servers' database, its first cloud profile two-thirds baked.
    const baking = buildTestRoute('baking-e2e', { durationS: 20, keyframes: fixture.route.keyframes });
    const routes = createSqliteRouteStore(openDatabase(fixture.dbPath));
    try {
      await routes.seedPublished([baking]);
    } finally {
      routes.close();
    }
    const queue = openSqliteBakeQueue(fixture.dbPath);
    const framesTotal = 601;
    const job = await queue.enqueue({
      routeId: baking.id,
      revision: 1,
      profileId: FIRST_STREAMABLE_PROFILE,
      sceneVersion: currentSceneVersion(),
      framesTotal,
    });
    queue.close();
    const db = openDatabase(fixture.dbPath);
    try {
      // A worker elsewhere holds it: 391 of 601 frames, 65 %.
      db.prepare(
        `UPDATE bake_jobs SET status = 'running', frames_done = 391, lease_owner = 'e2e-baker', lease_expires_at_ms = ? WHERE id = ?`,
      ).run(Date.now() + 3_600_000, job.id);
    } finally {
      db.close();
    }

    // 5 fps in the warm-up: below even a watchable rate, so a baked route would stream.
    const context = await newProbeContext(browser, { ...CAPABLE_DEVICE, warmupFrameMs: 200 });
    try {
      const page = await context.newPage();
      await page.goto(`${fixture.next.baseUrl}/tours/${baking.id}?lang=en`);
      await pressPlay(page);
      await waitForActive(page, 'local:phone', 'a route still baking');
      const reading = await readChoice(page);
      assert.equal(reading.decisionPath, 'local');
      assert.ok(reading.reasons.includes('cloud-baking'), `reasons: ${reading.reasons.join(', ')}`);
      assert.equal(await page.getByTestId('cloud-preparing').innerText(), 'Preparing the cloud picture, 65%');
      await waitForPicture(page);
      await flyUntil(page, 2);
      const after = await readChoice(page);
      assert.equal(after.active, 'local:phone', 'the flight stays on the device');
      assert.deepEqual(
        after.handovers.map((handover) => `${handover.from} → ${handover.to} (${handover.reason}): ${handover.outcome}`),
        ['posters:held → local:phone (probe): done'],
        'from the poster to the device at play, and no handover to the cloud or the pictures',
      );
      assert.ok(!isBlank(await samplePixels(page, page.getByTestId('flight-canvas'))), 'the device draws the flight');
    } finally {
      await context.close();
    }
  });
});
