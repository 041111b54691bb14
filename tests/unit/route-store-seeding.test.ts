// Seeding puts curated routes in once and never overrides what staff did after.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteRouteStore } from '@/server/routes/route-store';
import { ValidationError } from '@/server/errors';
import { buildTestRoute } from '../helpers/test-routes';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-seeding-'));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));
let fileCount = 0;
const freshDbPath = () => path.join(tempRoot, `seed-${++fileCount}.sqlite`);

const alpha = buildTestRoute('alpha-loop');
const bravo = buildTestRoute('bravo-bridge', { landmark: 'first-bridge', durationS: 60 });

/** A second connection to the same file, standing in for staff tools that write to it. */
function withRawDb<T>(filePath: string, work: (db: Database.Database) => T): T {
  const db = new Database(filePath);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

describe('seedPublished', () => {
  test('inserts each route as published revision 1, in the given order', async () => {
    const filePath = freshDbPath();
    const store = openSqliteRouteStore(filePath);
    try {
      const result = await store.seedPublished([bravo, alpha]);
      assert.deepEqual(result, { inserted: ['bravo-bridge', 'alpha-loop'], skipped: [] });
      const listed = await store.listPublished();
      assert.deepEqual(
        listed.map((p) => [p.route.id, p.revision]),
        [
          ['bravo-bridge', 1],
          ['alpha-loop', 1],
        ],
      );
      assert.deepEqual(listed[1].route, alpha);
    } finally {
      store.close();
    }
  });

  test('is idempotent across reopening the file', async () => {
    const filePath = freshDbPath();
    for (let i = 0; i < 2; i++) {
      const store = openSqliteRouteStore(filePath);
      try {
        const result = await store.seedPublished([alpha, bravo]);
        assert.deepEqual(result.inserted, i === 0 ? ['alpha-loop', 'bravo-bridge'] : []);
      } finally {
        store.close();
      }
    }
    const counts = withRawDb(filePath, (db) => ({
      routes: db.prepare('SELECT COUNT(*) FROM routes').pluck().get(),
      revisions: db.prepare('SELECT COUNT(*) FROM route_revisions').pluck().get(),
    }));
    assert.deepEqual(counts, { routes: 2, revisions: 2 });
  });

  test('adds a newly curated route without touching a route staff republished', async () => {
    const filePath = freshDbPath();
    const store = openSqliteRouteStore(filePath);
    try {
      await store.seedPublished([alpha]);
      const editedAlpha = { ...alpha, durationS: 90 };
      withRawDb(filePath, (db) =>
        db
          .prepare(
            `INSERT INTO route_revisions (route_id, revision, route_json, published, created_at, published_at)
             VALUES ('alpha-loop', 2, ?, 1, '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z')`,
          )
          .run(JSON.stringify(editedAlpha)),
      );
      withRawDb(filePath, (db) => db.prepare(`UPDATE routes SET display_order = 5 WHERE id = 'alpha-loop'`).run());
      const result = await store.seedPublished([alpha, bravo]);
      assert.deepEqual(result, { inserted: ['bravo-bridge'], skipped: ['alpha-loop'] });
      const current = await store.getPublished('alpha-loop');
      assert.equal(current?.revision, 2);
      assert.equal(current?.route.durationS, 90);
      // The newcomer joins the end of the catalogue rather than jumping ahead of staff's order.
      assert.deepEqual(
        (await store.listPublished()).map((p) => p.route.id),
        ['alpha-loop', 'bravo-bridge'],
      );
    } finally {
      store.close();
    }
  });

  test('does not bring back a curated route that staff deleted', async () => {
    const filePath = freshDbPath();
    const store = openSqliteRouteStore(filePath);
    try {
      await store.seedPublished([alpha, bravo]);
      withRawDb(filePath, (db) => {
        db.pragma('foreign_keys = ON');
        db.prepare(`DELETE FROM routes WHERE id = 'alpha-loop'`).run();
      });
      const result = await store.seedPublished([alpha, bravo]);
      assert.deepEqual(result, { inserted: [], skipped: ['alpha-loop', 'bravo-bridge'] });
      assert.equal(await store.getPublished('alpha-loop'), null);
    } finally {
      store.close();
    }
  });

  test('leaves alone a route staff created under the same id before it was curated', async () => {
    const filePath = freshDbPath();
    const store = openSqliteRouteStore(filePath);
    try {
      withRawDb(filePath, (db) =>
        db.prepare(`INSERT INTO routes (id, status, created_at, updated_at) VALUES ('alpha-loop', 'draft', 'x', 'x')`).run(),
      );
      const result = await store.seedPublished([alpha]);
      assert.deepEqual(result, { inserted: [], skipped: ['alpha-loop'] });
      assert.equal(await store.getPublished('alpha-loop'), null);
    } finally {
      store.close();
    }
  });

  test('rejects an invalid route with its issues and inserts nothing', async () => {
    const filePath = freshDbPath();
    const store = openSqliteRouteStore(filePath);
    try {
      const tooShort = { ...bravo, durationS: 5 };
      await assert.rejects(store.seedPublished([alpha, tooShort]), (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.deepEqual(error.issues[0].path, [1, 'durationS']);
        return true;
      });
      await assert.rejects(store.seedPublished([alpha, alpha]), /appears twice/);
      assert.deepEqual(await store.listPublished(), []);
    } finally {
      store.close();
    }
  });

  test('stores defaults applied, so an authored route without optional fields reads back complete', async () => {
    const filePath = freshDbPath();
    const store = openSqliteRouteStore(filePath);
    try {
      const { timeOfDay: _t, pacing: _p, easeInS: _i, easeOutS: _o, pointsOfInterest: _poi, ...authored } = alpha;
      await store.seedPublished([authored]);
      const stored = withRawDb(filePath, (db) =>
        JSON.parse(db.prepare(`SELECT route_json FROM route_revisions WHERE route_id = 'alpha-loop'`).pluck().get() as string),
      );
      assert.equal(stored.timeOfDay, 'midday');
      assert.deepEqual(stored.pointsOfInterest, []);
    } finally {
      store.close();
    }
  });
});
