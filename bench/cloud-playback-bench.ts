// How smoothly a 360p cloud flight plays in Chromium, with and without a bake running on the
// same machine: frames shown and dropped over ten seconds of flight, and how many of the first
// 33 frames of a flight that starts by itself were dropped. The bake is the real one: a
// renderer pool baking segments of a curated route, at the lowest priority, once drawing
// whenever the scheduler lets it and once yielding to the machine's foreground as the render
// server's bake does by default (YUNSHAN_BAKE_YIELD_CORES).
import type { Browser, Page } from 'playwright-core';
import { CURATED_ROUTES } from '../scenes/routes/curated/index';
import { QUALITY_PROFILES } from '@/scenes/protocol/profile-ladder';
import { createRendererPool } from '../server/render/renderer-pool';
import { DEFAULT_BAKE_YIELD } from '@/server/render/bake-yield-policy';
import { measureRenderThroughput } from '../server/render/render-throughput';
import type { CloudStreamFixture } from '../tests/helpers/cloud-stream-fixture';
import { median } from './stats';

const PLAY_WINDOW_S = 10;
/** The first second of frames after play: none of them should be dropped. */
const FIRST_SECOND_FRAMES = 33;
const STREAM_TIMEOUT_MS = 60_000;

/** The page's running totals of frames shown and frames dropped. */
interface FrameCounts {
  shown: number;
  dropped: number;
}

/** Ten seconds of flight's counts, and the drops of the first second. */
export interface CloudPlaybackSample extends FrameCounts {
  droppedInFirstSecond: number;
}

interface Counters extends FrameCounts {
  timeS: number;
}

function readCounters(page: Page): Promise<Counters> {
  return page.evaluate(() => ({
    shown: window.__yunshanCloud!.framesShown,
    dropped: window.__yunshanCloud!.dropped,
    timeS: window.__yunshanPlayer!.timeS(),
  }));
}

/**
 * One fresh page that starts playing by itself (`?autoplay=1`, as a shared link does): the
 * first second's drops from the page's start, then ten seconds' worth.
 */
async function playOnce(browser: Browser, tourUrl: string): Promise<CloudPlaybackSample> {
  const context = await browser.newContext({ viewport: { width: 960, height: 540 } });
  try {
    const page = await context.newPage();
    await page.goto(tourUrl);
    await page.waitForFunction(() => window.__yunshanCloud !== undefined, undefined, { timeout: STREAM_TIMEOUT_MS });
    const before: FrameCounts = { shown: 0, dropped: 0 };
    await page.waitForFunction(
      ({ shownBefore, droppedBefore, frames }) =>
        window.__yunshanCloud!.framesShown - shownBefore + (window.__yunshanCloud!.dropped - droppedBefore) >= frames,
      { shownBefore: before.shown, droppedBefore: before.dropped, frames: FIRST_SECOND_FRAMES },
      { timeout: STREAM_TIMEOUT_MS },
    );
    const firstSecond = await readCounters(page);
    await page.waitForFunction((untilS) => window.__yunshanPlayer!.timeS() >= untilS, firstSecond.timeS + PLAY_WINDOW_S, {
      timeout: STREAM_TIMEOUT_MS,
    });
    const end = await readCounters(page);
    return {
      shown: end.shown - firstSecond.shown,
      dropped: end.dropped - firstSecond.dropped,
      droppedInFirstSecond: firstSecond.dropped - before.dropped,
    };
  } finally {
    await context.close();
  }
}

/** Bakes 360p segments of a curated route over and over until stopped, as a render server's bake would. */
async function startBackgroundBake(yieldToForeground: boolean): Promise<() => Promise<number>> {
  const route = CURATED_ROUTES[0];
  const pool = await createRendererPool({ size: 1, log: () => {}, yieldToForeground: yieldToForeground ? DEFAULT_BAKE_YIELD : null });
  let stopped = false;
  let frames = 0;
  const loop = (async () => {
    let segment = 1;
    while (!stopped) {
      const result = await measureRenderThroughput(pool, route, QUALITY_PROFILES['360p'], { segments: 1, firstSegment: segment });
      frames += result.frames;
      segment = segment >= 10 ? 1 : segment + 1;
    }
  })();
  return async () => {
    stopped = true;
    await loop.catch(() => {});
    await pool.close();
    return frames;
  };
}

export interface CloudPlaybackRow {
  label: string;
  dropShare: number;
  medianDroppedInFirstSecond: number;
  worstDroppedInFirstSecond: number;
  runs: number;
  bakedFrames: number | null;
}

export async function measureCloudPlayback(browser: Browser, fixture: CloudStreamFixture, runs: number): Promise<CloudPlaybackRow[]> {
  const tourUrl = fixture.tourUrl({ render: 'cloud', lang: 'en', autoplay: '1' });
  const rows: CloudPlaybackRow[] = [];
  const machines = [
    { label: 'machine otherwise idle', bake: null },
    { label: 'with a 360p bake at the lowest priority only', bake: { yieldToForeground: false } },
    { label: 'with a 360p bake that yields (the default)', bake: { yieldToForeground: true } },
  ];
  for (const machine of machines) {
    const stopBake = machine.bake === null ? null : await startBackgroundBake(machine.bake.yieldToForeground);
    const samples: CloudPlaybackSample[] = [];
    let bakedFrames: number | null = null;
    try {
      for (let run = 0; run < runs; run++) samples.push(await playOnce(browser, tourUrl));
    } finally {
      if (stopBake) bakedFrames = await stopBake();
    }
    const shown = samples.reduce((sum, sample) => sum + sample.shown, 0);
    const dropped = samples.reduce((sum, sample) => sum + sample.dropped, 0);
    const firstSecond = samples.map((sample) => sample.droppedInFirstSecond);
    rows.push({
      label: machine.label,
      dropShare: dropped / Math.max(1, shown + dropped),
      medianDroppedInFirstSecond: median(firstSecond),
      worstDroppedInFirstSecond: Math.max(...firstSecond),
      runs: samples.length,
      bakedFrames,
    });
  }
  return rows;
}
