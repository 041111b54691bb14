// The render server as an operator meets it: started on its own (no Next.js), it seeds the
// curated routes, queues their bakes cheapest profile first, starts baking, and answers
// health, metrics and progress; without Chromium it says so plainly and keeps answering.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '@/server/log';
import { startRenderServer, type RunningRenderServer } from '@/server/render-server';
import { loadRenderServerConfig } from '@/server/render-server-config';
import { openSqliteBakeQueue } from '@/server/bake/sqlite-bake-queue';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { DEFAULT_BAKE_PROFILE_IDS } from '@/scenes/protocol/profile-ladder';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { STREAM_SOCKET_PATH } from '@/scenes/protocol/stream-limits';

const quiet = silentLogger();

function tempConfig(extraEnv: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-render-server-'));
  const config = loadRenderServerConfig({
    YUNSHAN_DB_PATH: path.join(dir, 'db.sqlite'),
    YUNSHAN_FRAMES_DIR: path.join(dir, 'frames'),
    YUNSHAN_RENDER_PORT: '0',
    ...extraEnv,
  });
  return { dir, config };
}

/** Reads server-sent events until `accept` returns true or the time runs out. */
async function waitForEvent(
  url: string,
  accept: (data: Record<string, unknown>) => boolean,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: abort.signal });
    assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (data !== undefined) {
          const parsed = JSON.parse(data) as Record<string, unknown>;
          if (accept(parsed)) return parsed;
        }
      }
    }
    throw new Error('event stream ended');
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

describe('render server with a renderer', () => {
  let server: RunningRenderServer;
  let dir: string;
  let dbPath: string;

  before(async () => {
    const temp = tempConfig();
    dir = temp.dir;
    dbPath = temp.config.databasePath;
    server = await startRenderServer(temp.config, quiet);
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('queues every curated route in every profile, cheapest profile first, and reports health', async () => {
    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200);
    const report = (await health.json()) as { status: string; baking: boolean; renderers: number };
    assert.equal(report.status, 'ok');
    assert.equal(report.baking, true);
    assert.equal(report.renderers, 1);

    const { jobs } = (await (await fetch(`${server.url}/api/bakes`)).json()) as { jobs: Array<{ routeId: string; profileId: string }> };
    assert.equal(jobs.length, CURATED_ROUTES.length * DEFAULT_BAKE_PROFILE_IDS.length);
    const forOne = (await (await fetch(`${server.url}/api/bakes?routeId=${CURATED_ROUTES[0].id}`)).json()) as {
      jobs: Array<{ profileId: string }>;
    };
    assert.deepEqual(forOne.jobs.map((job) => job.profileId).sort(), [...DEFAULT_BAKE_PROFILE_IDS].sort());
  });

  test('streams bake progress as server-sent events', async () => {
    const event = await waitForEvent(
      `${server.url}/api/bakes/events`,
      (job) => job.status === 'running' && Number(job.framesDone) > 0,
      150_000,
    );
    assert.equal(event.profileId, '360p');
    assert.ok(Number(event.framesDone) <= Number(event.framesTotal));
  });

  test('exposes Prometheus metrics', async () => {
    const response = await fetch(`${server.url}/metrics`);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    assert.match(text, /^yunshan_bake_queue_depth\{status="queued"\} \d+$/m);
    assert.match(text, /^yunshan_renderer_restarts_total \d+$/m);
    assert.match(text, /^yunshan_bake_frames_total\{profile="360p"\} \d+$/m);
  });

  test("every response carries its request id: the caller's when it sends one, a fresh one otherwise", async () => {
    const given = await fetch(`${server.url}/healthz`, { headers: { 'X-Request-Id': 'probe-42' } });
    assert.equal(given.headers.get('x-request-id'), 'probe-42');
    const fresh = await fetch(`${server.url}/no/such/thing`);
    assert.match(fresh.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  test('answers bad requests with specific JSON errors', async () => {
    const badId = await fetch(`${server.url}/api/bakes?routeId=NOT..an-id`);
    assert.equal(badId.status, 400);
    const body = (await badId.json()) as { error: { code: string; issues: unknown[] } };
    assert.equal(body.error.code, 'invalid_request');
    assert.ok(body.error.issues.length > 0);

    assert.equal((await fetch(`${server.url}/no/such/thing`)).status, 404);
    const post = await fetch(`${server.url}/api/bakes`, { method: 'POST', body: '{}' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
    const poster = await fetch(`${server.url}/posters/no-such-route.jpg`);
    assert.equal(poster.status, 404);
  });

  test('closing gives the running job back to the queue', async () => {
    await server.close();
    const queue = openSqliteBakeQueue(dbPath);
    try {
      const counts = await queue.countByStatus();
      assert.equal(counts.running, 0);
      const first = (await queue.list({ routeId: CURATED_ROUTES[0].id })).find((job) => job.profileId === '360p');
      assert.ok(first && first.framesDone > 0, 'its progress was kept');
    } finally {
      queue.close();
    }
  });
});

describe('render server without Chromium', () => {
  test('says plainly that baking is off and still answers', async () => {
    const { dir, config } = tempConfig({ CHROMIUM_PATH: '/nonexistent/chromium' });
    const server = await startRenderServer(config, quiet);
    try {
      const health = await fetch(`${server.url}/healthz`);
      assert.equal(health.status, 503);
      const report = (await health.json()) as { status: string; baking: boolean; detail: string };
      assert.equal(report.status, 'degraded');
      assert.equal(report.baking, false);
      assert.match(report.detail, /chromium/i);
      const { jobs } = (await (await fetch(`${server.url}/api/bakes`)).json()) as { jobs: unknown[] };
      assert.equal(jobs.length, CURATED_ROUTES.length * DEFAULT_BAKE_PROFILE_IDS.length, 'bakes stay queued for a node that can render');
    } finally {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * A visitor beyond this machine, as a render node behind a reverse proxy sees one: the request
 * comes from the proxy on loopback and X-Forwarded-For names the visitor. The servers trust one
 * proxy hop, so every test talks to loopback only and still exercises the rules for strangers.
 */
const VISITOR_ADDRESS = '203.0.113.9';
const FROM_VISITOR = { 'X-Forwarded-For': VISITOR_ADDRESS };

describe('render server behind a reverse proxy, answering visitors beyond this machine', () => {
  const OPS_TOKEN = 'ops-token-for-the-test-0123456789';
  let withToken: RunningRenderServer;
  let withoutToken: RunningRenderServer;
  const dirs: string[] = [];
  const sockets: Socket[] = [];
  const portOf = (server: RunningRenderServer) => new URL(server.url).port;
  const local = (server: RunningRenderServer, pathname: string) => `http://127.0.0.1:${portOf(server)}${pathname}`;
  /** A request the proxy forwards for the visitor. */
  const fromVisitor = (server: RunningRenderServer, pathname: string, headers: Record<string, string> = {}) =>
    fetch(local(server, pathname), { headers: { ...FROM_VISITOR, ...headers } });

  before(async () => {
    const a = tempConfig({
      YUNSHAN_BAKE: '0',
      YUNSHAN_TRUSTED_PROXY_HOPS: '1',
      YUNSHAN_OPS_TOKEN: OPS_TOKEN,
      YUNSHAN_OPS_MAX_EVENT_STREAMS: '2',
      YUNSHAN_STREAM_MAX_SOCKETS_PER_ADDRESS: '3',
      YUNSHAN_STREAM_IDLE_SOCKET_MS: '1000',
    });
    const b = tempConfig({ YUNSHAN_BAKE: '0', YUNSHAN_TRUSTED_PROXY_HOPS: '1' });
    dirs.push(a.dir, b.dir);
    [withToken, withoutToken] = await Promise.all([startRenderServer(a.config, quiet), startRenderServer(b.config, quiet)]);
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await Promise.all([withToken?.close(), withoutToken?.close()]);
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('malformed percent-encoding in a path is a 400, not a 500', async () => {
    const response = await fetch(local(withToken, '/posters/%E0%A4%A.jpg'));
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'invalid_request');
  });

  test('operations endpoints are open to this machine and closed to others without the token', async () => {
    for (const pathname of ['/metrics', '/api/bakes']) {
      assert.equal((await fetch(local(withoutToken, pathname))).status, 200, `${pathname} from loopback`);
      const refused = await fromVisitor(withoutToken, pathname);
      assert.equal(refused.status, 403, `${pathname} from beyond loopback with no token configured`);
      assert.match(((await refused.json()) as { error: { message: string } }).error.message, /YUNSHAN_OPS_TOKEN/);

      const missing = await fromVisitor(withToken, pathname);
      assert.equal(missing.status, 401, `${pathname} without the token`);
      assert.match(missing.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.equal((await fromVisitor(withToken, pathname, { Authorization: 'Bearer wrong-token-wrong-token' })).status, 401);
      assert.equal((await fromVisitor(withToken, pathname, { Authorization: `Bearer ${OPS_TOKEN}` })).status, 200);
    }
    const events = await fromVisitor(withoutToken, '/api/bakes/events');
    assert.equal(events.status, 403);
    // What visitors need stays public.
    assert.equal((await fromVisitor(withoutToken, '/healthz')).status, 200);
    assert.equal((await fromVisitor(withoutToken, '/posters/no-such-route.jpg')).status, 404);
  });

  test('bake event streams are capped: one more is a 429 until one closes', async () => {
    const open = async () => {
      const abort = new AbortController();
      const response = await fetch(local(withToken, '/api/bakes/events'), { signal: abort.signal });
      return { response, abort };
    };
    const first = await open();
    const second = await open();
    assert.equal(first.response.status, 200);
    assert.equal(second.response.status, 200);
    const third = await open();
    assert.equal(third.response.status, 429);
    assert.ok(Number(third.response.headers.get('retry-after')) > 0);
    first.abort.abort();
    second.abort.abort();
    // The server sees the close on its own schedule: wait for a slot to come back, not a time.
    let status = 429;
    while (status === 429) {
      const next = await open();
      status = next.response.status;
      next.abort.abort();
      if (status === 429) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(status, 200);
  });

  const connect = (url: string, extraHeaders: Record<string, string> = {}) =>
    new Promise<{ socket: Socket; outcome: 'connected' | 'refused' }>((resolve) => {
      const socket = connectSocket(url, {
        path: STREAM_SOCKET_PATH,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders,
      });
      sockets.push(socket);
      socket.once('connect', () => resolve({ socket, outcome: 'connected' }));
      socket.once('connect_error', () => resolve({ socket, outcome: 'refused' }));
    });

  test('one visitor address holds at most its cap of sockets; another visitor and this machine are not held back by it', async () => {
    const url = local(withToken, '');
    const held = await Promise.all([connect(url, FROM_VISITOR), connect(url, FROM_VISITOR), connect(url, FROM_VISITOR)]);
    assert.deepEqual(
      held.map((entry) => entry.outcome),
      ['connected', 'connected', 'connected'],
    );
    assert.equal((await connect(url, FROM_VISITOR)).outcome, 'refused', 'a fourth socket from the same visitor');
    const neighbour = await connect(url, { 'X-Forwarded-For': '203.0.113.10' });
    assert.equal(neighbour.outcome, 'connected', 'a different visitor behind the same proxy has its own allowance');
    held.push(neighbour);
    const loopback = await Promise.all([1, 2, 3, 4].map(() => connect(local(withToken, ''))));
    assert.ok(
      loopback.every((entry) => entry.outcome === 'connected'),
      'loopback peers answer only to the node-wide caps',
    );
    for (const entry of [...held, ...loopback]) entry.socket.close();
  });

  test('a socket that never asks for a stream is closed after the idle timeout', async () => {
    const { socket, outcome } = await connect(local(withToken, ''));
    assert.equal(outcome, 'connected');
    const reason = await new Promise<string>((resolve) => socket.once('disconnect', resolve));
    assert.equal(reason, 'io server disconnect');
  });
});
