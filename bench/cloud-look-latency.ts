// Part of `npm run bench:player`: look-around latency on the cloud path (issue 14), from a
// drag's pointer event to the sphere view drawn with the new look, in Debian Chromium against
// the real render server streaming the test route's 2k sphere. Nothing goes to the server for
// a turn, so the goal is one frame (33 ms). Two figures per input: to the WebGL draw of the
// turned view, and to the start of the next animation frame after it (about when the
// compositor shows it). Paused (the turn alone redraws) and playing (the turn competes with
// decoding 2048×1024 frames and taking them onto the GPU), with the gaps between the page's
// animation frames meanwhile. Each move is sent on its own, well apart, so none coalesce.
import type { Browser, Page } from 'playwright-core';
import type { CloudStreamFixture } from '../tests/helpers/cloud-stream-fixture';
import { median, percentile } from './stats';

const MOVES = Number(process.env.YUNSHAN_BENCH_LOOK_MOVES ?? 40);
const MOVE_GAP_MS = 80;
const MOVE_PX = 6;
const SPHERE_TIMEOUT_MS = 90_000;

export interface LookLatencyRow {
  label: string;
  inputs: number;
  measured: number;
  drawMedianMs: number;
  drawP95Ms: number;
  shownMedianMs: number;
  shownP95Ms: number;
  /** Between the page's animation frames during the drag: how starved the page was. */
  frameGapMedianMs: number;
  frameGapP95Ms: number;
}

interface PageLog {
  inputs: number[];
  draws: { atMs: number; yawRad: number; pitchRad: number }[];
  frames: number[];
}

/**
 * Records, in the page, every pointer move during a drag (its event time), every sphere view
 * drawn (when, and with what look) and every animation frame's start. A string: tsx's helpers
 * (__name) do not exist in the page.
 */
const RECORD_IN_PAGE = `(() => {
  const log = { inputs: [], draws: [], frames: [], stop: false };
  window.__yunshanLookLatency = log;
  const stage = document.querySelector('[data-testid="flight-canvas"]');
  stage.addEventListener('pointermove', (event) => { if (event.buttons !== 0) log.inputs.push(event.timeStamp); }, { capture: true, passive: true });
  let last = null;
  const tick = (frameStartMs) => {
    log.frames.push(frameStartMs);
    const sphere = window.__yunshanCloud && window.__yunshanCloud.sphere;
    if (sphere && sphere.lastDrawn && sphere.lastDrawnAtMs !== last) {
      last = sphere.lastDrawnAtMs;
      log.draws.push({ atMs: last, yawRad: sphere.lastDrawn.offset.yawRad, pitchRad: sphere.lastDrawn.offset.pitchRad });
    }
    if (!log.stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const STOP_IN_PAGE = `(() => { const log = window.__yunshanLookLatency; log.stop = true; return { inputs: log.inputs, draws: log.draws, frames: log.frames }; })()`;

/** For each input, the first later draw whose look differs from the draw before it, and the first frame start after that draw. */
export function latenciesOf(log: PageLog): { drawMs: number[]; shownMs: number[] } {
  const drawMs: number[] = [];
  const shownMs: number[] = [];
  for (const inputMs of log.inputs) {
    const index = log.draws.findIndex(
      (draw, i) => draw.atMs > inputMs && i > 0 && (draw.yawRad !== log.draws[i - 1].yawRad || draw.pitchRad !== log.draws[i - 1].pitchRad),
    );
    if (index < 0) continue;
    const drawnAtMs = log.draws[index].atMs;
    drawMs.push(drawnAtMs - inputMs);
    const shownAt = log.frames.find((frameMs) => frameMs > drawnAtMs);
    if (shownAt !== undefined) shownMs.push(shownAt - inputMs);
  }
  return { drawMs, shownMs };
}

async function measure(page: Page, label: string): Promise<LookLatencyRow> {
  const stage = (await page.getByTestId('flight-canvas').boundingBox())!;
  const x = stage.x + stage.width * 0.3;
  const y = stage.y + stage.height * 0.5;
  await page.evaluate(RECORD_IN_PAGE);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let move = 1; move <= MOVES; move++) {
    await page.mouse.move(x + move * MOVE_PX, y);
    await page.waitForTimeout(MOVE_GAP_MS);
  }
  await page.mouse.up();
  const log = (await page.evaluate(STOP_IN_PAGE)) as PageLog;
  const { drawMs, shownMs } = latenciesOf(log);
  const gaps = log.frames.slice(1).map((frameMs, i) => frameMs - log.frames[i]);
  return {
    label,
    inputs: log.inputs.length,
    measured: drawMs.length,
    drawMedianMs: median(drawMs),
    drawP95Ms: percentile(drawMs, 95),
    shownMedianMs: median(shownMs),
    shownP95Ms: percentile(shownMs, 95),
    frameGapMedianMs: median(gaps),
    frameGapP95Ms: percentile(gaps, 95),
  };
}

/** One page on the cloud path, turned until the sphere shows, then dragged paused and playing. */
export async function measureCloudLookLatency(browser: Browser, fixture: CloudStreamFixture): Promise<LookLatencyRow[]> {
  const context = await browser.newContext({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(fixture.tourUrl({ render: 'cloud', lang: 'en', autoplay: '0' }));
    await page.waitForFunction(() => (window.__yunshanCloud?.framesShown ?? 0) > 0, undefined, { timeout: SPHERE_TIMEOUT_MS });
    // Looking away ("stay", so it is kept) moves the stream to the sphere.
    await page.evaluate(() => {
      window.__yunshanLook!.setRelease('stay');
      window.__yunshanLook!.set({ yawRad: 0.3, pitchRad: 0 });
      window.__yunshanPlayer!.play();
    });
    await page.waitForFunction(() => window.__yunshanCloud?.lookAround === 'sphere', undefined, { timeout: SPHERE_TIMEOUT_MS });
    const playing = await measure(page, 'playing (sphere-2k decoding meanwhile)');
    await page.evaluate(() => window.__yunshanPlayer!.pause());
    await page.waitForTimeout(500);
    const paused = await measure(page, 'paused (the turn alone redraws)');
    return [paused, playing];
  } finally {
    await context.close();
  }
}
