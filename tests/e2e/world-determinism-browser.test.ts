// The browser and Node build byte-identical worlds: the scenes/ core is bundled for the
// browser as it is for the site, run in Chromium, and its geometry hash compared with
// the hash Node computes from the same source.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { hashTianmenGeometry, hashWorldGeometry } from '../../scenes/world/geometry-hash';
import { DEFAULT_WORLD_SEED } from '../../scenes/world/world';
import { QUALITY_TIERS } from '../../scenes/world/quality-tiers';

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

type HashFunction = 'hashWorldGeometry' | 'hashTianmenGeometry';
const NODE_HASHES: Record<HashFunction, (seed: number, tier: (typeof QUALITY_TIERS)[number]) => string> = { hashWorldGeometry, hashTianmenGeometry };

test('Chromium and Node hash the same geometry for both scenes, every tier', async () => {
  const bundle = await build({
    entryPoints: [path.resolve(import.meta.dirname, '../../scenes/world/geometry-hash.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'yunshanWorld',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  const page = await browser.newPage();
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  // Wulingyuan, and Tianmen, whose cliff rim once differed in the last bits of a pow() between the two.
  for (const hash of Object.keys(NODE_HASHES) as HashFunction[]) {
    for (const tier of QUALITY_TIERS) {
      const inBrowser = await page.evaluate(
        ([name, seed, t]) => (window as unknown as { yunshanWorld: Record<string, (s: number, t: string) => string> }).yunshanWorld[name](seed, t),
        [hash, DEFAULT_WORLD_SEED, tier] as const,
      );
      assert.equal(inBrowser, NODE_HASHES[hash](DEFAULT_WORLD_SEED, tier), `${hash}, ${tier} tier`);
    }
  }
  await page.close();
});
