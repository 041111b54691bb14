// Studio sign-in over HTTP of the real production server on a real SQLite file:
// cookies, who-am-I, logout, expiry and revocation, and answers that do not tell
// an unknown email from a wrong password.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createStaffAccount } from '@/server/staff/staff-accounts';
import { openStaffServices } from '@/server/staff/staff-services';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';

const CURATOR = { email: 'li.na@bureau.example', password: 'misty pillars at dawn 47' };
const ADMIN = { email: 'wang.admin@bureau.example', password: 'golden hour over tianzi 9' };

let tempDir: string;
let server: RunningNextServer;
let addressCounter = 0;

before(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-studio-auth-'));
  const dbPath = path.join(tempDir, 'yunshan.sqlite');
  const services = openStaffServices(dbPath);
  await createStaffAccount(services, { ...CURATOR, role: 'curator', displayName: 'Li Na' });
  await createStaffAccount(services, { ...ADMIN, role: 'admin' });
  services.close();
  // The test plays a reverse proxy, so each sign-in can come from its own address.
  server = await startNextServer({ dbPath, env: { YUNSHAN_TRUSTED_PROXY_HOPS: '1' } });
});

after(async () => {
  await server?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

/** Each test signs in from its own address, so per-address throttling stays out of its way. */
function freshAddress(): string {
  return `192.0.2.${++addressCounter}`;
}

interface LoginOptions {
  address?: string;
  https?: boolean;
}

function login(credentials: { email: string; password: string }, options: LoginOptions = {}): Promise<Response> {
  const origin = options.https ? server.baseUrl.replace('http:', 'https:') : server.baseUrl;
  return fetch(`${server.baseUrl}/api/studio/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin,
      'x-forwarded-for': options.address ?? freshAddress(),
      ...(options.https ? { 'x-forwarded-proto': 'https' } : {}),
    },
    body: JSON.stringify(credentials),
  });
}

function sessionCookieOf(response: Response): string {
  const setCookie = response.headers.get('set-cookie');
  assert.ok(setCookie, 'no Set-Cookie');
  return setCookie.split(';')[0];
}

function whoAmI(cookie: string | null): Promise<Response> {
  return fetch(`${server.baseUrl}/api/studio/auth/session`, { headers: cookie === null ? {} : { cookie } });
}

function withRawDb<T>(work: (db: Database.Database) => T): T {
  const db = new Database(server.dbPath);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

describe('POST /api/studio/auth/login', () => {
  test('signs in with an HttpOnly, SameSite=Lax, Path=/ cookie (no Secure over HTTP); email case and spaces do not matter', async () => {
    const response = await login({ email: '  LI.NA@Bureau.Example ', password: CURATOR.password });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = (await response.json()) as { staff: Record<string, unknown>; expiresAt: string };
    assert.deepEqual(body.staff, { id: body.staff.id, email: CURATOR.email, role: 'curator', displayName: 'Li Na' });
    const setCookie = response.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /^yunshan_studio=[A-Za-z0-9_-]{43}; /);
    assert.match(setCookie, /; HttpOnly/);
    assert.match(setCookie, /; SameSite=Lax/);
    assert.match(setCookie, /; Path=\//);
    assert.doesNotMatch(setCookie, /Secure/);

    const me = await whoAmI(sessionCookieOf(response));
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { staff: { email: string } }).staff.email, CURATOR.email);
  });

  test('behind HTTPS the cookie is Secure and named __Host-, and only that name is honoured', async () => {
    const response = await login(ADMIN, { https: true });
    assert.equal(response.status, 200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /^__Host-yunshan_studio=[A-Za-z0-9_-]{43}; Path=\/;/);
    assert.match(setCookie, /; Secure/);
    assert.doesNotMatch(setCookie, /Domain=/i);
    const token = sessionCookieOf(response).split('=')[1];
    const overHttps = await fetch(`${server.baseUrl}/api/studio/auth/session`, {
      headers: { cookie: `__Host-yunshan_studio=${token}`, 'x-forwarded-proto': 'https' },
    });
    assert.equal(overHttps.status, 200);
    const plainNameOverHttps = await fetch(`${server.baseUrl}/api/studio/auth/session`, {
      headers: { cookie: `yunshan_studio=${token}`, 'x-forwarded-proto': 'https' },
    });
    assert.equal(plainNameOverHttps.status, 401);
  });

  test('stores the session token only as its hash', async () => {
    const response = await login(CURATOR);
    const token = sessionCookieOf(response).split('=')[1];
    const stored = withRawDb((db) => db.prepare('SELECT token_sha256 FROM staff_sessions').pluck().all() as string[]);
    assert.equal(stored.includes(token), false);
    const { createHash } = await import('node:crypto');
    assert.ok(stored.includes(createHash('sha256').update(token).digest('hex')));
  });

  test('an unknown email and a wrong password get the same status and body', async () => {
    const unknown: Response[] = [];
    const wrong: Response[] = [];
    for (let i = 0; i < 3; i++) {
      unknown.push(await login({ email: `nobody${i}@bureau.example`, password: 'misty pillars at dawn 47' }));
      wrong.push(await login({ email: ADMIN.email, password: `wrong password number ${i}` }));
    }
    const bodies = await Promise.all([...unknown, ...wrong].map((response) => response.text()));
    for (const response of [...unknown, ...wrong]) {
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('set-cookie'), null);
    }
    assert.equal(new Set(bodies).size, 1, `bodies differ: ${[...new Set(bodies)].join(' | ')}`);
    assert.doesNotMatch(bodies[0], /exist|unknown|not found|no such/i);
    // Timing is kept alike by verifying a dummy Argon2id hash for unknown emails (server/staff);
    // wall-clock comparisons do not belong in tests on a shared machine.
  });

  test('malformed, oversized and loose bodies are refused before any check, and sign nobody in', async () => {
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${server.baseUrl}/api/studio/auth/login`, {
        method: 'POST',
        headers: { 'content-type': contentType, origin: server.baseUrl, 'x-forwarded-for': freshAddress() },
        body,
      });
    const sessionsBefore = withRawDb((db) => db.prepare('SELECT COUNT(*) FROM staff_sessions').pluck().get());

    const notJson = await post('{"email":');
    assert.equal(notJson.status, 400);
    const extraKey = await post(JSON.stringify({ ...CURATOR, role: 'admin' }));
    assert.equal(extraKey.status, 400);
    const issues = ((await extraKey.json()) as { error: { issues: { code: string }[] } }).error.issues;
    assert.ok(issues.some((issue) => issue.code === 'unrecognized_keys'));
    const missing = await post(JSON.stringify({ email: CURATOR.email }));
    assert.equal(missing.status, 400);
    const huge = await post(JSON.stringify({ email: CURATOR.email, password: 'x'.repeat(20_000) }));
    assert.equal(huge.status, 413);
    const form = await post('email=a&password=b', 'application/x-www-form-urlencoded');
    assert.equal(form.status, 415);

    assert.equal(
      withRawDb((db) => db.prepare('SELECT COUNT(*) FROM staff_sessions').pluck().get()),
      sessionsBefore,
    );
  });
});

describe('sessions', () => {
  test('logout deletes the session and clears the cookie', async () => {
    const cookie = sessionCookieOf(await login(CURATOR));
    const logout = await fetch(`${server.baseUrl}/api/studio/auth/logout`, {
      method: 'POST',
      headers: { cookie, origin: server.baseUrl },
    });
    assert.equal(logout.status, 204);
    assert.match(logout.headers.get('set-cookie') ?? '', /^yunshan_studio=; Path=\/; Max-Age=0/);
    assert.equal((await whoAmI(cookie)).status, 401);
  });

  test('an idle-expired or absolutely expired session is refused', async () => {
    const idle = sessionCookieOf(await login(CURATOR));
    const absolute = sessionCookieOf(await login(CURATOR));
    const hash = async (cookie: string) => (await import('node:crypto')).createHash('sha256').update(cookie.split('=')[1]).digest('hex');
    const idleHash = await hash(idle);
    const absoluteHash = await hash(absolute);
    withRawDb((db) => {
      db.prepare('UPDATE staff_sessions SET idle_expires_at_ms = ?, absolute_expires_at_ms = ? WHERE token_sha256 = ?').run(
        Date.now() - 1000,
        Date.now() + 3_600_000,
        idleHash,
      );
      db.prepare('UPDATE staff_sessions SET idle_expires_at_ms = ?, absolute_expires_at_ms = ? WHERE token_sha256 = ?').run(
        Date.now() - 1000,
        Date.now() - 1000,
        absoluteHash,
      );
    });
    assert.equal((await whoAmI(idle)).status, 401);
    assert.equal((await whoAmI(absolute)).status, 401);
  });

  test('using a session slides its idle expiry forward', async () => {
    const cookie = sessionCookieOf(await login(CURATOR));
    const tokenHash = (await import('node:crypto')).createHash('sha256').update(cookie.split('=')[1]).digest('hex');
    // Pretend it was last used a minute ago, with 29 minutes left.
    const before = Date.now() + 29 * 60_000;
    withRawDb((db) =>
      db
        .prepare('UPDATE staff_sessions SET last_seen_at_ms = ?, idle_expires_at_ms = ? WHERE token_sha256 = ?')
        .run(Date.now() - 60_000, before, tokenHash),
    );
    assert.equal((await whoAmI(cookie)).status, 200);
    const after = withRawDb(
      (db) => db.prepare('SELECT idle_expires_at_ms FROM staff_sessions WHERE token_sha256 = ?').pluck().get(tokenHash) as number,
    );
    assert.ok(after > before + 30_000, `idle expiry did not move: ${before} -> ${after}`);
  });

  test('an admin revoking a curator signs them out everywhere', async () => {
    const first = sessionCookieOf(await login(CURATOR));
    const second = sessionCookieOf(await login(CURATOR));
    const admin = sessionCookieOf(await login(ADMIN));
    const curatorId = ((await (await whoAmI(first)).json()) as { staff: { id: number } }).staff.id;
    const revoke = await fetch(`${server.baseUrl}/api/studio/staff/${curatorId}/revoke-sessions`, {
      method: 'POST',
      headers: { cookie: admin, origin: server.baseUrl },
    });
    assert.equal(revoke.status, 200);
    assert.ok(((await revoke.json()) as { endedSessions: number }).endedSessions >= 2);
    assert.equal((await whoAmI(first)).status, 401);
    assert.equal((await whoAmI(second)).status, 401);
    assert.equal((await whoAmI(admin)).status, 200);
  });
});

describe('the login page', () => {
  test('is served in both languages with labelled fields', async () => {
    for (const [lang, label] of [
      ['en', 'Password'],
      ['zh', '密码'],
    ] as const) {
      const response = await fetch(`${server.baseUrl}/studio/login?lang=${lang}`);
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.ok(html.includes(label), `no ${label} on the ${lang} page`);
      assert.match(html, /<label[^>]*>.*?<input[^>]*type="password"/s);
      assert.match(html, /autoComplete="current-password"|autocomplete="current-password"/);
    }
  });

  test('sends a signed-in visitor on to /studio', async () => {
    const cookie = sessionCookieOf(await login(CURATOR));
    const response = await fetch(`${server.baseUrl}/studio/login`, { headers: { cookie }, redirect: 'manual' });
    assert.ok([303, 307, 308].includes(response.status), `status ${response.status}`);
    assert.equal(new URL(response.headers.get('location') ?? '', server.baseUrl).pathname, '/studio');
  });
});
