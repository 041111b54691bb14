// Auto's choice on a route without a cinematic bake, in Debian Chromium against the real render
// server and Next server: a device that draws smoothly draws, one that does not streams the
// standard bake, and the player's line says which picture it is and that the cinematic one is
// still being prepared, in English and Chinese.
//
// The other half, a route WITH a cinematic bake, is covered by the unit tests on recorded probes
// (tests/unit/render-choice-decide.test.ts) and not here: a real cinematic bake of even the
// shortest route the schema allows (20 s, 601 frames) takes about 40 minutes on a 2-core CPU at
// ~4 s a frame, and a bake job marked done without its frames on disk would be a lie the render
// server would contradict at the first join.
//
// Headless Chromium draws with llvmpipe, which detect-gpu honestly rates low: the capable device
// is claimed through the player's probe override, the only thing not measured for real.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startCloudStreamFixture, type CloudStreamFixture } from '../helpers/cloud-stream-fixture';
import {
  CAPABLE_DEVICE,
  CLOUD_FIRST_DEVICE,
  newProbeContext,
  pressPlay,
  readChoice,
  waitForActive,
  waitForPicture,
} from '../helpers/handover-page';
import { en } from '@/components/i18n/messages-en';
import { zh } from '@/components/i18n/messages-zh';

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

async function pictureLine(page: Page): Promise<{ key: string | null; text: string }> {
  const line = page.getByTestId('which-picture');
  await line.waitFor({ state: 'attached', timeout: 30_000 });
  return { key: await line.getAttribute('data-line'), text: (await line.textContent()) ?? '' };
}

describe('Auto on a route whose cinematic bake is not there', () => {
  test('a device that draws smoothly draws, and says the cinematic picture is still being prepared', async () => {
    const context = await newProbeContext(browser, CAPABLE_DEVICE);
    try {
      const page = await context.newPage();
      await page.goto(fixture.tourUrl({ lang: 'en' }));
      await pressPlay(page);
      await waitForActive(page, 'local:phone', 'a smooth device, no cinematic bake');
      const reading = await readChoice(page);
      assert.deepEqual(reading.reasons, ['warmup-smooth'], 'no cinematic reason without a cinematic bake');
      assert.deepEqual(await pictureLine(page), { key: 'picture.devicePending', text: en['picture.devicePending'] });

      await page.goto(fixture.tourUrl({ lang: 'zh' }));
      await pressPlay(page);
      await waitForActive(page, 'local:phone', 'the same, in Chinese');
      assert.deepEqual(await pictureLine(page), { key: 'picture.devicePending', text: zh['picture.devicePending'] });
    } finally {
      await context.close();
    }
  });

  test('a device too slow to draw smoothly streams the standard bake, and says so', async () => {
    const context = await newProbeContext(browser, CLOUD_FIRST_DEVICE);
    try {
      const page = await context.newPage();
      await page.goto(fixture.tourUrl({ lang: 'en' }));
      await pressPlay(page);
      await waitForActive(page, 'cloud', 'a slow device');
      await waitForPicture(page);
      assert.ok(!(await readChoice(page)).reasons.includes('cinematic-cloud'));
      assert.deepEqual(await pictureLine(page), { key: 'picture.cloudPending', text: en['picture.cloudPending'] });
    } finally {
      await context.close();
    }
  });
});
