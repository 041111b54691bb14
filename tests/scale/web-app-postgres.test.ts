// The production web app (`next start`) on a real PostgreSQL instead of its SQLite file
// (YUNSHAN_DATABASE_URL): the curated catalogue seeded there, signing in with a session
// cookie, the same-origin check on writes, login throttling, a studio save that another
// instance got in first answered 409, and logout. Another instance is played by the test
// writing through the stores on the same database. Needs `next build` to have run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { openSqlClient } from '@/server/db/open-sql-client';
import { createStudioRouteStore } from '@/server/routes/studio-route-store';
import { ACCOUNT_THROTTLE } from '@/server/staff/login-throttle';
import { createStaffAccount } from '@/server/staff/staff-accounts';
import { openConfiguredStaffServices } from '@/server/staff/staff-services';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { startPostgresServer, type RunningPostgres } from '../helpers/postgres-server';
import { buildTestRoute } from '../helpers/test-routes';

const CURATOR = { email: 'li.na@bureau.example', password: 'misty pillars at dawn 47' };

let postgres: RunningPostgres;
let server: RunningNextServer;
let env: { YUNSHAN_DATABASE_URL: string };

before(async () => {
  postgres = await startPostgresServer();
  env = { YUNSHAN_DATABASE_URL: await postgres.createDatabase('web_app') };
  const staff = await openConfiguredStaffServices(env);
  try {
    await createStaffAccount(staff, { ...CURATOR, role: 'curator' });
  } finally {
    await staff.close();
  }
  // The test plays a reverse proxy, so each sign-in can come from its own address.
  server = await startNextServer({ env: { ...env, YUNSHAN_TRUSTED_PROXY_HOPS: '1' } });
});

after(async () => {
  await server?.stop();
  await postgres?.stop();
});

function login(password: string, address: string): Promise<Response> {
  return fetch(`${server.baseUrl}/api/studio/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl, 'x-forwarded-for': address },
    body: JSON.stringify({ email: CURATOR.email, password }),
  });
}

function studioWrite(cookie: string, path: string, method: string, body: unknown, origin = server.baseUrl): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin, cookie },
    body: JSON.stringify(body),
  });
}

test('the catalogue, sign-in, CSRF refusal, throttling, a 409 from another instance and logout, all on Postgres', async () => {
  const catalogue = (await (await fetch(`${server.baseUrl}/api/routes`)).json()) as { routes: Array<{ id: string }> };
  assert.deepEqual(catalogue.routes.map(({ id }) => id).sort(), CURATED_ROUTES.map(({ id }) => id).sort());

  const signedIn = await login(CURATOR.password, '192.0.2.1');
  assert.equal(signedIn.status, 200, await signedIn.clone().text());
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
  const me = await fetch(`${server.baseUrl}/api/studio/auth/session`, { headers: { cookie } });
  assert.equal(((await me.json()) as { staff: { email: string } }).staff.email, CURATOR.email);

  const route = buildTestRoute('pg-river');
  assert.equal(
    (await studioWrite(cookie, '/api/studio/routes', 'POST', { route }, 'https://elsewhere.example')).status,
    403,
    'a cross-site write got through',
  );
  assert.equal((await studioWrite(cookie, '/api/studio/routes', 'POST', { route })).status, 201);

  // Another web instance saves revision 2 first, straight through the stores on the same database.
  const otherInstance = createStudioRouteStore(await openSqlClient({ env }));
  try {
    await otherInstance.save(
      'pg-river',
      { baseRevision: 1, route: { ...route, durationS: route.durationS + 1 } },
      { staffId: 1, email: CURATOR.email },
    );
  } finally {
    await otherInstance.close();
  }
  const stale = await studioWrite(cookie, '/api/studio/routes/pg-river', 'PUT', {
    baseRevision: 1,
    route: { ...route, durationS: route.durationS + 2 },
  });
  assert.equal(stale.status, 409);
  assert.equal(((await stale.json()) as { error: { current: { revision: number } } }).error.current.revision, 2);

  for (let i = 0; i < ACCOUNT_THROTTLE.freeFailures; i++)
    assert.equal((await login(`wrong password number ${i}`, '192.0.2.66')).status, 401);
  const throttled = await login(CURATOR.password, '192.0.2.66');
  assert.equal(throttled.status, 429);
  assert.ok(Number(throttled.headers.get('retry-after')) >= 1);

  const loggedOut = await studioWrite(cookie, '/api/studio/auth/logout', 'POST', {});
  assert.equal(loggedOut.status, 204);
  assert.equal((await fetch(`${server.baseUrl}/api/studio/auth/session`, { headers: { cookie } })).status, 401);
});
