// The look survives handovers (issue 14): device → cloud → device, in headless Chromium against
// the real render server and Next server. The visitor turns the view on the device and leaves it
// there ("stay"); each handover's record carries that look from the request to the incoming
// renderer's first picture, and back on the device the camera draws it exactly as
// lookedQuaternion says. The cloud's flat stream cannot show a turned view: the look is kept
// in the player's store across it (the cloud's sphere view, helper D's, draws from the same store).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startCloudStreamFixture, type CloudStreamFixture } from '../helpers/cloud-stream-fixture';
import {
  CAPABLE_DEVICE,
  lastHandover,
  newProbeContext,
  pressPlay,
  readChoice,
  waitForActive,
  waitForPicture,
} from '../helpers/handover-page';
import { lookedQuaternion } from '@/scenes/routes/look-offset';
import { poseAt } from '@/scenes/routes/pose';

const WAIT_TIMEOUT_MS = 45_000;
const SAME_ROTATION = 1e-7;
const LOOK = { yawRad: 0.9, pitchRad: -0.25 };

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

function rotationGap(a: readonly number[], b: readonly number[]): number {
  return 1 - Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3]);
}

test('device → cloud → device keeps where the visitor looks', async () => {
  const context = await newProbeContext(browser, CAPABLE_DEVICE);
  try {
    const page = await context.newPage();
    await page.goto(fixture.tourUrl({ lang: 'en' }));
    await pressPlay(page);
    await waitForActive(page, 'local:phone', 'start on the device');
    await waitForPicture(page);
    await page.evaluate((look) => {
      window.__yunshanLook!.setRelease('stay');
      window.__yunshanLook!.set(look);
    }, LOOK);

    await page.getByTestId('render-path-cloud').click();
    await waitForActive(page, 'cloud', 'to the cloud');
    const toCloud = lastHandover(await readChoice(page));
    assert.equal(toCloud.outcome, 'done');
    assert.deepEqual(toCloud.lookAtRequest, LOOK);
    assert.deepEqual(toCloud.lookAtReady, LOOK, 'the cloud took over with the look');
    assert.deepEqual(await page.evaluate(() => window.__yunshanLook!.get()), LOOK);

    await page.getByTestId('render-path-local').click();
    await waitForActive(page, 'local:phone', 'back to the device');
    const toDevice = lastHandover(await readChoice(page));
    assert.equal(toDevice.outcome, 'done');
    assert.deepEqual(toDevice.lookAtRequest, LOOK);
    assert.deepEqual(toDevice.lookAtReady, LOOK, 'the device took over with the look');

    // The re-mounted device camera draws the carried look, exactly.
    const before = (await page.evaluate(() => window.__yunshanLook!.drawn()))?.frame ?? 0;
    await page.waitForFunction((frame) => (window.__yunshanLook!.drawn()?.frame ?? 0) > frame + 2, before, { timeout: WAIT_TIMEOUT_MS });
    const drawn = (await page.evaluate(() => window.__yunshanLook!.drawn()))!;
    assert.deepEqual(drawn.offset, LOOK);
    const pose = poseAt(fixture.route, drawn.timeS);
    assert.ok(
      rotationGap(drawn.quaternion, lookedQuaternion(pose.position, pose.lookAt, LOOK)) < SAME_ROTATION,
      'the device draws the carried look',
    );
  } finally {
    await context.close();
  }
});
