// The stream's messages in both directions: what a hostile client could send is refused with
// a reason, and what the server sends is checked on arrival by the clients.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AckMessageSchema,
  ControlMessageSchema,
  JoinMessageSchema,
  SignalMessageSchema,
  parseClientMessage,
} from '@/scenes/protocol/client-messages';
import { parseServerMessage } from '@/scenes/protocol/server-messages';
import { PROFILE_IDS } from '@/scenes/protocol/profile-ladder';

const join = {
  protocolVersion: 1,
  routeId: 'golden-whip-stream',
  revision: 3,
  profile: '360p',
  capabilities: { webcodecsVp8: true, saveData: false, connectionType: 'wifi' },
  transport: 'webrtc',
};

describe('browser → server messages', () => {
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
      SignalMessageSchema.safeParse({
        peerId: 1,
        data: { type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMLineIndex: 0, sdpMid: '0' } },
      }).success,
    );
    assert.equal(SignalMessageSchema.safeParse({ peerId: 1, data: { type: 'answer', sdp: 'x'.repeat(20_000) } }).success, false);
    assert.equal(
      SignalMessageSchema.safeParse({ peerId: 1, data: { type: 'transceiverRequest', transceiverRequest: { kind: 'video' } } }).success,
      false,
    );
  });

  test('acks carry an epoch and frame indices within range', () => {
    assert.ok(
      AckMessageSchema.safeParse({ epoch: 0, lastReceivedFrame: -1, lastDecodedFrame: -1, playheadFrame: -1, bufferAheadMs: 0 }).success,
    );
    assert.equal(
      AckMessageSchema.safeParse({ epoch: 70_000, lastReceivedFrame: 1, lastDecodedFrame: 1, playheadFrame: 1, bufferAheadMs: 0 }).success,
      false,
    );
    assert.equal(
      AckMessageSchema.safeParse({ epoch: 0, lastReceivedFrame: 1.5, lastDecodedFrame: 1, playheadFrame: 1, bufferAheadMs: 0 }).success,
      false,
    );
  });

  test('parseClientMessage names the event, ignores a trailing callback, and says why it refuses', () => {
    const parsed = parseClientMessage('join', [join, () => undefined]);
    assert.ok(parsed.ok && parsed.name === 'join');
    assert.equal(parsed.message.routeId, 'golden-whip-stream');
    assert.deepEqual(parseClientMessage('shutdown', [{}]), { ok: false, code: 'unknown-event', reason: 'unknown event "shutdown"' });
    assert.deepEqual(parseClientMessage('toString', [{}]), { ok: false, code: 'unknown-event', reason: 'unknown event "toString"' });
    assert.deepEqual(parseClientMessage(42, [{}]), { ok: false, code: 'unknown-event', reason: 'unknown event "42"' });
    assert.deepEqual(parseClientMessage('ack', []), { ok: false, code: 'invalid-message', reason: 'ack takes exactly one object' });
    assert.deepEqual(parseClientMessage('control', [{ type: 'speed', rate: 9 }]), {
      ok: false,
      code: 'invalid-message',
      reason: 'invalid control: rate: Too big: expected number to be <=2',
    });
  });
});

describe('server → browser messages', () => {
  const ready = {
    sessionId: 'AAAAAAAAAAAAAAAAAAAAAA',
    resumeToken: 'B'.repeat(43),
    resumed: false,
    routeId: 'golden-whip-stream',
    revision: 3,
    fps: 30,
    frameCount: 601,
    durationS: 20,
    profiles: [{ id: '360p', codec: 'vp8', width: 640, height: 360, bitrateKbps: 900 }],
    profile: '360p',
    transport: 'webrtc',
    iceServers: [{ urls: 'stun:127.0.0.1:3478' }],
    startFrame: 0,
    epoch: 0,
    paused: true,
    rate: 1,
  };

  test('every event the server sends parses as itself', () => {
    const messages: Array<[string, unknown]> = [
      ['ready', ready],
      [
        'not-baked',
        {
          routeId: 'golden-whip-stream',
          revision: 3,
          profiles: [{ profileId: '360p', status: 'running', framesDone: 30, framesTotal: 601 }],
        },
      ],
      ['revision-gone', { routeId: 'golden-whip-stream', revision: 2, publishedRevision: 3 }],
      ['busy', { retryAfterMs: 5000, reason: 'the server is at its stream limit' }],
      ['error', { code: 'profile-unavailable', message: 'not baked' }],
      ['signal', { peerId: 1, data: { type: 'offer', sdp: 'v=0\r\n' } }],
      [
        'state',
        { epoch: 2, startFrame: 30, targetFrame: 45, paused: false, rate: 1, profile: '540p', pendingProfile: null, transport: 'socket' },
      ],
      ['frame', new Uint8Array(40)],
      ['frame', new ArrayBuffer(40)],
    ];
    for (const [event, payload] of messages) {
      const parsed = parseServerMessage(event, payload);
      assert.ok(parsed.ok, `${event}: ${parsed.ok ? '' : parsed.reason}`);
      assert.equal(parsed.name, event);
      assert.deepEqual(parsed.message, payload);
    }
  });

  test('a mangled or unknown server message is a reason, never a throw or a half-read state', () => {
    assert.deepEqual(parseServerMessage('ready', { ...ready, profile: '4k' }), {
      ok: false,
      reason: `invalid ready: profile: Invalid option: expected one of ${PROFILE_IDS.map((id) => `"${id}"`).join('|')}`,
    });
    assert.equal(parseServerMessage('ready', { ...ready, extra: 1 }).ok, false);
    assert.equal(parseServerMessage('ready', { ...ready, frameCount: 0 }).ok, false);
    assert.equal(parseServerMessage('state', { epoch: 70_000 }).ok, false);
    assert.equal(parseServerMessage('signal', { peerId: 1, data: 'offer' }).ok, false);
    assert.equal(parseServerMessage('frame', 'not bytes').ok, false);
    assert.equal(parseServerMessage('error', null).ok, false);
    assert.deepEqual(parseServerMessage('hasOwnProperty', {}), { ok: false, reason: 'unknown event "hasOwnProperty"' });
  });
});
