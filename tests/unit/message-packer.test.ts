// Frame messages packed several to one: whatever the frames' sizes, a packed stream stays
// within the message limit and a viewer's assembler gets back every chunk, in order, byte for
// byte; damaged or trailing bytes in a packed message are a ChunkCodecError that takes none of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ChunkAssembler } from '@/scenes/protocol/chunk-assembler';
import { decodeChunkMessages, encodeChunkMessages, isChunkCodecError, type LabelledChunk } from '@/scenes/protocol/chunk-codec';
import { MessagePacker } from '@/server/stream/message-packer';

const chunkArbitrary = fc.record({
  index: fc.integer({ min: 0, max: 100_000 }),
  timestampUs: fc.integer({ min: 0, max: 1e12 }),
  key: fc.boolean(),
  epoch: fc.integer({ min: 0, max: 9 }),
  profileIndex: fc.integer({ min: 0, max: 10 }),
  last: fc.boolean(),
  data: fc.uint8Array({ minLength: 0, maxLength: 9_000 }),
});

function packAll(chunks: readonly LabelledChunk[], maxMessageBytes: number): Uint8Array[] {
  const packer = new MessagePacker(maxMessageBytes);
  const sent: Uint8Array[] = [];
  for (const chunk of chunks) {
    for (const message of encodeChunkMessages(chunk, maxMessageBytes)) {
      const full = packer.add(message);
      if (full !== null) sent.push(full);
    }
  }
  const rest = packer.take();
  if (rest !== null) sent.push(rest);
  assert.equal(packer.pendingBytes, 0);
  return sent;
}

test('packed messages stay within the limit and unpack to every chunk in order', () => {
  fc.assert(
    fc.property(fc.array(chunkArbitrary, { minLength: 1, maxLength: 12 }), fc.integer({ min: 200, max: 20_000 }), (chunks, limit) => {
      const sent = packAll(chunks, limit);
      assert.ok(sent.every((message) => message.byteLength <= limit));
      const assembler = new ChunkAssembler();
      const received = sent.flatMap((message) => assembler.pushPacked(message));
      assert.deepEqual(
        received,
        chunks.map((chunk) => ({ ...chunk })),
      );
      assert.equal(assembler.abandoned, 0);
    }),
    { numRuns: 200 },
  );
});

test('a burst of small frames goes out in a few messages, not one each', () => {
  const chunks = Array.from({ length: 9 }, (_, index) => ({
    index,
    timestampUs: index * 33_333,
    key: index === 0,
    epoch: 1,
    profileIndex: 0,
    last: false,
    data: new Uint8Array(3_000).fill(index),
  }));
  assert.equal(packAll(chunks, 64 * 1024).length, 1);
  assert.equal(packAll(chunks, 7_000).length, 5, 'two frames of 3,036 bytes fit in 7,000');
});

test('a packed message with trailing or damaged bytes is refused whole', () => {
  const chunk = { index: 3, timestampUs: 100_000, key: true, epoch: 2, profileIndex: 0, last: false, data: new Uint8Array(500).fill(9) };
  const [message] = packAll([chunk, { ...chunk, index: 4, key: false }], 64 * 1024);
  assert.equal(decodeChunkMessages(message).length, 2);
  const trailing = new Uint8Array(message.byteLength + 5);
  trailing.set(message);
  const assembler = new ChunkAssembler();
  assert.throws(() => assembler.pushPacked(trailing), isChunkCodecError);
  const damaged = message.slice();
  damaged[message.byteLength / 2] = 0xee; // the second header's codec version
  assert.throws(() => assembler.pushPacked(damaged), isChunkCodecError);
  assert.deepEqual(
    assembler.pushPacked(message).map((received) => received.index),
    [3, 4],
    'nothing of a refused message was taken',
  );
});
