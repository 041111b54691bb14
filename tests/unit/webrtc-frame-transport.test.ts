// The data-channel transport between two real wrtc peers in this process: it reads the
// channel's queue (a blocking call into wrtc's signalling thread) about once per burst of
// frames, never reports less than is really queued, and learns of a closed peer from its
// events rather than by asking the channel before every frame.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import SimplePeer from 'simple-peer';
import { WebRtcFrameTransport } from '@/server/stream/webrtc-frame-transport';

const wrtc = createRequire(import.meta.url)('@roamhq/wrtc') as SimplePeer.Options['wrtc'];
let sender: SimplePeer.Instance;
let receiver: SimplePeer.Instance;
let received = 0;

before(async () => {
  sender = new SimplePeer({ initiator: true, wrtc, channelConfig: { ordered: true } });
  receiver = new SimplePeer({ wrtc });
  sender.on('signal', (data) => receiver.signal(data));
  receiver.on('signal', (data) => sender.signal(data));
  receiver.on('data', (data: Uint8Array) => {
    received += data.byteLength;
  });
  await Promise.all([
    new Promise((resolve) => sender.once('connect', resolve)),
    new Promise((resolve) => receiver.once('connect', resolve)),
  ]);
});

after(() => {
  sender?.destroy();
  receiver?.destroy();
});

/** Counts reads of the real peer's bufferSize getter, and remembers what each returned. */
function countReads(peer: SimplePeer.Instance): { reads: number } {
  const getter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(peer), 'bufferSize')?.get;
  assert.ok(getter, 'simple-peer exposes bufferSize as a getter');
  const counter = { reads: 0 };
  Object.defineProperty(peer, 'bufferSize', {
    configurable: true,
    get() {
      counter.reads++;
      return getter.call(peer) as number;
    },
  });
  return counter;
}

test('a burst of frames reads the channel queue about once, and the tally never reports less than is queued', async () => {
  let now = 0;
  const transport = new WebRtcFrameTransport(sender, null, 128 * 1024, () => now);
  const counter = countReads(sender);
  const frame = new Uint8Array(3_000).fill(7);
  for (let i = 0; i < 9; i++) {
    const reported = transport.bufferedBytes();
    const queued = sender.bufferSize;
    assert.ok(reported >= queued, `frame ${i}: ${reported} reported, ${queued} queued`);
    assert.equal(transport.send(frame), true);
  }
  // The assertion's own reads above went through the counter too: one per frame, plus the transport's one.
  assert.equal(counter.reads - 9, 1, 'nine frames in one pass: one reading of the channel');
  now += 60;
  transport.bufferedBytes();
  assert.equal(counter.reads - 9, 2, 'a reading older than its age limit is taken again');
  const deadline = Date.now() + 10_000;
  while (received < 9 * 3_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(received, 9 * 3_000, 'every frame arrived');
});

test('once the tally could reach the line, every question is a reading', () => {
  const transport = new WebRtcFrameTransport(sender, null, 2_500, () => 0);
  const counter = countReads(sender);
  const frame = new Uint8Array(3_000);
  for (let i = 0; i < 6; i++) {
    transport.bufferedBytes();
    transport.send(frame);
  }
  assert.equal(counter.reads, 6, 'a frame larger than the line: the channel is read before each of the six');
});

test('a peer that closes is seen as closed at once, and a send on it is refused', async () => {
  const transport = new WebRtcFrameTransport(sender);
  assert.equal(transport.closed, false);
  const closed = new Promise((resolve) => sender.once('close', resolve));
  receiver.destroy();
  await closed;
  assert.equal(transport.closed, true);
  assert.equal(transport.send(new Uint8Array(10)), false);
});
