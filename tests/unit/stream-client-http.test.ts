// The session's HTTP transport (issue 13, item 1): when the stream moves to baked segments over
// HTTP — the server's hand-off at its WebRTC cap or by the operator's setting, a WebRTC that is
// blocked or never connects, a draining node, or a page that asks — and that a move mid-flight
// keeps the picture (no new media session, the frames received go on) and leaves the node.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseHttpManifest } from '@/components/player/cloud/stream-client/session-http';
import { nextDeadlineMs, selectableProfiles } from '@/components/player/cloud/stream-client/session-reducer';
import type { HttpSegmentsMessage } from '@/scenes/protocol/http-segment-messages';
import { parseServerMessage } from '@/scenes/protocol/server-messages';
import { CAPABILITIES, emitted, Harness, READY } from '../helpers/stream-session-harness';

const MANIFESTS = [
  { profileId: '360p' as const, url: '/bakes/scene-1/tianmen-ascent/r3/360p/manifest.json' },
  { profileId: '360p-jpeg' as const, url: '/bakes/scene-1/tianmen-ascent/r3/360p-jpeg/manifest.json' },
  { profileId: '720p' as const, url: 'https://cdn.example.com/bakes/scene-1/tianmen-ascent/r3/720p/manifest.json' },
];

const HANDOFF: HttpSegmentsMessage = {
  reason: 'at-cap',
  routeId: 'tianmen-ascent',
  revision: 3,
  fps: 30,
  frameCount: 601,
  durationS: 20,
  profiles: READY.profiles,
  httpManifests: MANIFESTS,
};

const types = (commands: readonly { type: string }[]) => commands.map((command) => command.type);

describe('the server hands a join to HTTP segments', () => {
  test('at its WebRTC cap: the media side gets the route, the segments open at the clock, the socket closes', () => {
    const h = new Harness({ httpTransport: true });
    h.clock = { timeS: 2, playing: false, rate: 1, shownFrame: -1 };
    h.send({ type: 'start', webrtcAvailable: true }, { type: 'socket-connected' });
    const commands = h.server('http-segments', HANDOFF);
    assert.deepEqual(commands[0], {
      type: 'media-session',
      media: { profiles: READY.profiles, fps: 30, frameCount: 601, firstTargetFrame: 60 },
    });
    assert.deepEqual(
      commands.find((command) => command.type === 'open-http'),
      { type: 'open-http', http: { manifestUrl: MANIFESTS[0].url, profileId: '360p' } },
    );
    assert.ok(types(commands).includes('close-socket'), 'no stream is held on the node');
    assert.equal(h.state.transport, 'http');
    assert.equal(h.state.phase, 'buffering');
    assert.equal(h.state.problem, 'the render node is at its WebRTC cap');
    assert.equal(h.state.timers.join, undefined, 'the join was answered');
    assert.equal(nextDeadlineMs(h.state), 15_000, 'only the first-frame deadline is left');
    // Seeks, the clock and retries have nobody to talk to over HTTP.
    assert.deepEqual(h.send({ type: 'seek', timeS: 9 }, { type: 'clock' }, { type: 'retry' }), []);
    h.send({ type: 'picture-shown' });
    assert.equal(h.state.phase, 'streaming');
  });

  test('a client without an HTTP transport (the Node viewer) says so instead of waiting', () => {
    const h = new Harness();
    h.send({ type: 'start', webrtcAvailable: true }, { type: 'socket-connected' });
    const commands = h.server('http-segments', { ...HANDOFF, reason: 'operator' });
    assert.equal(types(commands).includes('open-http'), false);
    assert.equal(h.state.phase, 'unavailable');
    assert.match(h.state.problem ?? '', /does not play/);
  });

  test('the message is checked like every other: a manifest URL that is neither a /bakes/ path nor http(s) is refused', () => {
    assert.equal(parseServerMessage('http-segments', HANDOFF).ok, true);
    const bad = { ...HANDOFF, httpManifests: [{ profileId: '360p', url: 'javascript:alert(1)' }] };
    assert.equal(parseServerMessage('http-segments', bad).ok, false);
    assert.equal(parseServerMessage('http-segments', { ...HANDOFF, httpManifests: [] }).ok, false);
    const h = new Harness({ httpTransport: true });
    h.send({ type: 'start', webrtcAvailable: true }, { type: 'socket-connected' });
    h.server('http-segments', bad);
    assert.equal(h.state.phase, 'unavailable');
    assert.equal(h.state.transport, null);
  });
});

describe('moving to HTTP from a stream', () => {
  test('WebRTC that never connects goes to HTTP where the page plays it, to the socket where it does not', () => {
    const page = new Harness({ httpTransport: true }).joined({ httpManifests: MANIFESTS });
    const commands = page.advance(4000);
    assert.equal(page.state.transport, 'http');
    assert.equal(types(commands).includes('media-session'), false, 'mid-session: the media side keeps what it has');
    assert.deepEqual(emitted(commands, 'control'), [], 'nothing asked of the node');
    assert.ok(types(commands).includes('destroy-peer') || page.state.peer === null);

    const viewer = new Harness().joined({ httpManifests: MANIFESTS });
    const fallback = viewer.advance(4000);
    assert.equal(viewer.state.transport, 'socket');
    assert.deepEqual(emitted(fallback, 'control'), [{ type: 'transport', transport: 'socket' }]);

    const oldServer = new Harness({ httpTransport: true }).joined();
    oldServer.advance(4000);
    assert.equal(oldServer.state.transport, 'socket', 'a server that names no segments keeps the socket fallback');
  });

  test('with WebRTC blocked the page leaves the socket stream as soon as it is ready', () => {
    const h = new Harness({ httpTransport: true });
    h.send({ type: 'start', webrtcAvailable: false }, { type: 'socket-connected' });
    const commands = h.server('ready', { ...READY, transport: 'socket', httpManifests: MANIFESTS });
    assert.equal(h.state.transport, 'http');
    assert.ok(types(commands).includes('open-http'));
    assert.deepEqual(emitted(commands, 'control'), []);
  });

  test('a data channel that breaks for the last time goes to HTTP', () => {
    const h = new Harness({ httpTransport: true }).joined({ httpManifests: MANIFESTS });
    h.server('signal', { peerId: 1, data: { type: 'offer', sdp: 'v=0' } });
    h.send({ type: 'peer-connected', peerId: 1 }, { type: 'picture-shown' });
    h.send({ type: 'peer-closed', peerId: 1, reason: 'ice failed' });
    assert.equal(h.state.transport, 'webrtc', 'the first break asks for a fresh peer');
    h.server('signal', { peerId: 2, data: { type: 'offer', sdp: 'v=0' } });
    const commands = h.send({ type: 'peer-closed', peerId: 2, reason: 'ice failed' });
    assert.equal(h.state.transport, 'http');
    assert.equal(h.state.phase, 'streaming', 'the picture on screen stays');
    assert.ok(types(commands).includes('open-http'));
  });

  test('a draining node moves the page to HTTP at the same pose; the Node viewer is left to act itself', () => {
    const draining = { reason: 'shutdown', closesInMs: 5000, moveTo: { kind: 'http' }, playheadFrame: 90 };
    const page = new Harness({ httpTransport: true }).joined({ httpManifests: MANIFESTS });
    page.send({ type: 'first-picture-decoded' }, { type: 'picture-shown' });
    const commands = page.server('draining', draining);
    assert.equal(page.state.transport, 'http');
    assert.equal(page.state.phase, 'streaming');
    assert.equal(types(commands).includes('media-session'), false);
    assert.equal(types(commands).includes('media-seek'), false, 'no seek: the frames received go on');

    const viewer = new Harness().joined({ httpManifests: MANIFESTS });
    assert.deepEqual(viewer.server('draining', draining), []);
    assert.equal(viewer.state.transport, 'webrtc');
  });

  test('a draining node that names another node moves the page there: a fresh join at the clock, the picture kept', () => {
    const nodeB = 'http://render-b.example.org:3001';
    const draining = { reason: 'shutdown', closesInMs: 5000, moveTo: { kind: 'node', renderUrl: nodeB }, playheadFrame: 90 };
    const page = new Harness({ httpTransport: true, followDrainToNode: true }).joined({ httpManifests: MANIFESTS, paused: false });
    page.send({ type: 'first-picture-decoded' }, { type: 'picture-shown' });
    page.clock = { timeS: 3.2, playing: true, rate: 1, shownFrame: 95 };
    const moved = page.server('draining', draining);
    assert.deepEqual(
      moved.find((command) => command.type === 'move-socket'),
      { type: 'move-socket', renderUrl: nodeB },
    );
    assert.equal(types(moved).includes('open-http'), false, 'not to HTTP: another node has room');
    assert.equal(page.state.session, null, "A's session token means nothing on B");
    assert.equal(page.state.phase, 'streaming', 'the picture on screen stays');
    assert.ok(page.state.timers.connect !== undefined, 'B must answer in time');

    // B's socket connects: a fresh join (no resume) at the clock's time.
    page.clock = { ...page.clock, timeS: 3.4, shownFrame: 101 };
    const [join] = emitted(page.send({ type: 'socket-connected' }), 'join') as Array<{ startS?: number; resume?: unknown }>;
    assert.equal(join.startS, 3.4);
    assert.equal(join.resume, undefined);
    // B is ready at the keyframe before: the media side keeps the picture (no fresh start frame).
    const ready = page.server('ready', { ...READY, sessionId: 'session-b0123456789abcdef', startFrame: 90, paused: false });
    const session = ready.find((command) => command.type === 'media-session');
    assert.equal(session?.type === 'media-session' && session.media.firstTargetFrame, null);
    assert.equal(page.state.session!.sessionId, 'session-b0123456789abcdef');
    assert.equal(page.state.timers.connect, undefined);

    // A page that cannot open another socket (or a Node viewer) is not moved by the reducer.
    const noFollow = new Harness({ httpTransport: true }).joined({ httpManifests: MANIFESTS });
    noFollow.send({ type: 'first-picture-decoded' }, { type: 'picture-shown' });
    assert.equal(types(noFollow.server('draining', draining)).includes('move-socket'), false);
    assert.equal(noFollow.state.transport, 'http');
  });

  test('a node a drain moved the page to that never answers: the flight goes on over HTTP, not "unavailable"', () => {
    const draining = {
      reason: 'shutdown',
      closesInMs: 5000,
      moveTo: { kind: 'node', renderUrl: 'http://render-b.example.org:3001' },
      playheadFrame: 90,
    };
    const page = new Harness({ httpTransport: true, followDrainToNode: true }).joined({ httpManifests: MANIFESTS, paused: false });
    page.send({ type: 'first-picture-decoded' }, { type: 'picture-shown' });
    page.clock = { timeS: 3.2, playing: true, rate: 1, shownFrame: 95 };
    page.server('draining', draining);
    const commands = page.advance(60_000);
    assert.deepEqual(
      commands.find((command) => command.type === 'open-http'),
      { type: 'open-http', http: { manifestUrl: MANIFESTS[0].url, profileId: '360p' } },
    );
    assert.equal(page.state.transport, 'http');
    assert.equal(page.state.phase, 'streaming', 'the picture on screen stays');
    assert.equal(page.state.problem, 'the render server did not answer');

    // Without known segments there is nowhere to go: the page says so, as before.
    const bare = new Harness({ httpTransport: true, followDrainToNode: true }).joined({ httpManifests: [], paused: false });
    bare.send({ type: 'first-picture-decoded' }, { type: 'picture-shown' });
    bare.server('draining', draining);
    bare.advance(60_000);
    assert.equal(bare.state.phase, 'unavailable');
    assert.equal(bare.state.problem, 'the render server did not answer');
  });

  test('a page that asks for HTTP (?stream=http) leaves the stream at ready', () => {
    const h = new Harness({ httpTransport: true, preferHttp: true }).joined({ httpManifests: MANIFESTS });
    assert.equal(h.state.transport, 'http');
    assert.equal(h.state.timers.webrtc, undefined);
  });
});

describe('which profile plays over HTTP', () => {
  const base = { profile: null, manualProfile: null, requestedProfile: null, capabilities: CAPABILITIES, httpManifests: MANIFESTS };

  test('the profile on screen goes on; else the chosen one; else the cheapest this browser decodes', () => {
    assert.equal(chooseHttpManifest({ ...base, profile: '720p' })?.profileId, '720p');
    assert.equal(chooseHttpManifest({ ...base, manualProfile: '720p' })?.profileId, '720p');
    assert.equal(chooseHttpManifest(base)?.profileId, '360p');
    const noVp8 = { ...base, profile: '720p' as const, capabilities: { ...CAPABILITIES, webcodecsVp8: false } };
    assert.equal(chooseHttpManifest(noVp8)?.profileId, '360p-jpeg');
    assert.equal(chooseHttpManifest({ ...noVp8, httpManifests: [MANIFESTS[2]] }), null);
  });
});

describe('Auto over HTTP: the client moves between profiles itself', () => {
  /** A session streaming HTTP segments at 360p, its picture on screen, the flight playing. */
  function onHttp(manifests = MANIFESTS): Harness {
    const h = new Harness({ httpTransport: true });
    h.send({ type: 'start', webrtcAvailable: true }, { type: 'socket-connected' });
    h.server('http-segments', { ...HANDOFF, httpManifests: manifests });
    h.send({ type: 'first-picture-decoded' }, { type: 'picture-shown' });
    h.clock = { timeS: 6, playing: true, rate: 1, shownFrame: 180 };
    return h;
  }
  const fast = { capacityKbps: 20_000, bufferAheadS: 4, lateFrameRatio: 0, maxUsefulWidthPx: 1920 };

  test('a fast link and a full buffer climb to the larger profile: its manifest opens, nothing goes to a server', () => {
    const h = onHttp();
    h.nowMs = 10_000;
    const commands = h.send({ type: 'adapt', measurements: fast, immediate: false });
    assert.deepEqual(
      commands.find((command) => command.type === 'open-http'),
      { type: 'open-http', http: { manifestUrl: MANIFESTS[2].url, profileId: '720p' } },
    );
    assert.equal(types(commands).includes('emit'), false, 'no socket, nobody to ask');
    assert.equal(h.state.profile, '720p');
    assert.equal(h.state.transport, 'http');
    // Settled: the same numbers a second later switch nothing.
    h.nowMs = 11_000;
    assert.deepEqual(h.send({ type: 'adapt', measurements: fast, immediate: false }), []);
  });

  test('a starving buffer comes back down to what the link carries', () => {
    const h = onHttp();
    h.nowMs = 10_000;
    h.send({ type: 'adapt', measurements: fast, immediate: false });
    h.nowMs = 20_000;
    const commands = h.send({ type: 'adapt', measurements: { ...fast, capacityKbps: 900, bufferAheadS: 0.3 }, immediate: false });
    assert.deepEqual(
      commands.find((command) => command.type === 'open-http'),
      { type: 'open-http', http: { manifestUrl: MANIFESTS[0].url, profileId: '360p' } },
    );
    assert.equal(h.state.profile, '360p');
  });

  test('only profiles with segments over HTTP are chosen or offered: a larger one baked without a manifest is not', () => {
    const h = onHttp(MANIFESTS.slice(0, 2));
    h.nowMs = 10_000;
    assert.deepEqual(h.send({ type: 'adapt', measurements: fast, immediate: false }), []);
    assert.equal(h.state.profile, '360p');
    assert.deepEqual(selectableProfiles(h.state), ['360p']);
    assert.deepEqual(selectableProfiles(onHttp().state), ['360p', '720p']);
  });

  test("the viewer's pick in the settings opens that profile's segments", () => {
    const h = onHttp();
    h.send({ type: 'set-manual-profile', id: '720p' });
    const commands = h.send({ type: 'request-profile', id: '720p' });
    assert.deepEqual(
      commands.find((command) => command.type === 'open-http'),
      { type: 'open-http', http: { manifestUrl: MANIFESTS[2].url, profileId: '720p' } },
    );
    assert.deepEqual(h.send({ type: 'request-profile', id: '720p' }), [], 'already streaming it');
  });
});
