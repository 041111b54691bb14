// A cloud flight in Debian Chromium against the real render server and the real Next
// server: a baked 20 s route streamed over a WebRTC data channel and decoded with
// WebCodecs onto the player's flight clock, in VP9 (this Chromium decodes it, and the bake
// encodes a VP9 twin beside each VP8 profile), or VP8 where the browser reports no VP9. First frame, 10 s of flight shown in order with
// every frame accounted for, pause and seek, a forced peer close that resumes where it was, baked
// segments over HTTP when WebRTC is blocked, and a route not baked yet in both languages.
// Rates (frames a second, drop shares) are measured in `npm run bench:player`, never asserted
// here: on a shared 2-core machine they fail one run in a few without anything being wrong.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startCloudStreamFixture, type CloudStreamFixture } from '../helpers/cloud-stream-fixture';
import { measureCloudFirstFrameOnce } from '../helpers/cloud-first-frame';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { frameIndexForTime } from '@/components/player/cloud/frame-for-time';
import type { YunshanCloudHandle } from '@/components/player/cloud/cloud-test-handle';

const FRAME_COUNT = 601;
/** Bounds hangs (a cold Chromium, a loaded CI machine), not speed. */
const STREAM_TIMEOUT_MS = 30_000;

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

interface CloudReading {
  nowMs: number;
  timeS: number;
  playing: boolean;
  state: string;
  transport: string | null;
  profile: string | null;
  framesDecoded: number;
  framesShown: number;
  dropped: number;
  lastShownFrameIndex: number;
  framesByCodec: { vp8: number; vp9: number; jpeg: number };
}

function read(page: Page): Promise<CloudReading> {
  return page.evaluate(() => {
    const cloud = window.__yunshanCloud as YunshanCloudHandle;
    const player = window.__yunshanPlayer!;
    return {
      nowMs: performance.now(),
      timeS: player.timeS(),
      playing: player.playing(),
      state: cloud.state,
      transport: cloud.transport,
      profile: cloud.profile,
      framesDecoded: cloud.framesDecoded,
      framesShown: cloud.framesShown,
      dropped: cloud.dropped,
      lastShownFrameIndex: cloud.lastShownFrameIndex,
      framesByCodec: cloud.framesByCodec,
    };
  });
}

async function openCloudFlight(context: BrowserContext, query: Record<string, string> = {}): Promise<Page> {
  const page = await context.newPage();
  await page.goto(fixture.tourUrl({ render: 'cloud', lang: 'en', ...query }));
  await page.waitForFunction(() => (window.__yunshanCloud?.framesShown ?? 0) > 0, undefined, { timeout: STREAM_TIMEOUT_MS });
  return page;
}

/** Waits until the frame on the canvas is the one the flight clock names (paused), or close to it (playing). */
async function waitForFrameAtClock(page: Page, toleranceFrames: number): Promise<CloudReading> {
  await page.waitForFunction(
    ({ frameCount, tolerance }) => {
      const cloud = window.__yunshanCloud;
      const player = window.__yunshanPlayer;
      if (!cloud || !player) return false;
      const wanted = Math.min(frameCount - 1, Math.round(player.timeS() * 30));
      return Math.abs(cloud.lastShownFrameIndex - wanted) <= tolerance;
    },
    { frameCount: FRAME_COUNT, tolerance: toleranceFrames },
    { timeout: STREAM_TIMEOUT_MS, polling: 50 },
  );
  return read(page);
}

/** Waits for the cloud status card (not baked, busy, unreachable); a timeout says what the stream was doing instead. */
async function waitForStatusCard(page: Page): Promise<void> {
  try {
    await page.getByTestId('cloud-status').waitFor({ timeout: STREAM_TIMEOUT_MS });
  } catch (error) {
    const cloud = await page.evaluate(() => ({ state: window.__yunshanCloud?.state, problem: window.__yunshanCloud?.problem }));
    throw new Error(`no status card; the cloud view is ${JSON.stringify(cloud)}`, { cause: error });
  }
}

/** Mean brightness of the cloud canvas, 0–255: a black canvas reads near 0. */
function canvasBrightness(page: Page): Promise<number> {
  return page.evaluate(() => {
    const source = document.querySelector<HTMLCanvasElement>('[data-testid="cloud-view"] canvas')!;
    const probe = document.createElement('canvas');
    probe.width = 32;
    probe.height = 18;
    const context = probe.getContext('2d')!;
    context.drawImage(source, 0, 0, probe.width, probe.height);
    const pixels = context.getImageData(0, 0, probe.width, probe.height).data;
    let sum = 0;
    for (let i = 0; i < pixels.length; i += 4) sum += (pixels[i] + pixels[i + 1] + pixels[i + 2]) / 3;
    return sum / (pixels.length / 4);
  });
}

/**
 * Samples the index of the frame on the canvas every animation frame until the flight clock
 * passes `untilS`, and returns the distinct indices in the order they appeared.
 */
async function watchShownFrames(page: Page, untilS: number): Promise<number[]> {
  // Source text, not a function: tsx would wrap a named inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    const seen = [];
    window.__shownOrder = seen;
    function sample() {
      const index = window.__yunshanCloud?.lastShownFrameIndex ?? -1;
      if (seen.at(-1) !== index) seen.push(index);
      requestAnimationFrame(sample);
    }
    requestAnimationFrame(sample);
  })()`);
  await page.waitForFunction((until) => window.__yunshanPlayer!.timeS() > until, untilS, { timeout: STREAM_TIMEOUT_MS });
  return page.evaluate(() => (window as unknown as { __shownOrder: number[] }).__shownOrder);
}

function assertInOrder(indices: readonly number[]): void {
  assert.ok(indices.length > 1, 'the picture changed');
  indices
    .slice(1)
    .forEach((index, i) => assert.ok(index > indices[i], `frame ${index} shown after frame ${indices[i]}: frames go forward`));
}

describe('cloud flight over WebRTC', () => {
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  });
  after(async () => {
    await context?.close();
  });

  test('the first frame arrives over the data channel, decoded from VP9, and it is a picture', async () => {
    const sample = await measureCloudFirstFrameOnce(browser, fixture.tourUrl({ render: 'cloud', lang: 'en' }), STREAM_TIMEOUT_MS);
    console.log(
      `# time to first frame: ${Math.round(sample.clientStartToDecodedMs)} ms from client start, ${Math.round(sample.readyToDecodedMs)} ms from join, ${Math.round(sample.navigationToShownMs)} ms from navigation (${sample.transport})`,
    );
    assert.ok(Number.isFinite(sample.clientStartToDecodedMs) && sample.clientStartToDecodedMs > 0);

    page = await openCloudFlight(context);
    const first = await read(page);
    assert.equal(first.state, 'streaming');
    assert.equal(first.profile, '360p-vp9', 'a browser that decodes VP9 streams the VP9 twin');
    assert.ok(first.framesByCodec.vp9 > 0, 'VP9 frames reached the decoder');
    assert.equal(first.framesByCodec.vp8, 0, 'and no VP8 frame');
    assert.equal(first.lastShownFrameIndex, 0, 'paused at the start, the canvas shows frame 0');
    await page.waitForFunction(() => window.__yunshanCloud?.transport === 'webrtc', undefined, { timeout: STREAM_TIMEOUT_MS });
    assert.ok((await canvasBrightness(page)) > 25, 'the canvas holds the sunrise landscape, not black');
    assert.equal(await page.getByTestId('render-path-cloud').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByTestId('flight-canvas').getAttribute('data-render-path'), 'cloud');
  });

  test('plays 10 s of flight with frames shown in order and every frame the playhead passed accounted for', async () => {
    await page.evaluate(() => window.__yunshanPlayer!.play());
    // Settle: the server refills two seconds ahead once the clock runs.
    await page.waitForFunction(() => window.__yunshanPlayer!.timeS() > 1.5, undefined, { timeout: STREAM_TIMEOUT_MS });
    const start = await read(page);
    const shownOrder = await watchShownFrames(page, 12);
    // The picture is where the clock is (within a few frames), not somewhere behind it.
    const end = await waitForFrameAtClock(page, 3);
    const windowS = (end.nowMs - start.nowMs) / 1000;
    const shown = end.framesShown - start.framesShown;
    const dropped = end.dropped - start.dropped;
    const advanced = end.lastShownFrameIndex - start.lastShownFrameIndex;
    const fps = shown / windowS;
    console.log(
      `# ${shown} frames shown in ${windowS.toFixed(2)} s (${fps.toFixed(1)} fps), ${dropped} dropped, playhead advanced ${advanced} frames`,
    );
    assert.equal(end.transport, 'webrtc');
    assert.ok(end.timeS - start.timeS >= 10, `the window covers 10 s of flight (${(end.timeS - start.timeS).toFixed(2)} s)`);
    assert.ok(shown > 0, 'frames were shown while the flight played');
    assert.ok(Math.abs(advanced - (shown + dropped)) <= 2, 'every frame the playhead passed was shown or counted as dropped');
    assertInOrder(shownOrder);
  });

  test('pause holds the frame the clock names; seeks land on their frame, forward and back', async () => {
    await page.evaluate(() => window.__yunshanPlayer!.pause());
    const paused = await waitForFrameAtClock(page, 0);
    assert.equal(paused.playing, false);
    await page.waitForTimeout(600);
    const later = await read(page);
    assert.equal(later.lastShownFrameIndex, paused.lastShownFrameIndex, 'a paused flight keeps its picture');
    assert.equal(later.lastShownFrameIndex, frameIndexForTime(later.timeS, FRAME_COUNT));

    await page.evaluate(() => window.__yunshanPlayer!.seek(15.5));
    const forward = await waitForFrameAtClock(page, 0);
    assert.equal(forward.lastShownFrameIndex, 465, 'seek to 15.5 s shows frame 465, decoded on from the keyframe at 15 s');

    await page.evaluate(() => window.__yunshanPlayer!.seek(3.2));
    const back = await waitForFrameAtClock(page, 0);
    assert.equal(back.lastShownFrameIndex, 96);
    assert.ok((await canvasBrightness(page)) > 25, 'no black frame after seeking');

    await page.evaluate(() => window.__yunshanPlayer!.play());
    await page.waitForFunction(() => window.__yunshanPlayer!.timeS() > 4.5, undefined, { timeout: STREAM_TIMEOUT_MS });
    const playing = await waitForFrameAtClock(page, 2);
    assert.ok(playing.lastShownFrameIndex > 130, 'frames move on from the seek');
    await page.evaluate(() => window.__yunshanPlayer!.pause());
  });
});

describe('adaptive quality', () => {
  test('on a fast link the player steps up to 540p (VP9) at a keyframe and plays on; data saver takes it back to 360p', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const page = await openCloudFlight(context);
      await page.evaluate(() => window.__yunshanPlayer!.play());
      // Drawn at 960×540: the decoder was reconfigured at the keyframe where the server switched.
      await page.waitForFunction(
        () => window.__yunshanCloud!.profile === '540p-vp9' && window.__yunshanCloud!.stats().height === 540,
        undefined,
        { timeout: STREAM_TIMEOUT_MS },
      );
      const switched = await read(page);
      const shownOrder = await watchShownFrames(page, switched.timeS + 2);
      const after = await waitForFrameAtClock(page, 3);
      const shown = after.framesShown - switched.framesShown;
      const dropped = after.dropped - switched.dropped;
      const advanced = after.lastShownFrameIndex - switched.lastShownFrameIndex;
      console.log(`# after the step up to 540p: ${shown} shown, ${dropped} dropped`);
      assert.ok(shown > 0, 'frames keep coming after the switch');
      // On a busy 2-core machine the decoder can fall behind at 540p, and then the player rightly steps back down:
      // that is the adaptive rule working, so it is allowed only with late (dropped) frames to show for it.
      assert.ok(
        after.profile === '540p-vp9' || dropped > 0,
        `stepped down to ${after.profile} after the switch although no frame was dropped`,
      );
      // Drawn at the size of the profile it plays (the decoder is reconfigured at the keyframe of a switch).
      await page.waitForFunction(
        () => {
          const cloud = window.__yunshanCloud!;
          const height = cloud.stats().height;
          return (cloud.profile === '540p-vp9' && height === 540) || (cloud.profile === '360p-vp9' && height === 360);
        },
        undefined,
        { timeout: STREAM_TIMEOUT_MS },
      );
      assert.ok(
        Math.abs(advanced - (shown + dropped)) <= 2,
        'every frame the playhead passed after the switch was shown or counted as dropped',
      );
      assertInOrder(shownOrder);

      // The statistics panel opens with S; its data-saver box caps the stream at 360p.
      await page.keyboard.press('s');
      await page.getByTestId('cloud-stats').waitFor();
      await page.getByLabel('Data saver (360p at most)').check();
      await page.waitForFunction(
        () => window.__yunshanCloud!.profile === '360p-vp9' && window.__yunshanCloud!.stats().height === 360,
        undefined,
        { timeout: STREAM_TIMEOUT_MS },
      );
      assert.equal((await read(page)).framesByCodec.vp8, 0, 'every rung played in VP9');
      assert.equal(
        await page.evaluate(() => window.localStorage.getItem('yunshan.cloud.dataSaver')),
        '1',
        'the choice is kept for the next flight',
      );
      await page.evaluate(() => window.__yunshanPlayer!.pause());
    } finally {
      await context.close();
    }
  });
});

describe('cloud flight resilience', () => {
  test('a forced peer close recovers over a fresh peer and resumes at the same position', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      // Keep a handle on every RTCPeerConnection the page makes, so the test can break one from outside the player.
      await context.addInitScript(() => {
        const Native = window.RTCPeerConnection;
        const made: RTCPeerConnection[] = [];
        (window as unknown as { __peers: RTCPeerConnection[] }).__peers = made;
        window.RTCPeerConnection = class extends Native {
          constructor(configuration?: RTCConfiguration) {
            super(configuration);
            made.push(this);
          }
        } as typeof RTCPeerConnection;
      });
      const page = await openCloudFlight(context);
      await page.waitForFunction(() => window.__yunshanCloud?.transport === 'webrtc', undefined, { timeout: STREAM_TIMEOUT_MS });
      await page.evaluate(() => window.__yunshanPlayer!.seek(6));
      await waitForFrameAtClock(page, 0);
      await page.evaluate(() => window.__yunshanPlayer!.play());
      await page.waitForFunction(() => window.__yunshanPlayer!.timeS() > 7, undefined, { timeout: STREAM_TIMEOUT_MS });

      const before = await read(page);
      await page.evaluate(() => {
        for (const connection of (window as unknown as { __peers: RTCPeerConnection[] }).__peers) connection.close();
      });
      // A second peer connection, connected, and frames flowing again.
      await page.waitForFunction(
        (decodedBefore) => {
          const peers = (window as unknown as { __peers: RTCPeerConnection[] }).__peers;
          const fresh = peers[peers.length - 1];
          return peers.length >= 2 && fresh.connectionState === 'connected' && window.__yunshanCloud!.framesDecoded > decodedBefore + 30;
        },
        before.framesDecoded,
        { timeout: STREAM_TIMEOUT_MS },
      );
      const resumed = await waitForFrameAtClock(page, 2);
      assert.equal(resumed.transport, 'webrtc', 'back on a data channel, not on the fallback');
      assert.ok(resumed.lastShownFrameIndex > before.lastShownFrameIndex, 'the flight went on from where it was, not from the start');
      assert.ok(resumed.timeS > before.timeS);
      await page.evaluate(() => window.__yunshanPlayer!.pause());
      const paused = await waitForFrameAtClock(page, 0);
      assert.equal(paused.lastShownFrameIndex, frameIndexForTime(paused.timeS, FRAME_COUNT));
    } finally {
      await context.close();
    }
  });

  test('a dropped socket reconnects, presents its session token and resumes the same session at the same position', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const page = await openCloudFlight(context);
      await page.waitForFunction(() => window.__yunshanCloud?.transport === 'webrtc', undefined, { timeout: STREAM_TIMEOUT_MS });
      await page.evaluate(() => window.__yunshanPlayer!.seek(10));
      await waitForFrameAtClock(page, 0);
      await page.evaluate(() => window.__yunshanPlayer!.play());
      await page.waitForFunction(() => window.__yunshanPlayer!.timeS() > 11, undefined, { timeout: STREAM_TIMEOUT_MS });

      const sessionsBefore = fixture.render.stream.sessionCount();
      const before = await read(page);
      // Cut every socket.io connection under the protocol, the way a network blip does.
      for (const socket of fixture.render.stream.io.sockets.sockets.values()) socket.conn.close();
      await page.waitForFunction(
        (decodedBefore) => window.__yunshanCloud!.state === 'streaming' && window.__yunshanCloud!.framesDecoded > decodedBefore + 30,
        before.framesDecoded,
        { timeout: STREAM_TIMEOUT_MS },
      );
      const resumed = await waitForFrameAtClock(page, 2);
      assert.ok(resumed.lastShownFrameIndex > before.lastShownFrameIndex, 'the flight went on from where it was');
      assert.ok(fixture.render.stream.sessionCount() <= sessionsBefore, 'the server resumed the session instead of opening another');
      await page.evaluate(() => window.__yunshanPlayer!.pause());
    } finally {
      await context.close();
    }
  });

  test('with WebRTC blocked the flight plays over HTTP segments', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      await context.addInitScript(() => {
        // What a browser with WebRTC switched off looks like (a policy, an extension, a locked-down kiosk).
        const scope = window as unknown as Record<string, unknown>;
        delete scope.RTCPeerConnection;
        delete scope.webkitRTCPeerConnection;
      });
      const page = await openCloudFlight(context);
      const first = await read(page);
      assert.equal(first.transport, 'http');
      await page.evaluate(() => window.__yunshanPlayer!.play());
      await page.waitForFunction(() => window.__yunshanPlayer!.timeS() > 1, undefined, { timeout: STREAM_TIMEOUT_MS });
      const start = await read(page);
      const shownOrder = await watchShownFrames(page, 6);
      const end = await waitForFrameAtClock(page, 3);
      const shown = end.framesShown - start.framesShown;
      const dropped = end.dropped - start.dropped;
      const advanced = end.lastShownFrameIndex - start.lastShownFrameIndex;
      console.log(`# HTTP segments: ${shown} shown, ${dropped} dropped, playhead advanced ${advanced} frames`);
      assert.equal(end.transport, 'http');
      assert.ok(shown > 0, 'frames were shown over HTTP');
      assert.ok(Math.abs(advanced - (shown + dropped)) <= 2, 'every frame the playhead passed was shown or counted as dropped');
      assertInOrder(shownOrder);
    } finally {
      await context.close();
    }
  });

  test('a browser that reports no VP9 decoder streams VP8, draws it, seeks and plays on', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      // A browser whose WebCodecs decodes VP8 but not VP9 (as some do): the probe says no.
      await context.addInitScript(() => {
        const probe = VideoDecoder.isConfigSupported.bind(VideoDecoder);
        VideoDecoder.isConfigSupported = (config) =>
          config.codec.startsWith('vp09') ? Promise.resolve({ supported: false, config }) : probe(config);
      });
      const page = await openCloudFlight(context);
      const first = await read(page);
      assert.equal(first.profile, '360p', 'the VP8 profile, though its VP9 twin is baked');
      assert.ok((await canvasBrightness(page)) > 25, 'VP8 frames draw the landscape');
      await page.evaluate(() => window.__yunshanPlayer!.seek(12.5));
      const landed = await waitForFrameAtClock(page, 0);
      assert.equal(landed.lastShownFrameIndex, 375, 'seek to 12.5 s shows frame 375');
      await page.evaluate(() => window.__yunshanPlayer!.play());
      await page.waitForFunction(() => window.__yunshanPlayer!.timeS() > 14.5, undefined, { timeout: STREAM_TIMEOUT_MS });
      const playing = await waitForFrameAtClock(page, 3);
      assert.ok(playing.lastShownFrameIndex > 375, 'frames move on from the seek');
      assert.equal(playing.framesByCodec.vp9, 0, 'no VP9 frame was sent to a browser without VP9');
      assert.ok(playing.framesByCodec.vp8 > 0);
      assert.ok(playing.profile === '360p' || playing.profile === '540p', `plays VP8 (${playing.profile})`);
      await page.evaluate(() => window.__yunshanPlayer!.pause());
    } finally {
      await context.close();
    }
  });

  test('without WebCodecs the player streams the JPEG profile and draws it with createImageBitmap', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      await context.addInitScript(() => {
        const scope = window as unknown as Record<string, unknown>;
        delete scope.VideoDecoder;
        delete scope.EncodedVideoChunk;
      });
      const page = await openCloudFlight(context);
      const first = await read(page);
      assert.equal(first.profile, '360p-jpeg');
      assert.ok((await canvasBrightness(page)) > 25, 'JPEG frames draw the landscape');
      await page.evaluate(() => window.__yunshanPlayer!.play());
      await page.waitForFunction(() => window.__yunshanPlayer!.timeS() > 2, undefined, { timeout: STREAM_TIMEOUT_MS });
      const playing = await waitForFrameAtClock(page, 2);
      assert.ok(playing.framesShown > first.framesShown, 'JPEG frames keep being drawn');
      assert.ok(
        playing.lastShownFrameIndex >= 2 * 30 - 2,
        `the JPEG picture follows the clock past 2 s (frame ${playing.lastShownFrameIndex})`,
      );
      assert.equal(playing.profile, '360p-jpeg', 'and stays on JPEG: there is no VP8 to step up to');
    } finally {
      await context.close();
    }
  });

  test('when ICE cannot connect, the player gives WebRTC up within seconds and plays HTTP segments', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      await context.addInitScript(() => {
        // Relay-only with no relay: a network where no ICE path exists, the way a strict firewall looks.
        const Native = window.RTCPeerConnection;
        window.RTCPeerConnection = class extends Native {
          constructor(configuration?: RTCConfiguration) {
            super({ ...configuration, iceTransportPolicy: 'relay' });
          }
        } as typeof RTCPeerConnection;
      });
      const page = await openCloudFlight(context);
      const reading = await read(page);
      assert.equal(reading.transport, 'http');
      assert.ok(reading.framesDecoded > 0);
    } finally {
      await context.close();
    }
  });
});

describe('a cloud flight that cannot stream yet', () => {
  const unbaked = CURATED_ROUTES[0];

  test('a route still waiting for its bake says so in Chinese and English, and offers the device', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      await page.goto(`${fixture.next.baseUrl}/tours/${unbaked.id}?render=cloud&lang=zh`);
      const status = page.getByTestId('cloud-status');
      await waitForStatusCard(page);
      assert.match(await status.innerText(), /云端准备中/);
      assert.match(await page.getByTestId('cloud-status-body').innerText(), /排队|已渲染|尚未安排/);
      assert.equal(await page.getByTestId('play-start').count(), 0, 'no play button over a flight that cannot play');

      await page.goto(`${fixture.next.baseUrl}/tours/${unbaked.id}?render=cloud&lang=en`);
      await waitForStatusCard(page);
      assert.match(await status.innerText(), /still being prepared in the cloud/);
      await page.getByTestId('cloud-use-device').click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="flight-canvas"]')?.getAttribute('data-render-path') === 'local',
      );
      assert.equal(await page.getByTestId('render-path-local').getAttribute('aria-pressed'), 'true');
      assert.equal(await page.getByTestId('cloud-status').count(), 0);
    } finally {
      await context.close();
    }
  });
});

describe('a render node at its stream cap', () => {
  after(async () => {
    await fixture.restartRenderServer();
  });

  test("says 'busy' in both languages, offers the device, and streams once a place is free", async () => {
    // 'webrtc': the node answers 'busy' at its cap instead of handing viewers to HTTP segments (stream-http.test.ts).
    await fixture.restartRenderServer({ YUNSHAN_STREAM_MAX_SESSIONS: '0', YUNSHAN_STREAM_TRANSPORT: 'webrtc' });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(fixture.tourUrl({ render: 'cloud', lang: 'zh' }));
      const status = page.getByTestId('cloud-status');
      await waitForStatusCard(page);
      assert.match(await status.innerText(), /云端当前繁忙/);
      assert.match(await page.getByTestId('cloud-status-body').innerText(), /\d+ 秒后自动重试/);
      assert.equal(await page.getByTestId('cloud-use-device').count(), 1);
      assert.equal(await page.getByTestId('play-start').count(), 0);

      await page.goto(fixture.tourUrl({ render: 'cloud', lang: 'en' }));
      await waitForStatusCard(page);
      assert.match(await status.innerText(), /The cloud is full right now/);
      assert.match(await page.getByTestId('cloud-status-body').innerText(), /Trying again in \d+ s/);

      // Room again: the page's own retry (and socket.io's reconnect) brings the flight without a reload.
      await fixture.restartRenderServer();
      await page.waitForFunction(() => (window.__yunshanCloud?.framesShown ?? 0) > 0, undefined, { timeout: STREAM_TIMEOUT_MS });
      assert.equal(await page.getByTestId('cloud-status').count(), 0);
      assert.equal(await page.getByTestId('play-start').count(), 1, 'the flight can start now');
    } finally {
      await context.close();
    }
  });
});
