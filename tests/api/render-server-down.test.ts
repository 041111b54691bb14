// With no render server to ask (it is down, or not started yet), the web app still serves:
// the catalogue and tour pages render with the cloud unknown, the cloud poll answers 503 (the
// browser backs off), and publishing succeeds and says the bakes wait for the render server's
// sweep of published routes. Real Next server, real SQLite file, nothing listening where the
// render server would be.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createStaffAccount } from '@/server/staff/staff-accounts';
import { openStaffServices } from '@/server/staff/staff-services';
import { sessionCookieName } from '@/server/staff/session-cookie';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { buildTestRoute } from '../helpers/test-routes';

let tempDir: string;
let server: RunningNextServer;
let curatorCookie: string;

before(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-render-down-'));
  const dbPath = path.join(tempDir, 'yunshan.sqlite');
  const services = openStaffServices(dbPath);
  const curator = await createStaffAccount(services, {
    email: 'he.curator@bureau.example',
    password: 'stone forest in the rain 47',
    role: 'curator',
  });
  curatorCookie = `${sessionCookieName(false)}=${(await services.sessions.create(curator.id)).token}`;
  await services.close();
  // next-server.ts points the web app at a free port nobody listens on unless told otherwise.
  server = await startNextServer({ dbPath });
});

after(async () => {
  await server?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

function studioCall(method: string, urlPath: string, body?: unknown): Promise<Response> {
  return fetch(`${server.baseUrl}${urlPath}`, {
    method,
    headers: { cookie: curatorCookie, origin: server.baseUrl, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('the render server is down', () => {
  test('the catalogue and a tour page still render, with no cloud badge', async () => {
    const catalogue = await fetch(`${server.baseUrl}/`);
    assert.equal(catalogue.status, 200);
    const html = await catalogue.text();
    assert.match(html, /hallelujah-flyover/);
    assert.doesNotMatch(html, /data-testid="cloud-readiness"/, 'the cloud is unknown, so no card claims a state');
    const tour = await fetch(`${server.baseUrl}/tours/hallelujah-flyover`);
    assert.equal(tour.status, 200);
  });

  test("the tour page's cloud poll answers 503 with a reason, never a made-up state", async () => {
    const response = await fetch(`${server.baseUrl}/api/routes/hallelujah-flyover/cloud?revision=1`);
    assert.equal(response.status, 503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'render_server_unavailable');
    assert.match(body.error.message, /render server/);
  });

  test('publishing still succeeds and says the bakes wait for the sweep; the studio list still answers', async () => {
    const route = buildTestRoute('rain-over-the-stone-forest', { easeInS: 8, easeOutS: 8 });
    assert.equal((await studioCall('POST', '/api/studio/routes', { route })).status, 201);
    const published = await studioCall('POST', `/api/studio/routes/${route.id}/publish`, { revision: 1 });
    const body = (await published.json()) as { revision: number; bakes: unknown; bakesDeferred?: string };
    assert.equal(published.status, 200, JSON.stringify(body).slice(0, 300));
    assert.equal(body.revision, 1);
    assert.deepEqual(body.bakes, { revision: 1, readiness: { state: 'none' }, profiles: [] });
    assert.match(body.bakesDeferred ?? '', /sweep of published routes/);
    // Visitors see it at once, and no bake job was written by the web app behind the render server's back.
    assert.equal((await fetch(`${server.baseUrl}/api/routes/${route.id}`)).status, 200);
    const db = new Database(server.dbPath, { readonly: true });
    try {
      assert.deepEqual(db.prepare('SELECT count(*) AS jobs FROM bake_jobs WHERE route_id = ?').get(route.id), { jobs: 0 });
    } finally {
      db.close();
    }

    const list = await studioCall('GET', '/api/studio/routes');
    assert.equal(list.status, 200);
    const progress = await studioCall('GET', `/api/studio/routes/${route.id}/bakes`);
    assert.equal(progress.status, 503, 'the bake progress poll says the render server is unavailable');
  });
});
