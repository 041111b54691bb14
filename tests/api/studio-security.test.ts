// Studio access over HTTP of the real production server: every staff endpoint
// refuses requests without a session (401), curators on admin actions (403) and
// cross-origin writes (403) and changes nothing; a curator on an admin page gets a
// 403 page; login throttling engages per account at an address and per address,
// without telling whether an email exists, without letting a stranger lock an owner
// out, and without believing an X-Forwarded-For that no trusted proxy wrote.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createStaffAccount } from '@/server/staff/staff-accounts';
import { openStaffServices } from '@/server/staff/staff-services';
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE } from '@/server/staff/login-throttle';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';

const CURATOR = { email: 'zhou.curator@bureau.example', password: 'misty pillars at dawn 47' };
const ADMIN = { email: 'chen.admin@bureau.example', password: 'golden hour over tianzi 9' };
const VICTIM = { email: 'victim.curator@bureau.example', password: 'stone forest after rain 3' };

let tempDir: string;
let server: RunningNextServer;
let curatorId: number;
let adminCookie: string;
let curatorCookie: string;
let addressCounter = 0;

function freshAddress(): string {
  return `198.51.100.${++addressCounter}`;
}

function login(credentials: { email: string; password: string }, address = freshAddress()): Promise<Response> {
  return fetch(`${server.baseUrl}/api/studio/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl, 'x-forwarded-for': address },
    body: JSON.stringify(credentials),
  });
}

async function cookieFor(credentials: { email: string; password: string }): Promise<string> {
  const response = await login(credentials);
  assert.equal(response.status, 200, await response.clone().text());
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

/** Everything a refused request could have changed. */
function snapshot(): string {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    return JSON.stringify({
      staff: db.prepare('SELECT id, email, role, display_name, password_hash FROM staff_members ORDER BY id').all(),
      sessions: db.prepare('SELECT id, staff_id, token_sha256 FROM staff_sessions ORDER BY id').all(),
    });
  } finally {
    db.close();
  }
}

before(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-studio-security-'));
  const dbPath = path.join(tempDir, 'yunshan.sqlite');
  const services = openStaffServices(dbPath);
  curatorId = (await createStaffAccount(services, { ...CURATOR, role: 'curator' })).id;
  await createStaffAccount(services, { ...ADMIN, role: 'admin' });
  await createStaffAccount(services, { ...VICTIM, role: 'curator' });
  services.close();
  // The test plays a reverse proxy: the address it writes is the client's.
  server = await startNextServer({ dbPath, env: { YUNSHAN_TRUSTED_PROXY_HOPS: '1' } });
  adminCookie = await cookieFor(ADMIN);
  curatorCookie = await cookieFor(CURATOR);
});

after(async () => {
  await server?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

const NEW_CURATOR = { email: 'new.curator@bureau.example', role: 'curator', password: 'cloud sea over the bridge 5' };

interface Endpoint {
  method: string;
  path: () => string;
  body?: unknown;
  adminOnly: boolean;
}

const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: () => '/api/studio/auth/session', adminOnly: false },
  { method: 'GET', path: () => '/api/studio/staff', adminOnly: true },
  { method: 'POST', path: () => '/api/studio/staff', body: NEW_CURATOR, adminOnly: true },
  { method: 'DELETE', path: () => `/api/studio/staff/${curatorId}`, adminOnly: true },
  { method: 'POST', path: () => `/api/studio/staff/${curatorId}/revoke-sessions`, adminOnly: true },
];

function call(endpoint: Endpoint, headers: Record<string, string>): Promise<Response> {
  return fetch(`${server.baseUrl}${endpoint.path()}`, {
    method: endpoint.method,
    headers: { origin: server.baseUrl, ...(endpoint.body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: endpoint.body === undefined ? undefined : JSON.stringify(endpoint.body),
  });
}

describe('without a valid session', () => {
  test('every studio endpoint answers 401 JSON and changes nothing', async () => {
    const before = snapshot();
    for (const endpoint of ENDPOINTS) {
      for (const cookie of [undefined, 'yunshan_studio=forged-token', `yunshan_studio=${'A'.repeat(43)}`]) {
        const response = await call(endpoint, cookie === undefined ? {} : { cookie });
        assert.equal(response.status, 401, `${endpoint.method} ${endpoint.path()} with ${cookie}`);
        const body = (await response.json()) as { error: { code: string } };
        assert.equal(body.error.code, 'unauthorized');
      }
    }
    assert.equal(snapshot(), before);
  });

  test('an expired session is refused on admin actions too', async () => {
    const cookie = await cookieFor(ADMIN);
    const { createHash } = await import('node:crypto');
    const tokenHash = createHash('sha256').update(cookie.split('=')[1]).digest('hex');
    const db = new Database(server.dbPath);
    db.prepare('UPDATE staff_sessions SET idle_expires_at_ms = ? WHERE token_sha256 = ?').run(Date.now() - 1, tokenHash);
    db.close();
    const before = snapshot();
    for (const endpoint of ENDPOINTS) {
      const response = await call(endpoint, { cookie });
      assert.equal(response.status, 401, `${endpoint.method} ${endpoint.path()}`);
    }
    // The expired row itself is cleaned away; nothing else changes.
    const after = JSON.parse(snapshot()) as { staff: unknown; sessions: { token_sha256: string }[] };
    assert.deepEqual(after.staff, (JSON.parse(before) as { staff: unknown }).staff);
    assert.equal(
      after.sessions.some((row) => row.token_sha256 === tokenHash),
      false,
    );
  });
});

describe('a curator', () => {
  test('is refused (403) on every admin action, and nothing changes', async () => {
    const before = snapshot();
    for (const endpoint of ENDPOINTS.filter((e) => e.adminOnly)) {
      const response = await call(endpoint, { cookie: curatorCookie });
      assert.equal(response.status, 403, `${endpoint.method} ${endpoint.path()}`);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'forbidden');
    }
    assert.equal(snapshot(), before);
    assert.equal((await call(ENDPOINTS[0], { cookie: curatorCookie })).status, 200);
  });

  test('opening an admin-only page gets a 403 page in both languages, not a server error', async () => {
    for (const [lang, title, other] of [
      ['en', 'Not for your role', '您的角色无权访问'],
      ['zh-CN', '您的角色无权访问', 'Not for your role'],
    ]) {
      const response = await fetch(`${server.baseUrl}/studio/audit`, { headers: { cookie: curatorCookie, 'accept-language': lang } });
      const html = await response.text();
      assert.equal(response.status, 403, `${lang}: ${response.status}`);
      // Like the 404, Next sends the boundary's UI in the page's payload and the browser draws it.
      assert.ok(html.includes('studio-forbidden'), `${lang}: not the 403 page`);
      assert.ok(html.includes(title) && html.includes(other), `${lang}: not both languages`);
      assert.ok(html.indexOf(title) < html.indexOf(other), `${lang}: "${title}" is not the heading`);
      assert.doesNotMatch(html, /audit-log/);
    }
    const admin = await fetch(`${server.baseUrl}/studio/audit`, { headers: { cookie: adminCookie } });
    assert.equal(admin.status, 200);
    assert.match(await admin.text(), /data-testid="audit-log"/);
  });
});

describe('cross-origin writes', () => {
  test('are refused (403) even with an admin session, and change nothing', async () => {
    const before = snapshot();
    for (const endpoint of ENDPOINTS.filter((e) => e.method !== 'GET')) {
      const foreign: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { referer: 'https://evil.example/page' },
      ];
      for (const headers of foreign) {
        const response = await fetch(`${server.baseUrl}${endpoint.path()}`, {
          method: endpoint.method,
          headers: { cookie: adminCookie, 'content-type': 'application/json', ...headers },
          body: endpoint.body === undefined ? undefined : JSON.stringify(endpoint.body),
        });
        assert.equal(response.status, 403, `${endpoint.method} ${endpoint.path()} from ${JSON.stringify(headers)}`);
      }
    }
    const crossSiteLogin = await fetch(`${server.baseUrl}/api/studio/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'x-forwarded-for': freshAddress() },
      body: JSON.stringify(ADMIN),
    });
    assert.equal(crossSiteLogin.status, 403);
    assert.equal(crossSiteLogin.headers.get('set-cookie'), null);
    assert.equal(snapshot(), before);
  });
});

describe('an admin', () => {
  test('creates a curator with a checked password; a weak one is refused with reasons and stored nowhere', async () => {
    const weak = await call(
      { ...ENDPOINTS[2], body: { ...NEW_CURATOR, email: 'weak@bureau.example', password: 'Password2024!' } },
      { cookie: adminCookie },
    );
    assert.equal(weak.status, 400);
    const issues = ((await weak.json()) as { error: { issues: { path: string[] }[] } }).error.issues;
    assert.deepEqual(issues[0].path, ['password']);
    const oversize = await call({ ...ENDPOINTS[2], body: { ...NEW_CURATOR, displayName: 'x'.repeat(20_000) } }, { cookie: adminCookie });
    assert.equal(oversize.status, 413);
    assert.doesNotMatch(snapshot(), /weak@bureau|new\.curator/);

    const created = await call(ENDPOINTS[2], { cookie: adminCookie });
    assert.equal(created.status, 201);
    const duplicate = await call(ENDPOINTS[2], { cookie: adminCookie });
    assert.equal(duplicate.status, 409);
    const listed = (await (await call(ENDPOINTS[1], { cookie: adminCookie })).json()) as { staff: { email: string }[] };
    assert.ok(listed.staff.some((member) => member.email === NEW_CURATOR.email));
    assert.doesNotMatch(JSON.stringify(listed), /argon2|password/i);
    assert.equal((await login({ email: NEW_CURATOR.email, password: NEW_CURATOR.password })).status, 200);
  });
});

describe('login throttling', () => {
  test(`per account at an address: after ${ACCOUNT_THROTTLE.freeFailures} failures even the right password waits there, with Retry-After; an unknown email gets the same answer`, async () => {
    const answers: { status: number; retryAfter: string | null; body: string }[] = [];
    for (const [email, address] of [
      [VICTIM.email, '203.0.113.10'],
      ['ghost.account@bureau.example', '203.0.113.11'],
    ]) {
      for (let i = 0; i < ACCOUNT_THROTTLE.freeFailures; i++) {
        assert.equal((await login({ email, password: `wrong guess number ${i}` }, address)).status, 401);
      }
      const throttled = await login({ email, password: VICTIM.password }, address);
      answers.push({ status: throttled.status, retryAfter: throttled.headers.get('retry-after'), body: await throttled.text() });
    }
    for (const answer of answers) {
      assert.equal(answer.status, 429);
      assert.ok(Number(answer.retryAfter) >= 1, `Retry-After ${answer.retryAfter}`);
      assert.doesNotMatch(answer.body, /exist|unknown|no such|not found/i);
    }
    assert.equal(answers[0].body, answers[1].body, 'a real and an unknown account are throttled differently');

    await new Promise((resolve) => setTimeout(resolve, Number(answers[0].retryAfter) * 1000 + 100));
    assert.equal((await login(VICTIM, '203.0.113.10')).status, 200, 'the account did not recover after Retry-After');
  });

  test("a stranger failing an account's logins does not lock its owner out at another address", async () => {
    const stranger = '203.0.113.20';
    for (let i = 0; i < ACCOUNT_THROTTLE.freeFailures; i++) {
      assert.equal((await login({ email: CURATOR.email, password: `not the password ${i}` }, stranger)).status, 401);
    }
    assert.equal((await login(CURATOR, stranger)).status, 429, 'the stranger was not throttled');
    assert.equal((await login(CURATOR, '198.51.100.200')).status, 200, 'the owner was locked out');
    assert.equal(
      (await login({ email: CURATOR.email, password: 'one more guess' }, stranger)).status,
      429,
      "the owner's sign-in freed the stranger",
    );
  });

  test(`per address: after ${ADDRESS_THROTTLE.freeFailures} failures across accounts the address waits; others do not`, async () => {
    const attacker = '203.0.113.66';
    for (let i = 0; i < ADDRESS_THROTTLE.freeFailures; i++) {
      assert.equal((await login({ email: `spray${i}@bureau.example`, password: 'misty pillars at dawn 47' }, attacker)).status, 401);
    }
    const blocked = await login(CURATOR, attacker);
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get('retry-after')) >= 1);
    assert.equal((await login(CURATOR, '203.0.113.67')).status, 200);
  });
});

describe('without a reverse proxy (the default setting)', () => {
  let direct: RunningNextServer;
  before(async () => {
    direct = await startNextServer({ dbPath: path.join(tempDir, 'yunshan.sqlite') });
  });
  after(async () => {
    await direct?.stop();
  });

  test('a fresh X-Forwarded-For on every try does not escape the per-address throttle', async () => {
    const attempt = (i: number) =>
      fetch(`${direct.baseUrl}/api/studio/auth/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: direct.baseUrl,
          'x-forwarded-for': `192.0.2.${i + 1}`,
          'x-real-ip': `192.0.2.${i + 1}`,
        },
        body: JSON.stringify({ email: `direct${i}@bureau.example`, password: 'golden hour over tianzi 9' }),
      });
    for (let i = 0; i < ADDRESS_THROTTLE.freeFailures; i++) assert.equal((await attempt(i)).status, 401, `try ${i + 1}`);
    const blocked = await attempt(ADDRESS_THROTTLE.freeFailures);
    assert.equal(blocked.status, 429, 'the written addresses were believed');
  });
});
