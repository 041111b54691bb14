// The public routes API, asked over HTTP of the real production server on a real SQLite file.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { openSqliteRouteStore } from '@/server/routes/route-store';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { startWebRenderServer, type WebRenderServer } from '../helpers/web-render-server';
import { buildTestRoute } from '../helpers/test-routes';
import { FIRST_STREAMABLE_PROFILE } from '@/server/bake/cloud-readiness';

const alpha = buildTestRoute('test-alpha-loop');
const bravo = buildTestRoute('test-bravo-bridge', {
  landmark: 'first-bridge',
  timeOfDay: 'golden-hour',
  durationS: 75,
  pointsOfInterest: [],
});

let tempDir: string;
let server: RunningNextServer;
/** The render server beside it, which the web app asks for bake state and to queue a publish's bakes. */
let render: WebRenderServer;

before(async () => {
  // The database exists before the server starts, holding routes this test knows
  // exactly; the server then seeds the curated routes beside them.
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-api-'));
  const dbPath = path.join(tempDir, 'yunshan.sqlite');
  const store = openSqliteRouteStore(dbPath);
  await store.seedPublished([alpha, bravo]);
  store.close();
  render = await startWebRenderServer(dbPath);
  server = await startNextServer({ dbPath, env: render.webEnv });
});

after(async () => {
  await server?.stop();
  await render?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

async function getJson(urlPath: string, init?: RequestInit): Promise<{ response: Response; body: unknown }> {
  const response = await fetch(`${server.baseUrl}${urlPath}`, init);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/, `${urlPath} did not answer JSON`);
  return { response, body: await response.json() };
}

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: (string | number)[]; code: string; message: string }[] };
}

function withRawDb<T>(work: (db: Database.Database) => T): T {
  const db = new Database(server.dbPath);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

describe('GET /api/routes', () => {
  test('lists summaries of every published route, curated ones included, cacheable as public data', async () => {
    const { response, body } = await getJson('/api/routes');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('cache-control') ?? '', /public/);
    const { routes } = body as { routes: Record<string, unknown>[] };
    assert.deepEqual(routes.slice(0, 2), [
      {
        id: 'test-alpha-loop',
        title: alpha.title,
        description: alpha.description,
        landmark: 'hallelujah-mountain',
        durationS: 40,
        timeOfDay: 'sunrise',
        scene: 'wulingyuan',
        revision: 1,
        poiCount: 1,
      },
      {
        id: 'test-bravo-bridge',
        title: bravo.title,
        description: bravo.description,
        landmark: 'first-bridge',
        durationS: 75,
        timeOfDay: 'golden-hour',
        scene: 'wulingyuan',
        revision: 1,
        poiCount: 0,
      },
    ]);
    const listedIds = new Set(routes.map((summary) => summary.id));
    assert.ok(CURATED_ROUTES.length > 0);
    for (const curated of CURATED_ROUTES) assert.ok(listedIds.has(curated.id), `curated route ${curated.id} is missing`);
  });

  test('OPTIONS names the same methods as the Allow header of a 405', async () => {
    const response = await fetch(`${server.baseUrl}/api/routes`, { method: 'OPTIONS' });
    assert.equal(response.status, 204);
    assert.deepEqual(response.headers.get('allow')?.split(/,\s*/).sort(), ['GET', 'HEAD', 'OPTIONS']);
  });

  test('POST is 405 with an Allow header and a JSON error', async () => {
    const { response, body } = await getJson('/api/routes', { method: 'POST', body: '{}' });
    assert.equal(response.status, 405);
    assert.deepEqual(response.headers.get('allow')?.split(/,\s*/).sort(), ['GET', 'HEAD', 'OPTIONS']);
    assert.equal((body as ErrorBody).error.code, 'method_not_allowed');
  });
});

describe('GET /api/routes/:id', () => {
  test('returns the full route and its revision', async () => {
    const { response, body } = await getJson('/api/routes/test-alpha-loop');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('cache-control') ?? '', /public/);
    assert.deepEqual(body, { route: alpha, revision: 1 });
  });

  test('serves every curated route', async () => {
    for (const curated of CURATED_ROUTES) {
      const { response, body } = await getJson(`/api/routes/${curated.id}`);
      assert.equal(response.status, 200, curated.id);
      assert.equal((body as { route: { id: string } }).route.id, curated.id);
    }
  });

  test('an unknown id is a JSON 404', async () => {
    const { response, body } = await getJson('/api/routes/no-such-route');
    assert.equal(response.status, 404);
    assert.equal((body as ErrorBody).error.code, 'not_found');
    assert.match(response.headers.get('cache-control') ?? '', /no-store/);
  });

  test('a malformed id is a 400 carrying the validation issues', async () => {
    for (const badId of ['Test-Alpha-Loop', 'a'.repeat(65), 'x', 'trailing-dash-']) {
      const { response, body } = await getJson(`/api/routes/${badId}`);
      assert.equal(response.status, 400, badId);
      const { error } = body as ErrorBody;
      assert.equal(error.code, 'invalid_request');
      assert.ok(error.issues && error.issues.length > 0, `${badId}: no issues`);
      assert.deepEqual(error.issues[0].path, ['id']);
    }
  });

  test('DELETE is 405', async () => {
    const { response } = await getJson('/api/routes/test-alpha-loop', { method: 'DELETE' });
    assert.equal(response.status, 405);
    assert.match(response.headers.get('allow') ?? '', /GET/);
  });

  test('staff publishing a new revision shows at once; a newer draft does not', async () => {
    const at = '2030-01-01T00:00:00.000Z';
    withRawDb((db) => {
      const insert = db.prepare(
        `INSERT INTO route_revisions (route_id, revision, route_json, published, created_at, published_at) VALUES (?, ?, ?, ?, ?, ?)`,
      );
      insert.run('test-bravo-bridge', 2, JSON.stringify({ ...bravo, durationS: 120 }), 1, at, at);
      insert.run('test-bravo-bridge', 3, JSON.stringify({ ...bravo, durationS: 200 }), 0, at, null);
    });
    const { body } = await getJson('/api/routes/test-bravo-bridge');
    assert.equal((body as { revision: number }).revision, 2);
    assert.equal((body as { route: { durationS: number } }).route.durationS, 120);
  });

  test('a corrupt row drops out of the list, and reading it is a 500 that leaks nothing', async () => {
    const at = '2030-02-01T00:00:00.000Z';
    withRawDb((db) =>
      db
        .prepare(
          `INSERT INTO route_revisions (route_id, revision, route_json, published, created_at, published_at) VALUES (?, 9, ?, 1, ?, ?)`,
        )
        .run('test-alpha-loop', JSON.stringify({ ...alpha, keyframes: [] }), at, at),
    );
    const list = await getJson('/api/routes');
    assert.equal(list.response.status, 200);
    const ids = (list.body as { routes: { id: string }[] }).routes.map((summary) => summary.id);
    assert.ok(!ids.includes('test-alpha-loop'));
    assert.ok(ids.includes('test-bravo-bridge'));

    const { response, body } = await getJson('/api/routes/test-alpha-loop');
    assert.equal(response.status, 500);
    const { error } = body as ErrorBody;
    assert.equal(error.code, 'internal');
    assert.doesNotMatch(JSON.stringify(body), /revision 9|keyframes|SELECT|route_revisions|\.ts\b|\n\s+at /);
  });
});

describe('unknown API paths', () => {
  test('are JSON 404s for any method', async () => {
    for (const [method, urlPath] of [
      ['GET', '/api'],
      ['GET', '/api/nothing-here'],
      ['GET', '/api/routes/test-alpha-loop/extra'],
      ['POST', '/api/nothing/here/either'],
      ['PUT', '/api/v2/routes'],
    ]) {
      const { response, body } = await getJson(urlPath, { method });
      assert.equal(response.status, 404, `${method} ${urlPath}`);
      assert.equal((body as ErrorBody).error.code, 'not_found');
    }
  });
});

describe('GET /api/routes/:id/cloud', () => {
  test("says how far the cloud bake of a revision is, as the render server's bake table holds it, never from a cache", async () => {
    // The render server's start-up sweep queued every published route's bakes.
    const before = await getJson('/api/routes/test-bravo-bridge/cloud?revision=1');
    assert.equal(before.response.status, 200);
    assert.match(before.response.headers.get('cache-control') ?? '', /no-store/);
    assert.deepEqual(before.body, { readiness: { state: 'queued' } });

    // A bake under way: its percentage of the cheapest streamable profile.
    withRawDb((db) =>
      db
        .prepare(
          `UPDATE bake_jobs SET status = 'running', lease_owner = 'test-worker', lease_expires_at_ms = ?, frames_done = frames_total / 4 WHERE route_id = ? AND revision = 1 AND profile_id = ?`,
        )
        .run(Date.now() + 600_000, 'test-bravo-bridge', FIRST_STREAMABLE_PROFILE),
    );
    assert.deepEqual((await getJson('/api/routes/test-bravo-bridge/cloud?revision=1')).body, {
      readiness: { state: 'baking', percent: 24 },
    });
    assert.deepEqual(
      (await getJson('/api/routes/test-bravo-bridge/cloud?revision=2')).body,
      { readiness: { state: 'none' } },
      'another revision has no bake',
    );
  });

  test('a missing or malformed revision is a 400', async () => {
    for (const query of ['', '?revision=0', '?revision=abc', '?revision=1&extra=1']) {
      const { response, body } = await getJson(`/api/routes/test-alpha-loop/cloud${query}`);
      assert.equal(response.status, 400, query);
      assert.equal((body as ErrorBody).error.code, 'invalid_request');
    }
  });
});
