// Per-address stream-session cap (issue 15, item 12) against the real render server and
// socket.io: a visitor beyond this machine (loopback with X-Forwarded-For, the server trusting
// one proxy hop) holds at most its cap of sessions; one more join is told 'busy' while its
// sessions are live, and takes the place of its oldest session that only waits for a reconnect;
// other visitors and this machine keep being served throughout.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { io, type Socket } from 'socket.io-client';
import type { BusyMessage, ReadyMessage } from '@/scenes/protocol/server-messages';
import { STREAM_SOCKET_PATH } from '@/scenes/protocol/stream-limits';
import {
  ensureStreamFixtureBaked,
  startStreamTestServer,
  STREAM_TEST_REVISION,
  streamTestRoute,
  type StreamTestServer,
} from './stream-test-fixture';

const SESSIONS_PER_ADDRESS = 2;
const VISITOR = { 'X-Forwarded-For': '203.0.113.20' };
const NEIGHBOUR = { 'X-Forwarded-For': '203.0.113.21' };

const join = {
  protocolVersion: 1,
  routeId: streamTestRoute.id,
  revision: STREAM_TEST_REVISION,
  profile: '360p-jpeg',
  capabilities: { webcodecsVp8: false, saveData: false, connectionType: 'wifi' },
  transport: 'socket',
} as const;

type JoinOutcome = { kind: 'ready'; ready: ReadyMessage } | { kind: 'busy'; busy: BusyMessage };

describe('stream sessions per remote address', () => {
  let server: StreamTestServer;
  let url: string;
  const sockets: Socket[] = [];

  before(async () => {
    const framesDir = await ensureStreamFixtureBaked();
    server = await startStreamTestServer(framesDir, {
      YUNSHAN_TRUSTED_PROXY_HOPS: '1',
      YUNSHAN_STREAM_MAX_SESSIONS_PER_ADDRESS: String(SESSIONS_PER_ADDRESS),
      // Long enough that a dropped socket's session is still waiting when the next join comes.
      YUNSHAN_STREAM_RESUME_GRACE_MS: '120000',
    });
    url = `http://127.0.0.1:${new URL(server.server.url).port}`;
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await server?.close();
  });

  const connect = (headers: Record<string, string> = {}) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = io(url, {
        path: STREAM_SOCKET_PATH,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: headers,
      });
      sockets.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });

  const joinOn = (socket: Socket, extra: Record<string, unknown> = {}) =>
    new Promise<JoinOutcome>((resolve, reject) => {
      const done = () => {
        socket.off('ready', onReady);
        socket.off('busy', onBusy);
        socket.off('error', onError);
      };
      const onReady = (ready: ReadyMessage) => {
        done();
        resolve({ kind: 'ready', ready });
      };
      const onBusy = (busy: BusyMessage) => {
        done();
        resolve({ kind: 'busy', busy });
      };
      const onError = (error: unknown) => {
        done();
        reject(new Error(`join answered with an error: ${JSON.stringify(error)}`));
      };
      socket.on('ready', onReady);
      socket.on('busy', onBusy);
      socket.on('error', onError);
      socket.emit('join', { ...join, ...extra });
    });

  /** Closes the sockets and waits until the server has seen them go (their sessions then wait for a resume). */
  const closeAndWait = async (closing: Socket[]) => {
    const ids = closing.map((socket) => socket.id);
    for (const socket of closing) socket.close();
    const open = server.server.stream.io.of('/').sockets;
    while (ids.some((id) => id !== undefined && open.has(id))) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  /** Plays the session on this socket until a frame arrives: the viewer is really served. */
  const firstFrame = (socket: Socket) =>
    new Promise<void>((resolve) => {
      socket.once('frame', () => resolve());
      socket.emit('control', { type: 'play' });
    });

  test('a visitor at its cap is told busy while its sessions are live; a neighbour and this machine still stream', async () => {
    const first = await connect(VISITOR);
    const second = await connect(VISITOR);
    assert.equal((await joinOn(first)).kind, 'ready');
    assert.equal((await joinOn(second)).kind, 'ready');

    const third = await connect(VISITOR);
    const refused = await joinOn(third);
    assert.equal(refused.kind, 'busy', 'one session past the cap');
    if (refused.kind === 'busy') {
      assert.match(refused.busy.reason, new RegExp(`at most ${SESSIONS_PER_ADDRESS} streams`));
      assert.ok(refused.busy.retryAfterMs > 0);
    }
    // The refusal leaves the socket open and its earlier sessions streaming.
    assert.ok(third.connected);
    await firstFrame(first);

    const neighbour = await connect(NEIGHBOUR);
    assert.equal((await joinOn(neighbour)).kind, 'ready', 'another visitor behind the same proxy has its own allowance');
    await firstFrame(neighbour);

    const local = await Promise.all([connect(), connect(), connect()]);
    const localJoins = await Promise.all(local.map((socket) => joinOn(socket)));
    assert.deepEqual(
      localJoins.map((outcome) => outcome.kind),
      ['ready', 'ready', 'ready'],
      'loopback peers answer only to the node-wide cap',
    );
    await firstFrame(local[2]);

    await closeAndWait([first, second, third, neighbour, ...local]);
  });

  test('at its cap, a new join takes the place of the oldest session that only waits for a reconnect', async () => {
    const [a, b, c] = await Promise.all([connect(VISITOR), connect(VISITOR), connect(VISITOR)]);
    // Sessions of the sockets the previous test closed may still be waiting: the visitor's new joins replace them.
    const oldest = await joinOn(a);
    const younger = await joinOn(b);
    assert.equal(oldest.kind, 'ready');
    assert.equal(younger.kind, 'ready');
    if (oldest.kind !== 'ready' || younger.kind !== 'ready') return;

    // Both dropped, as a page reload drops its socket: their sessions wait for a resume.
    await closeAndWait([a, b]);
    const replacement = await joinOn(c);
    assert.equal(replacement.kind, 'ready', 'a waiting session gives way to a new one');

    // The younger session still waits and resumes; the oldest has gone, so its resume is a fresh
    // join, and that one is past the cap again.
    const resumer = await connect(VISITOR);
    const resumedYounger = await joinOn(resumer, {
      resume: { sessionId: younger.ready.sessionId, resumeToken: younger.ready.resumeToken },
    });
    assert.equal(resumedYounger.kind, 'ready');
    if (resumedYounger.kind === 'ready') assert.equal(resumedYounger.ready.resumed, true, 'the younger session survived');
    const late = await connect(VISITOR);
    const resumedOldest = await joinOn(late, { resume: { sessionId: oldest.ready.sessionId, resumeToken: oldest.ready.resumeToken } });
    assert.equal(resumedOldest.kind, 'busy', 'the oldest waiting session was closed to make room');

    await firstFrame(c);
    await closeAndWait([c, resumer, late]);
  });
});
