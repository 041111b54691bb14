// The stored segment (YSG2): its chunks in the one chunk codec, read back exactly; any
// damaged byte, codec headers included, is a CorruptChunkError, never another exception
// and never wrong frames.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { BakeKey } from '@/server/bake/bake-contracts';
import { isCorruptChunkError } from '@/server/frame-store/frame-store-errors';
import { decodeSegment, encodeSegment, hasSegmentMagic } from '@/server/frame-store/segment-file-format';
import { CHUNK_HEADER_BYTES, decodeChunkMessage } from '@/scenes/protocol/chunk-codec';
import { profileIndexOf } from '@/scenes/protocol/profile-ladder';
import { contractChunks } from '../helpers/frame-store-contract';

const key: BakeKey = { sceneVersion: 'w0-s0', routeId: 'segment-format', revision: 1, profileId: '540p' };

function stored(segmentIndex: number, count?: number): { bytes: Buffer; chunksStart: number } {
  const parts = encodeSegment(key, segmentIndex, contractChunks(segmentIndex, count));
  return { bytes: Buffer.concat(parts), chunksStart: parts[0].byteLength + parts[1].byteLength };
}

test('a segment reads back as the chunks written, each stored in the chunk codec with its profile', () => {
  const { bytes, chunksStart } = stored(2);
  assert.ok(hasSegmentMagic(bytes));
  assert.equal(bytes.subarray(0, 4).toString('ascii'), 'YSG2');
  assert.deepEqual(decodeSegment(bytes, key, 2), contractChunks(2));
  const first = contractChunks(2)[0];
  const header = decodeChunkMessage(bytes.subarray(chunksStart, chunksStart + CHUNK_HEADER_BYTES + first.data.byteLength));
  assert.equal(header.index, 60);
  assert.equal(header.profileIndex, profileIndexOf('540p'));
  assert.equal(header.key, true);
});

test('the same chunks always give the same bytes: segments stay content-addressable', () => {
  assert.ok(stored(1).bytes.equals(stored(1).bytes));
});

test('a damaged chunk header is corrupt, naming the chunk, even where it would still parse', () => {
  const { bytes, chunksStart } = stored(0, 5);
  const otherFrame = Buffer.from(bytes);
  otherFrame.writeUInt32BE(7, chunksStart + 8);
  const otherTime = Buffer.from(bytes);
  otherTime.writeDoubleBE(99, chunksStart + 12);
  const badVersion = Buffer.from(bytes);
  badVersion[chunksStart] = 1;
  for (const [what, damaged, reason] of [
    ['another frame index', otherFrame, /SHA-256 mismatch/],
    ['another timestamp', otherTime, /SHA-256 mismatch/],
    ['an old codec version', badVersion, /codec version 1/],
  ] as const) {
    assert.throws(
      () => decodeSegment(damaged, key, 0),
      (error: unknown) => isCorruptChunkError(error) && error.chunkIndex === 0 && reason.test(error.message),
      what,
    );
  }
});

test('a segment of another profile is corrupt: its chunks name that profile', () => {
  const other: BakeKey = { ...key, profileId: '360p' };
  const bytes = Buffer.concat(encodeSegment(other, 0, contractChunks(0, 2)));
  // Its header names the other key, so it is refused before any chunk is read.
  assert.throws(
    () => decodeSegment(bytes, key, 0),
    (error: unknown) => isCorruptChunkError(error) && /another segment/.test(error.message),
  );
});

test('any damaged byte or cut is a CorruptChunkError, nothing else', () => {
  const { bytes } = stored(1, 6);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: bytes.byteLength - 1 }), fc.integer({ min: 1, max: 255 }), fc.boolean(), (at, xor, cut) => {
      const damaged = cut ? Buffer.from(bytes.subarray(0, at)) : Buffer.from(bytes);
      if (!cut) damaged[at] ^= xor;
      assert.throws(
        () => decodeSegment(damaged, key, 1),
        (error: unknown) => isCorruptChunkError(error),
      );
    }),
    { numRuns: 400 },
  );
});
