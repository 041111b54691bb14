// Time to first frame of a cloud flight in Chromium, for the stream bench and tests:
// each run opens the tour page fresh (new browser context, nothing cached) and reads the
// stream client's own performance.now() marks once the first frame is decoded.
import type { Browser } from 'playwright-core';
import type { YunshanCloudHandle } from '@/components/player/cloud/cloud-test-handle';

export interface CloudFirstFrameSample {
  /** From the stream client's start (the viewer chose the cloud) to the first decoded frame. */
  clientStartToDecodedMs: number;
  /** From the render server's 'ready' (joined, profile chosen) to the first decoded frame. */
  readyToDecodedMs: number;
  /** From navigation start to the first frame on the canvas: page load and scripts included. */
  navigationToShownMs: number;
  transport: string | null;
}

export interface CloudFirstFrameResult {
  runs: number;
  samples: CloudFirstFrameSample[];
  medianClientStartToDecodedMs: number;
  medianReadyToDecodedMs: number;
  medianNavigationToShownMs: number;
}

export interface MeasureCloudFirstFrameOptions {
  browser: Browser;
  /** The tour page with ?render=cloud (see CloudStreamFixture.tourUrl). */
  tourUrl: string;
  runs?: number;
  timeoutMs?: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One fresh page load of a cloud flight; resolves once its first frame is decoded and shown. */
export async function measureCloudFirstFrameOnce(browser: Browser, tourUrl: string, timeoutMs = 30_000): Promise<CloudFirstFrameSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.goto(tourUrl, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__yunshanCloud?.marks.firstFrameShownAtMs != null, undefined, {
      timeout: timeoutMs,
      polling: 20,
    });
    return await page.evaluate(() => {
      const cloud = window.__yunshanCloud as YunshanCloudHandle;
      const { startedAtMs, readyAtMs, firstFrameDecodedAtMs, firstFrameShownAtMs } = cloud.marks;
      return {
        clientStartToDecodedMs: (firstFrameDecodedAtMs ?? Number.NaN) - startedAtMs,
        readyToDecodedMs: (firstFrameDecodedAtMs ?? Number.NaN) - (readyAtMs ?? Number.NaN),
        // performance.now() counts from navigation start.
        navigationToShownMs: firstFrameShownAtMs ?? Number.NaN,
        transport: cloud.transport,
      };
    });
  } finally {
    await context.close();
  }
}

/** Median of `runs` (default 10) fresh loads: what `npm run bench:stream` reports as time to first frame. */
export async function measureCloudFirstFrameMs(options: MeasureCloudFirstFrameOptions): Promise<CloudFirstFrameResult> {
  const runs = options.runs ?? 10;
  const samples: CloudFirstFrameSample[] = [];
  for (let run = 0; run < runs; run++) samples.push(await measureCloudFirstFrameOnce(options.browser, options.tourUrl, options.timeoutMs));
  return {
    runs,
    samples,
    medianClientStartToDecodedMs: median(samples.map((sample) => sample.clientStartToDecodedMs)),
    medianReadyToDecodedMs: median(samples.map((sample) => sample.readyToDecodedMs)),
    medianNavigationToShownMs: median(samples.map((sample) => sample.navigationToShownMs)),
  };
}
