// The look survives handovers (issue 14): device → cloud → device, in headless Chromium against
// the real render server and Next server, the route baked with its 2k sphere. The visitor turns
// the view on the device and leaves it there ("stay"); each handover's record carries that look
// from the request to the incoming renderer's first picture. The cloud takes over on its flat
// stream (what it starts on), moves to the sphere because the visitor looks away, and draws the
// same view the device drew (lookedQuaternion); back on the device the camera draws it exactly.
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
import type { Quaternion } from '@/scenes/routes/camera-orientation';
import type { Vec3 } from '@/scenes/routes/route-schema';
import { poseAt } from '@/scenes/routes/pose';

const WAIT_TIMEOUT_MS = 45_000;
const SAME_ROTATION = 1e-7;
/** Axes this close (per component) are the same direction. */
const SAME_AXIS = 1e-4;
const LOOK = { yawRad: 0.9, pitchRad: -0.25 };

let fixture: CloudStreamFixture;
let browser: Browser;

before(async () => {
  // The sphere bake is shared with look-cloud.test.ts through the fixture's frames folder: made once per scene version.
  fixture = await startCloudStreamFixture({ extraProfiles: ['sphere-2k'], log: (line) => console.log(`# ${line}`) });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await fixture?.stop();
});

function rotate(q: Quaternion, v: Vec3): Vec3 {
  const [x, y, z, w] = q;
  const t: Vec3 = [2 * (y * v[2] - z * v[1]), 2 * (z * v[0] - x * v[2]), 2 * (x * v[1] - y * v[0])];
  return [v[0] + w * t[0] + (y * t[2] - z * t[1]), v[1] + w * t[1] + (z * t[0] - x * t[2]), v[2] + w * t[2] + (x * t[1] - y * t[0])];
}

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

    // The cloud draws the look: its stream moves to the sphere (the visitor looks away) and
    // the view it cuts out is the device camera's for the same moment and look.
    await page.waitForFunction(
      (look) => {
        const cloud = window.__yunshanCloud;
        const drawn = cloud?.sphere?.lastDrawn;
        return (
          cloud?.lookAround === 'sphere' &&
          cloud.sphere?.showing === true &&
          drawn != null &&
          drawn.offset.yawRad === look.yawRad &&
          drawn.offset.pitchRad === look.pitchRad
        );
      },
      LOOK,
      { timeout: WAIT_TIMEOUT_MS, polling: 50 },
    );
    const cloudDrawn = (await page.evaluate(() => window.__yunshanCloud!.sphere!.lastDrawn))!;
    const cloudPose = poseAt(fixture.route, cloudDrawn.timeS);
    const cloudCamera = lookedQuaternion(cloudPose.position, cloudPose.lookAt, LOOK);
    for (const [axis, local] of [
      ['forward', [0, 0, -1]],
      ['right', [1, 0, 0]],
      ['up', [0, 1, 0]],
    ] as const) {
      const expected = rotate(cloudCamera, [...local]);
      assert.ok(
        cloudDrawn.view[axis].every((value, i) => Math.abs(value - expected[i]) < SAME_AXIS),
        `the cloud's view ${axis} ${JSON.stringify(cloudDrawn.view[axis])} is not the device camera's ${JSON.stringify(expected)}`,
      );
    }

    // The device camera is not mounted while the cloud shows: its last frame number is the
    // one it drew before the handover, so any higher one is the re-mounted camera's.
    const lastDeviceFrame = (await page.evaluate(() => window.__yunshanLook!.drawn()))?.frame ?? 0;
    await page.getByTestId('render-path-local').click();
    await waitForActive(page, 'local:phone', 'back to the device');
    const toDevice = lastHandover(await readChoice(page));
    assert.equal(toDevice.outcome, 'done');
    assert.deepEqual(toDevice.lookAtRequest, LOOK);
    assert.deepEqual(toDevice.lookAtReady, LOOK, 'the device took over with the look');

    // The re-mounted device camera draws the carried look, exactly. One frame is enough, and
    // all there may be: pressPlay leaves the flight paused, and a paused device flight draws
    // only when its picture changes (waiting for three more frames timed out every time).
    await page.waitForFunction((frame) => (window.__yunshanLook!.drawn()?.frame ?? 0) > frame, lastDeviceFrame, {
      timeout: WAIT_TIMEOUT_MS,
    });
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
