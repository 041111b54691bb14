// The staff stores' contract on one engine: accounts (a taken email is a 409, the last admin
// stays), sessions (idle expiry slides up to the absolute one, logout, revoke, removal),
// login throttling (also when guesses arrive at once on two instances), the one-time setup
// link (spent once, by one of two racing instances), and signing in end to end.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SqlClient } from '@/server/db/sql-client';
import { ConflictError } from '@/server/errors';
import { createFirstAdmin } from '@/server/staff/first-admin-setup';
import { ACCOUNT_THROTTLE } from '@/server/staff/login-throttle';
import { hashPassword } from '@/server/staff/password-hash';
import { SESSION_ABSOLUTE_LIFETIME_MS, SESSION_IDLE_TIMEOUT_MS } from '@/server/staff/session-store';
import { SETUP_TOKEN_LIFETIME_MS } from '@/server/staff/setup-token-store';
import { createStaffServices, type StaffServices } from '@/server/staff/staff-services';
import { signIn } from '@/server/staff/staff-login';
import type { EngineUnderTest } from './engine-under-test';

// Sessions and accounts do not care how the hash was made; a fixed PHC string keeps these tests fast.
const STORED_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

interface Instances {
  /** One StaffServices per client (instance), all on one database and one moved clock. */
  services: StaffServices[];
  clock: { nowMs: number };
}

async function withInstances(engine: EngineUnderTest, count: number, work: (instances: Instances) => Promise<void>): Promise<void> {
  const database = await engine.freshDatabase();
  const clock = { nowMs: Date.UTC(2031, 4, 1, 8) };
  const clients: SqlClient[] = [];
  try {
    for (let i = 0; i < count; i++) clients.push(await database.connect());
    await work({ services: clients.map((client) => createStaffServices(client, () => clock.nowMs)), clock });
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}

const member = (services: StaffServices, email: string, role: 'curator' | 'admin' = 'curator') =>
  services.members.add({ email, role, passwordHash: STORED_HASH });

export function describeStaffStoreContract(engine: EngineUnderTest): void {
  describe(`staff stores on ${engine.name}`, () => {
    test('accounts: a taken email is a 409, listing is by email with live session counts, the last admin stays', async () => {
      await withInstances(engine, 1, async ({ services: [staff] }) => {
        const zhao = await member(staff, 'zhao@bureau.example', 'admin');
        const li = await member(staff, 'li@bureau.example');
        await assert.rejects(member(staff, 'li@bureau.example'), (error) => error instanceof ConflictError && error.status === 409);
        assert.deepEqual(await staff.members.getByEmail('li@bureau.example'), li);
        assert.deepEqual((await staff.members.credentialsByEmail('zhao@bureau.example'))?.passwordHash, STORED_HASH);
        await staff.sessions.create(li.id);
        await staff.sessions.create(li.id);
        assert.deepEqual(
          (await staff.members.list(staff.nowMs())).map((row) => [row.email, row.role, row.activeSessionCount]),
          [
            ['li@bureau.example', 'curator', 2],
            ['zhao@bureau.example', 'admin', 0],
          ],
        );
        assert.equal(await staff.members.countAdmins(), 1);
        await assert.rejects(staff.members.remove(zhao.id), ConflictError);
        assert.equal(await staff.members.remove(li.id), true);
        assert.equal(await staff.members.remove(li.id), false);
        assert.equal(await staff.members.getById(li.id), null);
      });
    });

    test('sessions: idle expiry slides with use up to the absolute lifetime; logout, revoke and removal end them', async () => {
      await withInstances(engine, 1, async ({ services: [staff], clock }) => {
        const li = await member(staff, 'li@bureau.example');
        const { token, session } = await staff.sessions.create(li.id);
        assert.equal((await staff.sessions.resolve(token))?.staff.email, 'li@bureau.example');
        const start = clock.nowMs;
        const step = SESSION_IDLE_TIMEOUT_MS * (2 / 3);
        while (clock.nowMs + step < start + SESSION_ABSOLUTE_LIFETIME_MS) {
          clock.nowMs += step;
          assert.notEqual(await staff.sessions.resolve(token), null, `ended early at +${(clock.nowMs - start) / 60000} min`);
        }
        clock.nowMs = start + SESSION_ABSOLUTE_LIFETIME_MS;
        assert.equal(await staff.sessions.resolve(token), null);
        assert.equal(session.staff.id, li.id);

        const unused = await staff.sessions.create(li.id);
        clock.nowMs += SESSION_IDLE_TIMEOUT_MS;
        assert.equal(await staff.sessions.resolve(unused.token), null, 'an idle session lived on');

        const [first, second, third] = [
          await staff.sessions.create(li.id),
          await staff.sessions.create(li.id),
          await staff.sessions.create(li.id),
        ];
        await staff.sessions.delete(first.session.sessionId);
        assert.equal(await staff.sessions.resolve(first.token), null);
        assert.equal(await staff.sessions.deleteAllFor(li.id), 2);
        assert.equal(await staff.sessions.resolve(second.token), null);
        assert.equal(await staff.sessions.resolve(third.token), null);

        const fourth = await staff.sessions.create(li.id);
        const stale = await staff.sessions.create(li.id);
        clock.nowMs += SESSION_IDLE_TIMEOUT_MS - 1;
        assert.notEqual(await staff.sessions.resolve(fourth.token), null);
        clock.nowMs += 2;
        assert.equal(await staff.sessions.deleteExpired(), 1, 'only the session left unused expired');
        await staff.members.remove(li.id);
        assert.equal(await staff.sessions.resolve(fourth.token), null, 'a removed member kept a session');
        assert.equal(await staff.sessions.resolve(stale.token), null);
      });
    });

    test('throttling: the sixth failure waits, a success restarts the pair, and guesses at once on two instances meet the same limit', async () => {
      await withInstances(engine, 2, async ({ services: [here, there], clock }) => {
        for (let i = 0; i < ACCOUNT_THROTTLE.freeFailures; i++)
          assert.ok((await here.throttle.begin('li@bureau.example', '10.0.0.1')).allowed);
        assert.deepEqual(await there.throttle.begin('li@bureau.example', '10.0.0.1'), { allowed: false, retryAfterMs: 2000 });
        assert.ok((await there.throttle.begin('li@bureau.example', '10.0.0.2')).allowed, 'the owner elsewhere was locked out');
        clock.nowMs += 2000;
        const success = await here.throttle.begin('li@bureau.example', '10.0.0.1');
        assert.ok(success.allowed);
        await here.throttle.succeed(success.attemptId);
        assert.ok((await there.throttle.begin('li@bureau.example', '10.0.0.1')).allowed, 'a success did not restart the count');

        const guesses = await Promise.all(
          Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? here : there).throttle.begin('wang@bureau.example', '203.0.113.7')),
        );
        assert.equal(
          guesses.filter((decision) => decision.allowed).length,
          ACCOUNT_THROTTLE.freeFailures,
          'parallel guesses slipped past the check',
        );
      });
    });

    test('the setup link: only the latest works, once, before it expires; two instances racing with it make one admin', async () => {
      await withInstances(engine, 2, async ({ services: [here, there], clock }) => {
        const older = await here.setupTokens.issue();
        const latest = await here.setupTokens.issue();
        assert.equal(latest.expiresAtMs, clock.nowMs + SETUP_TOKEN_LIFETIME_MS);
        assert.equal(await there.setupTokens.isLive(older.token), false);
        assert.equal(await there.setupTokens.isLive(latest.token), true);

        const password = 'cloud sea over wulingyuan 8';
        const outcomes = await Promise.allSettled([
          createFirstAdmin(here, { token: latest.token, email: 'first@bureau.example', password }),
          createFirstAdmin(there, { token: latest.token, email: 'second@bureau.example', password }),
        ]);
        assert.deepEqual(outcomes.map((outcome) => outcome.status).sort(), ['fulfilled', 'rejected']);
        assert.equal(await here.members.countAdmins(), 1);
        assert.equal(await there.setupTokens.spend(latest.token), false, 'the link worked twice');

        const expiring = await here.setupTokens.issue();
        clock.nowMs += SETUP_TOKEN_LIFETIME_MS;
        assert.equal(await here.setupTokens.spend(expiring.token), false);
      });
    });

    test('signing in: a wrong password and an unknown email are the same "invalid"; the right one opens a session', async () => {
      await withInstances(engine, 1, async ({ services: [staff] }) => {
        await staff.members.add({
          email: 'li@bureau.example',
          role: 'curator',
          passwordHash: await hashPassword('mist over the pillars 81'),
        });
        const attempt = { clientAddress: '10.0.0.9' };
        assert.deepEqual(await signIn(staff, { ...attempt, email: 'li@bureau.example', password: 'wrong password here 1' }), {
          kind: 'invalid',
        });
        assert.deepEqual(await signIn(staff, { ...attempt, email: 'nobody@bureau.example', password: 'mist over the pillars 81' }), {
          kind: 'invalid',
        });
        const result = await signIn(staff, { ...attempt, email: ' LI@bureau.example ', password: 'mist over the pillars 81' });
        assert.equal(result.kind, 'signed_in');
        assert.equal((await staff.sessions.resolve(result.kind === 'signed_in' ? result.token : ''))?.staff.email, 'li@bureau.example');
      });
    });
  });
}
