// The render server's JSON API for the web app, asked over HTTP of the real render server on a
// real SQLite file (baking off): bake state and the scene version as the bake table and the
// server hold them, bake requests only with the shared token, a 400 that names the problem for
// bad input; and the web app's client reading the same answers.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteRouteStore } from '@/server/routes/route-store';
import { openSqliteBakeQueue } from '@/server/bake/sqlite-bake-queue';
import { routeBakeProgress } from '@/server/bake/route-bake-progress';
import { FIRST_STREAMABLE_PROFILE } from '@/server/bake/cloud-readiness';
import { currentSceneVersion } from '@/server/bake/scene-version';
import { createRenderServerClient, RENDER_SERVER_UNAVAILABLE_CODE } from '@/server/web/render-server-client';
import { hasDomainErrorCode } from '@/server/errors';
import { buildTestRoute } from '../helpers/test-routes';
import { startWebRenderServer, type WebRenderServer } from '../helpers/web-render-server';
import { freeLoopbackPort } from '../helpers/free-port';

const alpha = buildTestRoute('test-alpha-loop');
const bravo = buildTestRoute('test-bravo-bridge', { landmark: 'first-bridge', durationS: 75, pointsOfInterest: [] });

let tempDir: string;
let dbPath: string;
let server: WebRenderServer;

before(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-render-api-'));
  dbPath = path.join(tempDir, 'yunshan.sqlite');
  const store = openSqliteRouteStore(dbPath);
  await store.seedPublished([alpha]);
  store.close();
  server = await startWebRenderServer(dbPath);
});

after(async () => {
  await server?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

async function ask(urlPath: string, init?: RequestInit): Promise<{ response: Response; body: Record<string, unknown> }> {
  const response = await fetch(`${server.render.url}${urlPath}`, init);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/, `${urlPath} did not answer JSON`);
  return { response, body: (await response.json()) as Record<string, unknown> };
}

async function progressInTable(routeId: string, revision: number) {
  const queue = openSqliteBakeQueue(dbPath);
  try {
    return routeBakeProgress(await queue.list({ routeId }), revision);
  } finally {
    queue.close();
  }
}

function postBakeRequest(body: unknown, headers: Record<string, string> = { Authorization: `Bearer ${server.apiToken}` }) {
  return ask('/api/bake-requests', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('GET /api/scene-version and /api/bake-state', () => {
  test('the scene version is the one this code bakes for', async () => {
    const { response, body } = await ask('/api/scene-version');
    assert.equal(response.status, 200);
    assert.deepEqual(body, { sceneVersion: currentSceneVersion() });
  });

  test('bake state answers each named revision as the bake table holds it, in the order asked', async () => {
    const first = await ask('/api/bake-state?route=test-alpha-loop@1&route=test-alpha-loop@7');
    assert.equal(first.response.status, 200);
    assert.match(first.response.headers.get('cache-control') ?? '', /no-store/);
    // The render server's start-up sweep queued the published revision; revision 7 has no bakes.
    assert.deepEqual(first.body, {
      sceneVersion: currentSceneVersion(),
      routes: [
        { routeId: 'test-alpha-loop', ...(await progressInTable('test-alpha-loop', 1)) },
        { routeId: 'test-alpha-loop', revision: 7, readiness: { state: 'none' }, profiles: [] },
      ],
    });
    assert.equal((first.body.routes as Array<{ readiness: { state: string } }>)[0].readiness.state, 'queued');

    // A bake under way shows its percentage, as the table says.
    const db = new Database(dbPath);
    try {
      db.prepare(
        `UPDATE bake_jobs SET status = 'running', lease_owner = 'test-worker', lease_expires_at_ms = ?, frames_done = 450, frames_per_second = 2.5 WHERE route_id = ? AND profile_id = ?`,
      ).run(Date.now() + 600_000, 'test-alpha-loop', FIRST_STREAMABLE_PROFILE);
    } finally {
      db.close();
    }
    const moving = await ask('/api/bake-state?route=test-alpha-loop@1');
    const expected = await progressInTable('test-alpha-loop', 1);
    assert.equal(expected.readiness.state, 'baking');
    assert.deepEqual(moving.body, { sceneVersion: currentSceneVersion(), routes: [{ routeId: 'test-alpha-loop', ...expected }] });
  });

  test('a page of the site may read bake state cross-origin, as it reads the segments', async () => {
    const { response } = await ask('/api/bake-state?route=test-alpha-loop@1', { headers: { Origin: 'http://localhost:3000' } });
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:3000');
    const stranger = await ask('/api/bake-state?route=test-alpha-loop@1', { headers: { Origin: 'https://elsewhere.example' } });
    assert.equal(stranger.response.headers.get('access-control-allow-origin'), null);
  });

  test('bad queries are a 400 that says what is wrong', async () => {
    const cases: Array<[string, RegExp]> = [
      ['', /at least one route/],
      ['?route=test-alpha-loop', /route@revision/],
      ['?route=Not_An_Id@1', /lowercase letters/],
      ['?route=test-alpha-loop@0', />=1|too small/i],
      ['?route=test-alpha-loop@1&extra=1', /extra|unrecognized/i],
      [`?${Array.from({ length: 201 }, () => 'route=test-alpha-loop@1').join('&')}`, /200|too big/i],
    ];
    for (const [query, message] of cases) {
      const { response, body } = await ask(`/api/bake-state${query}`);
      assert.equal(response.status, 400, query.slice(0, 60));
      const error = body.error as { code: string; message: string; issues: Array<{ message: string }> };
      assert.equal(error.code, 'invalid_request');
      assert.match(`${error.message} ${error.issues.map((issue) => issue.message).join(' ')}`, message, query.slice(0, 60));
    }
    assert.equal((await ask('/api/scene-version?x=1')).response.status, 400);
  });
});

describe('POST /api/bake-requests', () => {
  test('without the shared token, or with another, it is a 401 that says what is needed', async () => {
    const attempts: Array<Record<string, string>> = [
      {},
      { Authorization: 'Bearer not-the-token-at-all-000' },
      { Authorization: `Basic ${server.apiToken}` },
    ];
    for (const headers of attempts) {
      const { response, body } = await postBakeRequest({ routeId: 'test-alpha-loop', revision: 1 }, headers);
      assert.equal(response.status, 401, JSON.stringify(headers));
      assert.equal((body.error as { code: string }).code, 'unauthorized');
      assert.match((body.error as { message: string }).message, /YUNSHAN_RENDER_API_TOKEN/);
    }
  });

  test('bad bodies are a 400 (or 415 when not JSON); an unknown route 404; a revision not published now 409', async () => {
    for (const body of [
      {},
      { routeId: 'test-alpha-loop' },
      { routeId: 'test-alpha-loop', revision: 1.5 },
      { routeId: 'BAD ID', revision: 1 },
      { routeId: 'test-alpha-loop', revision: 1, more: true },
    ]) {
      const { response, body: reply } = await postBakeRequest(body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal((reply.error as { code: string }).code, 'invalid_request');
    }
    const notJson = await fetch(`${server.render.url}/api/bake-requests`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.apiToken}`, 'Content-Type': 'text/plain' },
      body: 'x',
    });
    assert.equal(notJson.status, 415);
    assert.equal((await postBakeRequest({ routeId: 'no-such-route', revision: 1 })).response.status, 404);
    assert.equal((await postBakeRequest({ routeId: 'test-alpha-loop', revision: 2 })).response.status, 409);
    assert.equal((await ask('/api/bake-requests')).response.status, 405, 'GET is not a bake request');
  });

  test('with the token, a published revision gets its bakes queued, and the answer is the bake table', async () => {
    const store = openSqliteRouteStore(dbPath);
    await store.seedPublished([bravo]);
    store.close();
    const { response, body } = await postBakeRequest({ routeId: 'test-bravo-bridge', revision: 1 });
    assert.equal(response.status, 200);
    const expected = await progressInTable('test-bravo-bridge', 1);
    assert.ok(expected.profiles.length >= 1 && expected.profiles.every((profile) => profile.status === 'queued'));
    assert.deepEqual(body, { sceneVersion: currentSceneVersion(), bakes: expected });
    // Asked again, nothing is queued twice.
    const again = await postBakeRequest({ routeId: 'test-bravo-bridge', revision: 1 });
    assert.deepEqual(again.body, body);
  });
});

describe("the web app's render server client", () => {
  test('reads the same answers the bake table gives, and queues bakes with the token', async () => {
    const client = createRenderServerClient({ baseUrl: server.render.url, apiToken: server.apiToken });
    assert.equal(await client.sceneVersion(), currentSceneVersion());
    const [state] = await client.bakeState([{ routeId: 'test-bravo-bridge', revision: 1 }]);
    assert.deepEqual(state, { routeId: 'test-bravo-bridge', ...(await progressInTable('test-bravo-bridge', 1)) });
    const reply = await client.requestBakes({ routeId: 'test-bravo-bridge', revision: 1 });
    assert.deepEqual(reply.bakes, await progressInTable('test-bravo-bridge', 1));
  });

  test('a wrong token, or no render server at all, is a RenderServerUnavailableError (503), not a crash', async () => {
    const wrongToken = createRenderServerClient({ baseUrl: server.render.url, apiToken: 'x'.repeat(32) });
    await assert.rejects(
      wrongToken.requestBakes({ routeId: 'test-bravo-bridge', revision: 1 }),
      (error) => hasDomainErrorCode(error, RENDER_SERVER_UNAVAILABLE_CODE) && /401/.test(error.message),
    );
    const nobody = createRenderServerClient({
      baseUrl: `http://127.0.0.1:${await freeLoopbackPort()}`,
      apiToken: server.apiToken,
      timeoutMs: 500,
    });
    await assert.rejects(nobody.bakeState([{ routeId: 'test-alpha-loop', revision: 1 }]), (error) =>
      hasDomainErrorCode(error, RENDER_SERVER_UNAVAILABLE_CODE),
    );
    await assert.rejects(nobody.sceneVersion(), (error) => (error as { status?: number }).status === 503);
  });
});
