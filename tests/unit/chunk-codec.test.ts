// The one chunk codec: a chunk survives encode → fragment → reassemble byte for byte, one
// whole chunk reads back from bytes stored back to back, and truncated or garbage bytes are
// a ChunkCodecError result, never another exception.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ChunkAssembler } from '@/scenes/protocol/chunk-assembler';
import {
  CHUNK_HEADER_BYTES,
  ChunkCodecError,
  decodeChunkMessage,
  encodeChunk,
  encodeChunkMessages,
  isChunkCodecError,
  parseChunkMessage,
  readChunkAt,
  type LabelledChunk,
} from '@/scenes/protocol/chunk-codec';
import { MAX_MESSAGE_BYTES } from '@/scenes/protocol/stream-limits';

const chunkArbitrary = fc.record({
  index: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  timestampUs: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  key: fc.boolean(),
  epoch: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  profileIndex: fc.integer({ min: 0, max: 6 }),
  last: fc.boolean(),
  data: fc.uint8Array({ minLength: 0, maxLength: 3000 }),
});

describe('chunk codec', () => {
  test('a chunk split into small messages reassembles to the same bytes and fields', () => {
    fc.assert(
      fc.property(chunkArbitrary, fc.integer({ min: CHUNK_HEADER_BYTES + 1, max: 4000 }), (chunk: LabelledChunk, maxMessageBytes) => {
        const messages = encodeChunkMessages(chunk, maxMessageBytes);
        assert.ok(messages.every((message) => message.byteLength <= maxMessageBytes));
        const assembler = new ChunkAssembler();
        const results = messages.map((message) => assembler.push(message));
        assert.ok(results.slice(0, -1).every((result) => result === null));
        assert.deepEqual(results.at(-1), { ...chunk });
      }),
      { numRuns: 300 },
    );
  });

  test('whole chunks stored back to back read back one after another, each with its labels', () => {
    fc.assert(
      fc.property(fc.array(chunkArbitrary, { minLength: 1, maxLength: 5 }), (chunks) => {
        const parts = chunks.map((chunk) => encodeChunk(chunk, chunk));
        const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
        parts.reduce((offset, part) => (bytes.set(part, offset), offset + part.byteLength), 0);
        let offset = 0;
        for (const chunk of chunks) {
          const read = readChunkAt(bytes, offset);
          assert.ok(!(read instanceof ChunkCodecError), String(read));
          assert.deepEqual(read.chunk, { ...chunk });
          offset = read.nextOffset;
        }
        assert.equal(offset, bytes.byteLength);
      }),
      { numRuns: 100 },
    );
  });

  test('a chunk stored without labels reads back with epoch 0, profile 0 and not last', () => {
    const data = new Uint8Array([1, 2, 3]);
    const fragment = decodeChunkMessage(encodeChunk({ index: 31, timestampUs: 1_033_333, key: false, data }));
    assert.deepEqual(
      { ...fragment, payload: [...fragment.payload] },
      {
        index: 31,
        timestampUs: 1_033_333,
        key: false,
        epoch: 0,
        profileIndex: 0,
        last: false,
        fragmentIndex: 0,
        fragmentCount: 1,
        frameBytes: 3,
        fragmentOffset: 0,
        payload: [1, 2, 3],
      },
    );
  });

  test('a 200 KiB keyframe goes out as messages no larger than MAX_MESSAGE_BYTES', () => {
    const data = new Uint8Array(200 * 1024).map((_, i) => (i * 31) & 0xff);
    const messages = encodeChunkMessages(
      { profileIndex: 3, epoch: 7, index: 90, timestampUs: 3_000_000, key: true, last: false, data },
      MAX_MESSAGE_BYTES,
    );
    assert.equal(messages.length, 4);
    assert.ok(messages.every((message) => message.byteLength <= MAX_MESSAGE_BYTES));
    const header = decodeChunkMessage(messages[2]);
    assert.equal(header.fragmentIndex, 2);
    assert.equal(header.fragmentCount, 4);
    assert.equal(header.frameBytes, data.byteLength);
  });

  test('a fragment of another chunk abandons the partial one instead of mixing bytes', () => {
    const a = encodeChunkMessages(
      { profileIndex: 0, epoch: 1, index: 10, timestampUs: 0, key: true, last: false, data: new Uint8Array(300).fill(1) },
      136,
    );
    const b = encodeChunkMessages(
      { profileIndex: 0, epoch: 2, index: 30, timestampUs: 1_000_000, key: true, last: false, data: new Uint8Array(150).fill(2) },
      136,
    );
    const assembler = new ChunkAssembler();
    assert.equal(assembler.push(a[0]), null);
    assert.equal(assembler.push(b[0]), null);
    assert.equal(assembler.abandoned, 1);
    const chunk = assembler.push(b[1]);
    assert.equal(chunk?.index, 30);
    assert.deepEqual(chunk?.data, new Uint8Array(150).fill(2));
    // A stray middle fragment with no start is dropped, never returned as a chunk.
    assert.equal(assembler.push(a[2]), null);
    assert.equal(assembler.abandoned, 2);
  });

  test('truncated, lengthened and corrupted messages are a ChunkCodecError that says what is wrong', () => {
    const message = encodeChunk({ index: 0, timestampUs: 0, key: true, data: new Uint8Array(64) }, { profileIndex: 1 });
    const reasons = (bytes: Uint8Array) => {
      const parsed = parseChunkMessage(bytes);
      assert.equal(parsed.ok, false);
      return parsed.ok ? '' : parsed.error.message;
    };
    assert.match(reasons(message.subarray(0, CHUNK_HEADER_BYTES - 1)), /shorter than a chunk header/);
    assert.match(reasons(message.subarray(0, message.byteLength - 1)), /truncated: 63 of 64 payload bytes/);
    const longer = new Uint8Array(message.byteLength + 1);
    longer.set(message);
    assert.match(reasons(longer), /does not match the message/);
    const wrongVersion = message.slice();
    wrongVersion[0] = 9;
    assert.match(reasons(wrongVersion), /codec version 9/);
    assert.throws(
      () => decodeChunkMessage(wrongVersion),
      (error) => isChunkCodecError(error),
    );
    assert.ok(readChunkAt(message.subarray(0, 50), 0) instanceof ChunkCodecError);
  });

  test('garbage never throws from parseChunkMessage or readChunkAt', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, versioned) => {
        if (versioned && bytes.byteLength > 0) bytes[0] = 2;
        const parsed = parseChunkMessage(bytes);
        if (!parsed.ok) assert.ok(isChunkCodecError(parsed.error));
        const read = readChunkAt(bytes, 0);
        if (read instanceof Error) assert.ok(isChunkCodecError(read));
      }),
      { numRuns: 500 },
    );
  });

  test('chunks the header cannot describe are refused when encoding', () => {
    const data = new Uint8Array(1);
    assert.throws(() => encodeChunk({ index: -1, timestampUs: 0, key: true, data }), ChunkCodecError);
    assert.throws(() => encodeChunk({ index: 0, timestampUs: 0.5, key: true, data }), ChunkCodecError);
    assert.throws(() => encodeChunk({ index: 0, timestampUs: 0, key: true, data }, { epoch: 2 ** 32 }), ChunkCodecError);
    assert.throws(() => encodeChunk({ index: 0, timestampUs: 0, key: true, data }, { profileIndex: 256 }), ChunkCodecError);
    assert.throws(
      () => encodeChunkMessages({ index: 0, timestampUs: 0, key: true, data, epoch: 0, profileIndex: 0, last: false }, CHUNK_HEADER_BYTES),
      ChunkCodecError,
    );
  });
});
