// The shared streaming protocol: binary frames survive encode → fragment → reassemble
// byte for byte, corrupt headers are refused, and the message schemas reject what a
// hostile client could send.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  AckMessageSchema,
  ControlMessageSchema,
  FRAME_HEADER_BYTES,
  FrameAssembler,
  FrameProtocolError,
  JoinMessageSchema,
  MAX_MESSAGE_BYTES,
  SignalMessageSchema,
  decodeFrameMessage,
  encodeFrameMessages,
  keyframeAtOrBefore,
  type StreamFrame,
} from '../../server/stream/stream-protocol';

const frameArbitrary = fc.record({
  profileIndex: fc.integer({ min: 0, max: 4 }),
  epoch: fc.integer({ min: 0, max: 0xffff }),
  frameIndex: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  timestampUs: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  key: fc.boolean(),
  last: fc.boolean(),
  data: fc.uint8Array({ minLength: 0, maxLength: 3000 }),
});

describe('binary frame protocol', () => {
  test('a frame split into small messages reassembles to the same bytes and fields', () => {
    fc.assert(
      fc.property(frameArbitrary, fc.integer({ min: FRAME_HEADER_BYTES + 1, max: 4000 }), (frame: StreamFrame, maxMessageBytes) => {
        const messages = encodeFrameMessages(frame, maxMessageBytes);
        assert.ok(messages.every((message) => message.byteLength <= maxMessageBytes));
        const assembler = new FrameAssembler();
        const results = messages.map((message) => assembler.push(message));
        assert.ok(results.slice(0, -1).every((result) => result === null));
        assert.deepEqual(results.at(-1), { ...frame });
      }),
      { numRuns: 300 },
    );
  });

  test('a 200 KiB keyframe goes out as messages no larger than MAX_MESSAGE_BYTES', () => {
    const data = new Uint8Array(200 * 1024).map((_, i) => (i * 31) & 0xff);
    const messages = encodeFrameMessages({ profileIndex: 3, epoch: 7, frameIndex: 90, timestampUs: 3_000_000, key: true, last: false, data });
    assert.equal(messages.length, 4);
    assert.ok(messages.every((message) => message.byteLength <= MAX_MESSAGE_BYTES));
    const header = decodeFrameMessage(messages[2]);
    assert.equal(header.fragmentIndex, 2);
    assert.equal(header.fragmentCount, 4);
    assert.equal(header.frameBytes, data.byteLength);
  });

  test('a fragment of another frame abandons the partial one instead of mixing bytes', () => {
    const a = encodeFrameMessages({ profileIndex: 0, epoch: 1, frameIndex: 10, timestampUs: 0, key: true, last: false, data: new Uint8Array(300).fill(1) }, 136);
    const b = encodeFrameMessages({ profileIndex: 0, epoch: 2, frameIndex: 30, timestampUs: 1_000_000, key: true, last: false, data: new Uint8Array(150).fill(2) }, 136);
    const assembler = new FrameAssembler();
    assert.equal(assembler.push(a[0]), null);
    assert.equal(assembler.push(b[0]), null);
    assert.equal(assembler.abandoned, 1);
    const frame = assembler.push(b[1]);
    assert.equal(frame?.frameIndex, 30);
    assert.deepEqual(frame?.data, new Uint8Array(150).fill(2));
    // A stray middle fragment with no start is dropped, never returned as a frame.
    assert.equal(assembler.push(a[2]), null);
    assert.equal(assembler.abandoned, 2);
  });

  test('truncated, lengthened and corrupted messages throw FrameProtocolError', () => {
    const [message] = encodeFrameMessages({ profileIndex: 1, epoch: 0, frameIndex: 0, timestampUs: 0, key: true, last: false, data: new Uint8Array(64) });
    assert.throws(() => decodeFrameMessage(message.subarray(0, FRAME_HEADER_BYTES - 1)), FrameProtocolError);
    assert.throws(() => decodeFrameMessage(message.subarray(0, message.byteLength - 1)), FrameProtocolError);
    const longer = new Uint8Array(message.byteLength + 1);
    longer.set(message);
    assert.throws(() => decodeFrameMessage(longer), FrameProtocolError);
    const wrongVersion = message.slice();
    wrongVersion[0] = 9;
    assert.throws(() => decodeFrameMessage(wrongVersion), FrameProtocolError);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          decodeFrameMessage(bytes);
        } catch (error) {
          assert.ok(error instanceof FrameProtocolError);
        }
      }),
    );
  });

  test('a seek starts at the whole second at or before the target, never past the last keyframe', () => {
    assert.equal(keyframeAtOrBefore(0, 30, 601), 0);
    assert.equal(keyframeAtOrBefore(4.99, 30, 601), 120);
    assert.equal(keyframeAtOrBefore(5, 30, 601), 150);
    assert.equal(keyframeAtOrBefore(20, 30, 601), 600);
    assert.equal(keyframeAtOrBefore(500, 30, 601), 600);
    assert.equal(keyframeAtOrBefore(19.5, 30, 600), 570);
  });
});

describe('message schemas', () => {
  const join = {
    protocolVersion: 1,
    routeId: 'golden-whip-stream',
    revision: 3,
    profile: '360p',
    capabilities: { webcodecsVp8: true, saveData: false, connectionType: 'wifi' },
    transport: 'webrtc',
  };

  test('a well-formed join parses; unknown fields anywhere are refused', () => {
    assert.ok(JoinMessageSchema.safeParse(join).success);
    assert.equal(JoinMessageSchema.safeParse({ ...join, admin: true }).success, false);
    assert.equal(JoinMessageSchema.safeParse({ ...join, capabilities: { ...join.capabilities, gpu: 'x' } }).success, false);
    assert.equal(JoinMessageSchema.safeParse({ ...join, routeId: '../etc/passwd' }).success, false);
    assert.equal(JoinMessageSchema.safeParse({ ...join, profile: '4k' }).success, false);
    assert.equal(JoinMessageSchema.safeParse({ ...join, protocolVersion: 2 }).success, false);
  });

  test('a join names the revision its page shows: without one, or with a nonsense one, it is invalid', () => {
    const { revision: _revision, ...withoutRevision } = join;
    void _revision;
    assert.equal(JoinMessageSchema.safeParse(withoutRevision).success, false);
    for (const revision of [0, -1, 1.5, '3', null, Number.NaN, 1e12]) {
      assert.equal(JoinMessageSchema.safeParse({ ...join, revision }).success, false, `revision ${String(revision)}`);
    }
    assert.equal(JoinMessageSchema.parse({ ...join, revision: 1 }).revision, 1);
  });

  test('controls: speed only within 0.5–2, seek only non-negative, no extra fields', () => {
    assert.ok(ControlMessageSchema.safeParse({ type: 'speed', rate: 0.5 }).success);
    assert.ok(ControlMessageSchema.safeParse({ type: 'speed', rate: 2 }).success);
    assert.equal(ControlMessageSchema.safeParse({ type: 'speed', rate: 2.01 }).success, false);
    assert.equal(ControlMessageSchema.safeParse({ type: 'speed', rate: Number.NaN }).success, false);
    assert.equal(ControlMessageSchema.safeParse({ type: 'seek', timeS: -1 }).success, false);
    assert.equal(ControlMessageSchema.safeParse({ type: 'play', now: true }).success, false);
    assert.ok(ControlMessageSchema.safeParse({ type: 'transport', transport: 'socket' }).success);
  });

  test('signals: simple-peer answer and candidate parse; oversized SDP and media requests do not', () => {
    assert.ok(SignalMessageSchema.safeParse({ peerId: 1, data: { type: 'answer', sdp: 'v=0\r\n' } }).success);
    assert.ok(
      SignalMessageSchema.safeParse({ peerId: 1, data: { type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMLineIndex: 0, sdpMid: '0' } } })
        .success,
    );
    assert.equal(SignalMessageSchema.safeParse({ peerId: 1, data: { type: 'answer', sdp: 'x'.repeat(20_000) } }).success, false);
    assert.equal(SignalMessageSchema.safeParse({ peerId: 1, data: { type: 'transceiverRequest', transceiverRequest: { kind: 'video' } } }).success, false);
  });

  test('acks carry an epoch and frame indices within range', () => {
    assert.ok(AckMessageSchema.safeParse({ epoch: 0, lastReceivedFrame: -1, lastDecodedFrame: -1, playheadFrame: -1, bufferAheadMs: 0 }).success);
    assert.equal(AckMessageSchema.safeParse({ epoch: 70_000, lastReceivedFrame: 1, lastDecodedFrame: 1, playheadFrame: 1, bufferAheadMs: 0 }).success, false);
    assert.equal(AckMessageSchema.safeParse({ epoch: 0, lastReceivedFrame: 1.5, lastDecodedFrame: 1, playheadFrame: 1, bufferAheadMs: 0 }).success, false);
  });
});
