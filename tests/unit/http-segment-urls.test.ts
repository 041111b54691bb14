// Content URLs and manifest URLs of bakes over HTTP: built and parsed by one module, so the
// server, the Node client and the browser agree, and anything malformed is named, not served.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BakeKey, BakeManifest } from '@/server/bake/bake-contracts';
import { FRAMES_PER_SEGMENT } from '@/scenes/protocol/frame-timing';
import { buildHttpBakeManifest, HttpBakeManifestSchema } from '@/server/stream/http-segment-manifest';
import { bakeManifestPath, parseBakeManifestPath, parseSegmentContentPath, segmentContentPath } from '@/server/stream/http-segment-urls';

const key: BakeKey = { sceneVersion: 'w0123456789abcdef-s0123', routeId: 'golden-whip', revision: 3, profileId: '360p' };
const hash = (digit: string) => digit.repeat(64);

describe('segment content URLs', () => {
  test('round trip', () => {
    assert.equal(segmentContentPath(hash('a')), `/segments/sha256/${hash('a')}`);
    assert.deepEqual(parseSegmentContentPath(segmentContentPath(hash('b'))), { kind: 'ok', value: hash('b') });
  });

  test('anything but 64 lowercase hex digits under /segments/sha256/ is refused with a reason', () => {
    for (const pathname of [
      '/segments/',
      '/segments/md5/abc',
      `/segments/sha256/${hash('A')}`,
      `/segments/sha256/${hash('a')}0`,
      '/segments/sha256/../../etc/passwd',
      `/segments/sha256/${hash('a')}/x`,
    ]) {
      const parsed = parseSegmentContentPath(pathname);
      assert.equal(parsed.kind, 'bad', pathname);
    }
    assert.throws(() => segmentContentPath('nope'), /Not a SHA-256/);
  });
});

describe('bake manifest URLs', () => {
  test('round trip', () => {
    assert.equal(bakeManifestPath(key), '/bakes/w0123456789abcdef-s0123/golden-whip/r3/360p/manifest.json');
    assert.deepEqual(parseBakeManifestPath(bakeManifestPath(key)), { kind: 'ok', value: key });
  });

  test('a bad scene version, route id, revision or profile is named', () => {
    const cases: Array<[string, RegExp]> = [
      ['/bakes/w1/golden-whip/r3/360p/other.json', /manifest URLs are/],
      ['/bakes/..x/golden-whip/r3/360p/manifest.json', /Unsafe scene version/],
      ['/bakes/w1/Golden_Whip/r3/360p/manifest.json', /not a route id/],
      ['/bakes/w1/golden-whip/r0/360p/manifest.json', /revisions start at 1/],
      ['/bakes/w1/golden-whip/r3/4k/manifest.json', /not a quality profile/],
    ];
    for (const [pathname, reason] of cases) {
      const parsed = parseBakeManifestPath(pathname);
      assert.ok(parsed.kind === 'bad', pathname);
      assert.match(parsed.reason, reason);
    }
  });
});

describe('the HTTP manifest', () => {
  const stored = (frameCount: number): BakeManifest => ({
    key,
    codec: 'vp8',
    width: 640,
    height: 360,
    fps: 30,
    frameCount,
    segmentCount: Math.ceil(frameCount / FRAMES_PER_SEGMENT),
    chunks: Array.from({ length: frameCount }, (_, index) => ({
      index,
      timestampUs: index * 33_333,
      key: index % 30 === 0,
      size: 10,
      sha256: hash('c'),
    })),
  });

  test('names every segment with its frames and content URL, the last one short', () => {
    const manifest = buildHttpBakeManifest(stored(61), [
      { sha256: hash('1'), size: 100 },
      { sha256: hash('2'), size: 200 },
      { sha256: hash('3'), size: 50 },
    ]);
    assert.deepEqual(
      manifest.segments.map((segment) => [segment.index, segment.firstFrame, segment.frameCount, segment.url]),
      [
        [0, 0, 30, `/segments/sha256/${hash('1')}`],
        [1, 30, 30, `/segments/sha256/${hash('2')}`],
        [2, 60, 1, `/segments/sha256/${hash('3')}`],
      ],
    );
    assert.equal(HttpBakeManifestSchema.safeParse(JSON.parse(JSON.stringify(manifest))).success, true);
  });

  test('a manifest whose segments do not add up to its frames is refused', () => {
    const manifest = buildHttpBakeManifest(stored(31), [
      { sha256: hash('1'), size: 100 },
      { sha256: hash('2'), size: 200 },
    ]);
    const parsed = HttpBakeManifestSchema.safeParse({ ...manifest, frameCount: 40 });
    assert.equal(parsed.success, false);
    assert.throws(() => buildHttpBakeManifest(stored(31), [{ sha256: hash('1'), size: 100 }]), /1 segment contents for 2 segments/);
  });
});
