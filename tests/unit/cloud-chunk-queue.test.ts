// The encoded-frame queue of the cloud player: in-order delivery, a keyframe before any
// delta after a start or a gap, and catching up to the playhead at a keyframe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChunkQueue, type QueuedChunk } from '@/components/player/cloud/chunk-queue';

function chunk(index: number, key = index % 30 === 0): QueuedChunk {
  return { index, key, profileIndex: 0, data: new Uint8Array([index & 0xff]), last: false };
}

test('frames are decoded in arrival order, starting at a keyframe', () => {
  const queue = new ChunkQueue();
  assert.equal(queue.push(chunk(28)), 'waiting-for-key', 'a delta cannot start a chain');
  assert.equal(queue.push(chunk(29)), 'waiting-for-key');
  assert.equal(queue.push(chunk(30)), 'queued');
  assert.equal(queue.push(chunk(31)), 'queued');
  assert.equal(queue.push(chunk(31)), 'stale');
  assert.equal(queue.unusable, 2);
  assert.equal(queue.lastReceivedIndex, 31);
  assert.deepEqual([queue.shift()?.index, queue.shift()?.index, queue.shift()], [30, 31, null]);
});

test('a gap breaks the chain until the next keyframe', () => {
  const queue = new ChunkQueue();
  for (const index of [0, 1, 2, 5, 6, 30, 31]) queue.push(chunk(index));
  const decoded: number[] = [];
  for (let next = queue.shift(); next; next = queue.shift()) decoded.push(next.index);
  assert.deepEqual(decoded, [0, 1, 2, 30, 31]);
});

test('a playhead past a queued keyframe skips straight to it', () => {
  const queue = new ChunkQueue();
  for (let index = 0; index < 70; index++) queue.push(chunk(index));
  assert.equal(queue.skipToKeyframeAtOrBefore(20), 0, 'no keyframe between head and playhead');
  assert.equal(queue.skipToKeyframeAtOrBefore(45), 30);
  assert.equal(queue.headIndex, 30);
  assert.equal(queue.skipToKeyframeAtOrBefore(65), 30);
  assert.equal(queue.headIndex, 60);
});

test('reset starts a new epoch that again needs a keyframe', () => {
  const queue = new ChunkQueue();
  queue.push(chunk(0));
  queue.push(chunk(1));
  queue.reset();
  assert.equal(queue.length, 0);
  assert.equal(queue.lastReceivedIndex, -1);
  assert.equal(queue.push(chunk(1)), 'waiting-for-key');
  assert.equal(queue.push(chunk(60)), 'queued');
});
