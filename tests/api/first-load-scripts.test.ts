// What a first visit downloads before it can do anything (issue 15, Lighthouse mobile): the
// scripts the catalogue's and a tour's HTML ask for carry neither zod (about 30 KB gzip of
// schemas that the poster, before play, never parses) nor three.js (the scene loads on play).
// Both used to slip in through one import of a module that also held a schema.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtChunkBodies, scriptsHolding } from '../helpers/built-chunks';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';

/** Names that survive minification: zod's core type tag, three.js's renderer class. */
const MARKERS = { zod: '"$ZodType"', 'three.js': 'WebGLRenderer' } as const;

let tempDir: string;
let server: RunningNextServer;

before(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-first-load-'));
  server = await startNextServer({ dbPath: path.join(tempDir, 'yunshan.sqlite') });
});
after(async () => {
  await server?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

/** The scripts a page's HTML makes a modern browser download (`nomodule` ones it never does). */
async function firstLoadScripts(pagePath: string): Promise<Map<string, string>> {
  const response = await fetch(`${server.baseUrl}${pagePath}`);
  assert.equal(response.status, 200, pagePath);
  const html = await response.text();
  const sources = new Set(
    [...html.matchAll(/<script\b[^>]*>/g)]
      .map((match) => match[0])
      .filter((tag) => !/\snomodule\b/i.test(tag))
      .map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1])
      .filter((src): src is string => src !== undefined),
  );
  assert.ok(sources.size > 0, `${pagePath} asks for its scripts`);
  const bodies = new Map<string, string>();
  for (const src of sources) {
    const script = await fetch(new URL(src, server.baseUrl));
    assert.equal(script.status, 200, src);
    bodies.set(src, await script.text());
  }
  return bodies;
}

describe('first-load scripts', () => {
  test('the markers still name zod and three.js in this build (so their absence below means something)', () => {
    const bodies = builtChunkBodies();
    for (const [name, marker] of Object.entries(MARKERS)) {
      assert.ok(
        bodies.some((body) => body.includes(marker)),
        `some built chunk holds ${name}`,
      );
    }
  });

  test("a tour's HTML names the poster it holds before play, so the browser fetches it beside the scripts", async () => {
    const imagePreloads = async (pagePath: string) =>
      [...(await (await fetch(`${server.baseUrl}${pagePath}`)).text()).matchAll(/<link\b[^>]*>/g)]
        .map((match) => match[0])
        .filter((tag) => tag.includes('rel="preload"') && tag.includes('as="image"'))
        .map((tag) => /\shref="([^"]+)"/.exec(tag)?.[1]);
    assert.deepEqual(await imagePreloads('/tours/hallelujah-flyover'), ['/posters/hallelujah-flyover.jpg']);
    // A page told to start the flight (here on the device) holds no poster: nothing to fetch early.
    assert.deepEqual(await imagePreloads('/tours/hallelujah-flyover?render=local'), []);
  });

  test("a tour's HTML draws the poster it holds, so the first picture needs no script (Largest Contentful Paint)", async () => {
    const posterImages = async (pagePath: string) =>
      [...(await (await fetch(`${server.baseUrl}${pagePath}`)).text()).matchAll(/<img\b[^>]*>/g)]
        .map((match) => /\ssrc="([^"]+)"/.exec(match[0])?.[1])
        .filter((src) => src?.startsWith('/posters/'));
    assert.deepEqual(await posterImages('/tours/hallelujah-flyover'), ['/posters/hallelujah-flyover.jpg']);
    assert.deepEqual(await posterImages('/tours/hallelujah-flyover?render=local'), []);
  });

  test("the catalogue's posters wait for layout (lazy): a phone fetches none of them with the scripts", async () => {
    const html = await (await fetch(`${server.baseUrl}/`)).text();
    const posters = [...html.matchAll(/<img\b[^>]*>/g)].map((match) => match[0]).filter((tag) => tag.includes('src="/posters/'));
    assert.ok(posters.length > 0, 'the catalogue shows posters');
    assert.deepEqual(
      posters.filter((tag) => !tag.includes('loading="lazy"')),
      [],
    );
    // Nor does the head preload one (React preloads an eager image from the page's head).
    assert.equal([...html.matchAll(/<link\b[^>]*rel="preload"[^>]*href="\/posters\//g)].length, 0);
  });

  for (const pagePath of ['/', '/tours/hallelujah-flyover']) {
    test(`${pagePath} loads neither zod nor three.js before the visitor asks for the flight`, async () => {
      const scripts = await firstLoadScripts(pagePath);
      for (const [name, marker] of Object.entries(MARKERS)) {
        assert.deepEqual(scriptsHolding(scripts, marker), [], `${name} in the first-load scripts of ${pagePath}`);
      }
    });
  }
});
