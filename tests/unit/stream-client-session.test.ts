// The stream session reducer: joining, buffering, seeking, reconnecting with the resume
// token, profile switches, busy/not-baked/gone replies, the data channel and its fallback,
// and garbage from the server. Pure: events in, state and commands out.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nextDeadlineMs, selectableProfiles } from '@/components/player/cloud/stream-client/session-reducer';
import { CAPABILITIES, emitted, frame, Harness, READY } from '../helpers/stream-session-harness';

describe('joining', () => {
  test('connecting joins at the clock with the capabilities; ready starts buffering and names the session to the media side', () => {
    const h = new Harness();
    h.clock = { timeS: 4.2, playing: false, rate: 1, shownFrame: -1 };
    h.send({ type: 'start', webrtcAvailable: true });
    assert.equal(h.state.phase, 'connecting');
    assert.equal(nextDeadlineMs(h.state), 8000, 'the connect deadline');
    const [join] = emitted(h.send({ type: 'socket-connected' }), 'join');
    assert.deepEqual(join, {
      protocolVersion: 1,
      routeId: 'tianmen-ascent',
      revision: 3,
      profile: '360p',
      capabilities: { ...CAPABILITIES, packedFrames: true },
      transport: 'webrtc',
      startS: 4.2,
    });
    const commands = h.server('ready', { ...READY, startFrame: 120 });
    assert.equal(h.state.phase, 'buffering');
    assert.equal(h.state.joined, true);
    assert.deepEqual(
      commands.filter((command) => command.type.startsWith('media')),
      [
        { type: 'media-session', media: { profiles: READY.profiles, fps: 30, frameCount: 601, firstTargetFrame: 126 } },
        { type: 'media-epoch', epoch: 0, targetFrame: 120 },
      ],
    );
    assert.equal(emitted(commands, 'control').length, 0, 'the stream starts at the clock: no seek, nothing to mirror');
    assert.deepEqual(selectableProfiles(h.state), ['360p', '720p'], 'JPEG only where VP8 does not decode');
    h.send({ type: 'picture-shown' });
    assert.equal(h.state.phase, 'streaming');
  });

  test('no VP8 decoder joins on JPEG; no WebRTC joins on the socket and never answers an offer', () => {
    const h = new Harness();
    h.send({ type: 'set-capabilities', capabilities: { ...CAPABILITIES, webcodecsVp8: false } }, { type: 'start', webrtcAvailable: false });
    const [join] = emitted(h.send({ type: 'socket-connected' }), 'join') as Array<{ profile: string; transport: string }>;
    assert.equal(join.profile, '360p-jpeg');
    assert.equal(join.transport, 'socket');
    h.server('ready', { ...READY, transport: 'socket', profile: '360p-jpeg' });
    assert.deepEqual(h.server('signal', { peerId: 1, data: { type: 'offer', sdp: 'v=0' } }), []);
  });

  test('no answer to the connect, the join or the first frame gives up with a reason', () => {
    const silent = new Harness();
    silent.send({ type: 'start', webrtcAvailable: true });
    silent.advance(8000);
    assert.equal(silent.state.phase, 'unavailable');
    assert.equal(silent.state.problem, 'the render server did not answer');

    const noJoinReply = new Harness();
    noJoinReply.send({ type: 'start', webrtcAvailable: true }, { type: 'socket-connected' });
    noJoinReply.advance(8000);
    assert.equal(noJoinReply.state.problem, 'the render server did not answer the join');

    const noFrame = new Harness().joined({ transport: 'socket' });
    noFrame.advance(14_999);
    assert.equal(noFrame.state.phase, 'buffering');
    noFrame.advance(1);
    assert.equal(noFrame.state.phase, 'unavailable');
    assert.equal(noFrame.state.problem, 'no frame arrived');

    const decoded = new Harness().joined({ transport: 'socket' });
    decoded.send({ type: 'first-picture-decoded' });
    decoded.advance(20_000);
    assert.equal(decoded.state.phase, 'buffering');
  });
});

describe('playing and seeking', () => {
  test('the clock is mirrored: play, pause and speed go out once each, clamped to what the server takes', () => {
    const h = new Harness().joined({ transport: 'socket' });
    h.clock = { ...h.clock, playing: true };
    assert.deepEqual(emitted(h.send({ type: 'clock' }), 'control'), [{ type: 'play' }]);
    assert.deepEqual(emitted(h.send({ type: 'clock' }), 'control'), []);
    h.clock = { ...h.clock, rate: 8 };
    assert.deepEqual(emitted(h.send({ type: 'clock' }), 'control'), [{ type: 'speed', rate: 2 }]);
    h.clock = { ...h.clock, playing: false };
    assert.deepEqual(emitted(h.send({ type: 'clock' }), 'control'), [{ type: 'pause' }]);
  });

  test("a seek drops the old epoch's frames until the server answers; a seek asked meanwhile goes out when the first lands", () => {
    const h = new Harness().joined({ transport: 'socket' });
    assert.deepEqual(
      h.send({ type: 'frame', transport: 'socket', frame: frame(0, 0) }).map((command) => command.type),
      ['deliver-frame'],
    );
    const seek = h.send({ type: 'seek', timeS: 10.5 });
    assert.deepEqual(seek, [
      { type: 'media-seek', targetFrame: 315, flush: true },
      { type: 'emit', event: 'control', message: { type: 'seek', timeS: 10.5 } },
    ]);
    assert.deepEqual(h.send({ type: 'frame', transport: 'socket', frame: frame(0, 1) }), [], 'a stale frame');
    assert.deepEqual(
      h.send({ type: 'seek', timeS: 12 }),
      [{ type: 'media-seek', targetFrame: 360, flush: false }],
      'queued behind the first',
    );
    const landed = h.send({ type: 'frame', transport: 'socket', frame: frame(1, 300) });
    assert.deepEqual(
      landed.map((command) => command.type),
      ['media-epoch', 'media-seek', 'emit', 'deliver-frame'],
      'the new epoch lands, the queued seek goes out, the frame is still handed on',
    );
    assert.deepEqual(emitted(landed, 'control'), [{ type: 'seek', timeS: 12 }]);
    assert.equal(h.state.epoch, 1);
    h.server('state', {
      epoch: 2,
      startFrame: 360,
      targetFrame: 360,
      paused: true,
      rate: 1,
      profile: '360p',
      pendingProfile: null,
      transport: 'socket',
    });
    assert.equal(h.state.epoch, 2);
    assert.equal(h.state.pendingSeek, null);
  });

  test('a seek the server never answers is asked again after three seconds; acks wait for it and then go out when something moved', () => {
    const h = new Harness().joined({ transport: 'socket' });
    const progress = { lastReceivedFrame: 40, lastDecodedFrame: 38, playheadFrame: 30, bufferAheadMs: 333.4 };
    assert.deepEqual(emitted(h.send({ type: 'progress', progress }), 'ack'), [{ epoch: 0, ...progress, bufferAheadMs: 333 }]);
    assert.deepEqual(emitted(h.send({ type: 'progress', progress }), 'ack'), [], 'nothing moved');
    h.nowMs += 1000;
    assert.equal(emitted(h.send({ type: 'progress', progress }), 'ack').length, 1, 'alive at least once a second');
    h.send({ type: 'seek', timeS: 5 });
    h.nowMs += 3001;
    h.clock = { ...h.clock, timeS: 5.5 };
    const again = h.send({ type: 'progress', progress });
    assert.deepEqual(emitted(again, 'control'), [{ type: 'seek', timeS: 5.5 }]);
    assert.deepEqual(emitted(again, 'ack'), []);
  });

  test('frames of an older epoch are stale; a newer one the server started by itself is adopted; epochs wrap at 16 bits', () => {
    const h = new Harness().joined({ transport: 'socket', epoch: 0xfffe });
    assert.equal(h.send({ type: 'frame', transport: 'socket', frame: frame(0xfffd, 0) }).length, 0);
    const wrapped = h.send({ type: 'frame', transport: 'socket', frame: frame(1, 60) });
    assert.deepEqual(wrapped[0], { type: 'media-epoch', epoch: 1, targetFrame: null });
    assert.equal(h.state.epoch, 1);
  });
});

describe('reconnecting', () => {
  test('a lost socket shows reconnecting and rejoins with the resume token where the clock is; a moved clock is sought', () => {
    const h = new Harness().joined({ transport: 'socket' });
    h.send({ type: 'picture-shown' });
    h.send({ type: 'socket-disconnected', reason: 'transport close' });
    assert.equal(h.state.phase, 'reconnecting');
    assert.equal(h.state.joined, false);
    h.clock = { ...h.clock, timeS: 7.2, shownFrame: 180 };
    const [join] = emitted(h.send({ type: 'socket-connected' }), 'join') as Array<{ resume: unknown; startS: number }>;
    assert.deepEqual(join.resume, { sessionId: READY.sessionId, resumeToken: READY.resumeToken });
    assert.equal(join.startS, 7.2);
    const resumed = h.server('ready', { ...READY, resumed: true, transport: 'socket', epoch: 3, startFrame: 210 });
    assert.equal(h.state.phase, 'streaming', 'the picture on screen stays');
    assert.deepEqual(
      resumed.find((command) => command.type === 'media-session'),
      { type: 'media-session', media: { profiles: READY.profiles, fps: 30, frameCount: 601, firstTargetFrame: null } },
    );
    assert.deepEqual(emitted(resumed, 'control'), [], "the server started at the clock's keyframe");
    h.send({ type: 'socket-disconnected', reason: 'transport close' });
    h.clock = { ...h.clock, timeS: 9 };
    h.send({ type: 'socket-connected' });
    assert.deepEqual(emitted(h.server('ready', { ...READY, resumed: true, transport: 'socket', epoch: 4, startFrame: 210 }), 'control'), [
      { type: 'seek', timeS: 9 },
    ]);
  });

  test('a resume whose state message arrives before its ready lands once, where the clock is', () => {
    const h = new Harness().joined({ transport: 'socket' });
    h.send({ type: 'socket-disconnected', reason: 'transport close' });
    h.clock = { ...h.clock, timeS: 7.2, shownFrame: 216 };
    h.send({ type: 'socket-connected' });
    const state = h.server('state', {
      epoch: 2,
      startFrame: 210,
      targetFrame: 216,
      paused: true,
      rate: 1,
      profile: '360p',
      pendingProfile: null,
      transport: 'none',
    });
    assert.deepEqual(state, [{ type: 'media-epoch', epoch: 2, targetFrame: 216 }]);
    const ready = h.server('ready', { ...READY, resumed: true, transport: 'socket', epoch: 2, startFrame: 210 });
    assert.deepEqual(emitted(ready, 'control'), [], 'no seek: the stream already starts at the clock');
    assert.equal(h.state.epoch, 2);
  });

  test('a server that hangs up is called back a second later, but not a fourth time in a minute', () => {
    const h = new Harness().joined({ transport: 'socket' });
    for (let i = 0; i < 3; i++) {
      h.send({ type: 'socket-disconnected', reason: 'io server disconnect' });
      assert.deepEqual(h.advance(1000), [{ type: 'connect-socket' }]);
      h.send({ type: 'socket-connected' });
    }
    h.send({ type: 'socket-disconnected', reason: 'io server disconnect' });
    assert.equal(h.state.phase, 'unavailable');
    assert.equal(h.state.problem, 'the render server keeps closing the connection');
    assert.deepEqual(h.advance(5000), []);
  });

  test('a server that lost the session is joined again', () => {
    const h = new Harness().joined({ transport: 'socket' });
    assert.equal(emitted(h.server('error', { code: 'not-joined', message: 'no session' }), 'join').length, 1);
  });
});

describe('profiles', () => {
  test("plenty of throughput and buffer steps up; the server's state names the new profile; a refusal falls back", () => {
    const h = new Harness().joined({ transport: 'socket' });
    h.nowMs = 10_000;
    const measurements = { capacityKbps: 10_000, bufferAheadS: 2, lateFrameRatio: 0, maxUsefulWidthPx: 1920 };
    assert.deepEqual(emitted(h.send({ type: 'adapt', measurements, immediate: false }), 'control'), [{ type: 'profile', id: '720p' }]);
    assert.equal(h.state.requestedProfile, '720p');
    h.server('error', { code: 'profile-unavailable', message: 'not baked' });
    assert.equal(h.state.requestedProfile, '360p');
    h.server('state', {
      epoch: 0,
      startFrame: 0,
      targetFrame: 0,
      paused: true,
      rate: 1,
      profile: '720p',
      pendingProfile: null,
      transport: 'socket',
    });
    assert.equal(h.state.profile, '720p');
  });

  test('a profile picked by hand is asked for at once; data saver caps what may be picked', () => {
    const h = new Harness().joined({ transport: 'socket' });
    h.send({ type: 'set-manual-profile', id: '720p' });
    const measurements = { capacityKbps: null, bufferAheadS: 0, lateFrameRatio: 0, maxUsefulWidthPx: null };
    assert.deepEqual(emitted(h.send({ type: 'adapt', measurements, immediate: true }), 'control'), [{ type: 'profile', id: '720p' }]);
    h.send({ type: 'set-capabilities', capabilities: { ...CAPABILITIES, saveData: true } });
    assert.deepEqual(selectableProfiles(h.state), ['360p']);
  });
});

describe('replies that are not a stream', () => {
  test('busy waits as long as the server says (within bounds) and joins again', () => {
    const h = new Harness();
    h.send({ type: 'start', webrtcAvailable: true }, { type: 'socket-connected' });
    h.server('busy', { retryAfterMs: 500, reason: 'full' });
    assert.equal(h.state.phase, 'busy');
    assert.equal(h.state.retryAtMs, 2000, 'at least two seconds');
    assert.equal(emitted(h.advance(1999), 'join').length, 0);
    assert.equal(emitted(h.advance(1), 'join').length, 1);
  });

  test("not-baked shows the bake's progress and asks again; a test viewer without retries does not", () => {
    const notBaked = {
      routeId: 'tianmen-ascent',
      revision: 3,
      profiles: [{ profileId: '360p', status: 'running', framesDone: 150, framesTotal: 601 }],
    };
    const h = new Harness();
    h.send({ type: 'start', webrtcAvailable: true }, { type: 'socket-connected' });
    h.server('not-baked', notBaked);
    assert.equal(h.state.phase, 'not-baked');
    assert.equal(h.state.bake?.status, 'baking');
    assert.equal(emitted(h.advance(5000), 'join').length, 1);

    const once = new Harness({ autoRetry: false });
    once.send({ type: 'start', webrtcAvailable: true }, { type: 'socket-connected' });
    once.server('not-baked', notBaked);
    assert.equal(emitted(once.advance(60_000), 'join').length, 0);
  });

  test('a revision gone and an unknown route stop for good; retry asks again at once', () => {
    const h = new Harness();
    h.send({ type: 'start', webrtcAvailable: true }, { type: 'socket-connected' });
    h.server('revision-gone', { routeId: 'tianmen-ascent', revision: 3, publishedRevision: 4 });
    assert.equal(h.state.phase, 'revision-gone');
    assert.match(h.state.problem ?? '', /revision 4 is published/);
    assert.deepEqual(h.advance(60_000), []);
    h.server('error', { code: 'unknown-route', message: 'no such route' });
    assert.equal(h.state.phase, 'unavailable');
    assert.equal(emitted(h.send({ type: 'retry' }), 'join').length, 1);
    assert.equal(h.state.phase, 'connecting');
  });

  test('a malformed server message is a clear unavailable state, not a crash', () => {
    const h = new Harness();
    h.send({ type: 'start', webrtcAvailable: true }, { type: 'socket-connected' });
    h.server('ready', { ...READY, fps: 'thirty' });
    assert.equal(h.state.phase, 'unavailable');
    assert.match(h.state.problem ?? '', /bad message: invalid ready: fps/);
    assert.equal(h.state.session, null);
    const other = new Harness().joined({ transport: 'socket' });
    other.server('state', null);
    assert.equal(other.state.phase, 'unavailable');
    assert.match(other.state.problem ?? '', /bad message: invalid state/);
  });
});

describe('the data channel', () => {
  test('an offer opens a peer and its signals flow both ways; an open channel is the transport', () => {
    const h = new Harness().joined();
    const opened = h.server('signal', { peerId: 1, data: { type: 'offer', sdp: 'v=0' } });
    assert.deepEqual(opened, [
      { type: 'open-peer', peerId: 1, iceServers: [] },
      { type: 'signal-peer', peerId: 1, data: { type: 'offer', sdp: 'v=0' } },
    ]);
    assert.equal(emitted(h.send({ type: 'peer-signal-out', peerId: 1, data: { type: 'answer', sdp: 'v=0' } }), 'signal').length, 1);
    assert.equal(
      emitted(h.send({ type: 'peer-signal-out', peerId: 7, data: { type: 'offer', sdp: 'v=0' } }), 'signal').length,
      0,
      'not this peer',
    );
    h.send({ type: 'peer-connected', peerId: 1 });
    assert.equal(h.state.transport, 'webrtc');
    assert.equal(h.state.timers.webrtc, undefined);
    assert.deepEqual(h.server('signal', { peerId: 0, data: { type: 'offer', sdp: 'v=0' } }), [], 'a late signal of an older peer');
  });

  test('a channel that does not open in time moves the stream to the socket at the picture on screen', () => {
    const h = new Harness().joined();
    h.server('signal', { peerId: 1, data: { type: 'offer', sdp: 'v=0' } });
    h.clock = { ...h.clock, shownFrame: 42 };
    const fallback = h.advance(4000);
    assert.deepEqual(fallback, [
      { type: 'destroy-peer' },
      { type: 'emit', event: 'control', message: { type: 'transport', transport: 'socket', playheadFrame: 42 } },
    ]);
    assert.equal(h.state.transport, 'socket');
    assert.equal(h.state.webrtcWanted, false);
    assert.deepEqual(h.server('signal', { peerId: 2, data: { type: 'offer', sdp: 'v=0' } }), [], 'no more offers are answered');
  });

  test('a broken peer asks for a fresh one; the second in a row stays on the socket', () => {
    const h = new Harness().joined();
    h.server('signal', { peerId: 1, data: { type: 'offer', sdp: 'v=0' } });
    h.send({ type: 'peer-connected', peerId: 1 });
    const first = h.send({ type: 'peer-closed', peerId: 1, reason: 'ice failed' });
    assert.deepEqual(emitted(first, 'control'), [{ type: 'transport', transport: 'webrtc' }], 'nothing shown yet: no playhead');
    h.server('signal', { peerId: 2, data: { type: 'offer', sdp: 'v=0' } });
    const second = h.send({ type: 'peer-closed', peerId: 2, reason: 'closed' });
    assert.deepEqual(emitted(second, 'control'), [{ type: 'transport', transport: 'socket' }]);
    assert.equal(h.state.problem, 'the data channel failed twice (closed)');
  });
});

test('closed is final: nothing moves it and nothing more goes out', () => {
  const h = new Harness().joined();
  h.server('signal', { peerId: 1, data: { type: 'offer', sdp: 'v=0' } });
  assert.deepEqual(h.send({ type: 'close' }), [{ type: 'destroy-peer' }, { type: 'close-socket' }]);
  const closed = h.state;
  assert.deepEqual(h.send({ type: 'socket-connected' }, { type: 'retry' }, { type: 'timer' }), []);
  assert.equal(h.state, closed);
});
