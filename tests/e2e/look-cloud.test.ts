// Looking around on the cloud path (issue 14), in headless Chromium against the real render
// server and Next server, streaming a route baked with its 2k sphere. Watching only, the
// stream is flat; the first look away moves it to the sphere on the same session (no new
// join), with "360° view loading" until the first sphere frame. Then a drag turns the view
// with no HTTP request and no message to the server for it (the routine acks and stats go on,
// on their timers), while frames keep arriving; the view drawn is the device camera's for that
// look (lookedQuaternion), the picture on screen changes, and the sight marks sit where the
// sights are. With data saver on, a look away says it cannot turn rather than doing nothing.
// The sphere bake (601 frames, six views each) is made once per scene version and shared
// through the fixture's frames folder (cloudFixtureFramesDir); the log says how long it took.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startCloudStreamFixture, type CloudStreamFixture } from '../helpers/cloud-stream-fixture';
import { linkFramesWithout } from '../helpers/linked-frames';
import { gridDifference, samplePixels } from '../helpers/page-pixels';
import { lookedQuaternion, type LookOffset } from '@/scenes/routes/look-offset';
import type { Quaternion } from '@/scenes/routes/camera-orientation';
import type { Vec3 } from '@/scenes/routes/route-schema';
import { poseAt } from '@/scenes/routes/pose';
import { sightMarksIn } from '@/components/player/cloud/sphere-look';
import type { YunshanCloudHandle } from '@/components/player/cloud/cloud-test-handle';

const STREAM_TIMEOUT_MS = 60_000;
/** The switch lands at the next segment boundary after the ~2 s the server keeps ahead, and the sphere's segments are big. */
const SPHERE_TIMEOUT_MS = 60_000;
/** Axes this close (per component) are the same direction. */
const SAME_AXIS = 1e-4;
/** A turn of the view moves the picture far more than this (mean luminance levels over a 32×18 grid). */
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

type CloudReading = Pick<YunshanCloudHandle, 'state' | 'profile' | 'lookAround' | 'framesShown' | 'sentMessages' | 'sphere'>;

function readCloud(page: Page): Promise<CloudReading> {
  return page.evaluate(() => {
    const cloud = window.__yunshanCloud!;
    const { state, profile, lookAround, framesShown, sentMessages, sphere } = cloud;
    return { state, profile, lookAround, framesShown, sentMessages, sphere };
  });
}

const readLook = (page: Page) => page.evaluate(() => window.__yunshanLook!.get());

/** Waits for a page function to hold. A function, not a string: the page's CSP forbids eval. */
async function waitForCloud(page: Page, what: string, check: () => boolean, timeout = STREAM_TIMEOUT_MS): Promise<CloudReading> {
  try {
    await page.waitForFunction(check, undefined, { timeout, polling: 50 });
  } catch (error) {
    throw new Error(`${what}: ${String(error).split('\n')[0]}; the stream reads ${JSON.stringify(await readCloud(page))}`, {
      cause: error,
    });
  }
  return readCloud(page);
}

/** Waits until the sphere view was last drawn with exactly this look. */
async function waitForDrawnLook(page: Page, look: LookOffset, what: string): Promise<NonNullable<CloudReading['sphere']>> {
  try {
    await page.waitForFunction(
      (want) => {
        const drawn = window.__yunshanCloud?.sphere?.lastDrawn;
        return drawn != null && drawn.offset.yawRad === want.yawRad && drawn.offset.pitchRad === want.pitchRad;
      },
      look,
      { timeout: STREAM_TIMEOUT_MS, polling: 50 },
    );
  } catch (error) {
    throw new Error(`${what}: never drawn with ${JSON.stringify(look)}; the stream reads ${JSON.stringify(await readCloud(page))}`, {
      cause: error,
    });
  }
  return (await readCloud(page)).sphere!;
}

async function drag(page: Page, from: { x: number; y: number }, byX: number, byY: number): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + byX, from.y + byY, { steps: 12 });
  await page.mouse.up();
}

function rotate(q: Quaternion, v: Vec3): Vec3 {
  const [x, y, z, w] = q;
  const t: Vec3 = [2 * (y * v[2] - z * v[1]), 2 * (z * v[0] - x * v[2]), 2 * (x * v[1] - y * v[0])];
  return [v[0] + w * t[0] + (y * t[2] - z * t[1]), v[1] + w * t[1] + (z * t[0] - x * t[2]), v[2] + w * t[2] + (x * t[1] - y * t[0])];
}

/** The sphere view's axes are the device camera's for the same moment and look (lookedQuaternion): one picture on both paths. */
function assertViewIsTheCamera(drawn: NonNullable<NonNullable<CloudReading['sphere']>['lastDrawn']>, what: string): void {
  const pose = poseAt(fixture.route, drawn.timeS);
  const camera = lookedQuaternion(pose.position, pose.lookAt, drawn.offset);
  const axes: [keyof typeof drawn.view, Vec3][] = [
    ['forward', [0, 0, -1]],
    ['right', [1, 0, 0]],
    ['up', [0, 1, 0]],
  ];
  for (const [axis, local] of axes) {
    const expected = rotate(camera, local);
    const got = drawn.view[axis] as Vec3;
    assert.ok(
      got.every((value, i) => Math.abs(value - expected[i]) < SAME_AXIS),
      `${what}: the view's ${axis} ${JSON.stringify(got)} is not the camera's ${JSON.stringify(expected)}`,
    );
  }
}

/** Socket.io event names in WebSocket frames the page sent; engine.io's own packets (pong) are named by type. */
function socketEventName(payload: string): string {
  const match = /^4\d*(\[.*)$/s.exec(payload);
  if (match === null) return `engine.io:${payload.slice(0, 1)}`;
  const packet = JSON.parse(match[1]) as unknown[];
  return String(packet[0]);
}

test('watching, the stream is flat; a look away brings the sphere on the same session, and a drag then turns it with nothing sent for it', async () => {
  const context = await browser.newContext({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    // Every socket frame the page sends, into whichever window is being counted.
    let counting: { requests: string[]; socket: string[] } | null = null;
    page.on('websocket', (socket) => socket.on('framesent', (frame) => counting?.socket.push(socketEventName(String(frame.payload)))));
    page.on('request', (request) => counting?.requests.push(request.url()));

    await page.goto(fixture.tourUrl({ render: 'cloud', lang: 'en', autoplay: '0' }));
    const watching = await waitForCloud(page, 'the first frame', () => (window.__yunshanCloud?.framesShown ?? 0) > 0);
    assert.equal(watching.lookAround, 'off');
    assert.notEqual(watching.profile, 'sphere-2k', 'watching only: the flat stream');
    assert.equal(watching.sphere, null, 'no sphere view (and no WebGL context) for a visitor who only watches');
    const joins = watching.sentMessages.join;
    assert.ok(joins >= 1);

    await page.evaluate(() => {
      window.__yunshanLook!.setRelease('stay');
      window.__yunshanPlayer!.play();
    });
    await page.waitForFunction(() => window.__yunshanPlayer!.timeS() > 1, undefined, { timeout: STREAM_TIMEOUT_MS });

    // The first look away: a drag on the picture. The flat picture cannot turn: the view says the sphere is coming.
    const stage = (await page.getByTestId('flight-canvas').boundingBox())!;
    const grip = { x: stage.x + stage.width * 0.35, y: stage.y + stage.height * 0.5 };
    await drag(page, grip, 140, 0);
    const firstLook = await readLook(page);
    assert.ok(firstLook.yawRad > 0.1, `a drag right turns left: ${JSON.stringify(firstLook)}`);
    const loading = page.getByTestId('cloud-look-notice');
    await loading.waitFor({ timeout: SPHERE_TIMEOUT_MS });
    assert.equal(await loading.getAttribute('data-look'), 'loading');
    assert.equal(await loading.textContent(), '360° view loading…');

    const sphere = await waitForCloud(
      page,
      'the sphere on screen',
      () => {
        const cloud = window.__yunshanCloud;
        return cloud?.lookAround === 'sphere' && cloud.profile === 'sphere-2k' && cloud.sphere?.showing === true;
      },
      SPHERE_TIMEOUT_MS,
    );
    assert.equal(sphere.state, 'streaming');
    assert.equal(sphere.sentMessages.join, joins, 'the switch kept the session: no new join');
    assert.ok((sphere.sentMessages['control:profile'] ?? 0) >= 1, 'the switch was asked for (a profile control)');
    await page.getByTestId('cloud-look-notice').waitFor({ state: 'detached', timeout: STREAM_TIMEOUT_MS });
    assert.equal(await page.getByTestId('cloud-sphere-view').isVisible(), true, 'the sphere view is shown');
    assertViewIsTheCamera((await waitForDrawnLook(page, firstLook, 'the first look')).lastDrawn!, 'first look');

    // A drag while the flight plays, counted: nothing goes to the server for it. The page's
    // own lazy loads (the device probe's warm-up scripts after play) finish first: they are
    // not the drag's, and would otherwise land in the count by chance of timing.
    await page.waitForLoadState('networkidle');
    const before = await readCloud(page);
    counting = { requests: [], socket: [] };
    await drag(page, grip, -260, 60);
    const turned = await readLook(page);
    assert.ok(turned.yawRad < firstLook.yawRad - 0.2 && turned.pitchRad > 0.03, `the drag turned the look: ${JSON.stringify(turned)}`);
    const drawn = await waitForDrawnLook(page, turned, 'the turned look');
    await page.waitForFunction((shown) => window.__yunshanCloud!.framesShown > shown + 15, before.framesShown, {
      timeout: STREAM_TIMEOUT_MS,
    });
    const during = counting;
    counting = null;
    const afterDrag = await readCloud(page);
    assert.deepEqual(during.requests, [], 'no HTTP request for the drag');
    // Acks and stats go out on the client's own timers whatever the look does; nothing else may.
    const routine = new Set(['ack', 'stats', 'engine.io:3']);
    assert.deepEqual(
      during.socket.filter((name) => !routine.has(name)),
      [],
      `socket messages during the drag: ${during.socket.join(', ')}`,
    );
    for (const [name, count] of Object.entries(afterDrag.sentMessages)) {
      if (name !== 'ack' && name !== 'stats') assert.equal(count, before.sentMessages[name], `no '${name}' sent for the drag`);
    }
    assert.ok(afterDrag.framesShown > before.framesShown + 15, 'frames kept arriving and showing');
    assert.ok(drawn.lookRedraws > before.sphere!.lookRedraws || drawn.sphereViews > before.sphere!.sphereViews, 'the view was redrawn');
    assertViewIsTheCamera(drawn.lastDrawn!, 'turned');
    assert.equal(afterDrag.profile, 'sphere-2k');

    // Paused, a turn redraws the frame already there: the picture changes with no new frame.
    await page.evaluate(() => window.__yunshanPlayer!.pause());
    await page.waitForTimeout(400);
    const pausedBefore = await readCloud(page);
    const picture = page.getByTestId('flight-canvas');
    const ahead = await samplePixels(page, picture);
    await drag(page, grip, 300, 0);
    const away = await readLook(page);
    const pausedDrawn = await waitForDrawnLook(page, away, 'the paused turn');
    const turnedPicture = await samplePixels(page, picture);
    const pausedAfter = await readCloud(page);
    assert.equal(pausedAfter.framesShown, pausedBefore.framesShown, 'no new frame while paused');
    assert.ok(pausedDrawn.lookRedraws > pausedBefore.sphere!.lookRedraws, 'the turn redrew the frame on the GPU');
    const moved = gridDifference(ahead, turnedPicture);
    assert.ok(moved > PICTURE_TURNED, `the picture changed by ${moved.toFixed(1)} luma levels`);
    assertViewIsTheCamera(pausedDrawn.lastDrawn!, 'paused');

    // The sight marks sit where the sights are: the summit, near where the route looks, in view at a small look.
    const near = { yawRad: 0.12, pitchRad: 0.1 };
    await page.evaluate((look) => window.__yunshanLook!.set(look), near);
    const nearDrawn = (await waitForDrawnLook(page, near, 'a small look')).lastDrawn!;
    const expected = sightMarksIn(fixture.route, nearDrawn.view, poseAt(fixture.route, nearDrawn.timeS).position);
    assert.ok(expected.length > 0, 'the summit is in this view');
    for (const mark of expected) {
      const element = page.locator(`[data-testid="flight-canvas"] [data-sight="${mark.id}"]`);
      await element.waitFor({ state: 'visible', timeout: STREAM_TIMEOUT_MS });
      const box = (await element.boundingBox())!;
      const layer = (await page.getByTestId('cloud-sphere-view').boundingBox())!;
      const at = { x: box.x + box.width / 2 - layer.x, y: box.y + box.height / 2 - layer.y };
      assert.ok(
        Math.abs(at.x - mark.x * layer.width) < 2 && Math.abs(at.y - mark.y * layer.height) < 2,
        `${mark.id} marked at ${JSON.stringify(at)}, its sight at ${(mark.x * layer.width).toFixed(1)}, ${(mark.y * layer.height).toFixed(1)}`,
      );
    }
    // Looking the other way, no sight is in view and none is marked.
    const behind = { yawRad: Math.PI * 0.9, pitchRad: 0 };
    await page.evaluate((look) => window.__yunshanLook!.set(look), behind);
    const behindDrawn = (await waitForDrawnLook(page, behind, 'looking back')).lastDrawn!;
    assert.deepEqual(sightMarksIn(fixture.route, behindDrawn.view, poseAt(fixture.route, behindDrawn.timeS).position), []);
    assert.equal(await page.locator('[data-testid="flight-canvas"] [data-sight]:visible').count(), 0, 'no mark when no sight is in view');
  } finally {
    await context.close();
  }
});

test('paused, a look away brings the sphere at the frame on screen without waiting for play', async () => {
  const context = await browser.newContext({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(fixture.tourUrl({ render: 'cloud', lang: 'en', autoplay: '0', t: '7' }));
    await waitForCloud(page, 'the first frame', () => (window.__yunshanCloud?.framesShown ?? 0) > 0);
    const pausedAtS = await page.evaluate(() => window.__yunshanPlayer!.timeS());
    // The look stays where the drag leaves it (by default it eases back to the route's direction).
    await page.evaluate(() => window.__yunshanLook!.setRelease('stay'));
    const stage = (await page.getByTestId('flight-canvas').boundingBox())!;
    await drag(page, { x: stage.x + stage.width * 0.35, y: stage.y + stage.height * 0.5 }, 140, 0);
    const look = await readLook(page);
    // A switch that waited for the next segment boundary never landed here: a paused stream does not reach it.
    const sphere = await waitForCloud(
      page,
      'the sphere on screen, paused',
      () => window.__yunshanCloud?.profile === 'sphere-2k' && window.__yunshanCloud.sphere?.showing === true,
      SPHERE_TIMEOUT_MS,
    );
    assert.equal(sphere.lookAround, 'sphere');
    assert.equal(await page.evaluate(() => window.__yunshanPlayer!.timeS()), pausedAtS, 'the flight stayed paused');
    const drawn = await waitForDrawnLook(page, look, 'the look, paused');
    assert.ok(
      Math.abs(drawn.lastDrawn!.timeS - pausedAtS) <= 1 / 30 + 1e-6,
      `the sphere shows the paused frame (${drawn.lastDrawn!.timeS} vs ${pausedAtS})`,
    );
    assertViewIsTheCamera(drawn.lastDrawn!, 'paused look');
  } finally {
    await context.close();
  }
});

test('with data saver on, a look away says the cloud cannot turn and offers the device; the stream stays flat', async () => {
  const context = await browser.newContext({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 1 });
  try {
    await context.addInitScript(() => window.localStorage.setItem('yunshan.cloud.dataSaver', '1'));
    const page = await context.newPage();
    await page.goto(fixture.tourUrl({ render: 'cloud', lang: 'zh', autoplay: '0' }));
    await waitForCloud(page, 'the first frame', () => (window.__yunshanCloud?.framesShown ?? 0) > 0);
    const stage = (await page.getByTestId('flight-canvas').boundingBox())!;
    await drag(page, { x: stage.x + stage.width * 0.35, y: stage.y + stage.height * 0.5 }, 140, 0);
    const notice = page.getByTestId('cloud-look-notice');
    await notice.waitFor({ timeout: STREAM_TIMEOUT_MS });
    assert.equal(await notice.getAttribute('data-look'), 'data-saver');
    assert.match((await notice.textContent()) ?? '', /省流模式已开启/);
    assert.equal(await page.getByTestId('cloud-look-use-device').isVisible(), true);
    const reading = await readCloud(page);
    assert.equal(reading.lookAround, 'data-saver');
    assert.notEqual(reading.profile, 'sphere-2k');
    assert.equal(reading.sentMessages['control:profile'] ?? 0, 0, 'no switch asked for');
  } finally {
    await context.close();
  }
});

test('a flight baked without its sphere: a look away says looking around is not ready in the cloud and offers the device', async () => {
  // The same bake less its 2k sphere, streamed by a second render server and page server.
  const framesDir = linkFramesWithout(fixture.framesDir, ['sphere-2k']);
  const flatOnly = await startCloudStreamFixture({ framesDir });
  const context = await browser.newContext({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(flatOnly.tourUrl({ render: 'cloud', lang: 'en', autoplay: '0' }));
    await waitForCloud(page, 'the first frame', () => (window.__yunshanCloud?.framesShown ?? 0) > 0);
    const stage = (await page.getByTestId('flight-canvas').boundingBox())!;
    await drag(page, { x: stage.x + stage.width * 0.35, y: stage.y + stage.height * 0.5 }, 140, 0);
    const notice = page.getByTestId('cloud-look-notice');
    await notice.waitFor({ timeout: STREAM_TIMEOUT_MS });
    assert.equal(await notice.getAttribute('data-look'), 'not-baked');
    assert.match((await notice.textContent()) ?? '', /not ready in the cloud/);
    assert.equal(await page.getByTestId('cloud-look-use-device').isVisible(), true);
    const reading = await readCloud(page);
    assert.equal(reading.lookAround, 'not-baked');
    assert.notEqual(reading.profile, 'sphere-2k');
    assert.equal(reading.sentMessages['control:profile'] ?? 0, 0, 'no switch asked for');
  } finally {
    await context.close();
    await flatOnly.stop();
    fs.rmSync(framesDir, { recursive: true, force: true });
  }
});

test('without WebGL2, a look away says the cloud cannot turn here and offers the device; the stream stays flat', async () => {
  // A browser with no 3D APIs at all: the flat stream still plays (a 2D canvas), the sphere view cannot be made.
  const flatBrowser = await launchChromium(['--disable-3d-apis']);
  try {
    const page = await flatBrowser.newPage({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 1 });
    await page.goto(fixture.tourUrl({ render: 'cloud', lang: 'en', autoplay: '0' }));
    await waitForCloud(page, 'the first frame', () => (window.__yunshanCloud?.framesShown ?? 0) > 0);
    const stage = (await page.getByTestId('flight-canvas').boundingBox())!;
    await drag(page, { x: stage.x + stage.width * 0.35, y: stage.y + stage.height * 0.5 }, 140, 0);
    const notice = page.getByTestId('cloud-look-notice');
    await notice.waitFor({ timeout: STREAM_TIMEOUT_MS });
    assert.equal(await notice.getAttribute('data-look'), 'unsupported');
    assert.equal(await page.getByTestId('cloud-look-use-device').isVisible(), true);
    const reading = await readCloud(page);
    assert.equal(reading.lookAround, 'unsupported');
    assert.equal(reading.sphere, null, 'no sphere view');
    assert.notEqual(reading.profile, 'sphere-2k');
    assert.equal(reading.sentMessages['control:profile'] ?? 0, 0, 'no switch asked for');
    // Flying, the flat picture plays on.
    await page.evaluate(() => window.__yunshanPlayer!.play());
    await page.waitForFunction((shown) => window.__yunshanCloud!.framesShown > shown + 10, reading.framesShown, {
      timeout: STREAM_TIMEOUT_MS,
    });
  } finally {
    await flatBrowser.close();
  }
});
