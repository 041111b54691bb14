// The studio's route store on a real SQLite file: revisions are immutable, publish /
// restore / duplicate / archive behave as visitors and curators expect, a stale save
// conflicts, every write leaves an audit line, and writes sync fully.
import { test, describe, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteRouteStore, type RouteStore } from '@/server/routes/route-store';
import { openStudioDatabase, openStudioRouteStore } from '@/server/routes/studio-route-store';
import type { StudioRouteStore } from '@/server/routes/studio-route-contracts';
import { RevisionConflictError, RouteArchivedError } from '@/server/routes/route-write-errors';
import { ConflictError, NotFoundError, ValidationError } from '@/server/errors';
import { buildTestRoute } from '../helpers/test-routes';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-studio-store-'));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));
let fileCount = 0;

const curator = { staffId: 7, email: 'curator@example.org' };
const other = { staffId: 8, email: 'other@example.org' };

let filePath: string;
let studio: StudioRouteStore;
let visitors: RouteStore;
let clockMs: number;

beforeEach(() => {
  filePath = path.join(tempRoot, `studio-${++fileCount}.sqlite`);
  clockMs = Date.parse('2031-05-01T08:00:00.000Z');
  // Each write gets its own second, so order by time is unambiguous.
  studio = openStudioRouteStore(filePath, { now: () => new Date((clockMs += 1000)) });
  visitors = openSqliteRouteStore(filePath);
});

afterEach(() => {
  studio.close();
  visitors.close();
});

function withTitle(id: string, en: string) {
  return buildTestRoute(id, { title: { zh: `路线 ${en}`, en } });
}

describe('create and save', () => {
  test('a new route is a draft at revision 1 that visitors cannot see', async () => {
    const detail = await studio.create(withTitle('river-draft', 'River'), curator);
    assert.equal(detail.status, 'draft');
    assert.equal(detail.latestRevision, 1);
    assert.equal(detail.publishedRevision, null);
    assert.equal(detail.route.title.en, 'River');
    assert.deepEqual(
      detail.revisions.map((r) => [r.revision, r.origin, r.authorEmail]),
      [[1, 'created', curator.email]],
    );
    assert.equal(await visitors.getPublished('river-draft'), null);
    assert.deepEqual(
      (await visitors.listPublished()).map((p) => p.route.id),
      [],
    );
  });

  test('each save is a new revision; earlier revisions keep their content', async () => {
    await studio.create(withTitle('river-draft', 'River'), curator);
    const second = await studio.save('river-draft', { baseRevision: 1, route: withTitle('river-draft', 'River, revised') }, curator);
    assert.deepEqual([second.revision, second.created], [2, true]);
    const third = await studio.save('river-draft', { baseRevision: 2, route: withTitle('river-draft', 'River, third') }, other);
    assert.equal(third.revision, 3);
    assert.equal((await studio.getRevision('river-draft', 1)).route.title.en, 'River');
    assert.equal((await studio.getRevision('river-draft', 2)).route.title.en, 'River, revised');
    const detail = await studio.get('river-draft');
    assert.equal(detail.route.title.en, 'River, third');
    assert.deepEqual(
      detail.revisions.map((r) => [r.revision, r.authorEmail]),
      [
        [3, other.email],
        [2, curator.email],
        [1, curator.email],
      ],
    );
  });

  test('the database itself refuses to change a stored revision', async () => {
    await studio.create(withTitle('river-draft', 'River'), curator);
    const raw = new Database(filePath);
    try {
      assert.throws(
        () =>
          raw
            .prepare(`UPDATE route_revisions SET route_json = json_set(route_json, '$.durationS', 99) WHERE route_id = 'river-draft'`)
            .run(),
        /immutable/,
      );
    } finally {
      raw.close();
    }
  });

  test('saving an unchanged route writes no revision and no audit line', async () => {
    await studio.create(withTitle('river-draft', 'River'), curator);
    const result = await studio.save('river-draft', { baseRevision: 1, route: withTitle('river-draft', 'River') }, curator);
    assert.deepEqual([result.revision, result.created], [1, false]);
    assert.equal((await studio.auditLog({ routeId: 'river-draft' })).length, 1);
  });

  test('a save based on a stale revision conflicts and carries the current revision', async () => {
    await studio.create(withTitle('river-draft', 'River'), curator);
    await studio.save('river-draft', { baseRevision: 1, route: withTitle('river-draft', 'Saved by other') }, other);
    await assert.rejects(
      studio.save('river-draft', { baseRevision: 1, route: withTitle('river-draft', 'Stale edit') }, curator),
      (error: unknown) => {
        assert.ok(error instanceof RevisionConflictError);
        assert.ok(error instanceof ConflictError);
        assert.equal(error.current.revision, 2);
        assert.equal(error.current.route.title.en, 'Saved by other');
        return true;
      },
    );
    assert.equal((await studio.get('river-draft')).latestRevision, 2, 'the stale save stored nothing');
  });

  test('ids already taken or reserved are refused, and so is a body whose id differs from the route saved', async () => {
    await studio.create(withTitle('river-draft', 'River'), curator);
    await assert.rejects(studio.create(withTitle('river-draft', 'Again'), curator), ConflictError);
    await assert.rejects(studio.create(withTitle('audit', 'Audit'), curator), /reserved/);
    await assert.rejects(studio.save('river-draft', { baseRevision: 1, route: withTitle('other-id', 'Other') }, curator), /cannot change/);
    await assert.rejects(studio.save('no-such-route', { baseRevision: 1, route: withTitle('no-such-route', 'x') }, curator), NotFoundError);
  });

  test('an invalid route body is refused before anything is stored', async () => {
    const broken = { ...withTitle('broken-one', 'Broken'), keyframes: [] };
    await assert.rejects(studio.create(broken, curator), ValidationError);
    assert.deepEqual(await studio.list(), []);
    assert.deepEqual(await studio.auditLog(), []);
  });
});

describe('publish, restore, duplicate, archive', () => {
  test('publishing makes the latest revision what visitors get; later drafts stay private until published', async () => {
    await studio.create(withTitle('river-draft', 'River v1'), curator);
    await studio.publish('river-draft', 1, curator);
    assert.equal((await visitors.getPublished('river-draft'))?.route.title.en, 'River v1');

    await studio.save('river-draft', { baseRevision: 1, route: withTitle('river-draft', 'River v2') }, curator);
    const summary = (await studio.list()).find((r) => r.id === 'river-draft');
    assert.equal(summary?.status, 'published');
    assert.equal(summary?.publishedRevision, 1);
    assert.equal(summary?.hasUnpublishedChanges, true);
    assert.equal((await visitors.getPublished('river-draft'))?.revision, 1);

    await studio.publish('river-draft', 2, curator);
    const published = await visitors.getPublished('river-draft');
    assert.deepEqual([published?.revision, published?.route.title.en], [2, 'River v2']);
  });

  test('only the latest revision can be published', async () => {
    await studio.create(withTitle('river-draft', 'River v1'), curator);
    await studio.save('river-draft', { baseRevision: 1, route: withTitle('river-draft', 'River v2') }, curator);
    await assert.rejects(studio.publish('river-draft', 1, curator), RevisionConflictError);
    assert.equal(await visitors.getPublished('river-draft'), null);
  });

  test('restoring copies an earlier revision as a new unpublished one', async () => {
    await studio.create(withTitle('river-draft', 'River v1'), curator);
    await studio.publish('river-draft', 1, curator);
    await studio.save('river-draft', { baseRevision: 1, route: withTitle('river-draft', 'River v2') }, curator);
    const restored = await studio.restore('river-draft', { revision: 1, baseRevision: 2 }, other);
    assert.equal(restored.revision, 3);
    const detail = await studio.get('river-draft');
    assert.equal(detail.route.title.en, 'River v1');
    assert.deepEqual(detail.revisions[0], {
      revision: 3,
      createdAt: detail.revisions[0].createdAt,
      published: false,
      publishedAt: null,
      authorEmail: other.email,
      origin: 'restored',
      sourceRevision: 1,
    });
    assert.equal((await studio.getRevision('river-draft', 2)).route.title.en, 'River v2', 'revision 2 is kept');
    await assert.rejects(studio.restore('river-draft', { revision: 1, baseRevision: 2 }, other), RevisionConflictError);
    await assert.rejects(studio.restore('river-draft', { revision: 9, baseRevision: 3 }, other), NotFoundError);
  });

  test('duplicating copies the latest revision into a new draft under a new id', async () => {
    await studio.create(withTitle('river-draft', 'River'), curator);
    await studio.publish('river-draft', 1, curator);
    const copy = await studio.duplicate('river-draft', { newId: 'river-copy', title: { zh: '路线副本', en: 'River (copy)' } }, other);
    assert.equal(copy.id, 'river-copy');
    assert.equal(copy.status, 'draft');
    assert.equal(copy.route.id, 'river-copy');
    assert.equal(copy.route.title.en, 'River (copy)');
    assert.deepEqual(copy.route.keyframes, (await studio.get('river-draft')).route.keyframes);
    assert.equal(await visitors.getPublished('river-copy'), null);
    await assert.rejects(studio.duplicate('river-draft', { newId: 'river-copy', title: copy.title }, other), ConflictError);
  });

  test('archiving withdraws a route from visitors and freezes it; unarchiving brings its published revision back', async () => {
    await studio.create(withTitle('river-draft', 'River'), curator);
    await studio.publish('river-draft', 1, curator);
    const archived = await studio.setArchived('river-draft', true, curator);
    assert.equal(archived.status, 'archived');
    assert.equal(await visitors.getPublished('river-draft'), null);
    await assert.rejects(
      studio.save('river-draft', { baseRevision: 1, route: withTitle('river-draft', 'Edit') }, curator),
      RouteArchivedError,
    );
    const back = await studio.setArchived('river-draft', false, curator);
    assert.equal(back.status, 'published');
    assert.equal((await visitors.getPublished('river-draft'))?.revision, 1);

    await studio.create(withTitle('never-published', 'Never'), curator);
    await studio.setArchived('never-published', true, curator);
    assert.equal((await studio.setArchived('never-published', false, curator)).status, 'draft');
  });
});

describe('audit log', () => {
  test('records who did what to which revision, newest first, filterable by route', async () => {
    await studio.create(withTitle('river-draft', 'River'), curator);
    await studio.save('river-draft', { baseRevision: 1, route: withTitle('river-draft', 'River 2') }, other);
    await studio.publish('river-draft', 2, curator);
    await studio.restore('river-draft', { revision: 1, baseRevision: 2 }, curator);
    await studio.duplicate('river-draft', { newId: 'river-copy', title: { zh: '副本', en: 'Copy' } }, other);
    await studio.setArchived('river-draft', true, curator);

    const all = await studio.auditLog();
    assert.deepEqual(
      all.map((e) => [e.action, e.routeId, e.revision, e.staffEmail, e.sourceRouteId, e.sourceRevision]),
      [
        ['archived', 'river-draft', 3, curator.email, null, null],
        ['duplicated', 'river-copy', 1, other.email, 'river-draft', 3],
        ['restored', 'river-draft', 3, curator.email, 'river-draft', 1],
        ['published', 'river-draft', 2, curator.email, null, null],
        ['saved', 'river-draft', 2, other.email, null, null],
        ['created', 'river-draft', 1, curator.email, null, null],
      ],
    );
    assert.ok(
      all.every((e, i) => i === 0 || e.at < all[i - 1].at),
      'newest first, each with its own time',
    );
    assert.deepEqual(
      (await studio.auditLog({ routeId: 'river-copy' })).map((e) => e.action),
      ['duplicated'],
    );
    const page = await studio.auditLog({ limit: 2 });
    assert.deepEqual(
      (await studio.auditLog({ beforeId: page[1].id, limit: 2 })).map((e) => e.action),
      ['restored', 'published'],
    );
  });

  test('a write that fails leaves no audit line, and the log cannot be edited or deleted', async () => {
    await studio.create(withTitle('river-draft', 'River'), curator);
    await assert.rejects(studio.save('river-draft', { baseRevision: 5, route: withTitle('river-draft', 'x') }, curator));
    assert.equal((await studio.auditLog()).length, 1);
    const raw = new Database(filePath);
    try {
      assert.throws(() => raw.prepare(`UPDATE route_audit_log SET staff_email = 'someone@else.org'`).run(), /append-only/);
      assert.throws(() => raw.prepare('DELETE FROM route_audit_log').run(), /append-only/);
    } finally {
      raw.close();
    }
  });
});

describe('durability', () => {
  test('the studio connection writes with WAL and synchronous=FULL', () => {
    const db = openStudioDatabase(path.join(tempRoot, 'pragmas.sqlite'));
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      // 2 = FULL: every commit syncs the WAL before the answer goes out.
      assert.equal(db.pragma('synchronous', { simple: true }), 2);
    } finally {
      db.close();
    }
  });

  test('a save survives the process being killed right after it returns', async () => {
    const dbPath = path.join(tempRoot, 'killed.sqlite');
    const seedStore = openStudioRouteStore(dbPath);
    await seedStore.create(withTitle('crash-test', 'Before'), curator);
    seedStore.close();
    const script = `
      import { openStudioRouteStore } from ${JSON.stringify(path.resolve('server/routes/studio-route-store.ts'))};
      import { buildTestRoute } from ${JSON.stringify(path.resolve('tests/helpers/test-routes.ts'))};
      const store = openStudioRouteStore(${JSON.stringify(dbPath)});
      await store.save('crash-test', { baseRevision: 1, route: buildTestRoute('crash-test', { title: { zh: '之后', en: 'After' } }) }, { staffId: 1, email: 'a@b.cd' });
      process.kill(process.pid, 'SIGKILL');
    `;
    const { spawnSync } = await import('node:child_process');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(child.signal, 'SIGKILL', child.stderr);
    const reopened = openStudioRouteStore(dbPath);
    try {
      const detail = await reopened.get('crash-test');
      assert.deepEqual([detail.latestRevision, detail.route.title.en], [2, 'After']);
    } finally {
      reopened.close();
    }
  });
});
