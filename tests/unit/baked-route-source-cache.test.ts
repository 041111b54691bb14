// The stream's segment cache (lru-cache, bounded by bytes): viewers of one route share each
// segment's disk read, the least recently used segment leaves first, a peek leaves recency alone.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BakeKey } from '@/server/bake/bake-contracts';
import type { EncodedChunk } from '@/scenes/protocol/chunk-codec';
import { FRAMES_PER_SEGMENT } from '@/scenes/protocol/frame-timing';
import { LocalFrameStore } from '@/server/frame-store/local-frame-store';
import { openRouteStore } from '@/server/routes/open-route-store';
import { BakedRouteSource } from '@/server/stream/baked-route-source';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-segment-cache-'));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

const KEY: BakeKey = { sceneVersion: 'w0123456789abcdef-p1', routeId: 'test-route', revision: 1, profileId: '360p' };
/** Every segment carries FRAMES_PER_SEGMENT chunks of this many bytes. */
const CHUNK_BYTES = 100;
const SEGMENT_BYTES = FRAMES_PER_SEGMENT * CHUNK_BYTES;

function segmentChunks(segmentIndex: number): EncodedChunk[] {
  return Array.from({ length: FRAMES_PER_SEGMENT }, (_, position) => {
    const index = segmentIndex * FRAMES_PER_SEGMENT + position;
    return {
      index,
      timestampUs: Math.round((index * 1_000_000) / 30),
      key: position === 0,
      data: new Uint8Array(CHUNK_BYTES).fill(index & 0xff),
    };
  });
}

test('segments are read once, shared by concurrent readers, and evicted least recently used first by bytes', async () => {
  const store = new LocalFrameStore(path.join(tempRoot, 'frames'));
  for (let segment = 0; segment < 3; segment++) await store.writeSegment(KEY, segment, segmentChunks(segment));
  const routes = await openRouteStore({ filePath: path.join(tempRoot, 'routes.sqlite'), seedRoutes: [] });
  after(() => routes.close());
  // Room for two segments, not three.
  const source = new BakedRouteSource({
    routes,
    store,
    listBakes: async () => [],
    sceneVersion: KEY.sceneVersion,
    cacheBytes: 2 * SEGMENT_BYTES + SEGMENT_BYTES / 2,
  });

  const [first, again] = await Promise.all([source.segment(KEY, 0), source.segment(KEY, 0)]);
  assert.equal(first, again);
  assert.equal(source.reads, 1);
  assert.deepEqual(
    first.map((chunk) => chunk.index),
    segmentChunks(0).map((chunk) => chunk.index),
  );

  await source.segment(KEY, 1);
  await source.segment(KEY, 0); // a hit: segment 0 is now the most recently used
  assert.equal(source.hits, 1);
  assert.notEqual(source.cachedSegment(KEY, 1), null); // a peek: segment 1 stays least recently used
  await source.segment(KEY, 2); // over the bound: segment 1 leaves
  assert.equal(source.reads, 3);
  assert.equal(source.cachedSegment(KEY, 1), null);
  assert.notEqual(source.cachedSegment(KEY, 0), null);
  assert.notEqual(source.cachedSegment(KEY, 2), null);
});
