// Visitors get the latest published revision of published routes, and one corrupt
// row is reported without taking the catalogue down with it.
import { test, describe, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteRouteStore, type RouteStore } from '@/server/routes/route-store';
import { DataIntegrityError } from '@/server/errors';
import { buildTestRoute } from '../helpers/test-routes';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-reading-'));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));
let fileCount = 0;

const alpha = buildTestRoute('alpha-loop');
const bravo = buildTestRoute('bravo-bridge', { landmark: 'first-bridge' });
const charlie = buildTestRoute('charlie-stream', { landmark: 'golden-whip-stream' });

let filePath: string;
let store: RouteStore;
let raw: Database.Database;
let logged: string[];

beforeEach(async () => {
  filePath = path.join(tempRoot, `read-${++fileCount}.sqlite`);
  logged = [];
  store = openSqliteRouteStore(filePath, { log: { error: (line: string) => logged.push(line) } });
  await store.seedPublished([alpha, bravo, charlie]);
  raw = new Database(filePath);
  raw.pragma('foreign_keys = ON');
});

afterEach(() => {
  raw.close();
  store.close();
});

function addRevision(routeId: string, revision: number, json: string, published: boolean): void {
  const at = `2030-01-0${revision}T00:00:00.000Z`;
  raw
    .prepare(
      `INSERT INTO route_revisions (route_id, revision, route_json, published, created_at, published_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(routeId, revision, json, published ? 1 : 0, at, published ? at : null);
}

describe('getPublished and listPublished', () => {
  test('the latest published revision wins over older ones and over newer drafts', async () => {
    addRevision('alpha-loop', 2, JSON.stringify({ ...alpha, durationS: 70 }), true);
    addRevision('alpha-loop', 3, JSON.stringify({ ...alpha, durationS: 99 }), false);
    const current = await store.getPublished('alpha-loop');
    assert.equal(current?.revision, 2);
    assert.equal(current?.route.durationS, 70);
    assert.equal(current?.publishedAt, '2030-01-02T00:00:00.000Z');
    const listedAlpha = (await store.listPublished()).find((p) => p.route.id === 'alpha-loop');
    assert.equal(listedAlpha?.revision, 2);
  });

  test('draft and archived routes, and unknown ids, are not shown', async () => {
    raw.prepare(`UPDATE routes SET status = 'archived' WHERE id = 'bravo-bridge'`).run();
    raw.prepare(`UPDATE routes SET status = 'draft' WHERE id = 'charlie-stream'`).run();
    assert.deepEqual(
      (await store.listPublished()).map((p) => p.route.id),
      ['alpha-loop'],
    );
    assert.equal(await store.getPublished('bravo-bridge'), null);
    assert.equal(await store.getPublished('charlie-stream'), null);
    assert.equal(await store.getPublished('no-such-route'), null);
  });

  test('a published route whose revisions are all unpublished is not shown', async () => {
    raw.prepare(`UPDATE route_revisions SET published = 0, published_at = NULL WHERE route_id = 'alpha-loop'`).run();
    assert.equal(await store.getPublished('alpha-loop'), null);
    assert.deepEqual(
      (await store.listPublished()).map((p) => p.route.id),
      ['bravo-bridge', 'charlie-stream'],
    );
  });

  test('the list follows display order', async () => {
    raw.prepare(`UPDATE routes SET display_order = 10 - display_order`).run();
    assert.deepEqual(
      (await store.listPublished()).map((p) => p.route.id),
      ['charlie-stream', 'bravo-bridge', 'alpha-loop'],
    );
  });
});

describe('corrupt rows', () => {
  test('a revision that fails the route schema is skipped from the list with one log line', async () => {
    addRevision('bravo-bridge', 2, JSON.stringify({ ...bravo, durationS: 5 }), true);
    const listed = await store.listPublished();
    assert.deepEqual(
      listed.map((p) => p.route.id),
      ['alpha-loop', 'charlie-stream'],
    );
    assert.equal(logged.length, 1);
    assert.match(logged[0], /route "bravo-bridge" revision 2 is not a valid route/);
    assert.match(logged[0], /durationS/);
  });

  test('reading a corrupt route on its own is a DataIntegrityError naming the row', async () => {
    addRevision('bravo-bridge', 2, JSON.stringify({ ...bravo, keyframes: [] }), true);
    await assert.rejects(store.getPublished('bravo-bridge'), (error: unknown) => {
      assert.ok(error instanceof DataIntegrityError);
      assert.match(error.message, /bravo-bridge" revision 2/);
      return true;
    });
    assert.equal((await store.getPublished('alpha-loop'))?.route.id, 'alpha-loop');
  });

  test('text that is not JSON at all (written past the schema checks) is skipped too', async () => {
    raw.pragma('ignore_check_constraints = ON');
    addRevision('charlie-stream', 2, '{"id": "charlie-stream", truncated', true);
    raw.pragma('ignore_check_constraints = OFF');
    const listed = await store.listPublished();
    assert.deepEqual(
      listed.map((p) => p.route.id),
      ['alpha-loop', 'bravo-bridge'],
    );
    assert.equal(logged.length, 1);
    assert.match(logged[0], /charlie-stream" revision 2 is not valid JSON/);
    await assert.rejects(store.getPublished('charlie-stream'), DataIntegrityError);
  });

  test('a revision holding another route is refused', async () => {
    raw.pragma('ignore_check_constraints = ON');
    addRevision('charlie-stream', 2, JSON.stringify(alpha), true);
    raw.pragma('ignore_check_constraints = OFF');
    await assert.rejects(store.getPublished('charlie-stream'), /holds route "alpha-loop"/);
    assert.equal((await store.listPublished()).length, 2);
  });
});
