// Conflicts and missing routes keep their status whichever bundle opened the store: here
// the studio's editor page opens it first (its own copy of the error classes), then the
// API handlers must still answer 409 and 404, not 500, for errors that copy throws.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStaffAccount } from '@/server/staff/staff-accounts';
import { openStaffServices } from '@/server/staff/staff-services';
import { sessionCookieName } from '@/server/staff/session-cookie';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { buildTestRoute } from '../helpers/test-routes';

const ROUTE_ID = 'hallelujah-flyover';
const CONCURRENT_SAVES = 10;

let tempDir: string;
let server: RunningNextServer;
let cookie: string;

before(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-studio-conflicts-'));
  const dbPath = path.join(tempDir, 'yunshan.sqlite');
  const services = openStaffServices(dbPath);
  const curator = await createStaffAccount(services, {
    email: 'zhao.curator@bureau.example',
    password: 'sea of clouds at dawn 47',
    role: 'curator',
  });
  cookie = `${sessionCookieName(false)}=${(await services.sessions.create(curator.id)).token}`;
  services.close();
  server = await startNextServer({ dbPath });
});

after(async () => {
  await server?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

async function send(method: string, urlPath: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { cookie, origin: server.baseUrl };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.baseUrl}${urlPath}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: response.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as Record<string, unknown>) : { text },
  };
}

test('with the editor page opened first, concurrent saves of one revision give one 200 and the rest 409 with the current revision', async () => {
  // Nothing else has touched the store in this server process: the page opens it.
  const page = await send('GET', `/studio/routes/${ROUTE_ID}`);
  assert.equal(page.status, 200, String(page.body.text ?? '').slice(0, 300));

  const detail = await send('GET', `/api/studio/routes/${ROUTE_ID}`);
  assert.equal(detail.status, 200);
  const baseRevision = (detail.body.route as { latestRevision: number }).latestRevision;

  const saves = await Promise.all(
    Array.from({ length: CONCURRENT_SAVES }, (_, i) =>
      send('PUT', `/api/studio/routes/${ROUTE_ID}`, {
        baseRevision,
        route: buildTestRoute(ROUTE_ID, { landmark: 'hallelujah-mountain', title: { zh: `并发保存 ${i}`, en: `Concurrent save ${i}` } }),
      }),
    ),
  );
  const statuses = saves.map((save) => save.status).sort();
  assert.deepEqual(statuses, [200, ...Array<number>(CONCURRENT_SAVES - 1).fill(409)], server.output().slice(-2000));

  const winner = saves.find((save) => save.status === 200)!;
  for (const conflict of saves.filter((save) => save.status === 409)) {
    const error = conflict.body.error as { code: string; current?: { revision: number } };
    assert.equal(error.code, 'revision_conflict');
    assert.equal(error.current?.revision, winner.body.revision, 'the conflict carries the revision that won');
  }
});

test('a missing route is 404 from both the page and the API after the page opened the store', async () => {
  assert.equal((await send('GET', '/studio/routes/no-such-route')).status, 404);
  const missing = await send('GET', '/api/studio/routes/no-such-route');
  assert.equal(missing.status, 404);
  assert.equal((missing.body.error as { code: string }).code, 'not_found');
});
