// Signalling fuzz: several clients send thousands of random, malformed, mutated and
// oversized messages (seeded, so a failure replays) while a well-behaved viewer plays.
// The server must answer with errors, cut off abusers, stay up, keep the good viewer
// playing and hold no session or peer once everyone has gone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { NodeStreamViewer } from '@/server/stream/node-stream-viewer';
import type { StreamErrorMessage } from '@/scenes/protocol/server-messages';
import { STREAM_SOCKET_PATH } from '@/scenes/protocol/stream-limits';
import {
  ensureStreamFixtureBaked,
  startStreamTestServer,
  STREAM_TEST_REVISION,
  streamTestRoute,
  type StreamTestServer,
} from './stream-test-fixture';

const CLIENTS = 5;
const MESSAGES_PER_CLIENT = 1200;
const FUZZ_DEADLINE_MS = 25_000;
const SEED = Number(process.env.YUNSHAN_FUZZ_SEED ?? 20_260_611);

const validJoin = {
  protocolVersion: 1,
  routeId: streamTestRoute.id,
  revision: STREAM_TEST_REVISION,
  profile: '360p',
  capabilities: { webcodecsVp8: true, saveData: false, connectionType: 'wifi' },
  transport: 'webrtc',
};
const validMessages: Array<[string, Record<string, unknown>]> = [
  ['join', validJoin],
  ['join', { ...validJoin, transport: 'socket', startS: 3 }],
  ['join', { ...validJoin, resume: { sessionId: 'A'.repeat(22), resumeToken: 'B'.repeat(43) } }],
  ['control', { type: 'play' }],
  ['control', { type: 'pause' }],
  ['control', { type: 'seek', timeS: 12.3 }],
  ['control', { type: 'speed', rate: 1.5 }],
  ['control', { type: 'profile', id: '360p-jpeg' }],
  ['control', { type: 'transport', transport: 'webrtc' }],
  ['ack', { epoch: 0, lastReceivedFrame: 10, lastDecodedFrame: 9, playheadFrame: 5, bufferAheadMs: 150 }],
  [
    'stats',
    {
      transport: 'webrtc',
      profile: '360p',
      fps: 30,
      bitrateKbps: 900,
      bufferAheadMs: 1000,
      rttMs: 1,
      decodedFrames: 10,
      droppedFrames: 0,
      stalls: 0,
    },
  ],
  // Valid in shape, hostile in content: a broken SDP and candidate for the current peer.
  ['signal', { peerId: 1, data: { type: 'answer', sdp: 'v=0\r\no=- 0 0 IN IP4 0.0.0.0\r\ngarbage' } }],
  [
    'signal',
    {
      peerId: 1,
      data: { type: 'candidate', candidate: { candidate: 'candidate:0 1 UDP 1 999.1.1.1 99999 typ host', sdpMLineIndex: 0, sdpMid: '0' } },
    },
  ],
];

/** One fuzz message: event name and argument list. */
type FuzzMessage = { event: string; args: unknown[] };

const mutatedValue = fc.oneof(fc.jsonValue(), fc.anything(), fc.constant(Number.NaN), fc.constant(-1), fc.string({ maxLength: 5000 }));
const mutation = fc
  .tuple(fc.constantFrom(...validMessages), fc.nat(), mutatedValue, fc.constantFrom('drop', 'replace', 'add', 'wrap', 'extra-arg'))
  .map(([[event, body], pick, value, kind]): FuzzMessage => {
    const keys = Object.keys(body);
    const key = keys[pick % keys.length];
    const copy: Record<string, unknown> = { ...body };
    if (kind === 'drop') delete copy[key];
    if (kind === 'replace') copy[key] = value;
    if (kind === 'add') copy[`x${pick % 7}`] = value;
    if (kind === 'wrap') return { event, args: [[copy]] };
    if (kind === 'extra-arg') return { event, args: [copy, value] };
    return { event, args: [copy] };
  });
const fuzzMessage: fc.Arbitrary<FuzzMessage> = fc.oneof(
  { weight: 20, arbitrary: mutation },
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.constantFrom('join', 'signal', 'control', 'ack', 'stats'), fc.anything())
      .map(([event, payload]) => ({ event, args: [payload] })),
  },
  {
    weight: 8,
    arbitrary: fc.tuple(fc.string({ maxLength: 40 }), fc.array(fc.jsonValue(), { maxLength: 3 })).map(([event, args]) => ({ event, args })),
  },
  { weight: 4, arbitrary: fc.constantFrom(...validMessages).map(([event, body]) => ({ event, args: [body] })) },
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ event: 'control', args: [Buffer.from(bytes)] })) },
  {
    weight: 4,
    arbitrary: fc
      .integer({ min: 20_000, max: 60_000 })
      .map((length) => ({ event: 'signal', args: [{ peerId: 1, data: { type: 'offer', sdp: 's'.repeat(length) } }] })),
  },
  // Over 64 KiB: the server drops the connection rather than read it.
  { weight: 1, arbitrary: fc.integer({ min: 66_000, max: 200_000 }).map((length) => ({ event: 'join', args: ['j'.repeat(length)] })) },
);

interface FuzzOutcome {
  sent: number;
  errors: StreamErrorMessage[];
  disconnects: number;
}

/** Sends `messages` as fast as the connection allows, reconnecting whenever the server cuts it off. */
async function fuzzClient(url: string, messages: readonly FuzzMessage[], deadlineMs: number): Promise<FuzzOutcome> {
  const socket: Socket = io(url, { path: STREAM_SOCKET_PATH, transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 200 });
  const outcome: FuzzOutcome = { sent: 0, errors: [], disconnects: 0 };
  socket.on('error', (message: StreamErrorMessage) => outcome.errors.push(message));
  socket.on('disconnect', (reason) => {
    outcome.disconnects++;
    // A server-side cut is final for socket.io-client: dial again, as an abuser would.
    if (reason === 'io server disconnect') socket.connect();
  });
  try {
    while (outcome.sent < messages.length && Date.now() < deadlineMs) {
      if (!socket.connected) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      for (let burst = 0; burst < 25 && outcome.sent < messages.length && socket.connected; burst++) {
        const { event, args } = messages[outcome.sent++];
        socket.emit(event, ...args);
      }
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    // Let the last replies arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    socket.disconnect();
  }
  return outcome;
}

let framesDir: string;
let target: StreamTestServer;

before(async () => {
  framesDir = await ensureStreamFixtureBaked();
  target = await startStreamTestServer(framesDir, { YUNSHAN_STREAM_RESUME_GRACE_MS: '0' });
});

after(async () => {
  await target?.close();
});

describe('signalling under fuzz', () => {
  test(
    'thousands of hostile messages get errors, the server stays up, a good viewer keeps playing, and no session leaks',
    { timeout: 90_000 },
    async () => {
      const good = new NodeStreamViewer({
        url: target.server.url,
        routeId: streamTestRoute.id,
        revision: STREAM_TEST_REVISION,
        profile: '360p',
        transport: 'webrtc',
        fallbackAfterMs: null,
        loop: true,
        recordFrames: false,
      });
      try {
        await good.waitFor(() => good.lastReceivedFrame >= 30, 10_000, 'the good viewer’s first second');
        good.play();
        const playStartMs = performance.now();
        const playedAtStart = good.framesPlayed;

        const deadline = Date.now() + FUZZ_DEADLINE_MS;
        const outcomes = await Promise.all(
          Array.from({ length: CLIENTS }, (_, client) =>
            fuzzClient(target.server.url, fc.sample(fuzzMessage, { seed: SEED + client, numRuns: MESSAGES_PER_CLIENT }), deadline),
          ),
        );
        const playedS = (performance.now() - playStartMs) / 1000;
        const played = good.framesPlayed - playedAtStart;

        const sent = outcomes.reduce((sum, outcome) => sum + outcome.sent, 0);
        const errors = outcomes.flatMap((outcome) => outcome.errors);
        const codes = new Set(errors.map((error) => error.code));
        console.log(
          `  ${sent} fuzz messages from ${CLIENTS} clients in ${playedS.toFixed(1)} s: ${errors.length} error replies (${[...codes].join(', ')}), ${outcomes.reduce((sum, outcome) => sum + outcome.disconnects, 0)} disconnects; the good viewer played ${played} frames (${(played / playedS).toFixed(1)} fps), ${good.stalls} stalls`,
        );
        assert.ok(sent >= CLIENTS * MESSAGES_PER_CLIENT * 0.8, `only ${sent} messages went out before the deadline`);
        assert.ok(codes.has('invalid-message'), 'invalid messages are answered');
        assert.ok(codes.has('unknown-event'), 'unknown events are answered');
        assert.ok(
          outcomes.every((outcome) => outcome.errors.length > 0),
          'every client got error replies',
        );

        const health = await fetch(`${target.server.url}/healthz`);
        assert.equal(health.status, 200, 'the server still answers');
        // Allow the CPU the fuzzers took on a 2-core machine, not a frozen stream.
        assert.ok(played >= playedS * 30 * 0.8, `the good viewer played ${played} frames in ${playedS.toFixed(1)} s`);
        assert.ok(good.errors.length === 0, `the good viewer got errors: ${JSON.stringify(good.errors)}`);

        const after = new NodeStreamViewer({
          url: target.server.url,
          routeId: streamTestRoute.id,
          revision: STREAM_TEST_REVISION,
          profile: '360p',
          transport: 'socket',
          recordFrames: false,
        });
        await after.waitFor(() => after.lastReceivedFrame >= 0, 5000, 'a frame for a newcomer after the fuzz');
        after.close();
      } finally {
        good.close();
      }
      const deadline = Date.now() + 5000;
      while ((target.server.stream.sessionCount() > 0 || target.server.stream.peerCount() > 0) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(target.server.stream.sessionCount(), 0, 'sessions left behind');
      assert.equal(target.server.stream.peerCount(), 0, 'peers left behind');
    },
  );

  test('a flood of valid messages is rate-limited with error replies, then cut off; its session goes with it', async () => {
    const socket: Socket = io(target.server.url, { path: STREAM_SOCKET_PATH, transports: ['websocket'], reconnection: false });
    const errors: StreamErrorMessage[] = [];
    socket.on('error', (message: StreamErrorMessage) => errors.push(message));
    const ready = new Promise<void>((resolve) => socket.once('ready', () => resolve()));
    const cutOff = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.emit('join', { ...validJoin, transport: 'socket' });
    await ready;
    assert.equal(target.server.stream.sessionCount(), 1);
    for (let i = 0; i < 400 && socket.connected; i++) socket.emit('control', { type: i % 2 === 0 ? 'play' : 'pause' });
    assert.equal(await cutOff, 'io server disconnect');
    assert.ok(
      errors.some((error) => error.code === 'rate-limited'),
      'the flood is told it is over the rate',
    );
    assert.ok(errors.length <= 25, `error replies are themselves limited, got ${errors.length}`);
    const deadline = Date.now() + 3000;
    while (target.server.stream.sessionCount() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(target.server.stream.sessionCount(), 0);
  });
});
