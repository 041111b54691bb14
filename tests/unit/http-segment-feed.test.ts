// The browser's HTTP segment feed against a real HTTP server on loopback serving real segment
// bytes (written by the render server's own segment writer) and a manifest naming them: chunks
// arrive in order from the segment holding the start frame, a seek starts again at its segment,
// a failing request is tried again, and bytes that do not match the manifest are never played.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpSegmentFeed } from '@/components/player/cloud/http-segment-feed';
import { HTTP_BAKE_FORMAT, HttpBakeManifestSchema } from '@/scenes/protocol/http-bake-manifest';
import type { LabelledChunk } from '@/scenes/protocol/chunk-codec';
import { encodeSegment } from '@/server/frame-store/segment-file-format';
import type { BakeKey } from '@/server/bake/bake-contracts';

const KEY: BakeKey = { sceneVersion: 'scene-1', routeId: 'tianmen-ascent', revision: 3, profileId: '360p' };
const FRAME_COUNT = 200; // 7 segments, the last one of 20 frames

const segments = Array.from({ length: Math.ceil(FRAME_COUNT / 30) }, (_, segmentIndex) => {
  const count = Math.min(30, FRAME_COUNT - segmentIndex * 30);
  const chunks = Array.from({ length: count }, (_, position) => {
    const index = segmentIndex * 30 + position;
    return { index, timestampUs: Math.round((index * 1e6) / 30), key: position === 0, data: new Uint8Array([index % 251, position]) };
  });
  const bytes = Buffer.concat(encodeSegment(KEY, segmentIndex, chunks));
  return { segmentIndex, count, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
});

const manifest = HttpBakeManifestSchema.parse({
  format: HTTP_BAKE_FORMAT,
  key: KEY,
  codec: 'vp8',
  width: 640,
  height: 360,
  fps: 30,
  frameCount: FRAME_COUNT,
  segments: segments.map(({ segmentIndex, count, bytes, sha256 }) => ({
    index: segmentIndex,
    firstFrame: segmentIndex * 30,
    frameCount: count,
    sha256,
    size: bytes.byteLength,
    url: `/segments/sha256/${sha256}`,
  })),
});

let server: http.Server;
let baseUrl: string;
const requested: string[] = [];
/** Paths answered with a 500 this many more times. */
const failures = new Map<string, number>();
/** Paths answered with other bytes of the same size. */
const corrupted = new Set<string>();

before(async () => {
  server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    requested.push(path);
    const fail = failures.get(path) ?? 0;
    if (fail > 0) {
      failures.set(path, fail - 1);
      response.writeHead(500).end('try again');
      return;
    }
    if (path === '/bakes/manifest.json') {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(manifest));
      return;
    }
    const segment = segments.find(({ sha256 }) => path === `/segments/sha256/${sha256}`);
    if (!segment) {
      response.writeHead(404).end();
      return;
    }
    const bytes = corrupted.has(path) ? Buffer.from(segment.bytes).fill(7, segment.bytes.byteLength - 1) : segment.bytes;
    response.writeHead(200).end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function feedFor(now: () => number = () => performance.now()) {
  const frames: number[] = [];
  const data = new Map<number, number[]>();
  const problems: (string | null)[] = [];
  const feed = new HttpSegmentFeed({
    manifestUrl: `${baseUrl}/bakes/manifest.json`,
    profileId: '360p',
    media: {
      frame: (chunk: LabelledChunk) => {
        frames.push(chunk.index);
        data.set(chunk.index, [...chunk.data]);
      },
    },
    now,
    onProblem: (problem) => problems.push(problem),
  });
  return { feed, frames, data, problems };
}

async function until(what: string, condition: () => boolean, pump: () => void): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    pump();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the HTTP segment feed', () => {
  test('plays from the segment holding the start frame, in order, to the end as the playhead moves', async () => {
    const { feed, frames } = feedFor();
    feed.seek(75);
    let playhead = 75;
    await until(
      'every frame from 60',
      () => frames.at(-1) === FRAME_COUNT - 1,
      () => feed.pump((playhead = Math.min(playhead + 10, 199))),
    );
    assert.deepEqual(
      frames,
      Array.from({ length: FRAME_COUNT - 60 }, (_, i) => 60 + i),
      'from the keyframe at 60, each frame once, in order',
    );
    assert.equal(feed.requests.manifest, 1);
    assert.equal(feed.requests.segment, segments.length - 2);
    feed.close();
  });

  test('fetches only a few seconds ahead of a paused playhead, and a seek starts again at its segment', async () => {
    const { feed, frames } = feedFor();
    feed.seek(0);
    await until(
      'the window ahead of frame 0',
      () => frames.length === 5 * 30,
      () => feed.pump(0),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    feed.pump(0);
    assert.equal(frames.length, 5 * 30, 'segments 0–4 and no more while the playhead stays at 0');
    frames.length = 0;
    feed.seek(185);
    await until(
      'the last segment',
      () => frames.at(-1) === FRAME_COUNT - 1,
      () => feed.pump(185),
    );
    assert.deepEqual(
      frames,
      Array.from({ length: 20 }, (_, i) => 180 + i),
    );
    feed.close();
  });

  test('a failing request is tried again; bytes that do not match the manifest are never handed on', async () => {
    let nowMs = 0;
    const { feed, frames, data, problems } = feedFor(() => nowMs);
    const first = `/segments/sha256/${segments[0].sha256}`;
    failures.set(first, 3);
    corrupted.add(`/segments/sha256/${segments[1].sha256}`);
    feed.seek(0);
    // Segments 0 and 1 are fetched side by side, so which problem is reported first is a race:
    // wait for segment 0's.
    const segmentZeroFailed = () => problems.findIndex((problem) => /segment 0: HTTP 500/.test(problem ?? ''));
    await until(
      'three failures in a row',
      () => segmentZeroFailed() >= 0,
      () => {
        nowMs += 1000;
        feed.pump(0);
      },
    );
    assert.equal(frames.length, 0);
    await until(
      'segment 0 after its retries',
      () => frames.length === 30,
      () => {
        nowMs += 1000;
        feed.pump(0);
      },
    );
    assert.ok(problems.slice(segmentZeroFailed()).includes(null), 'the problem clears once a request succeeds');
    corrupted.clear();
    await until(
      'segment 1 fetched again, intact',
      () => frames.length >= 60,
      () => {
        nowMs += 1000;
        feed.pump(0);
      },
    );
    assert.deepEqual(
      frames.slice(0, 60),
      Array.from({ length: 60 }, (_, i) => i),
    );
    assert.ok(requested.filter((path) => path === first).length >= 4);
    const second = `/segments/sha256/${segments[1].sha256}`;
    assert.ok(requested.filter((path) => path === second).length >= 2, 'the damaged copy was refused and fetched again');
    assert.deepEqual(data.get(59), [59, 29], 'the frame played is the one the manifest names');
    assert.ok(
      problems.some((problem) => /segment 1: the bytes do not have the SHA-256/.test(problem ?? '')),
      `the damaged copy was reported: ${JSON.stringify(problems)}`,
    );
    feed.close();
  });
});
