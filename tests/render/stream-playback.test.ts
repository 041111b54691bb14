// Streaming a baked route to Node viewers through the real render server: WebRTC data
// channel and socket.io fallback carry the same frames, in order from a keyframe, paced
// about two seconds ahead; pause, seek, speed, profile switch at a keyframe, a broken
// peer and a socket reconnect resume at the same place; not-baked, unknown, busy and
// foreign origins get their replies; a join streams the revision its page shows, or
// says that revision is gone; nothing is left behind.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { io } from 'socket.io-client';
import { NodeStreamViewer, type NodeStreamViewerOptions, type ReceivedFrame } from '@/server/stream/node-stream-viewer';
import type { StreamErrorMessage } from '@/scenes/protocol/server-messages';
import { STREAM_SOCKET_PATH } from '@/scenes/protocol/stream-limits';
import { currentSceneVersion } from '@/server/bake/scene-version';
import { LocalFrameStore } from '@/server/frame-store/local-frame-store';
import { openStudioRouteStore } from '@/server/routes/studio-route-store';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { QUALITY_PROFILES } from '@/scenes/protocol/profile-ladder';
import {
  bakedStreamFixtureProfiles,
  ensureStreamFixtureBaked,
  startStreamTestServer,
  STREAM_TEST_REVISION,
  streamTestRoute,
  type StreamTestServer,
} from './stream-test-fixture';

const FPS = 30;
const FRAME_COUNT = 601;
/** The server's target: two seconds ahead of the playhead, one frame of slack. */
const AHEAD_FRAMES = 2 * FPS + 1;
const viewers = new Set<NodeStreamViewer>();
let framesDir: string;
let main: StreamTestServer;

function viewer(options: Partial<NodeStreamViewerOptions> = {}): NodeStreamViewer {
  const created = new NodeStreamViewer({
    url: main.server.url,
    routeId: streamTestRoute.id,
    revision: STREAM_TEST_REVISION,
    profile: '360p',
    transport: 'webrtc',
    fallbackAfterMs: null,
    ...options,
  });
  viewers.add(created);
  return created;
}

function closeViewer(target: NodeStreamViewer): void {
  target.close();
  viewers.delete(target);
}

/** Frames of an epoch are consecutive from a keyframe at a whole second. */
function assertPlayableRun(frames: readonly ReceivedFrame[], firstIndex: number, what: string): void {
  assert.ok(frames.length > 0, `${what}: no frames`);
  assert.equal(
    frames[0].frameIndex,
    firstIndex,
    `${what}: first frame; the run began ${JSON.stringify(frames.slice(0, 4).map(({ epoch, frameIndex, transport }) => ({ epoch, frameIndex, transport })))}`,
  );
  assert.ok(frames[0].key, `${what}: starts with a keyframe`);
  assert.equal(frames[0].frameIndex % FPS, 0, `${what}: keyframe on a whole second`);
  frames.forEach((frame, i) => assert.equal(frame.frameIndex, firstIndex + i, `${what}: frame ${i} out of order`));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

before(async () => {
  framesDir = await ensureStreamFixtureBaked();
  main = await startStreamTestServer(framesDir, { YUNSHAN_STREAM_RESUME_GRACE_MS: '2000' });
});

after(async () => {
  for (const open of viewers) open.close();
  await main?.close();
});

describe('streaming a baked route', { concurrency: false }, () => {
  test('over WebRTC: ready with the manifest summary, frames in order from a keyframe, no more than the buffer target while paused', async () => {
    const v = viewer();
    await v.waitFor(() => v.ready !== null, 5000, 'ready');
    const ready = v.ready!;
    assert.equal(ready.fps, FPS);
    assert.equal(ready.frameCount, FRAME_COUNT);
    assert.equal(ready.durationS, 20);
    // The fixture's folder is shared (the end-to-end tests add 540p and the VP9 twins, the bench
    // 720p): the summary names exactly the profiles baked there that this VP8 viewer decodes,
    // the tests' two first.
    const decodable = (await bakedStreamFixtureProfiles()).filter((id) => QUALITY_PROFILES[id].codec !== 'vp9');
    assert.deepEqual(decodable.slice(0, 2), ['360p', '360p-jpeg']);
    assert.deepEqual(
      ready.profiles.map((profile) => profile.id),
      decodable,
    );
    assert.equal(ready.profile, '360p');
    assert.deepEqual(ready.iceServers, [], 'no ICE servers on loopback');
    assert.equal(ready.paused, true);
    await v.waitFor(() => v.lastReceivedFrame >= AHEAD_FRAMES - 2, 10_000, 'the buffer to fill');
    assert.equal(v.transportInUse, 'webrtc');
    assert.ok(v.frames.every((frame) => frame.transport === 'webrtc' && frame.profile === '360p'));
    console.log(
      `  first frame ${v.timeToFirstFrameMs?.toFixed(0)} ms after connecting (data channel open at ${((v.peerConnectedMs ?? 0) - v.startedMs).toFixed(0)} ms)`,
    );
    await sleep(700);
    assert.ok(v.lastReceivedFrame <= AHEAD_FRAMES, `paused: ${v.lastReceivedFrame + 1} frames sent, the target is ${AHEAD_FRAMES}`);
    assertPlayableRun(v.framesOfEpoch(0), 0, 'epoch 0');
    closeViewer(v);
  });

  test('playing keeps the viewer about two seconds ahead, never flooding; seek starts at the keyframe before the target; pause stops the flow', async () => {
    const v = viewer();
    await v.waitFor(() => v.lastReceivedFrame >= 30, 10_000, 'first second');
    v.play();
    let maxAheadFrames = 0;
    await v.waitFor(
      () => {
        if (v.playhead >= 0) maxAheadFrames = Math.max(maxAheadFrames, v.lastReceivedFrame - v.playhead);
        return v.playhead >= 75;
      },
      10_000,
      'two and a half seconds of play',
    );
    assert.ok(maxAheadFrames <= 3 * FPS, `at most 3 s ahead, saw ${maxAheadFrames} frames`);
    assert.ok(
      v.lastReceivedFrame - v.playhead >= FPS,
      `at least 1 s ahead while playing, have ${(v.lastReceivedFrame - v.playhead).toFixed(0)} frames`,
    );
    assert.equal(v.stalls, 0, 'no stall while playing');
    assertPlayableRun(v.framesOfEpoch(0), 0, 'before the seek');

    v.seek(10.5);
    await v.waitFor(() => v.state?.epoch === 1, 3000, 'the seek state');
    assert.equal(v.state!.startFrame, 300);
    assert.equal(v.state!.targetFrame, 315);
    await v.waitFor(() => v.epoch === 1 && v.playhead >= 330, 5000, 'playing after the seek');
    assertPlayableRun(v.framesOfEpoch(1), 300, 'after the seek');

    v.pause();
    await sleep(400);
    const atPause = v.lastReceivedFrame;
    const playheadAtPause = v.playhead;
    await sleep(1000);
    assert.equal(v.playhead, playheadAtPause);
    assert.ok(v.lastReceivedFrame - playheadAtPause <= AHEAD_FRAMES, `paused with ${v.lastReceivedFrame - playheadAtPause} frames ahead`);
    assert.equal(v.lastReceivedFrame, atPause, 'no frames while paused with a full buffer');
    closeViewer(v);
  });

  test('a profile switch lands on the next keyframe; speed 2× doubles the pace', async () => {
    const v = viewer();
    await v.waitFor(() => v.lastReceivedFrame >= 20, 10_000, 'first frames');
    v.play();
    v.control({ type: 'profile', id: '360p-jpeg' });
    await v.waitFor(() => v.frames.some((frame) => frame.profile === '360p-jpeg') && v.playhead > 100, 10_000, 'JPEG frames');
    const frames = v.framesOfEpoch(0);
    const firstJpeg = frames.findIndex((frame) => frame.profile === '360p-jpeg');
    assert.ok(firstJpeg > 0);
    assert.equal(frames[firstJpeg].frameIndex % FPS, 0, 'the switch is at a whole second');
    assert.ok(frames[firstJpeg].key);
    assert.ok(frames.slice(0, firstJpeg).every((frame) => frame.profile === '360p'));
    assert.ok(frames.slice(firstJpeg).every((frame) => frame.profile === '360p-jpeg'));
    assert.ok(frames[firstJpeg].data[0] === 0xff && frames[firstJpeg].data[1] === 0xd8, 'a JPEG starts with SOI');
    assertPlayableRun(frames, 0, 'across the switch');

    v.control({ type: 'speed', rate: 2 });
    await v.waitFor(() => v.state?.rate === 2, 3000, 'speed state');
    const startPlayhead = v.playhead;
    const startMs = performance.now();
    await sleep(1500);
    const framesPerS = (v.playhead - startPlayhead) / ((performance.now() - startMs) / 1000);
    assert.ok(framesPerS > 1.6 * FPS, `played ${framesPerS.toFixed(1)} frames/s at 2×`);
    assert.equal(v.stalls, 0, 'the server keeps up at 2×');
    v.control({ type: 'profile', id: '1080p' });
    await v.waitFor(() => v.errors.some((error) => error.code === 'profile-unavailable'), 3000, 'a refusal for an unbaked profile');
    closeViewer(v);
  });

  test('a looping viewer at the end starts over once, from frame 0, and plays on', async () => {
    // bench:stream's viewers loop; the restart used to call seek() from inside the tick that seek() runs, without end.
    const v = viewer({ startS: 18.5, loop: true });
    await v.waitFor(() => v.lastReceivedFrame >= FRAME_COUNT - 1, 10_000, 'the last frames');
    v.play();
    await v.waitFor(() => v.epoch > 0 && v.playhead >= 15, 10_000, 'playing again from the start');
    const restarted = v.framesOfEpoch(v.epoch);
    assertPlayableRun(restarted, 0, 'after the loop');
    assert.equal(v.errors.length, 0, JSON.stringify(v.errors));
    closeViewer(v);
  });

  test('the socket.io fallback, when WebRTC is blocked, carries the very same frames', async () => {
    const direct = viewer();
    const blocked = viewer({ blockWebRtc: true, fallbackAfterMs: 1500 });
    await direct.waitFor(() => direct.lastReceivedFrame >= 59, 10_000, 'WebRTC frames');
    await blocked.waitFor(() => blocked.lastReceivedFrame >= 59, 10_000, 'socket frames');
    assert.equal(blocked.transportInUse, 'socket');
    const overSocket = blocked.frames.filter((frame) => frame.frameIndex < 60);
    assert.ok(overSocket.every((frame) => frame.transport === 'socket'));
    assertPlayableRun(overSocket, 0, 'socket frames');
    const overPeer = direct.frames.filter((frame) => frame.frameIndex < 60);
    assert.equal(overSocket.length, 60);
    overSocket.forEach((frame, i) =>
      assert.deepEqual(Buffer.from(frame.data), Buffer.from(overPeer[i].data), `frame ${i} differs between transports`),
    );
    blocked.play();
    await blocked.waitFor(() => blocked.playhead >= 60, 5000, 'playing over the socket');
    assert.equal(blocked.stalls, 0);
    closeViewer(direct);
    closeViewer(blocked);
  });

  test('a peer closed under the player recovers with a new one and resumes at the same position', async () => {
    const v = viewer();
    await v.waitFor(() => v.lastReceivedFrame >= 30, 10_000, 'first frames');
    v.play();
    await v.waitFor(() => v.playhead >= 50, 5000, 'some play');
    v.pause();
    await sleep(300);
    const position = Math.floor(v.playhead);
    v.breakPeer();
    await v.waitFor(() => v.epoch >= 1 && v.lastReceivedFrame >= position + 10, 10_000, 'frames on a new peer');
    const resumed = v.framesOfEpoch(v.epoch);
    assert.equal(v.targetFrame, position, "the viewer holds its playhead as the new epoch's target");
    // The state message (socket.io) may trail the first frames (data channel): wait for the server's word.
    await v.waitFor(() => v.state?.epoch === v.epoch, 5000, "the new epoch's state");
    assert.equal(v.state!.targetFrame, position, 'the server targets the playhead');
    assertPlayableRun(resumed, Math.floor(position / FPS) * FPS, 'after the new peer');
    assert.ok(resumed.every((frame) => frame.transport === 'webrtc'));
    closeViewer(v);
  });

  test('a socket reconnect within the grace period resumes the session where it was', async () => {
    const v = viewer();
    await v.waitFor(() => v.lastReceivedFrame >= 30, 10_000, 'first frames');
    v.seek(7.2);
    await v.waitFor(() => v.epoch === 1 && v.playhead >= 216, 5000, 'at 7.2 s');
    const sessionId = v.ready!.sessionId;
    const sessionsBefore = main.server.stream.sessionCount();
    v.socket.io.engine.close();
    await v.waitFor(() => v.ready?.resumed === true, 10_000, 'a resumed ready');
    assert.equal(v.ready!.sessionId, sessionId);
    assert.equal(main.server.stream.sessionCount(), sessionsBefore, 'no second session');
    await v.waitFor(() => v.lastReceivedFrame >= 240, 10_000, 'frames after resuming');
    assertPlayableRun(v.framesOfEpoch(v.epoch), 210, 'after resuming');
    closeViewer(v);
  });

  test('a route not baked says how far its bake is; an unknown route is an error', async () => {
    const v = viewer({ routeId: CURATED_ROUTES[0].id });
    await v.waitFor(() => v.notBaked !== null, 5000, 'not-baked');
    assert.equal(v.notBaked!.routeId, CURATED_ROUTES[0].id);
    assert.ok(v.notBaked!.profiles.length >= 2);
    for (const profile of v.notBaked!.profiles) {
      assert.ok(['queued', 'missing'].includes(profile.status), profile.status);
      assert.equal(profile.framesDone, 0);
      assert.ok(profile.framesTotal > 0);
    }
    const unknown = viewer({ routeId: 'no-such-route' });
    await unknown.waitFor(() => unknown.errors.some((error) => error.code === 'unknown-route'), 5000, 'unknown-route');
    assert.equal(unknown.ready, null);
    closeViewer(v);
    closeViewer(unknown);
  });

  test('a page from an origin not on the allow-list cannot connect; one on it can', async () => {
    const foreign = viewer({ origin: 'http://evil.example' });
    const refused = await new Promise<boolean>((resolve) => {
      foreign.socket.once('connect_error', () => resolve(true));
      foreign.socket.once('connect', () => resolve(false));
    });
    assert.ok(refused);
    closeViewer(foreign);
    const local = viewer({ origin: 'http://localhost:3000', transport: 'socket' });
    await local.waitFor(() => local.lastReceivedFrame >= 0, 5000, 'a frame for an allowed origin');
    closeViewer(local);
  });

  test('metrics count frames and bytes; closed viewers leave no session or peer once the grace period ends', async () => {
    const metrics = await (await fetch(`${main.server.url}/metrics`)).text();
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1]);
    assert.ok(value('yunshan_stream_frames_sent_total') > 300);
    assert.ok(value('yunshan_stream_bytes_sent_total') > 300 * 1000);
    assert.ok(value('yunshan_stream_sessions') >= 0);
    for (const open of [...viewers]) closeViewer(open);
    const deadline = Date.now() + 6000;
    while ((main.server.stream.sessionCount() > 0 || main.server.stream.peerCount() > 0) && Date.now() < deadline) await sleep(100);
    assert.equal(main.server.stream.sessionCount(), 0);
    assert.equal(main.server.stream.peerCount(), 0);
    const after = await (await fetch(`${main.server.url}/metrics`)).text();
    assert.match(after, /^yunshan_stream_sessions 0$/m);
  });
});

describe('the session cap', () => {
  test('one viewer over the cap is told busy with a retry time; a slot freed is taken again', async () => {
    // 'webrtc': busy at the cap; by default ('auto') the node hands the viewer HTTP segments instead.
    const capped = await startStreamTestServer(framesDir, {
      YUNSHAN_STREAM_MAX_SESSIONS: '1',
      YUNSHAN_STREAM_RESUME_GRACE_MS: '0',
      YUNSHAN_STREAM_TRANSPORT: 'webrtc',
    });
    const make = () =>
      new NodeStreamViewer({
        url: capped.server.url,
        routeId: streamTestRoute.id,
        revision: STREAM_TEST_REVISION,
        profile: '360p',
        transport: 'socket',
      });
    const first = make();
    let second: NodeStreamViewer | null = null;
    try {
      await first.waitFor(() => first.ready !== null, 10_000, 'first ready');
      second = make();
      await second.waitFor(() => second!.busy !== null, 10_000, 'busy');
      assert.ok(second.busy!.retryAfterMs > 0);
      assert.equal(second.ready, null);
      first.close();
      await second.waitFor(() => capped.server.stream.sessionCount() === 0, 10_000, 'the slot to free');
      const third = make();
      await third.waitFor(() => third.ready !== null, 10_000, 'ready after the slot freed');
      third.close();
    } finally {
      first.close();
      second?.close();
      await capped.close();
    }
  });
});

describe('the join is pinned to the revision the page shows', { concurrency: false }, () => {
  // Revision 1 is baked; a curator then republishes the route as revision 2, not baked yet.
  // A page rendered before the republish still shows revision 1.
  let republished: StreamTestServer;

  before(async () => {
    republished = await startStreamTestServer(framesDir);
    const studio = openStudioRouteStore(path.join(republished.dir, 'db.sqlite'));
    try {
      const actor = { staffId: 1, email: 'curator@bureau.example' };
      const saved = await studio.save(
        streamTestRoute.id,
        { baseRevision: STREAM_TEST_REVISION, route: { ...streamTestRoute, title: { zh: '新版', en: 'Republished' } } },
        actor,
      );
      await studio.publish(streamTestRoute.id, saved.revision, actor);
    } finally {
      studio.close();
    }
  });

  after(async () => {
    await republished?.close();
  });

  test('a page on the older revision streams that revision, frames from its own bake', async () => {
    const v = viewer({ url: republished.server.url, revision: STREAM_TEST_REVISION, transport: 'socket', recordFrames: true });
    await v.waitFor(() => v.ready !== null || v.notBaked !== null || v.revisionGone !== null, 10_000, 'a reply to the join');
    assert.equal(v.notBaked, null, 'the older revision was answered as the newest (not baked)');
    assert.equal(v.ready!.revision, STREAM_TEST_REVISION);
    assert.equal(v.ready!.frameCount, FRAME_COUNT);
    assert.equal(v.ready!.durationS, 20);
    await v.waitFor(() => v.frames.length >= 5, 10_000, 'frames');
    const stored = await new LocalFrameStore(framesDir).readSegment(
      { sceneVersion: currentSceneVersion(), routeId: streamTestRoute.id, revision: STREAM_TEST_REVISION, profileId: '360p' },
      0,
    );
    for (const frame of v.frames.slice(0, 5)) {
      assert.deepEqual(
        Buffer.from(frame.data),
        Buffer.from(stored[frame.frameIndex].data),
        `frame ${frame.frameIndex} is revision ${STREAM_TEST_REVISION}'s own`,
      );
    }
    closeViewer(v);
  });

  test('the published revision, not baked yet, says how far its bake is', async () => {
    const v = viewer({ url: republished.server.url, revision: STREAM_TEST_REVISION + 1 });
    await v.waitFor(() => v.ready !== null || v.notBaked !== null || v.revisionGone !== null, 10_000, 'a reply to the join');
    assert.equal(v.ready, null);
    assert.equal(v.notBaked?.revision, STREAM_TEST_REVISION + 1);
    closeViewer(v);
  });

  test('a revision that is not the published one and has no bake is gone, with the published revision named', async () => {
    const v = viewer({ url: republished.server.url, revision: STREAM_TEST_REVISION + 5 });
    await v.waitFor(() => v.ready !== null || v.notBaked !== null || v.revisionGone !== null, 10_000, 'a reply to the join');
    assert.equal(v.ready, null);
    assert.equal(v.notBaked, null);
    assert.deepEqual(v.revisionGone, {
      routeId: streamTestRoute.id,
      revision: STREAM_TEST_REVISION + 5,
      publishedRevision: STREAM_TEST_REVISION + 1,
    });
    closeViewer(v);
  });

  test('a join without a revision is refused as invalid, and no session is opened', async () => {
    // Earlier viewers' sessions may still wait out their grace period.
    const sessionsBefore = republished.server.stream.sessionCount();
    const socket = io(republished.server.url, { path: STREAM_SOCKET_PATH, transports: ['websocket'], reconnection: false });
    try {
      const reply = new Promise<StreamErrorMessage>((resolve) => socket.on('error', resolve));
      socket.on('ready', () => assert.fail('a join without a revision was streamed'));
      socket.emit('join', {
        protocolVersion: 1,
        routeId: streamTestRoute.id,
        profile: '360p',
        capabilities: { webcodecsVp8: true, saveData: false, connectionType: 'wifi' },
        transport: 'socket',
      });
      const error = await reply;
      assert.equal(error.code, 'invalid-message');
      assert.match(error.message, /revision/);
      assert.equal(republished.server.stream.sessionCount(), sessionsBefore);
    } finally {
      socket.disconnect();
    }
  });
});
