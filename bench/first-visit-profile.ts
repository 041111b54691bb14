// `node --import tsx bench/first-visit-profile.ts [outDir]`: where the main thread's time goes on
// a tour page's first visit, as Lighthouse loads it (Debian chromium launched as Lighthouse
// launches it: headless, software WebGL through SwiftShader, a phone's viewport, CPU ×4), against
// the production build with the web app and a render server (baking off: the device draws).
// Prints the page's long tasks (the longtask observer), what the probe decided, and the functions
// with the most self time while the page settles; writes each run's .cpuprofile to outDir for
// DevTools. Needs `next build` first; run it under the integration lock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchLighthouseLikeChromium, openThrottledPhonePage } from './lighthouse-like-phone';
import { summarizeCpuProfile, type CpuProfile } from './cpu-profile-summary';
import { startUnbakedSite } from './unbaked-site';

const RUNS = Number(process.env.YUNSHAN_PROFILE_RUNS ?? 1);
const SETTLE_MS = Number(process.env.YUNSHAN_PROFILE_SETTLE_MS ?? 25_000);
const CPU_SLOWDOWN = Number(process.env.YUNSHAN_PROFILE_CPU_SLOWDOWN ?? 4);
const TOUR_PATH = process.env.YUNSHAN_PROFILE_PATH ?? '/tours/hallelujah-flyover';

interface PageReading {
  longTasks: Array<{ startMs: number; durationMs: number }>;
  showing: string | null;
  ready: string | null;
  worldBuilds: unknown;
}

export async function profileFirstVisit(outDir: string): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const site = await startUnbakedSite();
  const browser = await launchLighthouseLikeChromium();
  try {
    for (let run = 0; run < RUNS; run++) {
      const { context, page, cdp } = await openThrottledPhonePage(browser, CPU_SLOWDOWN);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
      await page.addInitScript(() => {
        const tasks: Array<{ startMs: number; durationMs: number }> = [];
        (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            tasks.push({ startMs: Math.round(entry.startTime), durationMs: Math.round(entry.duration) });
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`${site.baseUrl}${TOUR_PATH}`);
      await page.waitForTimeout(SETTLE_MS);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      fs.writeFileSync(path.join(outDir, `first-visit-${run + 1}.cpuprofile`), JSON.stringify(profile));
      const reading: PageReading = await page.evaluate(() => ({
        longTasks: (window as unknown as { __longTasks: Array<{ startMs: number; durationMs: number }> }).__longTasks,
        showing: document.querySelector('[data-testid="flight-canvas"]')?.getAttribute('data-render-path') ?? null,
        ready: document.querySelector('[data-ready]')?.getAttribute('data-ready') ?? null,
        worldBuilds: (window as unknown as { __yunshanWorldBuilds?: unknown }).__yunshanWorldBuilds ?? null,
      }));
      const longest = [...reading.longTasks].sort((a, b) => b.durationMs - a.durationMs);
      console.log(
        `\nrun ${run + 1} (CPU ×${CPU_SLOWDOWN}, load ${os.loadavg()[0].toFixed(2)}): showing ${reading.showing}, picture ready ${reading.ready}, world builds ${JSON.stringify(reading.worldBuilds)}`,
      );
      console.log(
        `${reading.longTasks.length} long tasks, ${reading.longTasks.reduce((sum, task) => sum + Math.max(0, task.durationMs - 50), 0)} ms over 50 ms in all; longest: ${longest
          .slice(0, 8)
          .map((task) => `${task.durationMs} ms at ${task.startMs}`)
          .join(', ')}`,
      );
      console.log(summarizeCpuProfile(profile, 25));
      await context.close();
    }
  } finally {
    await browser.close();
    await site.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await profileFirstVisit(process.argv[2] ?? path.join(os.tmpdir(), 'yunshan-first-visit-profile'));
  process.exit(0);
}
