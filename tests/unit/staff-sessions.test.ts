// Session tokens, cookies and the session store on a real SQLite file, with a clock
// the test moves: idle and absolute expiry, sliding, logout, revoke, removed staff.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { generateSecretToken, hashSecretToken, isWellFormedSecretToken } from '@/server/staff/secret-token';
import { isHttpsRequest, readSessionToken, serializeClearedSessionCookie, serializeSessionCookie } from '@/server/staff/session-cookie';
import { openStaffServices } from '@/server/staff/staff-services';
import { SESSION_ABSOLUTE_LIFETIME_MS, SESSION_IDLE_TIMEOUT_MS } from '@/server/staff/session-store';
import { requireStaff } from '@/server/staff/require-staff';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-staff-sessions-'));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));
let fileCount = 0;

function freshServices(startMs = Date.UTC(2026, 4, 1, 8)): {
  services: ReturnType<typeof openStaffServices>;
  clock: { nowMs: number };
  dbPath: string;
} {
  const clock = { nowMs: startMs };
  const dbPath = path.join(tempRoot, `staff-${++fileCount}.sqlite`);
  return { services: openStaffServices(dbPath, () => clock.nowMs), clock, dbPath };
}

// Sessions do not care how the hash was made; a fixed PHC string keeps these tests fast.
const STORED_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

function cookieRequest(token: string, init: { https?: boolean } = {}): Request {
  const name = init.https ? '__Host-yunshan_studio' : 'yunshan_studio';
  return new Request(`${init.https ? 'https' : 'http'}://studio.example/api/studio/auth/session`, {
    headers: { cookie: `lang=zh; ${name}=${token}` },
  });
}

describe('secret tokens', () => {
  test('are 32 random bytes in base64url, stored as their SHA-256 hex', async () => {
    const token = generateSecretToken();
    assert.equal(Buffer.from(token, 'base64url').length, 32);
    assert.ok(isWellFormedSecretToken(token));
    assert.notEqual(generateSecretToken(), token);
    assert.equal(hashSecretToken('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(isWellFormedSecretToken(`${token}=`), false);
  });
});

describe('session cookie', () => {
  test('over HTTP: HttpOnly, SameSite=Lax, Path=/, no Secure, plain name', async () => {
    const cookie = serializeSessionCookie('tok', { secure: false, maxAgeS: 3600 });
    assert.equal(cookie, 'yunshan_studio=tok; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax');
  });

  test('over HTTPS: Secure and the __Host- prefix, with no Domain', async () => {
    const cookie = serializeSessionCookie('tok', { secure: true, maxAgeS: 3600 });
    assert.equal(cookie, '__Host-yunshan_studio=tok; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax; Secure');
    assert.doesNotMatch(cookie, /Domain=/i);
    assert.match(serializeClearedSessionCookie(true), /^__Host-yunshan_studio=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax; Secure$/);
  });

  test('HTTPS is read from x-forwarded-proto first, then the URL', async () => {
    assert.equal(isHttpsRequest(new Request('http://a.example/', { headers: { 'x-forwarded-proto': 'https' } })), true);
    assert.equal(isHttpsRequest(new Request('https://a.example/', { headers: { 'x-forwarded-proto': 'http' } })), false);
    assert.equal(isHttpsRequest(new Request('https://a.example/')), true);
    assert.equal(isHttpsRequest(new Request('http://a.example/')), false);
  });

  test('under HTTPS only the __Host- cookie is read', async () => {
    const plainOverHttps = new Request('https://a.example/', { headers: { cookie: 'yunshan_studio=planted' } });
    assert.equal(readSessionToken(plainOverHttps), null);
    assert.equal(readSessionToken(cookieRequest('tok', { https: true })), 'tok');
    assert.equal(readSessionToken(cookieRequest('tok')), 'tok');
  });
});

describe('session store', () => {
  test('stores only the token hash', async () => {
    const { services, dbPath } = freshServices();
    const member = await services.members.add({ email: 'li@bureau.example', role: 'curator', passwordHash: STORED_HASH });
    const { token } = await services.sessions.create(member.id);
    services.close();
    const db = new Database(dbPath, { readonly: true });
    const stored = db.prepare('SELECT token_sha256 FROM staff_sessions').pluck().all();
    const fileBytes = fs.readFileSync(dbPath).toString('latin1') + fs.readFileSync(`${dbPath}-wal`).toString('latin1');
    db.close();
    assert.deepEqual(stored, [hashSecretToken(token)]);
    assert.equal(fileBytes.includes(token), false, 'the raw token reached the database file');
  });

  test('idle expiry slides with use, up to the absolute expiry', async () => {
    const { services, clock } = freshServices();
    const member = await services.members.add({ email: 'li@bureau.example', role: 'curator', passwordHash: STORED_HASH });
    const { token } = await services.sessions.create(member.id);

    // Used every 20 minutes, the session outlives its 30-minute idle timeout many times over...
    const step = SESSION_IDLE_TIMEOUT_MS * (2 / 3);
    const start = clock.nowMs;
    while (clock.nowMs + step < start + SESSION_ABSOLUTE_LIFETIME_MS) {
      clock.nowMs += step;
      assert.notEqual(await services.sessions.resolve(token), null, `ended early at +${(clock.nowMs - start) / 60000} min`);
    }
    // ...but never its 12-hour absolute lifetime.
    clock.nowMs = start + SESSION_ABSOLUTE_LIFETIME_MS;
    assert.equal(await services.sessions.resolve(token), null);
    services.close();
  });

  test('a session unused past the idle timeout ends, and its row goes', async () => {
    const { services, clock } = freshServices();
    const member = await services.members.add({ email: 'li@bureau.example', role: 'curator', passwordHash: STORED_HASH });
    const { token } = await services.sessions.create(member.id);
    clock.nowMs += SESSION_IDLE_TIMEOUT_MS - 1;
    assert.notEqual(await services.sessions.resolve(token), null);
    clock.nowMs += SESSION_IDLE_TIMEOUT_MS;
    assert.equal(await services.sessions.resolve(token), null);
    assert.equal(services.db.db.prepare('SELECT COUNT(*) FROM staff_sessions').pluck().get(), 0);
    services.close();
  });

  test('logout ends one session; revoke ends them all; removing the member ends theirs', async () => {
    const { services } = freshServices();
    const li = await services.members.add({ email: 'li@bureau.example', role: 'curator', passwordHash: STORED_HASH });
    await services.members.add({ email: 'admin@bureau.example', role: 'admin', passwordHash: STORED_HASH });
    const first = await services.sessions.create(li.id);
    const second = await services.sessions.create(li.id);
    const third = await services.sessions.create(li.id);

    await services.sessions.delete(first.session.sessionId);
    assert.equal(await services.sessions.resolve(first.token), null);
    assert.notEqual(await services.sessions.resolve(second.token), null);

    assert.equal(await services.sessions.deleteAllFor(li.id), 2);
    assert.equal(await services.sessions.resolve(second.token), null);
    assert.equal(await services.sessions.resolve(third.token), null);

    const fourth = await services.sessions.create(li.id);
    assert.equal(await services.members.remove(li.id), true);
    assert.equal(await services.sessions.resolve(fourth.token), null);
    services.close();
  });

  test('the last admin cannot be removed', async () => {
    const { services } = freshServices();
    const admin = await services.members.add({ email: 'admin@bureau.example', role: 'admin', passwordHash: STORED_HASH });
    await assert.rejects(services.members.remove(admin.id), { name: 'ConflictError' });
    assert.notEqual(await services.members.getById(admin.id), null);
    services.close();
  });
});

describe('requireStaff', () => {
  test('401 without a valid session, 403 for a curator on admin work, the session otherwise', async () => {
    const { services, clock } = freshServices();
    const curator = await services.members.add({ email: 'li@bureau.example', role: 'curator', passwordHash: STORED_HASH });
    const admin = await services.members.add({ email: 'admin@bureau.example', role: 'admin', passwordHash: STORED_HASH });
    const curatorToken = (await services.sessions.create(curator.id)).token;
    const adminToken = (await services.sessions.create(admin.id)).token;

    await assert.rejects(requireStaff(new Request('http://studio.example/'), 'curator', services), { status: 401 });
    await assert.rejects(requireStaff(cookieRequest(generateSecretToken()), 'curator', services), { status: 401 });
    await assert.rejects(requireStaff(cookieRequest(curatorToken), 'admin', services), { status: 403 });
    assert.equal((await requireStaff(cookieRequest(curatorToken), 'curator', services)).staff.email, 'li@bureau.example');
    assert.equal((await requireStaff(cookieRequest(adminToken), 'curator', services)).staff.role, 'admin');
    // The HTTP cookie name is not honoured over HTTPS.
    const plainOverHttps = new Request('https://studio.example/', { headers: { cookie: `yunshan_studio=${adminToken}` } });
    await assert.rejects(requireStaff(plainOverHttps, 'curator', services), { status: 401 });

    clock.nowMs += SESSION_IDLE_TIMEOUT_MS;
    await assert.rejects(requireStaff(cookieRequest(adminToken), 'curator', services), { status: 401 });
    services.close();
  });
});
