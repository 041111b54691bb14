// Properties of the stream session reducer over random event sequences, garbage from the
// server included: it never throws, its state stays consistent, and every message it
// sends is one the render server's own schemas accept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseClientMessage } from '@/scenes/protocol/client-messages';
import { nextDeadlineMs } from '@/components/player/cloud/stream-client/session-reducer';
import type { SessionEventBody, SessionState } from '@/components/player/cloud/stream-client/session-state';
import { frame, Harness, READY } from '../helpers/stream-session-harness';

const PHASES = ['connecting', 'buffering', 'streaming', 'reconnecting', 'not-baked', 'revision-gone', 'busy', 'unavailable', 'closed'];

const serverMessage: fc.Arbitrary<SessionEventBody> = fc.oneof(
  fc
    .record({
      epoch: fc.integer({ min: 0, max: 0xffff }),
      startFrame: fc.integer({ min: 0, max: 600 }),
      transport: fc.constantFrom('webrtc' as const, 'socket' as const),
      resumed: fc.boolean(),
    })
    .map((ready) => ({ type: 'server-message' as const, event: 'ready' as const, payload: { ...READY, ...ready } })),
  fc
    .record({
      epoch: fc.integer({ min: 0, max: 0xffff }),
      targetFrame: fc.integer({ min: 0, max: 600 }),
      profile: fc.constantFrom('360p', '720p'),
    })
    .map((state) => ({
      type: 'server-message' as const,
      event: 'state' as const,
      payload: {
        ...state,
        startFrame: state.targetFrame - (state.targetFrame % 30),
        paused: false,
        rate: 1,
        pendingProfile: null,
        transport: 'webrtc',
      },
    })),
  fc.integer({ min: 1, max: 5 }).map((peerId) => ({
    type: 'server-message' as const,
    event: 'signal' as const,
    payload: { peerId, data: { type: 'offer', sdp: 'v=0' } },
  })),
  fc
    .constantFrom('not-joined', 'unknown-route', 'profile-unavailable', 'rate-limited')
    .map((code) => ({ type: 'server-message' as const, event: 'error' as const, payload: { code, message: 'x' } })),
  fc
    .integer({ min: 0, max: 40_000 })
    .map((retryAfterMs) => ({ type: 'server-message' as const, event: 'busy' as const, payload: { retryAfterMs, reason: 'full' } })),
  // Garbage: any JSON value under any event name.
  fc
    .tuple(
      fc.constantFrom(
        'ready' as const,
        'not-baked' as const,
        'revision-gone' as const,
        'busy' as const,
        'error' as const,
        'signal' as const,
        'state' as const,
      ),
      fc.jsonValue(),
    )
    .map(([event, payload]) => ({ type: 'server-message' as const, event, payload })),
);

const event: fc.Arbitrary<SessionEventBody> = fc.oneof(
  serverMessage,
  fc.constant({ type: 'socket-connected' as const }),
  fc
    .constantFrom('transport close', 'io server disconnect', 'ping timeout')
    .map((reason) => ({ type: 'socket-disconnected' as const, reason })),
  fc
    .tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 600 }))
    .map(([epoch, index]) => ({ type: 'frame' as const, transport: 'webrtc' as const, frame: frame(epoch, index) })),
  fc.integer({ min: 1, max: 5 }).map((peerId) => ({ type: 'peer-connected' as const, peerId })),
  fc.integer({ min: 1, max: 5 }).map((peerId) => ({ type: 'peer-closed' as const, peerId, reason: 'closed' })),
  fc.integer({ min: 1, max: 5 }).map((peerId) => ({ type: 'peer-signal-out' as const, peerId, data: { type: 'answer', sdp: 'v=0' } })),
  fc.double({ min: 0, max: 20, noNaN: true }).map((timeS) => ({ type: 'seek' as const, timeS })),
  fc.constant({ type: 'clock' as const }),
  fc.constant({ type: 'picture-shown' as const }),
  fc.constant({ type: 'first-picture-decoded' as const }),
  fc
    .record({
      lastReceivedFrame: fc.integer({ min: -1, max: 600 }),
      playheadFrame: fc.integer({ min: -1, max: 600 }),
      bufferAheadMs: fc.double({ min: 0, max: 3000, noNaN: true }),
    })
    .map((progress) => ({
      type: 'progress' as const,
      progress: { ...progress, lastDecodedFrame: progress.lastReceivedFrame },
    })),
  fc
    .record({
      capacityKbps: fc.option(fc.integer({ min: 0, max: 20_000 })),
      bufferAheadS: fc.double({ min: 0, max: 3, noNaN: true }),
      lateFrameRatio: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map((measurements) => ({
      type: 'adapt' as const,
      measurements: { ...measurements, maxUsefulWidthPx: 1920 },
      immediate: false,
    })),
  fc.constant({ type: 'retry' as const }),
  fc.constant({ type: 'timer' as const }),
);

const step = fc.record({
  afterMs: fc.integer({ min: 0, max: 5000 }),
  event,
  clock: fc.record({
    timeS: fc.double({ min: 0, max: 20, noNaN: true }),
    playing: fc.boolean(),
    rate: fc.constantFrom(0.5, 1, 2, 4),
    shownFrame: fc.integer({ min: -1, max: 600 }),
  }),
});

function assertConsistent(state: SessionState): void {
  assert.ok(PHASES.includes(state.phase), state.phase);
  assert.ok(Number.isInteger(state.epoch) && state.epoch >= -1 && state.epoch <= 0xffff, `epoch ${state.epoch}`);
  if (state.pendingSeek !== null || state.joined) assert.ok(state.session !== null, 'a seek or a join needs a session');
  if (state.joined) assert.ok(state.socketConnected, 'joined only over a connected socket');
  if (state.peer !== null) assert.ok(state.webrtcWanted, 'a peer only while WebRTC is wanted');
  for (const deadline of Object.values(state.timers)) assert.ok(Number.isFinite(deadline), 'deadlines are finite');
}

test('random sessions never throw, stay consistent and send only messages the server accepts', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
      const h = new Harness();
      h.send({ type: 'start', webrtcAvailable: true });
      for (const { afterMs, event: body, clock } of steps) {
        h.nowMs += afterMs;
        h.clock = clock;
        const commands = h.send(body);
        assertConsistent(h.state);
        for (const command of commands) {
          if (command.type !== 'emit') continue;
          const parsed = parseClientMessage(command.event, [command.message]);
          assert.ok(parsed.ok, `${command.event} ${JSON.stringify(command.message)}: ${parsed.ok ? '' : parsed.reason}`);
        }
      }
      h.send({ type: 'close' });
      assert.equal(h.state.phase, 'closed');
      assert.equal(nextDeadlineMs(h.state), null, 'a closed session wakes nobody');
    }),
    { numRuns: 300 },
  );
});

test('a garbage message never leaves the session joined to nothing: it is unavailable with the reason', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('ready' as const, 'state' as const, 'busy' as const, 'not-baked' as const),
      fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.dictionary(fc.string(), fc.string())),
      (name, payload) => {
        const h = new Harness().joined({ transport: 'socket' });
        h.server(name, payload);
        assert.equal(h.state.phase, 'unavailable');
        assert.match(h.state.problem ?? '', new RegExp(`bad message: invalid ${name}`));
      },
    ),
  );
});
