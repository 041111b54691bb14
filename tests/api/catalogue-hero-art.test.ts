// The catalogue's hero picture travels as one cacheable image, not as inline path data in
// every page's HTML (and in the React payload that hydration walks on a phone): issue 15.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';

let tempDir: string;
let server: RunningNextServer;

before(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-hero-art-'));
  server = await startNextServer({ dbPath: path.join(tempDir, 'yunshan.sqlite') });
});
after(async () => {
  await server?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

/** The hero image's address as the catalogue writes it. */
function heroImageUrl(html: string): string {
  const found = /<img[^>]*src="(\/art\/misty-pillars\.svg\?v=[0-9a-f]+)"[^>]*>/.exec(html);
  assert.ok(found, 'the catalogue shows the hero picture as an image with a versioned address');
  assert.match(found[0], /alt=""/, 'the picture is decorative');
  assert.match(found[0], /width="1440"/, 'its size is known before it loads (no layout shift)');
  return found[1];
}

describe('catalogue hero picture', () => {
  test('the catalogue page carries no drawing of its own, only the image', async () => {
    const response = await fetch(`${server.baseUrl}/`);
    assert.equal(response.status, 200);
    const html = await response.text();
    heroImageUrl(html);
    // The drawing's gradients name every pillar rank: none in the HTML nor in its React payload.
    assert.doesNotMatch(html, /yun-rank-|yun-mist-band/, 'no inline drawing in the page');
  });

  test('the image is the whole picture, cached for a year under an address that names its version', async () => {
    const url = heroImageUrl(await (await fetch(`${server.baseUrl}/`)).text());
    const response = await fetch(`${server.baseUrl}${url}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^image\/svg\+xml/);
    const cacheControl = response.headers.get('cache-control') ?? '';
    assert.match(cacheControl, /\bimmutable\b/);
    assert.ok(Number(/max-age=(\d+)/.exec(cacheControl)?.[1]) >= 31_536_000, `cache-control: ${cacheControl}`);
    const svg = await response.text();
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // Four ranks of pillars, each a path: the picture itself, not a placeholder.
    assert.ok((svg.match(/<path\b/g) ?? []).length >= 60, 'the pillar ranks are drawn');
  });

  test('the 404 page shows the same picture', async () => {
    const response = await fetch(`${server.baseUrl}/no-such-page`);
    assert.equal(response.status, 404);
    const html = await response.text();
    heroImageUrl(html);
    assert.doesNotMatch(html, /yun-rank-|yun-mist-band/);
  });
});
