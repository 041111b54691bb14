// First-load JavaScript per page, gzip-compressed, measured from the production server:
// the scripts a page's HTML asks for, and for the tour page also what loads after it
// (three.js and the scene arrive in a lazily loaded chunk).
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { RunningNextServer } from '../tests/helpers/next-server';
import { printTable } from './stats';

const CATALOGUE_BUDGET_KB = 150;

interface ScriptFacts {
  gzipBytes: number;
  /** three.js's renderer class name survives minification as a string. */
  hasThree: boolean;
}

async function scriptFacts(url: string): Promise<ScriptFacts> {
  const body = Buffer.from(await (await fetch(url)).arrayBuffer());
  return { gzipBytes: gzipSync(body, { level: 9 }).length, hasThree: body.includes('WebGLRenderer') };
}

async function firstLoadJs(baseUrl: string, path: string): Promise<{ kb: number; scripts: number; hasThree: boolean }> {
  const html = await (await fetch(`${baseUrl}${path}`)).text();
  // `nomodule` scripts are legacy polyfills that modern browsers never download.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((match) => match[0]).filter((tag) => !/\snomodule/i.test(tag));
  const sources = [
    ...new Set(tags.map((tag) => /src="([^"]+\.js[^"]*)"/.exec(tag)?.[1]).filter((src): src is string => src !== undefined)),
  ];
  const facts = await Promise.all(sources.map((src) => scriptFacts(new URL(src, baseUrl).toString())));
  return {
    kb: facts.reduce((sum, fact) => sum + fact.gzipBytes, 0) / 1024,
    scripts: sources.length,
    hasThree: facts.some((fact) => fact.hasThree),
  };
}

async function allJsAfterLoadKb(browser: Browser, baseUrl: string, path: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.add(response.url());
  });
  await page.goto(`${baseUrl}${path}`);
  await page.locator('[data-testid="flight-canvas"] [data-ready="true"]').waitFor({ timeout: 180_000 });
  await context.close();
  const facts = await Promise.all([...scripts].map((url) => scriptFacts(url)));
  return facts.reduce((sum, fact) => sum + fact.gzipBytes, 0) / 1024;
}

export async function benchBundles(browser: Browser, server: RunningNextServer): Promise<void> {
  const catalogue = await firstLoadJs(server.baseUrl, '/');
  const tour = await firstLoadJs(server.baseUrl, '/tours/hallelujah-flyover');
  const tourAll = await allJsAfterLoadKb(browser, server.baseUrl, '/tours/hallelujah-flyover?tier=phone');
  printTable(
    'JavaScript (gzip) from the production build',
    ['page', 'first-load KB', 'scripts', 'three.js in first load', 'goal'],
    [
      ['/ (catalogue)', catalogue.kb, catalogue.scripts, catalogue.hasThree ? 'yes' : 'no', `≤ ${CATALOGUE_BUDGET_KB} KB, no three.js`],
      ['/tours/[id]', tour.kb, tour.scripts, tour.hasThree ? 'yes' : 'no', ''],
      ['/tours/[id] incl. lazy scene chunk', tourAll, '', '', ''],
    ],
  );
}
