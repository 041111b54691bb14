// `node --import tsx bench/first-visit-trace.ts [path…]`: what each long main-thread task of a
// first visit is made of, from a Chromium performance trace (the page loaded as Lighthouse
// mobile loads it: a phone's viewport, CPU ×4). For every task of 50 ms or more it prints the
// trace events that take its time (script evaluation by file, parse, style, layout, paint,
// image decode…), so "Unattributable" in Lighthouse's report gets a name. Needs `next build`;
// run it under the integration lock. YUNSHAN_TRACE_EVERY_EVENT=1 names every trace event inside a task.
import os from 'node:os';
import { launchLighthouseLikeChromium, openThrottledPhonePage } from './lighthouse-like-phone';
import { summarizeLongTasks, type TraceEvent } from './trace-long-tasks';
import { startUnbakedSite } from './unbaked-site';

const CPU_SLOWDOWN = Number(process.env.YUNSHAN_PROFILE_CPU_SLOWDOWN ?? 4);
const SETTLE_MS = Number(process.env.YUNSHAN_PROFILE_SETTLE_MS ?? 8_000);
const EVERY_EVENT = process.env.YUNSHAN_TRACE_EVERY_EVENT === '1';
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'loading',
  ...(EVERY_EVENT ? ['toplevel', 'blink', 'v8', 'renderer', 'fonts'] : []),
];

export async function traceFirstVisits(paths: string[]): Promise<void> {
  const site = await startUnbakedSite();
  const browser = await launchLighthouseLikeChromium();
  try {
    for (const pagePath of paths) {
      const { context, page, cdp } = await openThrottledPhonePage(browser, CPU_SLOWDOWN);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
      await page.goto(`${site.baseUrl}${pagePath}`);
      await page.waitForTimeout(SETTLE_MS);
      await cdp.send('Tracing.end');
      await complete;
      console.log(`\n${pagePath} (CPU ×${CPU_SLOWDOWN}, load ${os.loadavg()[0].toFixed(2)})`);
      console.log(summarizeLongTasks(events, EVERY_EVENT));
      await context.close();
    }
  } finally {
    await browser.close();
    await site.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await traceFirstVisits(process.argv.length > 2 ? process.argv.slice(2) : ['/', '/tours/hallelujah-flyover']);
  process.exit(0);
}
