// The browser and Node build byte-identical worlds: the scenes/ core is bundled for the
// browser as it is for the site, run in Chromium (on the page, and in the site's own
// scene-build worker, whose builds arrive by transfer), and its geometry hash compared with
// the hash Node computes from the same source.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { hashTianmenGeometry, hashWorldGeometry } from '@/scenes/world/geometry-hash';
import { DEFAULT_WORLD_SEED } from '@/scenes/world/world';
import { DEFAULT_SCENE_SEEDS } from '@/scenes/world/scene-worlds';
import { QUALITY_TIERS } from '@/scenes/world/quality-tiers';

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

type HashFunction = 'hashWorldGeometry' | 'hashTianmenGeometry';
const NODE_HASHES: Record<HashFunction, (seed: number, tier: (typeof QUALITY_TIERS)[number]) => string> = {
  hashWorldGeometry,
  hashTianmenGeometry,
};

async function bundleForBrowser(entry: string, globalName?: string): Promise<string> {
  const bundle = await build({
    entryPoints: [path.resolve(import.meta.dirname, '../..', entry)],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  return bundle.outputFiles[0].text;
}

test('Chromium and Node hash the same geometry for both scenes, every tier', async () => {
  const page = await browser.newPage();
  await page.addScriptTag({ content: await bundleForBrowser('scenes/world/geometry-hash.ts', 'yunshanWorld') });
  // Wulingyuan, and Tianmen, whose cliff rim once differed in the last bits of a pow() between the two.
  for (const hash of Object.keys(NODE_HASHES) as HashFunction[]) {
    for (const tier of QUALITY_TIERS) {
      const inBrowser = await page.evaluate(
        ([name, seed, t]) =>
          (window as unknown as { yunshanWorld: Record<string, (s: number, t: string) => string> }).yunshanWorld[name](seed, t),
        [hash, DEFAULT_WORLD_SEED, tier] as const,
      );
      assert.equal(inBrowser, NODE_HASHES[hash](DEFAULT_WORLD_SEED, tier), `${hash}, ${tier} tier`);
    }
  }
  await page.close();
});

test('the scene-build worker hands over the same geometry, both scenes, every tier', async () => {
  const page = await browser.newPage();
  await page.addScriptTag({ content: await bundleForBrowser('scenes/world/geometry-hash.ts', 'yunshanWorld') });
  const workerSource = await bundleForBrowser('components/scene/scene-build.worker.ts');
  const requests = (['wulingyuan', 'tianmen'] as const).flatMap((scene) =>
    QUALITY_TIERS.map((tier) => ({ scene, seed: DEFAULT_SCENE_SEEDS[scene], tier })),
  );
  const inWorker = await page.evaluate(
    async ([source, wanted]) => {
      type Mesh = Record<string, ArrayBufferView | undefined>;
      type Reply =
        | { ok: true; build: { scene: string; geometry: Record<string, unknown>; instancing?: { pillars: unknown[] } } }
        | { ok: false; error: string };
      const hashes = (window as unknown as { yunshanWorld: Record<string, (...args: unknown[]) => string> }).yunshanWorld;
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      const fingerprints: string[] = [];
      for (const [id, request] of wanted.entries()) {
        const reply = await new Promise<Reply>((resolve, reject) => {
          worker.onmessage = (event: MessageEvent<Reply>) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage({ id, ...request });
        });
        if (!reply.ok) throw new Error(reply.error);
        const terrain = reply.build.geometry.terrain as Mesh;
        if (!(terrain.positions instanceof Float32Array)) throw new Error('the terrain did not arrive as a Float32Array');
        fingerprints.push(
          reply.build.scene === 'tianmen'
            ? hashes.fingerprintTianmenGeometry(reply.build.geometry)
            : hashes.fingerprintWorldGeometry(reply.build.geometry, reply.build.instancing!.pillars),
        );
      }
      worker.terminate();
      return fingerprints;
    },
    [workerSource, requests] as const,
  );
  requests.forEach((request, i) => {
    const inNode =
      request.scene === 'tianmen' ? hashTianmenGeometry(request.seed, request.tier) : hashWorldGeometry(request.seed, request.tier);
    assert.equal(inWorker[i], inNode, `${request.scene}, ${request.tier} tier, built in the worker`);
  });
  await page.close();
});
