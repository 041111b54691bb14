// The local store's segments by content: each segment file is one file with two names (its
// bake path and blobs/sha256/<hex>), and a segment written before blobs existed gets its
// blob the first time its content is asked for, from bytes checked first.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BakeKey } from '@/server/bake/bake-contracts';
import { sha256Hex } from '@/server/frame-store/chunk-entry';
import { LocalFrameStore } from '@/server/frame-store/local-frame-store';
import { encodeSegment } from '@/server/frame-store/segment-file-format';
import { isCorruptChunkError } from '@/server/frame-store/frame-store-errors';
import { contractChunks } from '../helpers/frame-store-contract';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-local-content-'));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));
const key: BakeKey = { sceneVersion: 'w0-s0', routeId: 'content-route', revision: 1, profileId: '360p' };

test('a written segment and its blob are one file (a hard link), not two copies', async () => {
  const store = new LocalFrameStore(path.join(tempRoot, 'linked'));
  await store.writeSegment(key, 0, contractChunks(0));
  const content = await store.segmentContent(key, 0);
  const segment = fs.statSync(store.segmentPath(key, 0));
  const blob = fs.statSync(store.blobPath(content.sha256));
  assert.equal(segment.ino, blob.ino);
  assert.equal(segment.nlink, 2);
});

test('a segment stored before blobs existed gets its blob when its content is first asked for', async () => {
  const store = new LocalFrameStore(path.join(tempRoot, 'legacy'));
  const bytes = Buffer.concat(encodeSegment(key, 1, contractChunks(1)));
  fs.mkdirSync(path.dirname(store.segmentPath(key, 1)), { recursive: true });
  fs.writeFileSync(store.segmentPath(key, 1), bytes);
  assert.equal(await store.readSegmentBytesByHash(sha256Hex(bytes)), null, 'no blob yet');
  assert.deepEqual(await store.segmentContent(key, 1), { sha256: sha256Hex(bytes), size: bytes.byteLength });
  assert.ok(Buffer.from((await store.readSegmentBytesByHash(sha256Hex(bytes)))!).equals(bytes));
});

test('a damaged legacy segment gets no blob: its content is a CorruptChunkError', async () => {
  const store = new LocalFrameStore(path.join(tempRoot, 'damaged'));
  const bytes = Buffer.concat(encodeSegment(key, 2, contractChunks(2)));
  bytes[bytes.length - 1] ^= 1;
  fs.mkdirSync(path.dirname(store.segmentPath(key, 2)), { recursive: true });
  fs.writeFileSync(store.segmentPath(key, 2), bytes);
  await assert.rejects(
    store.segmentContent(key, 2),
    (error: unknown) => isCorruptChunkError(error) && /SHA-256 mismatch/.test(error.message),
  );
  assert.equal(fs.existsSync(path.join(store.root, 'blobs')), false);
});
