// Frame times per quality tier in headless Chromium (WebGL2 through ANGLE on the host's
// GL: llvmpipe on a CPU machine) at 1280×720, flying a curated route.
import type { Browser } from 'playwright-core';
import type { RunningNextServer } from '../tests/helpers/next-server';
import { QUALITY_TIERS, type QualityTier } from '../scenes/world/quality-tiers';
import { median, percentile, printTable } from './stats';

const ROUTE_ID = 'hallelujah-flyover';
const WARM_UP_MS = 3000;
const MEASURE_MS = 8000;

interface TierFrames {
  tier: QualityTier;
  frameMs: number[];
  drawCalls: number;
  triangles: number;
}

async function measureTier(browser: Browser, baseUrl: string, tier: QualityTier): Promise<TierFrames> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/tours/${ROUTE_ID}?tier=${tier}&t=20&autoplay=1`);
  await page.locator('[data-testid="flight-canvas"] [data-ready="true"]').waitFor({ timeout: 180_000 });
  await page.waitForTimeout(WARM_UP_MS);
  // A string, not a function: tsx's keep-names helper does not exist inside the page.
  const frameMs = (await page.evaluate(`new Promise((resolve) => {
    const intervals = [];
    let last = performance.now();
    const end = last + ${MEASURE_MS};
    requestAnimationFrame(function step(now) {
      intervals.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(step);
      else resolve(intervals);
    });
  })`)) as number[];
  const stats = await page.evaluate(
    () => (window as unknown as { __yunshanStats?: { drawCalls: number; triangles: number } }).__yunshanStats,
  );
  await context.close();
  return { tier, frameMs: frameMs.slice(1), drawCalls: stats?.drawCalls ?? Number.NaN, triangles: stats?.triangles ?? Number.NaN };
}

export async function benchRender(browser: Browser, server: RunningNextServer, renderer: string): Promise<void> {
  const results: TierFrames[] = [];
  for (const tier of QUALITY_TIERS) results.push(await measureTier(browser, server.baseUrl, tier));
  printTable(
    `Frame time in headless Chromium, 1280×720, route ${ROUTE_ID} (${MEASURE_MS / 1000} s after ${WARM_UP_MS / 1000} s warm-up; GL: ${renderer})`,
    ['tier', 'frames', 'median ms', 'p90 ms', 'fps (median)', 'draw calls', 'triangles'],
    results.map((r) => [
      r.tier,
      r.frameMs.length,
      median(r.frameMs),
      percentile(r.frameMs, 90),
      1000 / median(r.frameMs),
      r.drawCalls,
      r.triangles,
    ]),
  );
  const phone = results.find((r) => r.tier === 'phone');
  const laptop = results.find((r) => r.tier === 'laptop');
  if (phone && laptop) {
    const ratio = median(laptop.frameMs) / median(phone.frameMs);
    console.log(`phone tier frame rate / laptop tier frame rate: ${ratio.toFixed(2)}× (goal ≥ 2×)`);
  }
}
