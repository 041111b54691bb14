// The web app's services share one SQLite connection (the embedded default): synced like the staff and studio
// stores always were, the curated routes seeded on first use of a route store (and only
// once), each store seeing the others' writes, and one close() for all of them.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { hashPassword } from '@/server/staff/password-hash';
import type { SqliteSqlClient } from '@/server/db/sqlite-sql-client';
import { openWebAppServices, type WebAppServices } from '@/server/web/web-app-services';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-web-services-'));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

/** The connection under the client: these tests are about the SQLite default. */
const sqliteOf = (services: WebAppServices) => (services.db as SqliteSqlClient).db;
const countRoutes = (services: WebAppServices): number =>
  sqliteOf(services).prepare<[], number>('SELECT COUNT(*) FROM routes').pluck().get() ?? 0;

test('every store of the web app works on the one connection, closed together', async () => {
  const filePath = path.join(tempRoot, 'web.sqlite');
  const services = await openWebAppServices({ filePath });
  try {
    assert.equal(sqliteOf(services).pragma('synchronous', { simple: true }), 2, 'not synchronous=FULL');
    // The staff guard alone (a 401) must leave the route tables as they were.
    assert.equal(await services.staff.members.countAdmins(), 0);
    assert.equal(countRoutes(services), 0, 'seeded before a route store was used');

    const curatedIds = CURATED_ROUTES.map((route) => route.id).sort();
    const publishedRoutes = await services.publishedRoutes();
    const studioRoutes = await services.studioRoutes();
    assert.deepEqual((await publishedRoutes.listPublished()).map(({ route }) => route.id).sort(), curatedIds);
    assert.deepEqual((await studioRoutes.list()).map(({ id }) => id).sort(), curatedIds);

    // A publish through the studio store is what the catalogue's store reads next.
    const admin = await services.staff.members.add({
      email: 'chen.admin@bureau.example',
      role: 'admin',
      passwordHash: await hashPassword('golden hour over tianzi 9'),
    });
    const actor = { staffId: admin.id, email: admin.email };
    const id = CURATED_ROUTES[0].id;
    const saved = await studioRoutes.save(id, { baseRevision: 1, route: CURATED_ROUTES[0] }, actor);
    await studioRoutes.publish(id, saved.revision, actor);
    assert.equal((await publishedRoutes.getPublished(id))?.revision, saved.revision);
  } finally {
    await services.close();
  }
  assert.equal(sqliteOf(services).open, false);

  // Opening again does not seed the curated routes a second time.
  const reopened = await openWebAppServices({ filePath });
  try {
    assert.equal((await (await reopened.studioRoutes()).list()).length, CURATED_ROUTES.length);
    assert.equal(countRoutes(reopened), CURATED_ROUTES.length);
  } finally {
    await reopened.close();
  }
});

test('a scene is built once for publishing checks, however often it is asked for', async () => {
  const services = await openWebAppServices({ filePath: path.join(tempRoot, 'worlds.sqlite'), seedRoutes: [] });
  try {
    const scene = CURATED_ROUTES[0].scene;
    assert.equal(services.validationWorld(scene), services.validationWorld(scene));
  } finally {
    services.close();
  }
});
