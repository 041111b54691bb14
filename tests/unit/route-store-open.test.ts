// openRouteStore: the store a process starts with, on the configured file, with
// the curated routes seeded.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { RouteSchema } from '@/scenes/routes/route-schema';
import { openRouteStore } from '@/server/routes/open-route-store';
import { ValidationError } from '@/server/errors';
import { buildTestRoute } from '../helpers/test-routes';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-open-'));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

test('a fresh file gets every curated route as published revision 1, once', async () => {
  const filePath = path.join(tempRoot, 'curated.sqlite');
  for (let open = 0; open < 2; open++) {
    const store = await openRouteStore({ filePath });
    try {
      const listed = await store.listPublished();
      assert.deepEqual(
        listed.map((p) => p.route.id),
        CURATED_ROUTES.map((route) => route.id),
      );
      assert.ok(listed.every((p) => p.revision === 1));
      assert.deepEqual(
        listed.map((p) => p.route),
        CURATED_ROUTES.map((route) => RouteSchema.parse(route)),
      );
    } finally {
      store.close();
    }
  }
});

test('YUNSHAN_DB_PATH chooses the file when no path is given', async () => {
  const filePath = path.join(tempRoot, 'from-env', 'y.sqlite');
  const previous = process.env.YUNSHAN_DB_PATH;
  process.env.YUNSHAN_DB_PATH = filePath;
  try {
    const store = await openRouteStore({ seedRoutes: [buildTestRoute('env-route')] });
    store.close();
    assert.ok(fs.existsSync(filePath));
  } finally {
    if (previous === undefined) delete process.env.YUNSHAN_DB_PATH;
    else process.env.YUNSHAN_DB_PATH = previous;
  }
});

test('a file that is not a database fails to open with SQLite saying so', async () => {
  const filePath = path.join(tempRoot, 'not-a-database.sqlite');
  fs.writeFileSync(filePath, 'this is a text file, not SQLite '.repeat(200));
  await assert.rejects(openRouteStore({ filePath, seedRoutes: [] }), /not a database/);
});

test('invalid seed routes fail the open and leave the file usable and empty', async () => {
  const filePath = path.join(tempRoot, 'bad-seed.sqlite');
  const invalid = { ...buildTestRoute('bad-seed'), keyframes: [] };
  await assert.rejects(openRouteStore({ filePath, seedRoutes: [invalid] }), ValidationError);
  const store = await openRouteStore({ filePath, seedRoutes: [] });
  assert.deepEqual(await store.listPublished(), []);
  store.close();
});
