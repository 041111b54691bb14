// Looking around on the device path (issue 14), in headless Chromium against the real Next
// server: a drag on the picture turns the device's camera exactly as lookedQuaternion says, with
// no request or socket message to the server; let go, it eases back to the route's direction,
// or stays where it was left (the setting, remembered); Shift with the arrows turns it and R
// faces forward again; looking away marks the narrated sight where it is; a click that did not
// drag still plays, and the arrows still seek.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { lookedQuaternion, type LookOffset } from '@/scenes/routes/look-offset';
import { poseAt } from '@/scenes/routes/pose';
import type { DrawnLook } from '@/components/player/look/look-test-handle';
import { sightInPicture } from '@/components/player/look/sight-projection';

const SCENE_READY_TIMEOUT_MS = 120_000;
const WAIT_TIMEOUT_MS = 30_000;
/** Rotations this close (1 - |q·q'|) are the same camera; about 0.03° apart. */
const SAME_ROTATION = 1e-7;

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

function rotationGap(a: readonly number[], b: readonly number[]): number {
  return 1 - Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3]);
}

const readLook = (page: Page) => page.evaluate(() => window.__yunshanLook!.get());
const readDrawn = (page: Page) => page.evaluate(() => window.__yunshanLook!.drawn());

/** The camera the device drew is the route's pose at that time, turned by the look it drew with. */
function assertDrawnAsLooked(drawn: DrawnLook, what: string): void {
  const pose = poseAt(route, drawn.timeS);
  const expected = lookedQuaternion(pose.position, pose.lookAt, drawn.offset);
  assert.ok(
    rotationGap(drawn.quaternion, expected) < SAME_ROTATION,
    `${what}: camera ${drawn.quaternion} is not lookedQuaternion ${expected}`,
  );
  drawn.position.forEach((value, i) =>
    assert.ok(Math.abs(value - pose.position[i]) < 1e-3, `${what}: the camera left the route's position`),
  );
}

interface DrawnWanted {
  yawRad?: number;
  pitchRad?: number;
  timeS?: number;
}

/** Waits for a frame drawn with the wanted look (and time). A function, not a string: the page's CSP forbids eval. */
async function waitForDrawn(page: Page, wanted: DrawnWanted, what: string): Promise<DrawnLook> {
  try {
    await page.waitForFunction(
      (want) => {
        const drawn = window.__yunshanLook?.drawn();
        if (!drawn) return false;
        return (
          (want.yawRad === undefined || drawn.offset.yawRad === want.yawRad) &&
          (want.pitchRad === undefined || drawn.offset.pitchRad === want.pitchRad) &&
          (want.timeS === undefined || Math.abs(drawn.timeS - want.timeS) < 1e-6)
        );
      },
      wanted,
      { timeout: WAIT_TIMEOUT_MS, polling: 50 },
    );
  } catch (error) {
    throw new Error(
      `${what}: never drawn (${String(error).split('\n')[0]}); the look is ${JSON.stringify(await readLook(page))}, drawn ${JSON.stringify(await readDrawn(page))}`,
      { cause: error },
    );
  }
  return (await readDrawn(page))!;
}

async function drag(page: Page, from: { x: number; y: number }, byX: number, byY: number, release = true): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + byX, from.y + byY, { steps: 12 });
  if (release) await page.mouse.up();
}

test('on the device, a drag and the keys turn the camera by lookedQuaternion, with nothing asked of the server', async () => {
  const context = await browser.newContext({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${server.baseUrl}/tours/${route.id}?render=local&tier=phone&autoplay=0&lang=en`);
    assert.equal(response?.status(), 200);
    await page.locator('[data-testid="flight-canvas"] [data-ready="true"]').waitFor({ state: 'attached', timeout: SCENE_READY_TIMEOUT_MS });
    await page.evaluate(() => window.__yunshanPlayer!.seek(12));
    const atRest = await waitForDrawn(page, { timeS: 12 }, 'the sought moment');
    assert.deepEqual(atRest.offset, { yawRad: 0, pitchRad: 0 });
    assert.ok(rotationGap(atRest.quaternion, poseAt(route, 12).quaternion) < SAME_ROTATION, 'no look: the route camera itself');

    // From here on, nothing the look does may reach the server.
    const requests: string[] = [];
    const socketMessages: string[] = [];
    page.on('request', (request) => {
      // The look panel's own code loads on its first opening (LookControls): the site's script, not the look asking anything.
      if (request.resourceType() === 'script' && new URL(request.url()).pathname.startsWith('/_next/static/')) return;
      requests.push(request.url());
    });
    page.on('websocket', (socket) => socket.on('framesent', (frame) => socketMessages.push(String(frame.payload).slice(0, 80))));

    // A drag right and down, held: the view turns left and up, and the paused picture redraws.
    const stage = (await page.getByTestId('flight-canvas').boundingBox())!;
    const grip = { x: stage.x + stage.width * 0.3, y: stage.y + stage.height * 0.4 };
    await drag(page, grip, 160, 50, false);
    const held = await readLook(page);
    assert.ok(held.yawRad > 0.1 && held.pitchRad > 0.03, `a drag right and down turns left and up: ${JSON.stringify(held)}`);
    const heldDrawn = await waitForDrawn(page, held, 'the held look');
    assertDrawnAsLooked(heldDrawn, 'held');
    assert.ok(rotationGap(heldDrawn.quaternion, poseAt(route, 12).quaternion) > 1e-3, 'the camera turned');

    // Let go: the click that ends a drag does not play the flight, and the view eases home.
    await page.mouse.up();
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.__yunshanPlayer!.playing()), false, 'a drag is not a click');
    const home = await waitForDrawn(page, { yawRad: 0, pitchRad: 0 }, 'easing home');
    assertDrawnAsLooked(home, 'home');
    assert.ok(rotationGap(home.quaternion, poseAt(route, 12).quaternion) < SAME_ROTATION, 'home is the route camera again');
    assert.equal(await page.evaluate(() => window.__yunshanLook!.moving()), false);

    // "Stay": the view stays where the visitor leaves it.
    await page.getByTestId('look-open').click();
    await page.getByTestId('look-release-stay').click();
    await page.getByTestId('look-open').click();
    await drag(page, grip, -120, 0);
    const left = await readLook(page);
    assert.ok(left.yawRad < -0.1, `a drag left turns right: ${JSON.stringify(left)}`);
    await page.waitForTimeout(1500);
    assert.deepEqual(await readLook(page), left, 'it stayed');
    const stayed = await waitForDrawn(page, left, 'the look left there');
    assertDrawnAsLooked(stayed, 'stayed');

    // Looking away, the sight being narrated is marked where it is (in the picture or off its edge).
    const sight = route.pointsOfInterest.find((poi) => stayed.timeS >= poi.timeS && stayed.timeS <= poi.timeS + poi.dwellS)!;
    const marker = page.getByTestId('sight-marker');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="sight-marker"]')?.getAttribute('data-shown') === 'true',
      undefined,
      {
        timeout: WAIT_TIMEOUT_MS,
      },
    );
    assert.equal(await marker.innerText(), sight.title.en);
    const expected = sightInPicture(stayed, stage.width / stage.height, sight.position);
    assert.equal(await marker.getAttribute('data-on-screen'), String(expected.onScreen));

    // Keys: Shift with an arrow turns while held; plain arrows still seek, not turn.
    const timeBefore = await page.evaluate(() => window.__yunshanPlayer!.timeS());
    await page.keyboard.down('Shift');
    await page.keyboard.down('ArrowLeft');
    await page.waitForTimeout(400);
    await page.keyboard.up('ArrowLeft');
    await page.keyboard.down('ArrowUp');
    await page.waitForTimeout(300);
    await page.keyboard.up('ArrowUp');
    await page.keyboard.up('Shift');
    const turned: LookOffset = await readLook(page);
    assert.ok(turned.yawRad > left.yawRad + 0.1, `Shift+← turned left: ${left.yawRad} → ${turned.yawRad}`);
    assert.ok(turned.pitchRad > left.pitchRad + 0.05, `Shift+↑ looked up: ${left.pitchRad} → ${turned.pitchRad}`);
    assert.equal(await page.evaluate(() => window.__yunshanPlayer!.timeS()), timeBefore, 'Shift+arrows do not seek');
    assertDrawnAsLooked(await waitForDrawn(page, turned, 'the keyed look'), 'keys');

    // R faces forward again, even under "stay".
    await page.keyboard.press('r');
    assertDrawnAsLooked(await waitForDrawn(page, { yawRad: 0, pitchRad: 0 }, 'after R'), 'recentred');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="sight-marker"]')?.getAttribute('data-shown') === 'false',
      undefined,
      {
        timeout: WAIT_TIMEOUT_MS,
      },
    );

    assert.deepEqual(requests, [], 'looking around asked the server for nothing');
    assert.deepEqual(socketMessages, [], 'looking around sent no socket message');

    // A click that does not drag still plays, as before; a plain arrow still seeks.
    await page.mouse.click(grip.x, grip.y);
    await page.waitForFunction(() => window.__yunshanPlayer!.playing(), undefined, { timeout: WAIT_TIMEOUT_MS });
    await page.evaluate(() => window.__yunshanPlayer!.pause());
    const pausedAt = await page.evaluate(() => window.__yunshanPlayer!.timeS());
    await page.keyboard.press('ArrowRight');
    const sought = await page.evaluate(() => window.__yunshanPlayer!.timeS());
    assert.ok(Math.abs(sought - (pausedAt + 5)) < 0.01, `→ seeks 5 s: ${pausedAt} → ${sought}`);

    // The setting is remembered on this device.
    await page.reload();
    await page.waitForFunction(() => window.__yunshanLook !== undefined, undefined, { timeout: WAIT_TIMEOUT_MS });
    assert.equal(await page.evaluate(() => window.__yunshanLook!.release()), 'stay');
  } finally {
    await context.close();
  }
});
