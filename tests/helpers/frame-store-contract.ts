// What every FrameStore promises, as one set of cases run against each implementation
// (local disk, S3-compatible object storage): bytes kept exactly, absence reported as
// null/false, damage reported as a Corrupt*Error and never returned, a rewrite of the same
// segment leaving the same stored bytes, concurrent writers and readers never seeing
// half a segment, and every segment also readable by the SHA-256 of its stored bytes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BakeKey, BakeManifest, FrameStore } from '@/server/bake/bake-contracts';
import type { EncodedChunk } from '@/scenes/protocol/chunk-codec';
import { FRAMES_PER_SEGMENT } from '@/scenes/protocol/frame-timing';
import { describeChunk, sha256Hex } from '@/server/frame-store/chunk-entry';
import { isCorruptChunkError, CorruptManifestError, CorruptSegmentContentError } from '@/server/frame-store/frame-store-errors';
import type { SegmentContentStore } from '@/server/frame-store/segment-content';
import { decodeSegment } from '@/server/frame-store/segment-file-format';

export interface StoreUnderTest {
  store: FrameStore & SegmentContentStore;
  /** Everything the store keeps, by name relative to its root, with its bytes. */
  snapshot(): Promise<Map<string, Buffer>>;
  /** Flips the last byte of a stored segment in place, as a bad disk or a bad copy would. */
  corruptSegment(key: BakeKey, segmentIndex: number): Promise<void>;
  /** Cuts a stored manifest in half in place. */
  corruptManifest(key: BakeKey): Promise<void>;
}

export interface FrameStoreImplementation {
  name: string;
  /** A fresh, empty store. */
  open(): Promise<StoreUnderTest>;
}

export const CONTRACT_KEY: BakeKey = { sceneVersion: 'w0123456789abcdef-p1', routeId: 'contract-route', revision: 2, profileId: '360p' };

/** Chunks of varied sizes (one empty) whose bytes depend on the frame index and `variant`. */
export function contractChunks(segmentIndex: number, count = FRAMES_PER_SEGMENT, variant = 0): EncodedChunk[] {
  return Array.from({ length: count }, (_, position) => {
    const index = segmentIndex * FRAMES_PER_SEGMENT + position;
    const size = position === 3 ? 0 : 50 + ((index * 37 + variant * 11) % 400);
    const data = new Uint8Array(size);
    for (let i = 0; i < size; i++) data[i] = (index * 31 + i * 7 + variant * 101) & 0xff;
    return { index, timestampUs: Math.round((index * 1_000_000) / 30), key: position === 0, data };
  });
}

function contractManifest(key: BakeKey): BakeManifest {
  const chunks = [...contractChunks(0), ...contractChunks(1, 11)].map(describeChunk);
  return { key, codec: 'vp8', width: 640, height: 360, fps: 30, frameCount: chunks.length, segmentCount: 2, chunks };
}

/** The chunks' metadata and bytes, for deepEqual. */
const exactly = (chunks: readonly EncodedChunk[]) =>
  chunks.map((chunk) => ({ ...describeChunk(chunk), data: Buffer.from(chunk.data).toString('base64') }));

export function defineFrameStoreContract(implementation: FrameStoreImplementation): void {
  describe(`FrameStore contract: ${implementation.name}`, () => {
    test('segment round trip: every chunk back with its index, timestamp, key flag and bytes; a short last segment too', async () => {
      const { store } = await implementation.open();
      assert.equal(await store.hasSegment(CONTRACT_KEY, 1), false);
      await store.writeSegment(CONTRACT_KEY, 1, contractChunks(1));
      assert.equal(await store.hasSegment(CONTRACT_KEY, 1), true);
      assert.deepEqual(exactly(await store.readSegment(CONTRACT_KEY, 1)), exactly(contractChunks(1)));
      await store.writeSegment(CONTRACT_KEY, 4, contractChunks(4, 7));
      assert.deepEqual(exactly(await store.readSegment(CONTRACT_KEY, 4)), exactly(contractChunks(4, 7)));
    });

    test('absent is false or null, and reading an absent segment is a CorruptChunkError, never empty bytes', async () => {
      const { store } = await implementation.open();
      await store.writeSegment(CONTRACT_KEY, 0, contractChunks(0));
      assert.equal(await store.hasSegment(CONTRACT_KEY, 1), false);
      assert.equal(await store.hasSegment({ ...CONTRACT_KEY, profileId: '540p' }, 0), false, 'another profile is another bake');
      assert.equal(await store.readManifest(CONTRACT_KEY), null);
      assert.equal(await store.readPoster(CONTRACT_KEY.routeId, 1), null);
      await assert.rejects(
        store.readSegment(CONTRACT_KEY, 7),
        (error: unknown) => isCorruptChunkError(error) && error.segmentIndex === 7 && /missing/.test(error.message),
      );
    });

    test('refuses chunks that are not the consecutive frames of that segment, and keys that climb out of the store', async () => {
      const { store } = await implementation.open();
      await assert.rejects(store.writeSegment(CONTRACT_KEY, 2, contractChunks(1)), /holds chunk 30, expected 60/);
      await assert.rejects(store.writeSegment(CONTRACT_KEY, 0, []), /1–30 chunks/);
      await assert.rejects(store.writeSegment({ ...CONTRACT_KEY, routeId: '../../etc' }, 0, contractChunks(0)), /Unsafe route id/);
      await assert.rejects(store.readPoster('a/b', 1), /Unsafe route id/);
      assert.equal(await store.hasSegment(CONTRACT_KEY, 2), false);
    });

    test('manifest round trip; another revision has none; an invalid manifest is refused and nothing is stored', async () => {
      const { store } = await implementation.open();
      const manifest = contractManifest(CONTRACT_KEY);
      await assert.rejects(store.writeManifest({ ...manifest, frameCount: manifest.frameCount + 1 }), /41 chunks for 42 frames/);
      assert.equal(await store.readManifest(CONTRACT_KEY), null);
      await store.writeManifest(manifest);
      assert.deepEqual(await store.readManifest(CONTRACT_KEY), manifest);
      assert.equal(await store.readManifest({ ...CONTRACT_KEY, revision: 3 }), null);
    });

    test('posters are kept per route revision, byte for byte', async () => {
      const { store } = await implementation.open();
      const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
      await store.writePoster(CONTRACT_KEY.routeId, 1, jpeg);
      assert.deepEqual(await store.readPoster(CONTRACT_KEY.routeId, 1), jpeg);
      assert.equal(await store.readPoster(CONTRACT_KEY.routeId, 2), null);
    });

    test('a flipped byte is a CorruptChunkError naming the damaged chunk; a damaged manifest is a CorruptManifestError', async () => {
      const target = await implementation.open();
      const chunks = contractChunks(2);
      await target.store.writeSegment(CONTRACT_KEY, 2, chunks);
      await target.corruptSegment(CONTRACT_KEY, 2);
      await assert.rejects(target.store.readSegment(CONTRACT_KEY, 2), (error: unknown) => {
        assert.ok(isCorruptChunkError(error), `a CorruptChunkError, not ${String(error)}`);
        assert.equal(error.segmentIndex, 2);
        assert.equal(error.chunkIndex, chunks.at(-1)!.index, 'the last byte belongs to the last chunk');
        return true;
      });
      assert.equal(await target.store.hasSegment(CONTRACT_KEY, 2), true, 'still there, so a bake re-renders it instead of skipping it');
      await target.store.writeSegment(CONTRACT_KEY, 2, chunks);
      assert.deepEqual(exactly(await target.store.readSegment(CONTRACT_KEY, 2)), exactly(chunks), 'writing it again repairs it');

      await target.store.writeManifest(contractManifest(CONTRACT_KEY));
      await target.corruptManifest(CONTRACT_KEY);
      await assert.rejects(target.store.readManifest(CONTRACT_KEY), CorruptManifestError);
    });

    test('writing the same segment, manifest and poster twice leaves exactly the same stored bytes', async () => {
      const target = await implementation.open();
      const writeAll = async () => {
        await target.store.writeSegment(CONTRACT_KEY, 0, contractChunks(0));
        await target.store.writeSegment(CONTRACT_KEY, 1, contractChunks(1, 11));
        await target.store.writeManifest(contractManifest(CONTRACT_KEY));
        await target.store.writePoster(CONTRACT_KEY.routeId, 2, new Uint8Array([0xff, 0xd8, 9, 0xff, 0xd9]));
      };
      await writeAll();
      const first = await target.snapshot();
      await writeAll();
      const second = await target.snapshot();
      assert.deepEqual([...second.keys()].sort(), [...first.keys()].sort());
      for (const [name, bytes] of first) assert.ok(bytes.equals(second.get(name)!), `${name} changed on the second write`);
    });

    test('concurrent writers of one segment: every read sees one whole version, never a mix or half of one', async () => {
      const { store } = await implementation.open();
      const versions = [contractChunks(3, FRAMES_PER_SEGMENT, 1), contractChunks(3, FRAMES_PER_SEGMENT, 2)].map(exactly);
      await store.writeSegment(CONTRACT_KEY, 3, contractChunks(3, FRAMES_PER_SEGMENT, 1));
      let writing = true;
      let reads = 0;
      const reader = (async () => {
        while (writing) {
          const seen = exactly(await store.readSegment(CONTRACT_KEY, 3));
          assert.ok(
            versions.some((version) => JSON.stringify(version) === JSON.stringify(seen)),
            'a read returned neither version whole',
          );
          reads++;
        }
      })();
      await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.writeSegment(CONTRACT_KEY, 3, contractChunks(3, FRAMES_PER_SEGMENT, 1 + (i % 2)))),
      );
      writing = false;
      await reader;
      assert.ok(reads > 0);
      const final = exactly(await store.readSegment(CONTRACT_KEY, 3));
      assert.ok(versions.some((version) => JSON.stringify(version) === JSON.stringify(final)));
    });

    test('a reader that sees a segment can read all of it, even while it is being written', async () => {
      const { store } = await implementation.open();
      const segments = Array.from({ length: 6 }, (_, segmentIndex) => segmentIndex);
      let writing = true;
      const seen = new Set<number>();
      const reader = (async () => {
        while (writing || seen.size < segments.length) {
          for (const segmentIndex of segments) {
            if (seen.has(segmentIndex) || !(await store.hasSegment(CONTRACT_KEY, segmentIndex))) continue;
            // Visible means whole: the read must not fail and must return every chunk.
            assert.deepEqual(exactly(await store.readSegment(CONTRACT_KEY, segmentIndex)), exactly(contractChunks(segmentIndex)));
            seen.add(segmentIndex);
          }
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      await Promise.all(segments.map((segmentIndex) => store.writeSegment(CONTRACT_KEY, segmentIndex, contractChunks(segmentIndex))));
      writing = false;
      await reader;
      assert.deepEqual([...seen].sort(), segments);
    });

    test('segments by content: the SHA-256 and size of the stored bytes, and exactly those bytes back by that hash', async () => {
      const { store } = await implementation.open();
      await store.writeSegment(CONTRACT_KEY, 0, contractChunks(0));
      const content = await store.segmentContent(CONTRACT_KEY, 0);
      const bytes = await store.readSegmentBytesByHash(content.sha256);
      assert.ok(bytes !== null);
      assert.equal(bytes.byteLength, content.size);
      assert.equal(sha256Hex(bytes), content.sha256);
      assert.deepEqual(
        exactly(decodeSegment(Buffer.from(bytes), CONTRACT_KEY, 0)),
        exactly(contractChunks(0)),
        'the stored segment, decodable as such',
      );
      await store.writeSegment(CONTRACT_KEY, 0, contractChunks(0));
      assert.deepEqual(await store.segmentContent(CONTRACT_KEY, 0), content, 'the same chunks are the same content');
      // A re-bake with other bytes is other content; a client holding the old URL can still finish.
      await store.writeSegment(CONTRACT_KEY, 0, contractChunks(0, FRAMES_PER_SEGMENT, 5));
      const rebaked = await store.segmentContent(CONTRACT_KEY, 0);
      assert.notEqual(rebaked.sha256, content.sha256);
      assert.equal(sha256Hex((await store.readSegmentBytesByHash(rebaked.sha256))!), rebaked.sha256);
      assert.equal(sha256Hex((await store.readSegmentBytesByHash(content.sha256))!), content.sha256);
    });

    test('by content: an unknown hash is null, a malformed one is refused, a missing segment has no content', async () => {
      const { store } = await implementation.open();
      assert.equal(await store.readSegmentBytesByHash('0'.repeat(64)), null);
      await assert.rejects(store.readSegmentBytesByHash('../../etc/passwd'), /Not a SHA-256/);
      await assert.rejects(store.readSegmentBytesByHash('A'.repeat(64)), /Not a SHA-256/);
      await assert.rejects(
        store.segmentContent(CONTRACT_KEY, 9),
        (error: unknown) => isCorruptChunkError(error) && error.segmentIndex === 9 && /missing/.test(error.message),
      );
    });

    test('by content: damaged bytes are a CorruptSegmentContentError, never returned', async () => {
      const target = await implementation.open();
      await target.store.writeSegment(CONTRACT_KEY, 2, contractChunks(2));
      const content = await target.store.segmentContent(CONTRACT_KEY, 2);
      await target.corruptSegment(CONTRACT_KEY, 2);
      await assert.rejects(target.store.readSegmentBytesByHash(content.sha256), (error: unknown) => {
        assert.ok(error instanceof CorruptSegmentContentError, `a CorruptSegmentContentError, not ${String(error)}`);
        assert.equal(error.sha256, content.sha256);
        return true;
      });
    });
  });
}
