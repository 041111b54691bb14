// Baked segments as immutable HTTP objects (issue 13): the render server answers a bake's
// manifest and each segment's content URL with the caching headers a CDN needs (immutable,
// strong ETag, 304, byte ranges, CORS for the site), refuses bad and unknown names clearly and
// damaged bytes with a 5xx; and behind a real nginx cache, 20 Node clients fetching the whole
// route at once cost the origin one request per segment, each client getting the stored bytes.
// The same URLs serve a bake kept in S3-compatible object storage (s3rver on loopback).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { BakeKey } from '@/server/bake/bake-contracts';
import { openFrameStore } from '@/server/frame-store/open-frame-store';
import { silentLogger } from '@/server/log';
import { IMMUTABLE_CACHE_CONTROL, MANIFEST_CACHE_CONTROL, SEGMENT_CONTENT_TYPE } from '@/server/http/segment-http-routes';
import { startRenderServer, type RunningRenderServer } from '@/server/render-server';
import { loadRenderServerConfig } from '@/server/render-server-config';
import { HttpSegmentClient } from '@/server/stream/http-segment-client';
import type { HttpBakeManifest } from '@/server/stream/http-segment-manifest';
import { bakeManifestPath, segmentContentPath } from '@/server/stream/http-segment-urls';
import { contractChunks } from '../helpers/frame-store-contract';
import { bakeHttpTestRoute, type BakedHttpRoute } from '../helpers/http-segment-origin';
import { startNginxCache, type RunningNginxCache } from '../helpers/nginx-cache';
import { S3_TEST_CREDENTIALS, startS3Server, type RunningS3Server } from '../helpers/s3-server';

const SITE = 'http://127.0.0.1:3000';
const VIEWERS = 20;

let baked: BakedHttpRoute;
let render: RunningRenderServer;
let nginx: RunningNginxCache | null = null;
let manifest: HttpBakeManifest;
let s3: RunningS3Server | null = null;
let s3Render: RunningRenderServer | null = null;
const scratchKeys: BakeKey[] = [];

before(async () => {
  baked = await bakeHttpTestRoute('360p');
  render = await startRenderServer(loadRenderServerConfig(baked.renderEnv(0, SITE)), silentLogger());
  manifest = await new HttpSegmentClient({ baseUrl: render.url }).manifest(baked.key);
});

after(async () => {
  await nginx?.stop();
  await s3Render?.close();
  await s3?.stop();
  await render?.close();
  for (const key of scratchKeys) fs.rmSync(baked.store.bakeDirectory(key), { recursive: true, force: true });
  baked?.cleanUp();
});

const storedSegment = (segmentIndex: number) => fs.readFileSync(baked.store.segmentPath(baked.key, segmentIndex));
const segmentUrl = (base: string, segmentIndex: number) => `${base}${manifest.segments[segmentIndex].url}`;

/** Requests that reached the render server, by kind, from its /metrics. */
async function originRequests(kind: 'segment' | 'manifest'): Promise<number> {
  const text = await (await fetch(`${render.url}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^yunshan_http_segment_requests_total\{([^}]*)\} (\S+)$/.exec(line);
    if (match !== null && match[1].includes(`kind="${kind}"`)) total += Number(match[2]);
  }
  return total;
}

describe('segments over HTTP from the render server', { concurrency: false }, () => {
  test('the manifest names every segment; a content URL answers the stored bytes, immutable, with a strong ETag; HEAD too', async () => {
    const response = await fetch(`${render.url}${bakeManifestPath(baked.key)}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), MANIFEST_CACHE_CONTROL);
    assert.match(response.headers.get('etag') ?? '', /^"[0-9a-f]{64}"$/);
    assert.equal(manifest.frameCount, 601);
    assert.equal(manifest.segments.length, 21);
    assert.deepEqual(manifest.key, baked.key);

    const segment = await fetch(segmentUrl(render.url, 0));
    assert.equal(segment.status, 200);
    assert.equal(segment.headers.get('cache-control'), IMMUTABLE_CACHE_CONTROL);
    assert.equal(segment.headers.get('etag'), `"${manifest.segments[0].sha256}"`);
    assert.equal(segment.headers.get('content-type'), SEGMENT_CONTENT_TYPE);
    assert.equal(segment.headers.get('accept-ranges'), 'bytes');
    assert.ok(Buffer.from(await segment.arrayBuffer()).equals(storedSegment(0)), 'the stored bytes');

    const head = await fetch(segmentUrl(render.url, 1), { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(Number(head.headers.get('content-length')), storedSegment(1).byteLength);
    assert.equal((await head.arrayBuffer()).byteLength, 0);
  });

  test('If-None-Match with the ETag is a 304 for segments and the manifest', async () => {
    const etag = `"${manifest.segments[2].sha256}"`;
    const segment = await fetch(segmentUrl(render.url, 2), { headers: { 'If-None-Match': `"other", ${etag}` } });
    assert.equal(segment.status, 304);
    assert.equal(segment.headers.get('etag'), etag);
    const manifestUrl = `${render.url}${bakeManifestPath(baked.key)}`;
    const manifestEtag = (await fetch(manifestUrl)).headers.get('etag')!;
    assert.equal((await fetch(manifestUrl, { headers: { 'If-None-Match': manifestEtag } })).status, 304);
    assert.equal((await fetch(segmentUrl(render.url, 2), { headers: { 'If-None-Match': '"other"' } })).status, 200);
  });

  test('byte ranges: 206 with Content-Range, a suffix, 416 past the end, and If-Range with another tag gets the whole body', async () => {
    const stored = storedSegment(3);
    const first = await fetch(segmentUrl(render.url, 3), { headers: { Range: 'bytes=0-99' } });
    assert.equal(first.status, 206);
    assert.equal(first.headers.get('content-range'), `bytes 0-99/${stored.byteLength}`);
    assert.ok(Buffer.from(await first.arrayBuffer()).equals(stored.subarray(0, 100)));
    const suffix = await fetch(segmentUrl(render.url, 3), { headers: { Range: 'bytes=-10' } });
    assert.equal(suffix.status, 206);
    assert.ok(Buffer.from(await suffix.arrayBuffer()).equals(stored.subarray(stored.byteLength - 10)));
    const past = await fetch(segmentUrl(render.url, 3), { headers: { Range: `bytes=${stored.byteLength}-` } });
    assert.equal(past.status, 416);
    assert.equal(past.headers.get('content-range'), `bytes */${stored.byteLength}`);
    const stale = await fetch(segmentUrl(render.url, 3), { headers: { Range: 'bytes=0-99', 'If-Range': '"other"' } });
    assert.equal(stale.status, 200);
    assert.equal((await stale.arrayBuffer()).byteLength, stored.byteLength);
  });

  test('CORS: the site may read the bytes and their headers, another origin may not; a Range preflight is answered', async () => {
    const allowed = await fetch(segmentUrl(render.url, 0), { headers: { Origin: SITE } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), SITE);
    assert.match(allowed.headers.get('access-control-expose-headers') ?? '', /ETag.*Content-Range/);
    assert.match(allowed.headers.get('vary') ?? '', /Origin/);
    const other = await fetch(segmentUrl(render.url, 0), { headers: { Origin: 'https://elsewhere.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const preflight = await fetch(segmentUrl(render.url, 0), {
      method: 'OPTIONS',
      headers: { Origin: SITE, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'range' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), SITE);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Range/);
    const manifestCors = await fetch(`${render.url}${bakeManifestPath(baked.key)}`, { headers: { Origin: SITE } });
    assert.equal(manifestCors.headers.get('access-control-allow-origin'), SITE);
  });

  test('bad names are a 400 and unknown ones a 404, never cached; other methods a 405', async () => {
    const expectError = async (path: string, status: number, message: RegExp, init: RequestInit = {}) => {
      const response = await fetch(`${render.url}${path}`, init);
      assert.equal(response.status, status, path);
      assert.equal(response.headers.get('cache-control'), 'no-store', path);
      const body = (await response.json()) as { error: { message: string } };
      assert.match(body.error.message, message, path);
    };
    await expectError('/segments/sha256/not-a-hash', 400, /not a SHA-256/);
    await expectError('/segments/md5/abc', 400, /segment URLs are/);
    await expectError(segmentContentPath('0'.repeat(64)), 404, /No segment with SHA-256 0{64}/);
    await expectError(bakeManifestPath({ ...baked.key, revision: 99 }), 404, /No finished bake of stream-e2e r99 at 360p/);
    await expectError(`/bakes/${baked.key.sceneVersion}/stream-e2e/r1/8k/manifest.json`, 400, /not a quality profile/);
    await expectError(segmentContentPath(manifest.segments[0].sha256), 405, /not allowed/, { method: 'DELETE' });
  });

  test('a segment whose stored bytes are damaged is a 500 that says so, never the bytes', async () => {
    const key: BakeKey = { ...baked.key, sceneVersion: `${baked.key.sceneVersion}-http-damage-test` };
    scratchKeys.push(key);
    await baked.store.writeSegment(key, 0, contractChunks(0));
    const { sha256 } = await baked.store.segmentContent(key, 0);
    const blob = fs.readFileSync(baked.store.blobPath(sha256));
    blob[blob.length - 1] ^= 1;
    fs.writeFileSync(baked.store.blobPath(sha256), blob);
    const response = await fetch(`${render.url}${segmentContentPath(sha256)}`);
    assert.equal(response.status, 500);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'corrupt_stored_bytes');
    assert.match(body.error.message, new RegExp(`segment ${sha256} failed their SHA-256 check`));
    fs.rmSync(baked.store.blobPath(sha256));
  });
});

describe('segments over HTTP behind a real nginx cache', { concurrency: false }, () => {
  test(`${VIEWERS} clients fetching the whole route at once cost the origin one request per segment, and each gets the stored bytes`, async () => {
    nginx = await startNginxCache({ upstream: render.url });
    const segmentsBefore = await originRequests('segment');
    const manifestsBefore = await originRequests('manifest');
    const fetchAll = async () => {
      const client = new HttpSegmentClient({ baseUrl: nginx!.url });
      const seen = await client.manifest(baked.key);
      const segments: Uint8Array[] = [];
      for (const segment of seen.segments) segments.push(await client.segmentBytes(segment));
      return segments;
    };
    const results = await Promise.all(Array.from({ length: VIEWERS }, fetchAll));
    for (const segments of results) {
      assert.equal(segments.length, manifest.segments.length);
      segments.forEach((bytes, segmentIndex) =>
        assert.ok(Buffer.from(bytes).equals(storedSegment(segmentIndex)), `segment ${segmentIndex} differs from the stored bytes`),
      );
    }
    assert.equal((await originRequests('segment')) - segmentsBefore, manifest.segments.length, 'one origin request per segment');
    assert.equal((await originRequests('manifest')) - manifestsBefore, 1, 'one origin request for the manifest');
    // The chunks decode with the stored format's checks, exactly the stored frames.
    const client = new HttpSegmentClient({ baseUrl: nginx.url });
    const frames = [];
    for await (const chunk of client.frames(baked.key)) frames.push(chunk);
    assert.equal(frames.length, 601);
    assert.deepEqual(
      frames.slice(0, 30).map((chunk) => Buffer.from(chunk.data).toString('base64')),
      (await baked.store.readSegment(baked.key, 0)).map((chunk) => Buffer.from(chunk.data).toString('base64')),
    );
    assert.equal((await originRequests('segment')) - segmentsBefore, manifest.segments.length, 'a later viewer is served from the cache');
  });

  test('the cache passes on the immutable headers and serves ranges and 304s itself', async () => {
    assert.ok(nginx !== null, 'started by the test before');
    const before = await originRequests('segment');
    const whole = await fetch(segmentUrl(nginx.url, 4));
    assert.equal(whole.status, 200);
    assert.equal(whole.headers.get('x-cache-status'), 'HIT');
    assert.equal(whole.headers.get('cache-control'), IMMUTABLE_CACHE_CONTROL);
    assert.equal(whole.headers.get('etag'), `"${manifest.segments[4].sha256}"`);
    await whole.arrayBuffer();
    const range = await fetch(segmentUrl(nginx.url, 4), { headers: { Range: 'bytes=10-19' } });
    assert.equal(range.status, 206);
    assert.ok(Buffer.from(await range.arrayBuffer()).equals(storedSegment(4).subarray(10, 20)));
    const notModified = await fetch(segmentUrl(nginx.url, 4), { headers: { 'If-None-Match': `"${manifest.segments[4].sha256}"` } });
    assert.equal(notModified.status, 304);
    assert.equal((await originRequests('segment')) - before, 0, 'all answered by nginx');
  });
});

describe('segments over HTTP from object storage', () => {
  test('a bake kept in an S3 bucket is served at the same content URLs, byte for byte', async () => {
    s3 = await startS3Server();
    const prefix = 'http-segments/';
    const bucket = await openFrameStore(s3.settings(prefix), { s3Credentials: S3_TEST_CREDENTIALS });
    try {
      // The local bake's chunks written through the S3 store: the same segment bytes, so the same hashes.
      for (let segmentIndex = 0; segmentIndex < manifest.segments.length; segmentIndex++) {
        await bucket.store.writeSegment(baked.key, segmentIndex, await baked.store.readSegment(baked.key, segmentIndex));
      }
      await bucket.store.writeManifest((await baked.store.readManifest(baked.key))!);
    } finally {
      await bucket.close();
    }
    process.env.AWS_ACCESS_KEY_ID = S3_TEST_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = S3_TEST_CREDENTIALS.secretAccessKey;
    const env: Record<string, string> = { ...baked.renderEnv(0, SITE), ...s3.env(prefix) };
    delete env.YUNSHAN_FRAMES_DIR;
    s3Render = await startRenderServer(loadRenderServerConfig(env), silentLogger());
    const fromBucket = await new HttpSegmentClient({ baseUrl: s3Render.url }).manifest(baked.key);
    assert.deepEqual(fromBucket, manifest, 'the same manifest: the same segment bytes under the same hashes');
    for (const segmentIndex of [0, 20]) {
      const response: Response = await fetch(segmentUrl(s3Render.url, segmentIndex));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), IMMUTABLE_CACHE_CONTROL);
      assert.ok(Buffer.from(await response.arrayBuffer()).equals(storedSegment(segmentIndex)), `segment ${segmentIndex}`);
    }
    const range = await fetch(segmentUrl(s3Render.url, 1), { headers: { Range: 'bytes=0-3' } });
    assert.equal(range.status, 206);
    assert.equal(Buffer.from(await range.arrayBuffer()).toString('ascii'), 'YSG2');
    assert.equal((await fetch(`${s3Render.url}${segmentContentPath('0'.repeat(64))}`)).status, 404);
  });
});
