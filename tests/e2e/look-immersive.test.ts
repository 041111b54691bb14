// The immersive mode's session set-up (issue 14), in headless Chromium against the real Next
// server. Chromium's test tooling here offers no WebXR emulation (the WebXR Test API needs a
// content shell with Mojo bindings; the emulator is a browser extension), so navigator.xr is a
// stub (helpers/xr-stub.ts): it says a headset is present, records what the player asks of it,
// and serves session frames with two eyes looking straight ahead from the origin. Everything past it is real: the
// player's entry button, three.js's WebXR manager binding the session to the device renderer,
// React Three Fiber's frame loop on the session's frames, the rig on the route with a level
// horizon, calm pace, and the way out by Escape, after which the device camera draws again,
// facing where the eye last looked in the headset.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { rigAt } from '@/components/xr/xr-comfort';
import { lookAfterHeadset } from '@/components/xr/xr-sphere-view';
import { XR_STUB, type XRStubLog as StubLog } from '../helpers/xr-stub';

const SCENE_READY_TIMEOUT_MS = 120_000;
const WAIT_TIMEOUT_MS = 30_000;

let server: RunningNextServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startNextServer(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const route = CURATED_ROUTES.find((candidate) => candidate.scene === 'wulingyuan')!;
const readStub = (page: Page) => page.evaluate('window.__xrStub') as Promise<StubLog>;
const close = (a: number, b: number, epsilon: number, what: string) => assert.ok(Math.abs(a - b) <= epsilon, `${what}: ${a} vs ${b}`);

async function enterImmersive(page: Page): Promise<void> {
  if (
    !(await page
      .getByTestId('look-panel')
      .isVisible()
      .catch(() => false))
  )
    await page.getByTestId('look-open').click();
  await page.getByTestId('immersive-enter').click();
  await page.waitForFunction(() => (window.__yunshanXR?.frames ?? 0) >= 10, undefined, { timeout: WAIT_TIMEOUT_MS });
}

test('the headset session starts from the look panel, carries the visitor along the route level and calm, and lets them out', async () => {
  const context = await browser.newContext({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 1 });
  try {
    await context.addInitScript(XR_STUB);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/tours/${route.id}?render=local&tier=phone&autoplay=0&lang=en`);
    await page.locator('[data-testid="flight-canvas"] [data-ready="true"]').waitFor({ state: 'attached', timeout: SCENE_READY_TIMEOUT_MS });
    await page.evaluate(() => window.__yunshanPlayer!.seek(10));
    assert.equal(await page.getByTestId('calm-toggle').getAttribute('aria-pressed'), 'false');
    // The head in the headset: 40° to the left.
    await page.evaluate(
      (yaw) => {
        (window as unknown as { __xrStub: { head: object } }).__xrStub.head = { x: 0, y: Math.sin(yaw / 2), z: 0, w: Math.cos(yaw / 2) };
      },
      (40 * Math.PI) / 180,
    );

    await enterImmersive(page);
    const stub = await readStub(page);
    assert.deepEqual(stub.supportedAsked, ['immersive-vr']);
    assert.deepEqual(stub.requested, [{ mode: 'immersive-vr', init: { requiredFeatures: ['local'] } }]);
    assert.deepEqual(stub.referenceSpaces, ['local'], 'three.js asked the session for seated space');
    assert.ok(stub.framesServed >= 10, 'the renderer draws on the session’s frames');
    assert.equal(await page.getByTestId('calm-toggle').getAttribute('aria-pressed'), 'true', 'the headset keeps the calm pace');

    // The rig stands on the route at the clock's time, facing its heading, with a level horizon.
    const xr = (await page.evaluate(() => window.__yunshanXR))!;
    const expected = rigAt(route, xr.timeS);
    xr.position.forEach((value, i) => close(value, expected.position[i], 1e-6, `rig position ${i}`));
    close(xr.forward[1], 0, 1e-9, 'the rig never pitches');
    close(xr.up[1], 1, 1e-9, 'the rig never rolls');
    close(Math.atan2(-xr.forward[0], -xr.forward[2]), expected.yawRad, 1e-6, 'the rig faces the route’s heading');
    assert.ok(xr.vignette >= 0 && xr.vignette < 1);

    // Flying, the rig moves on with the flight.
    await page.evaluate(() => window.__yunshanPlayer!.play());
    await page.waitForFunction((from) => (window.__yunshanXR?.timeS ?? 0) > from + 0.5, xr.timeS, { timeout: WAIT_TIMEOUT_MS });
    const flown = (await page.evaluate(() => window.__yunshanXR))!;
    const there = rigAt(route, flown.timeS);
    flown.position.forEach((value, i) => close(value, there.position[i], 1e-6, `rig position ${i} in flight`));

    // Escape leaves: the session ends and the device camera takes the picture back.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (window as unknown as { __xrStub: StubLog }).__xrStub.ended === 1, undefined, {
      timeout: WAIT_TIMEOUT_MS,
    });
    await page.evaluate(() => window.__yunshanPlayer!.pause());
    // The page's view goes on facing where the eye last looked (the head's 40° turn kept), not back along the route.
    const last = (await page.evaluate(() => window.__yunshanXR))!;
    const kept = lookAfterHeadset(route, last.timeS, last.eyeForward!);
    const lookNow = await page.evaluate(() => window.__yunshanLook!.get());
    close(lookNow.yawRad, kept.yawRad, 1e-6, 'the look yaw after the headset');
    close(lookNow.pitchRad, kept.pitchRad, 1e-6, 'the look pitch after the headset');
    const headYaw = Math.atan2(-last.eyeForward![0], -last.eyeForward![2]) - Math.atan2(-last.forward[0], -last.forward[2]);
    close(Math.atan2(Math.sin(headYaw), Math.cos(headYaw)), (40 * Math.PI) / 180, 1e-3, 'the eye looked 40° left of the rig');
    const drawnBefore = (await page.evaluate(() => window.__yunshanLook!.drawn()))!.frame;
    await page.evaluate(() => window.__yunshanPlayer!.seek(4));
    await page.waitForFunction((frame) => (window.__yunshanLook!.drawn()?.frame ?? 0) > frame, drawnBefore, { timeout: WAIT_TIMEOUT_MS });
    assert.equal(await page.getByTestId('immersive-leave').count(), 0);
  } finally {
    await context.close();
  }
});

test('without a headset there is no immersive entry', async () => {
  const context = await browser.newContext({ viewport: { width: 960, height: 540 } });
  try {
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/tours/${route.id}?render=local&tier=phone&autoplay=0&lang=zh`);
    await page.getByTestId('look-open').click();
    await page.getByTestId('look-panel').waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.getByTestId('immersive-enter').count(), 0);
  } finally {
    await context.close();
  }
});
