// The route stores' contract on one engine: the published catalogue (seeding once, in
// order, corrupt rows left out), the studio's revisions (immutable, a stale base or a
// taken id is a 409 whichever engine caught it, archived routes refuse saves), the audit
// log (append-only, newest first, paged), and two instances writing at once.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SqlClient } from '@/server/db/sql-client';
import { createRouteStore } from '@/server/routes/route-store';
import { createStudioRouteStore } from '@/server/routes/studio-route-store';
import { isRevisionConflictError, RouteArchivedError } from '@/server/routes/route-write-errors';
import { ConflictError } from '@/server/errors';
import { buildTestRoute } from '../test-routes';
import type { EngineUnderTest } from './engine-under-test';

const curator = { staffId: 7, email: 'curator@example.org' };
const other = { staffId: 8, email: 'other@example.org' };

const titled = (id: string, en: string) => buildTestRoute(id, { title: { zh: `路线 ${en}`, en } });

/** Runs `work` with `count` clients on one fresh database, closing them after. */
async function withClients(engine: EngineUnderTest, count: number, work: (clients: SqlClient[]) => Promise<void>): Promise<void> {
  const database = await engine.freshDatabase();
  const clients: SqlClient[] = [];
  try {
    for (let i = 0; i < count; i++) clients.push(await database.connect());
    await work(clients);
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}

/** A clock where each write gets its own second, so order by time is unambiguous. */
function ticking(): () => Date {
  let ms = Date.parse('2031-05-01T08:00:00.000Z');
  return () => new Date((ms += 1000));
}

export function describeRouteStoreContract(engine: EngineUnderTest): void {
  describe(`route stores on ${engine.name}`, () => {
    test('seeding publishes each route once, after the routes already there, and never again', async () => {
      await withClients(engine, 1, async ([client]) => {
        const store = createRouteStore(client);
        const first = await store.seedPublished([titled('seed-b', 'B'), titled('seed-a', 'A')]);
        assert.deepEqual(first, { inserted: ['seed-b', 'seed-a'], skipped: [] });
        const again = await store.seedPublished([titled('seed-a', 'A'), titled('seed-c', 'C')]);
        assert.deepEqual(again, { inserted: ['seed-c'], skipped: ['seed-a'] });
        assert.deepEqual(
          (await store.listPublished()).map(({ route, revision }) => [route.id, revision]),
          [
            ['seed-b', 1],
            ['seed-a', 1],
            ['seed-c', 1],
          ],
        );
        assert.equal((await store.getPublished('seed-a'))?.route.title.en, 'A');
        assert.equal(await store.getPublished('nowhere'), null);
      });
    });

    test('a stored route that no longer parses is left out of the list and logged', async () => {
      await withClients(engine, 1, async ([client]) => {
        const logged: string[] = [];
        const store = createRouteStore(client, { log: { error: (line: string) => logged.push(line) } });
        await store.seedPublished([titled('good-one', 'Good'), titled('bad-one', 'Bad')]);
        // Valid JSON naming the right route, but not a route: what a bad hand edit could leave.
        await client.run(`UPDATE routes SET status = 'draft' WHERE id = 'bad-one'`);
        await client.run(
          `INSERT INTO route_revisions (route_id, revision, route_json, published, created_at, published_at) VALUES ('bad-one', 2, '{"id":"bad-one"}', 1, 'x', 'x')`,
        );
        await client.run(`UPDATE routes SET status = 'published' WHERE id = 'bad-one'`);
        assert.deepEqual(
          (await store.listPublished()).map(({ route }) => route.id),
          ['good-one'],
        );
        assert.equal(logged.length, 1);
        assert.match(logged[0], /bad-one/);
      });
    });

    test('drafts stay hidden until published; each save is a new revision, an unchanged one none', async () => {
      await withClients(engine, 1, async ([client]) => {
        const studio = createStudioRouteStore(client, { now: ticking() });
        const visitors = createRouteStore(client);
        const created = await studio.create(titled('river', 'River'), curator);
        assert.deepEqual([created.status, created.latestRevision, created.publishedRevision], ['draft', 1, null]);
        assert.equal(await visitors.getPublished('river'), null);

        const saved = await studio.save('river', { baseRevision: 1, route: titled('river', 'River, revised') }, other);
        assert.deepEqual([saved.revision, saved.created], [2, true]);
        const unchanged = await studio.save('river', { baseRevision: 2, route: titled('river', 'River, revised') }, other);
        assert.deepEqual([unchanged.revision, unchanged.created], [2, false]);

        const published = await studio.publish('river', 2, curator);
        assert.deepEqual([published.revision, published.published], [2, true]);
        assert.equal((await visitors.getPublished('river'))?.route.title.en, 'River, revised');
        assert.equal((await studio.getRevision('river', 1)).route.title.en, 'River');
        const detail = await studio.get('river');
        assert.deepEqual(
          detail.revisions.map((r) => [r.revision, r.origin, r.authorEmail, r.published]),
          [
            [2, 'saved', other.email, true],
            [1, 'created', curator.email, false],
          ],
        );
      });
    });

    test('a save on a stale base is a 409 carrying the latest revision; so is a taken or reserved id', async () => {
      await withClients(engine, 1, async ([client]) => {
        const studio = createStudioRouteStore(client, { now: ticking() });
        await studio.create(titled('river', 'River'), curator);
        await studio.save('river', { baseRevision: 1, route: titled('river', 'Two') }, curator);
        const stale = await studio.save('river', { baseRevision: 1, route: titled('river', 'Lost') }, other).then(
          () => assert.fail('a stale save was accepted'),
          (error: unknown) => error,
        );
        assert.ok(isRevisionConflictError(stale), `not a revision conflict: ${String(stale)}`);
        assert.equal(stale.status, 409);
        assert.deepEqual([stale.current.revision, stale.current.route.title.en], [2, 'Two']);

        await assert.rejects(
          studio.create(titled('river', 'Again'), other),
          (error) => error instanceof ConflictError && error.status === 409,
        );
        await assert.rejects(studio.create(titled('audit', 'Reserved'), other), ConflictError);
      });
    });

    test('restore copies an earlier revision as the new latest; duplicate makes a new draft from the latest', async () => {
      await withClients(engine, 1, async ([client]) => {
        const studio = createStudioRouteStore(client, { now: ticking() });
        await studio.create(titled('river', 'One'), curator);
        await studio.save('river', { baseRevision: 1, route: titled('river', 'Two') }, curator);
        const restored = await studio.restore('river', { revision: 1, baseRevision: 2 }, other);
        assert.equal(restored.revision, 3);
        const detail = await studio.get('river');
        assert.equal(detail.route.title.en, 'One');
        assert.deepEqual([detail.revisions[0].origin, detail.revisions[0].sourceRevision], ['restored', 1]);

        const copy = await studio.duplicate('river', { newId: 'river-copy', title: { zh: '副本', en: 'Copy' } }, other);
        assert.deepEqual([copy.id, copy.status, copy.latestRevision, copy.route.title.en], ['river-copy', 'draft', 1, 'Copy']);
        assert.deepEqual(
          (await studio.list()).map(({ id }) => id),
          ['river', 'river-copy'],
        );
      });
    });

    test('an archived route refuses saves and leaves the catalogue; unarchiving brings its published revision back', async () => {
      await withClients(engine, 1, async ([client]) => {
        const studio = createStudioRouteStore(client, { now: ticking() });
        const visitors = createRouteStore(client);
        await studio.create(titled('river', 'River'), curator);
        await studio.publish('river', 1, curator);
        assert.equal((await studio.setArchived('river', true, curator)).status, 'archived');
        assert.equal(await visitors.getPublished('river'), null);
        await assert.rejects(studio.save('river', { baseRevision: 1, route: titled('river', 'No') }, curator), RouteArchivedError);
        assert.equal((await studio.setArchived('river', false, curator)).status, 'published');
        assert.equal((await visitors.getPublished('river'))?.revision, 1);
      });
    });

    test('every write leaves one audit line, newest first, filtered by route and paged; the log and revisions refuse changes', async () => {
      await withClients(engine, 1, async ([client]) => {
        const studio = createStudioRouteStore(client, { now: ticking() });
        await studio.create(titled('river', 'River'), curator);
        await studio.save('river', { baseRevision: 1, route: titled('river', 'Two') }, other);
        await studio.publish('river', 2, curator);
        await studio.create(titled('lake', 'Lake'), other);
        const all = await studio.auditLog();
        assert.deepEqual(
          all.map((entry) => [entry.action, entry.routeId, entry.revision, entry.staffEmail]),
          [
            ['created', 'lake', 1, other.email],
            ['published', 'river', 2, curator.email],
            ['saved', 'river', 2, other.email],
            ['created', 'river', 1, curator.email],
          ],
        );
        assert.deepEqual(
          (await studio.auditLog({ routeId: 'river', limit: 2 })).map((entry) => entry.action),
          ['published', 'saved'],
        );
        assert.deepEqual(
          (await studio.auditLog({ beforeId: all[1].id })).map((entry) => entry.action),
          ['saved', 'created'],
        );

        await assert.rejects(client.run('UPDATE route_audit_log SET staff_email = ?', ['someone@example.org']), /append-only/);
        await assert.rejects(client.run('DELETE FROM route_audit_log'), /append-only/);
        await assert.rejects(client.run(`UPDATE route_revisions SET route_json = route_json WHERE route_id = 'river'`), /immutable/);
      });
    });

    test('two instances saving on the same base at once: one revision lands, the other gets the 409', async () => {
      await withClients(engine, 2, async ([first, second]) => {
        const here = createStudioRouteStore(first, { now: ticking() });
        const there = createStudioRouteStore(second, { now: ticking() });
        await here.create(titled('river', 'River'), curator);
        const outcomes = await Promise.allSettled([
          here.save('river', { baseRevision: 1, route: titled('river', 'Here') }, curator),
          there.save('river', { baseRevision: 1, route: titled('river', 'There') }, other),
        ]);
        const landed = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
        assert.equal(landed.length, 1, JSON.stringify(outcomes.map((outcome) => outcome.status)));
        assert.ok(isRevisionConflictError(refused[0].reason), String(refused[0].reason));
        assert.deepEqual(
          (await there.get('river')).revisions.map((r) => r.revision),
          [2, 1],
        );

        const creates = await Promise.allSettled([
          here.create(titled('lake', 'Lake'), curator),
          there.create(titled('lake', 'Lake'), other),
        ]);
        assert.deepEqual(creates.map((outcome) => outcome.status).sort(), ['fulfilled', 'rejected']);
        assert.ok(creates.some((outcome) => outcome.status === 'rejected' && outcome.reason instanceof ConflictError));
      });
    });
  });
}
