// `npm run bench:lighthouse`: Lighthouse in its default mobile mode (simulated slow 4G and a
// 4× slower CPU) on the catalogue and a tour, against the production build as `npm start`
// runs it: the web app and a render server on the same database (baking off, so the tour's
// route is not baked: the device draws it, as on a fresh deploy). Debian's chromium, offline.
// Prints the four category scores and the metrics behind performance; the issue's goal is
// performance ≥ 90 and the others 100.
// YUNSHAN_LIGHTHOUSE_RUNS (default 1) runs each page that many times, interleaved, and adds a
// row of medians; YUNSHAN_LIGHTHOUSE_PAGES=tour (or catalogue) measures one page only;
// YUNSHAN_LIGHTHOUSE_KEEP=<dir> keeps every JSON report there for a closer look.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { CHROMIUM_PATH } from '../tests/helpers/browser';
import { median, printTable } from './stats';
import { startUnbakedSite } from './unbaked-site';

const LIGHTHOUSE_BIN = path.resolve(import.meta.dirname, '..', 'node_modules', '.bin', 'lighthouse');
const RUN_TIMEOUT_MS = 240_000;
const PAGES: ReadonlyArray<{ key: string; label: string; path: string }> = [
  { key: 'catalogue', label: 'catalogue /', path: '/' },
  { key: 'tour', label: 'tour (Auto, route not baked)', path: '/tours/hallelujah-flyover' },
];
const LongTaskSchema = z.object({ url: z.string(), duration: z.number(), startTime: z.number() });
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;

const ReportSchema = z.object({
  categories: z.record(z.string(), z.object({ score: z.number().nullable() })),
  audits: z.record(
    z.string(),
    z.object({
      score: z.number().nullable().optional(),
      displayValue: z.string().optional(),
      numericValue: z.number().optional(),
      details: z.object({ items: z.array(z.record(z.string(), z.unknown())).optional() }).optional(),
    }),
  ),
  runtimeError: z.object({ code: z.string(), message: z.string() }).optional(),
});
type Report = z.infer<typeof ReportSchema>;

/** One Lighthouse run in its own Chromium; its stderr tail explains a failure. */
function runLighthouse(url: string, outputPath: string): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      LIGHTHOUSE_BIN,
      [
        url,
        '--output=json',
        `--output-path=${outputPath}`,
        '--quiet',
        `--only-categories=${CATEGORIES.join(',')}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage',
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0 || !fs.existsSync(outputPath)) {
        reject(new Error(`lighthouse exited ${code} for ${url}: ${stderr.trim()}`));
        return;
      }
      const report = ReportSchema.parse(JSON.parse(fs.readFileSync(outputPath, 'utf8')));
      if (report.runtimeError) reject(new Error(`lighthouse: ${report.runtimeError.code}: ${report.runtimeError.message}`));
      else resolve(report);
    });
  });
}

export async function benchLighthouse(): Promise<void> {
  if (!fs.existsSync(LIGHTHOUSE_BIN)) throw new Error('lighthouse is not installed: npm ci installs it (a devDependency)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-lighthouse-'));
  const site = await startUnbakedSite();
  const runs = Math.max(1, Number(process.env.YUNSHAN_LIGHTHOUSE_RUNS ?? 1) || 1);
  const only = process.env.YUNSHAN_LIGHTHOUSE_PAGES;
  const pages = PAGES.filter((page) => !only || only.split(',').includes(page.key));
  const keep = process.env.YUNSHAN_LIGHTHOUSE_KEEP;
  if (keep) fs.mkdirSync(keep, { recursive: true });
  try {
    const rows: (string | number)[][] = [];
    const scores = new Map<string, number[]>();
    const longest: string[] = [];
    for (let run = 0; run < runs; run++) {
      for (const page of pages) {
        const outputPath = path.join(keep ?? dir, `${page.key}-${run}.json`);
        const report = await runLighthouse(`${site.baseUrl}${page.path}`, outputPath);
        const performance = report.categories.performance?.score;
        if (typeof performance === 'number') scores.set(page.label, [...(scores.get(page.label) ?? []), Math.round(performance * 100)]);
        rows.push([
          page.label,
          ...CATEGORIES.map((category) => {
            const score = report.categories[category]?.score;
            return score === null || score === undefined ? '—' : Math.round(score * 100);
          }),
          ...METRICS.map((metric) => report.audits[metric]?.displayValue ?? '—'),
        ]);
        // Lighthouse's long tasks are the observed (unthrottled) main-thread tasks of 50 ms or more.
        const tasks = z
          .array(LongTaskSchema)
          .catch([])
          .parse(report.audits['long-tasks']?.details?.items ?? []);
        longest.push(
          `${page.label} run ${run + 1}: ${tasks.length} long tasks; longest ${
            tasks
              .slice(0, 4)
              .map(
                (task) => `${Math.round(task.duration)} ms at ${Math.round(task.startTime)} ms (${task.url.split('/').pop() || task.url})`,
              )
              .join(', ') || 'none'
          }`,
        );
      }
    }
    if (runs > 1)
      for (const [label, values] of scores)
        rows.push([`${label}: median performance of ${values.length}`, median(values), '', '', '', '', '', '', '', '']);
    printTable(
      `Lighthouse, mobile (simulated slow 4G, CPU ×4), Debian chromium; load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`,
      ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'speed index'],
      rows,
    );
    for (const line of longest) console.log(line);
  } finally {
    await site.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchLighthouse();
}
