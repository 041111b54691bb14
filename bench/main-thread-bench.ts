// Long main-thread tasks on a first visit, as Lighthouse counts them: a PerformanceObserver for
// 'longtask' entries (over 50 ms) from navigation until the page has settled, in a fresh
// Chromium context (no remembered render choice, empty caches). Needs a production build.
// `--cpu-slowdown 4` applies Lighthouse's mobile CPU throttling through DevTools.
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../tests/helpers/browser';
import { startNextServer, type RunningNextServer } from '../tests/helpers/next-server';
import { printTable } from './stats';

/** Lighthouse's blocking share of a task is what it runs past this. */
const BLOCKING_THRESHOLD_MS = 50;
/** After the page is ready, long tasks still count for this long (shader compiles land in the first frames). */
const SETTLE_MS = 5000;
const READY_TIMEOUT_MS = 120_000;

interface Visit {
  label: string;
  path: string;
  /** A selector that marks the page as ready; null waits for the load event only. */
  readySelector: string | null;
}

const VISITS: readonly Visit[] = [
  { label: 'catalogue /', path: '/', readySelector: null },
  { label: 'tour, Auto (first visit)', path: '/tours/hallelujah-flyover', readySelector: null },
  {
    label: 'tour, on this device, phone',
    path: '/tours/hallelujah-flyover?render=local&tier=phone',
    readySelector: '[data-testid="flight-canvas"] [data-ready="true"]',
  },
  {
    label: 'Tianmen tour, on this device, phone',
    path: '/tours/heavens-gate-flythrough?render=local&tier=phone',
    readySelector: '[data-testid="flight-canvas"] [data-ready="true"]',
  },
];

interface LongTask {
  startMs: number;
  durationMs: number;
}

interface VisitResult {
  tasks: LongTask[];
  readyMs: number | null;
  worldBuilds: string;
}

declare global {
  interface Window {
    __benchLongTasks?: LongTask[];
  }
}

async function measureVisit(browser: Browser, server: RunningNextServer, visit: Visit, cpuSlowdown: number): Promise<VisitResult> {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  });
  try {
    await context.addInitScript(() => {
      window.__benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__benchLongTasks!.push({ startMs: entry.startTime, durationMs: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();
    if (cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    }
    const started = Date.now();
    await page.goto(`${server.baseUrl}${visit.path}`, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    let readyMs: number | null = null;
    if (visit.readySelector) {
      await page.locator(visit.readySelector).waitFor({ state: 'attached', timeout: READY_TIMEOUT_MS });
      readyMs = Date.now() - started;
    }
    await page.waitForTimeout(SETTLE_MS);
    const tasks = await page.evaluate(() => window.__benchLongTasks ?? []);
    const builds = await page.evaluate(() => (window.__yunshanWorldBuilds ?? []).map((b) => `${b.scene}/${b.tier}@${b.where}`).join(' '));
    return { tasks, readyMs, worldBuilds: builds || '—' };
  } finally {
    await context.close();
  }
}

export async function benchMainThread(browser: Browser, server: RunningNextServer, cpuSlowdown = 1): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const visit of VISITS) {
    const result = await measureVisit(browser, server, visit, cpuSlowdown);
    const durations = result.tasks.map((t) => t.durationMs);
    const blockingMs = durations.reduce((sum, d) => sum + Math.max(0, d - BLOCKING_THRESHOLD_MS), 0);
    rows.push([
      visit.label,
      durations.length,
      durations.length > 0 ? Math.max(...durations) : 0,
      durations.filter((d) => d > 200).length,
      blockingMs,
      result.readyMs ?? '—',
      result.worldBuilds,
    ]);
  }
  printTable(
    `Main thread on a first visit (long tasks > ${BLOCKING_THRESHOLD_MS} ms until ${SETTLE_MS / 1000} s after ready; CPU slowdown ×${cpuSlowdown}; 412×823 @1.75)`,
    ['page', 'long tasks', 'longest ms', 'over 200 ms', 'total blocking ms', 'ready after ms', 'world built'],
    rows,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const slowdownArg = process.argv.indexOf('--cpu-slowdown');
  const cpuSlowdown = slowdownArg > 0 ? Number(process.argv[slowdownArg + 1]) : 1;
  const [server, browser] = await Promise.all([startNextServer(), launchChromium()]);
  try {
    await benchMainThread(browser, server, cpuSlowdown);
  } finally {
    await browser.close();
    await server.stop();
  }
}
