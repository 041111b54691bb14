// The database opens on a real file with the pragmas the app relies on, and
// migrations run once however often it is opened.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, resolveDatabasePath, DEFAULT_DB_PATH } from '@/server/db/database';
import { applyMigrations, MIGRATIONS, type Migration } from '@/server/db/migrations';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-migrations-'));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));
let fileCount = 0;
const freshDbPath = () => path.join(tempRoot, `db-${++fileCount}`, 'nested', 'yunshan.sqlite');

describe('openDatabase', () => {
  test('creates the folder and the file, with WAL, foreign keys and a busy timeout', () => {
    const filePath = freshDbPath();
    const db = openDatabase(filePath);
    try {
      assert.ok(fs.existsSync(filePath));
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
      assert.ok((db.pragma('busy_timeout', { simple: true }) as number) >= 1000);
    } finally {
      db.close();
    }
  });

  test('applies every migration once, however often the file is opened', () => {
    const filePath = freshDbPath();
    for (let i = 0; i < 3; i++) openDatabase(filePath).close();
    const db = new Database(filePath);
    try {
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      assert.deepEqual(
        versions,
        MIGRATIONS.map((m) => m.version),
      );
      assert.deepEqual(applyMigrations(db), []);
      const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
      for (const table of ['routes', 'route_revisions', 'curated_route_seeds', 'schema_migrations']) {
        assert.ok(tables.includes(table), `missing table ${table}`);
      }
    } finally {
      db.close();
    }
  });

  test('applies only the migrations newer than the file, and rolls back a failing one whole', () => {
    const db = new Database(':memory:');
    try {
      const first: Migration = { version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER) STRICT;' };
      const second: Migration = { version: 2, name: 'b', sql: 'CREATE TABLE b (x INTEGER) STRICT;' };
      assert.deepEqual(applyMigrations(db, [first]), [1]);
      assert.deepEqual(applyMigrations(db, [first, second]), [2]);

      const broken: Migration = { version: 3, name: 'broken', sql: 'CREATE TABLE c (x INTEGER); SELECT * FROM no_such_table;' };
      assert.throws(() => applyMigrations(db, [first, second, broken]), /no such table/);
      const tableC = db.prepare(`SELECT name FROM sqlite_schema WHERE name = 'c'`).get();
      assert.equal(tableC, undefined, 'the half-applied migration left a table behind');
      assert.deepEqual(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(), [1, 2]);
    } finally {
      db.close();
    }
  });

  test('refuses a migration list that is out of order', () => {
    const db = new Database(':memory:');
    try {
      const list: Migration[] = [
        { version: 2, name: 'b', sql: 'SELECT 1;' },
        { version: 1, name: 'a', sql: 'SELECT 1;' },
      ];
      assert.throws(() => applyMigrations(db, list), /strictly increase/);
    } finally {
      db.close();
    }
  });
});

describe('schema guarantees', () => {
  test('a revision cannot be edited in place, and its JSON must name its own route', () => {
    const db = openDatabase(freshDbPath());
    try {
      const at = '2025-01-01T00:00:00.000Z';
      db.prepare(`INSERT INTO routes (id, status, created_at, updated_at) VALUES ('abc', 'published', ?, ?)`).run(at, at);
      db.prepare(
        `INSERT INTO route_revisions (route_id, revision, route_json, published, created_at, published_at)
         VALUES ('abc', 1, '{"id":"abc"}', 1, ?, ?)`,
      ).run(at, at);
      assert.throws(
        () => db.prepare(`UPDATE route_revisions SET route_json = '{"id":"abc","x":1}' WHERE route_id = 'abc'`).run(),
        /immutable/,
      );
      assert.throws(
        () =>
          db
            .prepare(`INSERT INTO route_revisions (route_id, revision, route_json, created_at) VALUES ('abc', 2, '{"id":"other"}', ?)`)
            .run(at),
        /CHECK constraint/,
      );
      assert.throws(
        () =>
          db
            .prepare(`INSERT INTO route_revisions (route_id, revision, route_json, created_at) VALUES ('nope', 1, '{"id":"nope"}', ?)`)
            .run(at),
        /FOREIGN KEY/,
      );
      // Publishing an existing revision is allowed: only its content is frozen.
      db.prepare(`INSERT INTO route_revisions (route_id, revision, route_json, created_at) VALUES ('abc', 2, '{"id":"abc"}', ?)`).run(at);
      db.prepare(`UPDATE route_revisions SET published = 1, published_at = ? WHERE route_id = 'abc' AND revision = 2`).run(at);
    } finally {
      db.close();
    }
  });
});

describe('resolveDatabasePath', () => {
  test('defaults to data/yunshan.sqlite under the working directory', () => {
    assert.equal(resolveDatabasePath({}, '/srv/yunshan'), path.join('/srv/yunshan', DEFAULT_DB_PATH));
    assert.equal(resolveDatabasePath({ YUNSHAN_DB_PATH: '  ' }, '/srv/yunshan'), '/srv/yunshan/data/yunshan.sqlite');
  });

  test('honours YUNSHAN_DB_PATH, relative or absolute', () => {
    assert.equal(resolveDatabasePath({ YUNSHAN_DB_PATH: 'tmp/x.sqlite' }, '/srv/yunshan'), '/srv/yunshan/tmp/x.sqlite');
    assert.equal(resolveDatabasePath({ YUNSHAN_DB_PATH: '/var/lib/y.sqlite' }, '/srv/yunshan'), '/var/lib/y.sqlite');
  });
});
