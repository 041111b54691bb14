// The immersive mode on the cloud path (issue 14), in headless Chromium against the real
// render server and Next server, streaming a route baked with its 2k sphere. navigator.xr is
// a stub (helpers/xr-stub.ts: Chromium's test tooling here has no WebXR emulation); everything
// past it is real: the look panel offers the headset on the cloud path, the session moves the
// stream to the sphere and is drawn from the decoded sphere frames by the sphere view's own
// WebGL2 context (mono), the headset's frames step the stream, the rig turns with the route's
// heading only, and the controller's grip lets the visitor out, after which the page's flat
// view goes on from the very look the visitor had in the headset. The stub's single view has
// the route's field of view and the canvas's aspect, so the picture drawn into the session and
// the page's picture after it can be compared pixel for pixel.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startCloudStreamFixture, type CloudStreamFixture } from '../helpers/cloud-stream-fixture';
import { gridDifference, samplePixels } from '../helpers/page-pixels';
import { XR_STUB, type XRStubLog } from '../helpers/xr-stub';
import { rigAt } from '@/components/xr/xr-comfort';
import { poseAt } from '@/scenes/routes/pose';
import { yawPitchOf } from '@/scenes/routes/look-offset';
import type { YunshanCloudHandle } from '@/components/player/cloud/cloud-test-handle';

const STREAM_TIMEOUT_MS = 60_000;
const SPHERE_TIMEOUT_MS = 60_000;
/** The head in the headset: 40° to the left and 10° down. */
const HEAD_YAW_RAD = (40 * Math.PI) / 180;
const HEAD_PITCH_RAD = (-10 * Math.PI) / 180;
/** The same view drawn twice differs by less than this (mean luminance levels over a 32×18 grid): VP8 frames are exact, so only rounding. */
const SAME_PICTURE = 1;
/** A 40° turn moves the picture far more than this. */
const PICTURE_TURNED = 3;

let fixture: CloudStreamFixture;
let browser: Browser;

before(async () => {
  fixture = await startCloudStreamFixture({ extraProfiles: ['sphere-2k'], log: (line) => console.log(`# ${line}`) });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await fixture?.stop();
});

const close = (a: number, b: number, epsilon: number, what: string) => assert.ok(Math.abs(a - b) <= epsilon, `${what}: ${a} vs ${b}`);
const wrap = (rad: number) => Math.atan2(Math.sin(rad), Math.cos(rad));

type CloudReading = Pick<YunshanCloudHandle, 'state' | 'profile' | 'lookAround' | 'framesShown' | 'sphere'>;
function readCloud(page: Page): Promise<CloudReading> {
  return page.evaluate(() => {
    const { state, profile, lookAround, framesShown, sphere } = window.__yunshanCloud!;
    return { state, profile, lookAround, framesShown, sphere };
  });
}
const readStub = (page: Page) =>
  page.evaluate(() => {
    const { supportedAsked, requested, referenceSpaces, framesServed, ended } = (window as unknown as { __xrStub: XRStubLog }).__xrStub;
    return { supportedAsked, requested, referenceSpaces, framesServed, ended };
  });
const readXR = async (page: Page) => (await page.evaluate(() => window.__yunshanXR))!;

async function waitFor(page: Page, what: string, check: (arg: number) => boolean, arg = 0, timeout = STREAM_TIMEOUT_MS): Promise<void> {
  try {
    await page.waitForFunction(check, arg, { timeout, polling: 50 });
  } catch (error) {
    throw new Error(`${what}: ${String(error).split('\n')[0]}; the stream reads ${JSON.stringify(await readCloud(page))}`, {
      cause: error,
    });
  }
}

test('on the cloud path the headset is inside the streamed sphere, level and calm, and leaving it the page goes on at the same pose', async () => {
  const context = await browser.newContext({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 1 });
  try {
    await context.addInitScript(XR_STUB);
    const page = await context.newPage();
    await page.goto(fixture.tourUrl({ render: 'cloud', lang: 'en', autoplay: '0' }));
    await waitFor(page, 'the first frame', () => (window.__yunshanCloud?.framesShown ?? 0) > 0);
    assert.equal((await readCloud(page)).lookAround, 'off', 'watching only: the flat stream');
    assert.equal(await page.getByTestId('calm-toggle').getAttribute('aria-pressed'), 'false');

    // The headset: one view with the flight's field of view, the head turned left and down.
    const fovDeg = poseAt(fixture.route, 0).fovDeg;
    await page.evaluate(
      ({ fov, yaw, pitch }) => {
        const stub = (window as unknown as { __xrStub: { monoFovDeg: number; head: object } }).__xrStub;
        stub.monoFovDeg = fov;
        // Yaw about world up, then pitch about the turned right axis: q = q_yaw · q_pitch.
        const [sy, cy, sp, cp] = [Math.sin(yaw / 2), Math.cos(yaw / 2), Math.sin(pitch / 2), Math.cos(pitch / 2)];
        stub.head = { x: cy * sp, y: sy * cp, z: -sy * sp, w: cy * cp };
      },
      { fov: fovDeg, yaw: HEAD_YAW_RAD, pitch: HEAD_PITCH_RAD },
    );

    // Paused: the headset shows the sphere at the frame on screen at once, without waiting for
    // play (the switch starts the stream again there; a switch at the next segment boundary
    // would wait for a boundary a paused stream never reaches, and the headset stayed black).
    const pausedAtS = await page.evaluate(() => window.__yunshanPlayer!.timeS());
    await page.getByTestId('look-open').click();
    await page.getByTestId('immersive-enter').click();
    await waitFor(
      page,
      'the sphere in the headset',
      () => {
        const cloud = window.__yunshanCloud;
        return cloud?.profile === 'sphere-2k' && (cloud.sphere?.immersiveFrames ?? 0) >= 10 && (window.__yunshanXR?.frames ?? 0) >= 10;
      },
      0,
      SPHERE_TIMEOUT_MS,
    );
    const stub = await readStub(page);
    assert.deepEqual(stub.supportedAsked, ['immersive-vr']);
    assert.deepEqual(stub.requested, [{ mode: 'immersive-vr', init: { requiredFeatures: ['local'] } }]);
    assert.deepEqual(stub.referenceSpaces, ['local'], 'seated space asked of the session');
    assert.equal(await page.getByTestId('calm-toggle').getAttribute('aria-pressed'), 'true', 'the headset keeps the calm pace');
    assert.equal((await readCloud(page)).sphere!.lastDrawn, null, 'the page’s own view is not drawn while the headset shows');

    const still = await readXR(page);
    close(still.timeS, pausedAtS, 1 / 30 + 1e-6, 'the headset shows the paused frame');
    assert.equal(await page.evaluate(() => window.__yunshanPlayer!.timeS()), pausedAtS, 'and the flight stayed paused');

    // Flying, the headset's frames step the stream: the sphere drawn moves on with the clock.
    await page.evaluate(() => window.__yunshanPlayer!.play());
    const flying = await readXR(page);
    await waitFor(page, 'the flight moving on in the headset', (from) => (window.__yunshanXR?.timeS ?? 0) > from + 1, flying.timeS);
    await page.evaluate(() => window.__yunshanPlayer!.pause());
    // Paused, the headset's frame settles on the clock's.
    await page.waitForTimeout(1000);
    const xr = await readXR(page);
    assert.ok(xr.timeS > flying.timeS, `the headset drew later frames as the flight flew (${flying.timeS} → ${xr.timeS})`);

    // The rig: on the route at the frame's time, facing its heading, level; the head's own turn on top of it.
    const rig = rigAt(fixture.route, xr.timeS, 0);
    xr.position.forEach((value, i) => close(value, rig.position[i], 1e-6, `rig position ${i}`));
    close(xr.forward[1], 0, 1e-9, 'the rig never pitches');
    close(xr.up[1], 1, 1e-9, 'the rig never rolls');
    close(Math.atan2(-xr.forward[0], -xr.forward[2]), rig.yawRad, 1e-6, 'the rig faces the route’s heading');
    assert.equal(xr.vignette, 0, 'paused, nothing turns: no vignette');
    const eye = yawPitchOf(xr.eyeForward!);
    close(wrap(eye.yawRad - rig.yawRad), HEAD_YAW_RAD, 1e-6, 'the eye looks where the head turned, left of the heading');
    close(eye.pitchRad, HEAD_PITCH_RAD, 1e-6, 'and down by the head’s pitch');

    // What the session drew (into the page's canvas, through the stub's layer) is the sphere's picture.
    const sphereCanvas = page.getByTestId('cloud-sphere-view');
    const inHeadset = await samplePixels(page, sphereCanvas);
    assert.ok(inHeadset.lumaStdDev > 5, `the headset shows a picture, not a blank: σ ${inHeadset.lumaStdDev}`);

    // The controller's grip: out, and the page's view goes on where the head looked, on the same frame.
    await page.evaluate(() =>
      (window as unknown as { __xrStub: { session: EventTarget } }).__xrStub.session.dispatchEvent(new Event('squeeze')),
    );
    await waitFor(page, 'the page’s view again', () => window.__yunshanCloud?.sphere?.lastDrawn != null);
    assert.equal((await readStub(page)).ended, 1, 'the grip ended the session');
    assert.equal(await page.getByTestId('calm-toggle').getAttribute('aria-pressed'), 'true');
    const after = (await readCloud(page)).sphere!;
    assert.equal(after.lastDrawn!.timeS, xr.timeS, 'the same frame');
    assert.ok(
      after.planarUploads > 0 && after.planarUploads === after.framesUploaded,
      `the decoder's planes went up as they are (${after.planarUploads} of ${after.framesUploaded})`,
    );
    after.lastDrawn!.view.forward.forEach((value, i) => close(value, xr.eyeForward![i], 1e-6, `the page looks where the eye did (${i})`));
    assert.equal(await page.getByTestId('immersive-leave').count(), 0);
    const onPage = await samplePixels(page, sphereCanvas);
    const difference = gridDifference(inHeadset, onPage);
    assert.ok(difference < SAME_PICTURE, `the page shows the picture the headset showed: differs by ${difference.toFixed(2)}`);

    // And it is the look that made it: facing the route's way again turns the picture.
    await page.evaluate(() => window.__yunshanLook!.set({ yawRad: 0, pitchRad: 0 }));
    await waitFor(page, 'the route’s own direction', () => window.__yunshanCloud?.sphere?.lastDrawn?.offset.yawRad === 0);
    const ahead = await samplePixels(page, sphereCanvas);
    assert.ok(gridDifference(ahead, onPage) > PICTURE_TURNED, 'facing ahead is another picture');
  } finally {
    await context.close();
  }
});

test('on the cloud path a headset whose session cannot be drawn into says so and ends it', async () => {
  const context = await browser.newContext({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 1 });
  try {
    await context.addInitScript(XR_STUB);
    // The context refuses to become XR-compatible, as a browser does when the GPU cannot serve the headset.
    await context.addInitScript(
      "WebGL2RenderingContext.prototype.makeXRCompatible = () => Promise.reject(new DOMException('no headset GPU', 'InvalidStateError'));",
    );
    const page = await context.newPage();
    await page.goto(fixture.tourUrl({ render: 'cloud', lang: 'en', autoplay: '0' }));
    await waitFor(page, 'the first frame', () => (window.__yunshanCloud?.framesShown ?? 0) > 0);
    await page.getByTestId('look-open').click();
    await page.getByTestId('immersive-enter').click();
    await page.getByTestId('immersive-failed').waitFor({ timeout: STREAM_TIMEOUT_MS });
    assert.equal((await readStub(page)).ended, 1, 'the session was ended, not left open and empty');
    assert.equal(await page.getByTestId('immersive-enter').isEnabled(), true, 'the visitor can try again');
  } finally {
    await context.close();
  }
});
