// The browser's reader of stored segments (scenes/protocol/segment-reader.ts) against the
// render server's writer (server/frame-store/segment-file-format.ts): the same chunks come
// back, and bytes of another segment, a cut or an appended tail are refused with a reason.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readSegment } from '@/scenes/protocol/segment-reader';
import { encodeSegment } from '@/server/frame-store/segment-file-format';
import type { BakeKey } from '@/server/bake/bake-contracts';
import type { EncodedChunk } from '@/scenes/protocol/chunk-codec';

const KEY: BakeKey = { sceneVersion: 'scene-1', routeId: 'tianmen-ascent', revision: 3, profileId: '360p' };

function chunks(segmentIndex: number, count: number): EncodedChunk[] {
  return Array.from({ length: count }, (_, position) => {
    const index = segmentIndex * 30 + position;
    return { index, timestampUs: Math.round((index * 1e6) / 30), key: position === 0, data: new Uint8Array([index % 251, 7, position]) };
  });
}

function bytesOf(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

describe('reading a stored segment in the browser', () => {
  test('gives back every chunk the server wrote, in order, labelled with the profile', () => {
    const written = chunks(2, 30);
    const read = readSegment(bytesOf(encodeSegment(KEY, 2, written)), { key: KEY, segmentIndex: 2 });
    assert.ok(read.ok, read.ok ? '' : read.reason);
    assert.deepEqual(
      read.chunks.map(({ index, timestampUs, key, data }) => ({ index, timestampUs, key, data: [...data] })),
      written.map(({ index, timestampUs, key, data }) => ({ index, timestampUs, key, data: [...data] })),
    );
    assert.ok(read.chunks.every((chunk) => chunk.profileIndex === read.chunks[0].profileIndex));
  });

  test('refuses another segment, another bake, a cut and a tail', () => {
    const bytes = bytesOf(encodeSegment(KEY, 1, chunks(1, 12)));
    const refuse = (input: Uint8Array, expected = { key: KEY, segmentIndex: 1 }) => {
      const read = readSegment(input, expected);
      assert.equal(read.ok, false);
      return read.ok ? '' : read.reason;
    };
    assert.match(refuse(bytes, { key: KEY, segmentIndex: 2 }), /another segment/);
    assert.match(refuse(bytes, { key: { ...KEY, revision: 4 }, segmentIndex: 1 }), /another segment/);
    assert.match(refuse(bytes.subarray(0, bytes.byteLength - 2)), /segment 1/);
    assert.match(refuse(bytesOf([bytes, new Uint8Array([0])])), /unexpected bytes/);
    assert.match(refuse(new TextEncoder().encode('<html>not found</html>')), /not a segment file/);
  });
});
