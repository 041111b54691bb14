// The local frame store keeps what it was given, byte for byte, survives interrupted
// writes, and refuses to hand back a chunk whose bytes no longer match their SHA-256.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BakeKey, BakeManifest } from '@/server/bake/bake-contracts';
import { CHUNK_HEADER_BYTES, type EncodedChunk } from '@/scenes/protocol/chunk-codec';
import { FRAMES_PER_SEGMENT } from '@/scenes/protocol/frame-timing';
import { describeChunk } from '@/server/frame-store/chunk-entry';
import { CorruptChunkError, CorruptManifestError } from '@/server/frame-store/frame-store-errors';
import { LocalFrameStore, resolveFramesDir } from '@/server/frame-store/local-frame-store';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-frame-store-'));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));
let storeCount = 0;
const freshStore = () => new LocalFrameStore(path.join(tempRoot, `store-${++storeCount}`, 'frames'));

const KEY: BakeKey = { sceneVersion: 'w0123456789abcdef-p1', routeId: 'test-route', revision: 2, profileId: '360p' };

/** Chunks of varied sizes (including empty) with bytes that depend on the frame index. */
function segmentChunks(segmentIndex: number, count = FRAMES_PER_SEGMENT): EncodedChunk[] {
  return Array.from({ length: count }, (_, position) => {
    const index = segmentIndex * FRAMES_PER_SEGMENT + position;
    const size = position === 3 ? 0 : 50 + ((index * 37) % 400);
    const data = new Uint8Array(size);
    for (let i = 0; i < size; i++) data[i] = (index * 31 + i * 7) & 0xff;
    return { index, timestampUs: Math.round((index * 1_000_000) / 30), key: position === 0, data };
  });
}

describe('LocalFrameStore segments', () => {
  test('round trip: every chunk comes back with the same index, timestamp, key flag and bytes', async () => {
    const store = freshStore();
    const written = segmentChunks(1);
    assert.equal(await store.hasSegment(KEY, 1), false);
    await store.writeSegment(KEY, 1, written);
    assert.equal(await store.hasSegment(KEY, 1), true);
    assert.equal(await store.hasSegment(KEY, 0), false);
    assert.equal(await store.hasSegment({ ...KEY, profileId: '540p' }, 1), false, 'another profile is another bake');
    const read = await store.readSegment(KEY, 1);
    assert.deepEqual(read.map(describeChunk), written.map(describeChunk));
    assert.deepEqual(
      read.map((chunk) => Buffer.from(chunk.data)),
      written.map((chunk) => Buffer.from(chunk.data)),
    );
  });

  test('a short last segment and a rewrite of the same segment both round-trip', async () => {
    const store = freshStore();
    await store.writeSegment(KEY, 4, segmentChunks(4, 7));
    const again = segmentChunks(4, 5);
    await store.writeSegment(KEY, 4, again);
    assert.deepEqual((await store.readSegment(KEY, 4)).map(describeChunk), again.map(describeChunk));
  });

  test('refuses chunks that are not the consecutive frames of that segment', async () => {
    const store = freshStore();
    await assert.rejects(store.writeSegment(KEY, 2, segmentChunks(1)), /holds chunk 30, expected 60/);
    await assert.rejects(store.writeSegment(KEY, 0, []), /1–30 chunks/);
    await assert.rejects(store.writeSegment(KEY, 0, [...segmentChunks(0), ...segmentChunks(1, 1)]), /1–30 chunks/);
    assert.equal(await store.hasSegment(KEY, 2), false);
  });

  test('a leftover temp file from an interrupted write is not a segment', async () => {
    const store = freshStore();
    const finalPath = store.segmentPath(KEY, 0);
    fs.mkdirSync(path.dirname(finalPath), { recursive: true });
    // What a process killed between write and rename leaves: a half-written temp file beside the target.
    fs.writeFileSync(path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.12345.abcdef.tmp`), Buffer.from('YSG1 half'));
    assert.equal(await store.hasSegment(KEY, 0), false);
    await store.writeSegment(KEY, 0, segmentChunks(0));
    assert.deepEqual((await store.readSegment(KEY, 0)).map(describeChunk), segmentChunks(0).map(describeChunk));
    const tempFiles = fs.readdirSync(path.dirname(finalPath)).filter((name) => name.endsWith('.tmp'));
    assert.deepEqual(tempFiles, ['.segment-000000.ysg.12345.abcdef.tmp'], 'a successful write leaves no temp file of its own');
  });

  test('a flipped byte is reported as a CorruptChunkError naming that chunk', async () => {
    const store = freshStore();
    const chunks = segmentChunks(2);
    await store.writeSegment(KEY, 2, chunks);
    const file = fs.readFileSync(store.segmentPath(KEY, 2));
    // The last byte of the file belongs to the last chunk.
    file[file.length - 1] ^= 0x01;
    fs.writeFileSync(store.segmentPath(KEY, 2), file);
    await assert.rejects(store.readSegment(KEY, 2), (error: unknown) => {
      assert.ok(error instanceof CorruptChunkError);
      assert.equal(error.chunkIndex, chunks.at(-1)!.index);
      assert.equal(error.segmentIndex, 2);
      assert.match(error.message, /chunk 89 of segment 2 .*SHA-256 mismatch/);
      return true;
    });
  });

  test('a truncated segment names the first chunk whose bytes are missing', async () => {
    const store = freshStore();
    const chunks = segmentChunks(0);
    await store.writeSegment(KEY, 0, chunks);
    const file = fs.readFileSync(store.segmentPath(KEY, 0));
    const tailBytes = chunks.slice(10).reduce((sum, chunk) => sum + CHUNK_HEADER_BYTES + chunk.data.byteLength, 0);
    // Cut into the middle of chunk 10's data, past its codec header.
    fs.writeFileSync(store.segmentPath(KEY, 0), file.subarray(0, file.length - tailBytes + CHUNK_HEADER_BYTES + 5));
    await assert.rejects(store.readSegment(KEY, 0), (error: unknown) => {
      assert.ok(error instanceof CorruptChunkError);
      assert.equal(error.chunkIndex, 10);
      assert.match(error.message, /truncated/);
      return true;
    });
  });

  test('a segment cut inside its header, a foreign file, a moved file and extra bytes are all corrupt', async () => {
    const store = freshStore();
    await store.writeSegment(KEY, 0, segmentChunks(0));
    await store.writeSegment(KEY, 1, segmentChunks(1));
    const segment0 = fs.readFileSync(store.segmentPath(KEY, 0));
    const isCorrupt = (pattern: RegExp) => (error: unknown) => error instanceof CorruptChunkError && pattern.test(error.message);

    fs.writeFileSync(store.segmentPath(KEY, 0), segment0.subarray(0, 20));
    await assert.rejects(store.readSegment(KEY, 0), isCorrupt(/segment 0 .*header/));
    fs.writeFileSync(store.segmentPath(KEY, 0), Buffer.from('<html>not a segment</html>'));
    await assert.rejects(store.readSegment(KEY, 0), isCorrupt(/not a segment file/));
    fs.copyFileSync(store.segmentPath(KEY, 1), store.segmentPath(KEY, 0));
    await assert.rejects(store.readSegment(KEY, 0), isCorrupt(/another segment/));
    fs.writeFileSync(store.segmentPath(KEY, 0), Buffer.concat([segment0, Buffer.from([1, 2, 3])]));
    await assert.rejects(store.readSegment(KEY, 0), isCorrupt(/3 unexpected bytes/));
    await assert.rejects(store.readSegment(KEY, 7), isCorrupt(/missing/));
  });

  test('keys that could escape the root folder are refused', async () => {
    const store = freshStore();
    await assert.rejects(store.writeSegment({ ...KEY, routeId: '../../etc' }, 0, segmentChunks(0)), /Unsafe route id/);
    await assert.rejects(store.hasSegment({ ...KEY, sceneVersion: '..' }, 0), /Unsafe scene version/);
    await assert.rejects(store.readPoster('a/b', 1), /Unsafe route id/);
  });

  test('resolveFramesDir: env YUNSHAN_FRAMES_DIR, else data/frames under the cwd', () => {
    assert.equal(resolveFramesDir({}, '/srv/app'), '/srv/app/data/frames');
    assert.equal(resolveFramesDir({ YUNSHAN_FRAMES_DIR: 'baked' }, '/srv/app'), '/srv/app/baked');
    assert.equal(resolveFramesDir({ YUNSHAN_FRAMES_DIR: '/var/frames' }, '/srv/app'), '/var/frames');
  });
});

describe('LocalFrameStore manifests and posters', () => {
  const manifestFor = (key: BakeKey): BakeManifest => {
    const chunks = [...segmentChunks(0), ...segmentChunks(1, 11)].map(describeChunk);
    return { key, codec: 'vp8', width: 640, height: 360, fps: 30, frameCount: chunks.length, segmentCount: 2, chunks };
  };

  test('round trip; absent is null; another bake key reads its own manifest', async () => {
    const store = freshStore();
    assert.equal(await store.readManifest(KEY), null);
    const manifest = manifestFor(KEY);
    await store.writeManifest(manifest);
    assert.deepEqual(await store.readManifest(KEY), manifest);
    assert.equal(await store.readManifest({ ...KEY, revision: 3 }), null);
  });

  test('refuses to write a manifest whose chunks do not cover every frame in order', async () => {
    const store = freshStore();
    const manifest = manifestFor(KEY);
    await assert.rejects(store.writeManifest({ ...manifest, frameCount: manifest.frameCount + 1 }), /41 chunks for 42 frames/);
    await assert.rejects(store.writeManifest({ ...manifest, chunks: [...manifest.chunks].reverse() }), /frame order/);
    assert.equal(await store.readManifest(KEY), null);
  });

  test('writing the manifest removes temp files whose writer died, and keeps those still being written', async () => {
    const store = freshStore();
    await store.writeSegment(KEY, 0, segmentChunks(0));
    const directory = store.bakeDirectory(KEY);
    // A process that has exited: its pid is a writer that died mid-write.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const abandoned = `.segment-000001.ysg.${deadPid}.0a1b2c.tmp`;
    const inFlight = `.segment-000002.ysg.${process.ppid}.3d4e5f.tmp`;
    fs.writeFileSync(path.join(directory, abandoned), 'half');
    fs.writeFileSync(path.join(directory, inFlight), 'half');
    await store.writeManifest(manifestFor(KEY));
    const names = fs.readdirSync(directory);
    assert.ok(!names.includes(abandoned), 'the dead writer’s temp file is gone');
    assert.ok(names.includes(inFlight), 'a live writer’s temp file is left alone');
    assert.ok(names.includes('manifest.json') && names.includes('segment-000000.ysg'));
  });

  test('a damaged manifest or one copied from another bake is a CorruptManifestError', async () => {
    const store = freshStore();
    const manifest = manifestFor(KEY);
    await store.writeManifest(manifest);
    const text = fs.readFileSync(store.manifestPath(KEY), 'utf8');
    fs.writeFileSync(store.manifestPath(KEY), text.slice(0, text.length / 2));
    await assert.rejects(
      store.readManifest(KEY),
      (error: unknown) => error instanceof CorruptManifestError && /not JSON/.test(error.message),
    );

    const otherKey: BakeKey = { ...KEY, profileId: '540p' };
    fs.mkdirSync(path.dirname(store.manifestPath(otherKey)), { recursive: true });
    fs.writeFileSync(store.manifestPath(otherKey), text);
    await assert.rejects(
      store.readManifest(otherKey),
      (error: unknown) => error instanceof CorruptManifestError && /another bake/.test(error.message),
    );
  });

  test('posters are kept per route revision', async () => {
    const store = freshStore();
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
    assert.equal(await store.readPoster('test-route', 1), null);
    await store.writePoster('test-route', 1, jpeg);
    assert.deepEqual(await store.readPoster('test-route', 1), jpeg);
    assert.equal(await store.readPoster('test-route', 2), null);
  });
});
