// The studio routes API over HTTP of the real production server on a real SQLite file:
// every endpoint refuses requests without a session (401), the whole-studio audit log
// refuses curators (403), cross-origin writes are refused, hostile bodies get 400/413
// and store nothing, a stale save gets 409 with the current revision, an unsafe route
// cannot be published (422), and a safe one is published and its bakes queued.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createStaffAccount } from '@/server/staff/staff-accounts';
import { openStaffServices } from '@/server/staff/staff-services';
import { sessionCookieName } from '@/server/staff/session-cookie';
import { WORLD_COORDINATE_LIMIT_M, type Route } from '@/scenes/routes/route-schema';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { startWebRenderServer, type WebRenderServer } from '../helpers/web-render-server';
import { buildTestRoute } from '../helpers/test-routes';

let tempDir: string;
let server: RunningNextServer;
/** The render server beside it, which the web app asks for bake state and to queue a publish's bakes. */
let render: WebRenderServer;
let curatorCookie: string;
let adminCookie: string;

/** A route that passes every publishing rule: long eases keep its acceleration comfortable. */
function publishableRoute(id: string, titleEn = `Route ${id}`): Route {
  return buildTestRoute(id, { easeInS: 8, easeOutS: 8, title: { zh: `航线 ${id}`, en: titleEn } });
}

before(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-studio-routes-'));
  const dbPath = path.join(tempDir, 'yunshan.sqlite');
  const services = openStaffServices(dbPath);
  const curator = await createStaffAccount(services, {
    email: 'li.curator@bureau.example',
    password: 'mist over the pillars 81',
    role: 'curator',
  });
  const admin = await createStaffAccount(services, {
    email: 'wang.admin@bureau.example',
    password: 'golden whip stream 2031',
    role: 'admin',
  });
  // Sessions straight from the staff store: signing in is the staff API's own test.
  curatorCookie = `${sessionCookieName(false)}=${(await services.sessions.create(curator.id)).token}`;
  adminCookie = `${sessionCookieName(false)}=${(await services.sessions.create(admin.id)).token}`;
  services.close();
  render = await startWebRenderServer(dbPath);
  server = await startNextServer({ dbPath, env: render.webEnv });
});

after(async () => {
  await server?.stop();
  await render?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

interface CallOptions {
  cookie?: string | null;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  origin?: string | null;
}

async function call(
  method: string,
  urlPath: string,
  options: CallOptions = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  const cookie = options.cookie === undefined ? curatorCookie : options.cookie;
  if (cookie !== null) headers.cookie = cookie;
  const origin = options.origin === undefined ? server.baseUrl : options.origin;
  if (origin !== null && method !== 'GET') headers.origin = origin;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(`${server.baseUrl}${urlPath}`, { method, headers, body });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    assert.fail(`${method} ${urlPath} answered ${response.status} with non-JSON: ${text.slice(0, 200)}`);
  }
  if (!urlPath.startsWith('/api/routes'))
    assert.equal(response.headers.get('cache-control'), 'no-store', `${method} ${urlPath} must not be cached`);
  return { status: response.status, body: parsed };
}

/** Everything a refused request could have changed. */
function snapshot(): string {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    return JSON.stringify({
      routes: db.prepare('SELECT * FROM routes ORDER BY id').all(),
      revisions: db.prepare('SELECT route_id, revision, route_json, published FROM route_revisions ORDER BY route_id, revision').all(),
      audit: db.prepare('SELECT * FROM route_audit_log ORDER BY id').all(),
      bakes: db.prepare('SELECT id, route_id, revision, profile_id FROM bake_jobs ORDER BY id').all(),
    });
  } finally {
    db.close();
  }
}

function errorOf(body: Record<string, unknown>): {
  code: string;
  message: string;
  issues?: Array<Record<string, unknown>>;
  current?: { revision: number; route: Route };
} {
  return body.error as ReturnType<typeof errorOf>;
}

describe('access', () => {
  const endpoints: Array<{ method: string; path: string; body?: unknown }> = [
    { method: 'GET', path: '/api/studio/routes' },
    { method: 'POST', path: '/api/studio/routes', body: { route: publishableRoute('sneaky-new') } },
    { method: 'GET', path: '/api/studio/routes/hallelujah-flyover' },
    {
      method: 'PUT',
      path: '/api/studio/routes/hallelujah-flyover',
      body: { baseRevision: 1, route: publishableRoute('hallelujah-flyover') },
    },
    { method: 'POST', path: '/api/studio/routes/hallelujah-flyover/publish', body: { revision: 1 } },
    { method: 'POST', path: '/api/studio/routes/hallelujah-flyover/restore', body: { revision: 1, baseRevision: 1 } },
    {
      method: 'POST',
      path: '/api/studio/routes/hallelujah-flyover/duplicate',
      body: { newId: 'sneaky-copy', title: { zh: '副本', en: 'Copy' } },
    },
    { method: 'POST', path: '/api/studio/routes/hallelujah-flyover/archive', body: { archived: true } },
    { method: 'GET', path: '/api/studio/routes/hallelujah-flyover/bakes' },
    { method: 'GET', path: '/api/studio/routes/hallelujah-flyover/audit' },
    { method: 'GET', path: '/api/studio/routes/audit' },
  ];

  test('every studio route endpoint answers 401 without a session and changes nothing', async () => {
    const before = snapshot();
    for (const endpoint of endpoints) {
      const { status, body } = await call(endpoint.method, endpoint.path, { cookie: null, body: endpoint.body });
      assert.equal(status, 401, `${endpoint.method} ${endpoint.path}`);
      assert.equal(errorOf(body).code, 'unauthorized');
    }
    for (const endpoint of endpoints) {
      const { status } = await call(endpoint.method, endpoint.path, {
        cookie: `${sessionCookieName(false)}=forged-token-${'x'.repeat(40)}`,
        body: endpoint.body,
      });
      assert.equal(status, 401, `forged cookie: ${endpoint.method} ${endpoint.path}`);
    }
    assert.equal(snapshot(), before);
  });

  test('the whole-studio audit log is for admins: 403 for a curator, 200 for an admin', async () => {
    assert.equal((await call('GET', '/api/studio/routes/audit')).status, 403);
    const { status, body } = await call('GET', '/api/studio/routes/audit', { cookie: adminCookie });
    assert.equal(status, 200);
    assert.ok(Array.isArray(body.entries));
  });

  test('writes from another site, or that do not say where they come from, are refused and change nothing', async () => {
    const before = snapshot();
    for (const endpoint of endpoints.filter((e) => e.method !== 'GET' && e.path !== '/api/studio/routes/audit')) {
      for (const origin of ['https://evil.example', null]) {
        const { status } = await call(endpoint.method, endpoint.path, { origin, body: endpoint.body });
        assert.equal(status, 403, `${endpoint.method} ${endpoint.path} from ${origin}`);
      }
    }
    assert.equal(snapshot(), before);
  });
});

describe('hostile and malformed bodies', () => {
  const valid = publishableRoute('hostile-target');
  const cases: Array<{ name: string; options: CallOptions; status: number }> = [
    { name: 'malformed JSON', options: { rawBody: '{"route": {"id": "x",' }, status: 400 },
    {
      name: 'a NaN literal',
      options: { rawBody: `{"route": ${JSON.stringify(valid).replace('"durationS":40', '"durationS":NaN')}}` },
      status: 400,
    },
    {
      name: 'Infinity through an overflowing number',
      options: { rawBody: `{"route": ${JSON.stringify(valid).replace('"durationS":40', '"durationS":1e999')}}` },
      status: 400,
    },
    {
      name: 'a prototype-pollution key',
      options: { rawBody: `{"route": ${JSON.stringify(valid).replace('{"id"', '{"__proto__":{"admin":true},"id"')}}` },
      status: 400,
    },
    {
      name: 'a constructor key at the top',
      options: { body: { route: valid, constructor: { prototype: { polluted: true } } } },
      status: 400,
    },
    {
      name: 'an unknown field in a keyframe',
      options: { body: { route: { ...valid, keyframes: valid.keyframes.map((k) => ({ ...k, speed: 99 })) } } },
      status: 400,
    },
    {
      name: 'two thousand keyframes',
      options: {
        body: {
          route: {
            ...valid,
            keyframes: Array.from({ length: 2_000 }, (_, i) => ({ timeS: i, position: [0, 900, 0], lookAt: [0, 900, -100] })),
          },
        },
      },
      status: 400,
    },
    {
      name: 'ten thousand keyframes (over the size limit)',
      options: {
        body: {
          route: {
            ...valid,
            keyframes: Array.from({ length: 10_000 }, (_, i) => ({ timeS: i, position: [0, 900, 0], lookAt: [0, 900, -100] })),
          },
        },
      },
      status: 413,
    },
    { name: 'deep nesting', options: { rawBody: `{"route": ${'['.repeat(50_000)}${']'.repeat(50_000)}}` }, status: 400 },
    {
      name: 'a 300 KB title',
      options: { body: { route: { ...valid, title: { zh: '长'.repeat(10), en: 'x'.repeat(300_000) } } } },
      status: 400,
    },
    {
      name: 'a 1 MB string',
      options: { body: { route: { ...valid, description: { zh: '长', en: 'y'.repeat(1_000_000) } } } },
      status: 413,
    },
    { name: 'the wrong content type', options: { rawBody: JSON.stringify({ route: valid }), contentType: 'text/plain' }, status: 415 },
    { name: 'no body at all', options: {}, status: 415 },
  ];

  for (const { name, options, status } of cases) {
    test(`create with ${name} answers ${status} and stores nothing`, async () => {
      const before = snapshot();
      const result = await call('POST', '/api/studio/routes', options);
      assert.equal(result.status, status, JSON.stringify(result.body).slice(0, 300));
      const error = errorOf(result.body);
      assert.ok(error.message.length > 0);
      if (status === 400) assert.ok((error.issues ?? []).length > 0, 'a 400 lists its issues');
      assert.equal(snapshot(), before);
      assert.equal(({} as Record<string, unknown>).admin, undefined, 'nothing was polluted');
    });
  }

  test('a save with a hostile body is refused and the route keeps its revision', async () => {
    assert.equal((await call('POST', '/api/studio/routes', { body: { route: publishableRoute('hostile-save') } })).status, 201);
    const before = snapshot();
    const bad = [
      { baseRevision: 1, route: { ...publishableRoute('hostile-save'), durationS: -5 } },
      { baseRevision: 1.5, route: publishableRoute('hostile-save') },
      { baseRevision: 1, route: publishableRoute('hostile-save'), extra: true },
      { baseRevision: 1, route: publishableRoute('other-route-id') },
    ];
    for (const body of bad) {
      const { status, body: answer } = await call('PUT', '/api/studio/routes/hostile-save', { body });
      assert.equal(status, 400, JSON.stringify(answer).slice(0, 300));
      assert.ok((errorOf(answer).issues ?? []).length > 0);
    }
    assert.equal((await call('GET', '/api/studio/routes/Not_An_Id')).status, 400);
    assert.equal(snapshot(), before);
  });

  test('a draft with a keyframe 10,000 km away is refused with the issue path, and the server keeps answering', async () => {
    assert.equal((await call('POST', '/api/studio/routes', { body: { route: publishableRoute('far-away') } })).status, 201);
    const before = snapshot();
    const route = publishableRoute('far-away');
    const keyframes = route.keyframes.map((k, i) => (i === 1 ? { ...k, position: [1e7, 900, -600] } : k));
    const refused = await call('PUT', '/api/studio/routes/far-away', { body: { baseRevision: 1, route: { ...route, keyframes } } });
    assert.equal(refused.status, 400, JSON.stringify(refused.body).slice(0, 300));
    assert.deepEqual(
      (errorOf(refused.body).issues ?? []).map((issue) => [issue.path, issue.message]),
      [[['route', 'keyframes', 1, 'position', 0], `World coordinates must lie within ±${WORLD_COORDINATE_LIMIT_M} m of the scene centre.`]],
    );
    assert.equal(snapshot(), before);
    // Nothing was left running: the public API and the studio answer straight away.
    assert.equal((await call('GET', '/api/routes', { cookie: null })).status, 200);
    assert.equal((await call('GET', '/api/studio/routes/far-away')).status, 200);
  });
});

describe('editing, publishing and history', () => {
  test('create, save, then a stale save conflicts with the current revision and stores nothing', async () => {
    const created = await call('POST', '/api/studio/routes', { body: { route: publishableRoute('river-walk', 'River walk') } });
    assert.equal(created.status, 201);
    const detail = created.body.route as { status: string; latestRevision: number };
    assert.deepEqual([detail.status, detail.latestRevision], ['draft', 1]);
    assert.equal(
      (await call('POST', '/api/studio/routes', { body: { route: publishableRoute('river-walk') } })).status,
      409,
      'the id is taken',
    );

    const saved = await call('PUT', '/api/studio/routes/river-walk', {
      body: { baseRevision: 1, route: publishableRoute('river-walk', 'River walk, second draft') },
    });
    assert.equal(saved.status, 200);
    assert.deepEqual([saved.body.revision, saved.body.created], [2, true]);

    const before = snapshot();
    const stale = await call('PUT', '/api/studio/routes/river-walk', {
      cookie: adminCookie,
      body: { baseRevision: 1, route: publishableRoute('river-walk', 'Stale tab') },
    });
    assert.equal(stale.status, 409);
    const error = errorOf(stale.body);
    assert.equal(error.code, 'revision_conflict');
    assert.equal(error.current?.revision, 2);
    assert.equal(error.current?.route.title.en, 'River walk, second draft');
    assert.equal(snapshot(), before);

    const list = await call('GET', '/api/studio/routes');
    const entry = (list.body.routes as Array<Record<string, unknown>>).find((r) => r.id === 'river-walk');
    assert.deepEqual([entry?.status, entry?.latestRevision, (entry?.cloud as { state: string }).state], ['draft', 2, 'none']);
    assert.ok(
      (list.body.routes as Array<{ id: string }>).some((r) => r.id === 'hallelujah-flyover'),
      'curated routes are listed too',
    );
  });

  test('publishing a route that flies through a pillar is refused with 422 and the issue in both languages', async () => {
    const safe = publishableRoute('pillar-crash');
    const crashing: Route = {
      ...safe,
      keyframes: [safe.keyframes[0], { ...safe.keyframes[1], position: [-650, 800, -350] }, safe.keyframes[2]],
    };
    assert.equal((await call('POST', '/api/studio/routes', { body: { route: crashing } })).status, 201, 'an unsafe draft may be saved');
    const before = snapshot();
    const refused = await call('POST', '/api/studio/routes/pillar-crash/publish', { body: { revision: 1 } });
    assert.equal(refused.status, 422);
    const issues = errorOf(refused.body).issues ?? [];
    const clearance = issues.find((issue) => issue.code === 'keyframe-clearance');
    assert.ok(clearance, JSON.stringify(issues).slice(0, 400));
    assert.equal(clearance.keyframeIndex, 1);
    assert.equal(clearance.severity, 'error');
    assert.match((clearance.message as { en: string }).en, /Keyframe 2 is inside a pillar/);
    assert.match((clearance.message as { zh: string }).zh, /第 2 个关键帧位于石柱内部/);
    assert.equal(snapshot(), before);
    assert.equal((await call('GET', '/api/routes/pillar-crash', { cookie: null })).status, 404, 'visitors do not see it');
  });

  test('publishing a safe revision shows it to visitors and queues its bakes; the bake progress reads them', async () => {
    assert.equal(
      (await call('POST', '/api/studio/routes', { body: { route: publishableRoute('bridge-glide', 'Bridge glide') } })).status,
      201,
    );
    const stalePublish = await call('PUT', '/api/studio/routes/bridge-glide', {
      body: { baseRevision: 1, route: publishableRoute('bridge-glide', 'Bridge glide 2') },
    });
    assert.equal(stalePublish.status, 200);
    assert.equal(
      (await call('POST', '/api/studio/routes/bridge-glide/publish', { body: { revision: 1 } })).status,
      409,
      'only the latest revision can be published',
    );

    const published = await call('POST', '/api/studio/routes/bridge-glide/publish', { body: { revision: 2 } });
    assert.equal(published.status, 200, JSON.stringify(published.body).slice(0, 300));
    const bakes = published.body.bakes as {
      revision: number;
      readiness: { state: string };
      profiles: Array<{ profileId: string; status: string }>;
    };
    assert.equal(bakes.revision, 2);
    assert.equal(bakes.readiness.state, 'queued');
    assert.ok(bakes.profiles.length >= 1 && bakes.profiles.every((p) => p.status === 'queued'));

    const visitor = await call('GET', '/api/routes/bridge-glide', { cookie: null });
    assert.equal(visitor.status, 200);
    assert.deepEqual([visitor.body.revision, (visitor.body.route as Route).title.en], [2, 'Bridge glide 2']);

    const progress = await call('GET', '/api/studio/routes/bridge-glide/bakes');
    assert.equal(progress.status, 200);
    assert.deepEqual(
      (progress.body.bakes as typeof bakes).profiles.map((p) => p.profileId),
      bakes.profiles.map((p) => p.profileId),
    );

    const list = await call('GET', '/api/studio/routes');
    const entry = (list.body.routes as Array<Record<string, unknown>>).find((r) => r.id === 'bridge-glide');
    assert.deepEqual([entry?.status, entry?.publishedRevision, (entry?.cloud as { state: string }).state], ['published', 2, 'queued']);
  });

  test('restore, duplicate and archive, each in the route audit log under the staff member who did it', async () => {
    assert.equal((await call('POST', '/api/studio/routes', { body: { route: publishableRoute('temple-loop', 'Temple v1') } })).status, 201);
    assert.equal(
      (
        await call('PUT', '/api/studio/routes/temple-loop', {
          body: { baseRevision: 1, route: publishableRoute('temple-loop', 'Temple v2') },
        })
      ).status,
      200,
    );
    assert.equal(
      (await call('POST', '/api/studio/routes/temple-loop/restore', { body: { revision: 1, baseRevision: 1 } })).status,
      409,
      'restore names the latest revision too',
    );
    const restored = await call('POST', '/api/studio/routes/temple-loop/restore', {
      cookie: adminCookie,
      body: { revision: 1, baseRevision: 2 },
    });
    assert.equal(restored.status, 200);
    assert.equal(restored.body.revision, 3);
    assert.equal((restored.body.route as { route: Route }).route.title.en, 'Temple v1');

    const copy = await call('POST', '/api/studio/routes/temple-loop/duplicate', {
      body: { newId: 'temple-loop-copy', title: { zh: '副本', en: 'Temple copy' } },
    });
    assert.equal(copy.status, 201);
    assert.equal((copy.body.route as { route: Route }).route.title.en, 'Temple copy');

    const archived = await call('POST', '/api/studio/routes/temple-loop/archive', { body: { archived: true } });
    assert.equal((archived.body.route as { status: string }).status, 'archived');
    assert.equal(
      (
        await call('PUT', '/api/studio/routes/temple-loop', {
          body: { baseRevision: 3, route: publishableRoute('temple-loop', 'After archive') },
        })
      ).status,
      409,
    );

    const audit = await call('GET', '/api/studio/routes/temple-loop/audit');
    assert.equal(audit.status, 200);
    assert.deepEqual(
      (audit.body.entries as Array<{ action: string; staffEmail: string; revision: number }>).map((e) => [
        e.action,
        e.staffEmail,
        e.revision,
      ]),
      [
        ['archived', 'li.curator@bureau.example', 3],
        ['restored', 'wang.admin@bureau.example', 3],
        ['saved', 'li.curator@bureau.example', 2],
        ['created', 'li.curator@bureau.example', 1],
      ],
    );
    const everything = await call('GET', '/api/studio/routes/audit', { cookie: adminCookie });
    assert.ok(
      (everything.body.entries as Array<{ action: string; routeId: string }>).some(
        (e) => e.action === 'duplicated' && e.routeId === 'temple-loop-copy',
      ),
    );
  });
});
