// Login throttling (the delay schedule, per account and per address, on a real
// SQLite file with a moved clock) and the same-origin check for studio writes.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  createLoginThrottle,
  throttleDelayMs,
  type LoginThrottle,
} from '@/server/staff/login-throttle';
import { openDatabase } from '@/server/db/database';
import { createSqliteSqlClient } from '@/server/db/sqlite-sql-client';
import { assertSameOrigin } from '@/server/staff/same-origin';
import { clientAddressOf, trustedProxyHopsFromEnv } from '@/server/staff/client-address';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-staff-throttle-'));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));
let fileCount = 0;

function freshThrottle(): { throttle: LoginThrottle; clock: { nowMs: number }; close: () => void } {
  const clock = { nowMs: Date.UTC(2026, 4, 1, 8) };
  const db = openDatabase(path.join(tempRoot, `throttle-${++fileCount}.sqlite`));
  return { throttle: createLoginThrottle(createSqliteSqlClient(db), () => clock.nowMs), clock, close: () => db.close() };
}

async function failTimes(throttle: LoginThrottle, count: number, email: string, address: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const decision = await throttle.begin(email, address);
    assert.equal(decision.allowed, true, `attempt ${i + 1} was throttled`);
  }
}

describe('throttleDelayMs', () => {
  test('free failures cost nothing, then the delay doubles up to the cap', () => {
    const delays = Array.from({ length: 30 }, (_, failures) => throttleDelayMs(failures, ACCOUNT_THROTTLE));
    assert.deepEqual(delays.slice(0, 5), [0, 0, 0, 0, 0]);
    assert.deepEqual(delays.slice(5, 9), [2000, 4000, 8000, 16000]);
    for (let i = 6; i < delays.length; i++) assert.ok(delays[i] >= delays[i - 1]);
    assert.equal(delays.at(-1), ACCOUNT_THROTTLE.maxDelayMs);
    assert.equal(throttleDelayMs(1e9, ADDRESS_THROTTLE), ADDRESS_THROTTLE.maxDelayMs);
  });
});

describe('login throttle', () => {
  test('per account at an address: the sixth try from there waits; a success restarts the count', async () => {
    const { throttle, clock, close } = freshThrottle();
    await failTimes(throttle, 5, 'li@bureau.example', '10.0.0.1');
    const blocked = await throttle.begin('li@bureau.example', '10.0.0.1');
    assert.deepEqual(blocked, { allowed: false, retryAfterMs: 2000 });
    assert.equal((await throttle.begin('other@bureau.example', '10.0.0.1')).allowed, true, 'another account was throttled');

    clock.nowMs += 2000;
    const allowed = await throttle.begin('li@bureau.example', '10.0.0.1');
    assert.equal(allowed.allowed, true);
    assert.deepEqual(await throttle.begin('li@bureau.example', '10.0.0.1'), { allowed: false, retryAfterMs: 4000 });

    clock.nowMs += 4000;
    const success = await throttle.begin('li@bureau.example', '10.0.0.1');
    assert.ok(success.allowed);
    await throttle.succeed(success.attemptId);
    await failTimes(throttle, 5, 'li@bureau.example', '10.0.0.1');
    close();
  });

  test("failures from one address never lock the account's owner out at another", async () => {
    const { throttle, close } = freshThrottle();
    await failTimes(throttle, 5, 'li@bureau.example', '203.0.113.7');
    assert.equal((await throttle.begin('li@bureau.example', '203.0.113.7')).allowed, false);
    const owner = await throttle.begin('li@bureau.example', '10.0.0.1');
    assert.ok(owner.allowed, 'the owner at their own address was throttled by a stranger');
    await throttle.succeed(owner.attemptId);
    assert.equal((await throttle.begin('li@bureau.example', '203.0.113.7')).allowed, false, "the owner's success freed the stranger");
    close();
  });

  test('per address: many accounts from one address are throttled together, other addresses are not', async () => {
    const { throttle, close } = freshThrottle();
    for (let i = 0; i < ADDRESS_THROTTLE.freeFailures; i++) await failTimes(throttle, 1, `guess${i}@bureau.example`, '203.0.113.7');
    const blocked = await throttle.begin('fresh@bureau.example', '203.0.113.7');
    assert.equal(blocked.allowed, false);
    assert.equal((await throttle.begin('fresh@bureau.example', '198.51.100.1')).allowed, true);
    close();
  });

  test('failures older than the window are forgotten', async () => {
    const { throttle, clock, close } = freshThrottle();
    await failTimes(throttle, 5, 'li@bureau.example', '10.0.0.1');
    clock.nowMs += ACCOUNT_THROTTLE.windowMs + 1;
    await failTimes(throttle, 5, 'li@bureau.example', '10.0.0.1');
    close();
  });
});

describe('clientAddressOf', () => {
  const withForwardedFor = (value: string, more: Record<string, string> = {}) =>
    new Request('http://a.example/', { headers: { 'x-forwarded-for': value, ...more } });

  test('with no trusted proxy, the peer the web process appended last; what the client wrote is ignored', async () => {
    assert.equal(clientAddressOf(withForwardedFor('6.6.6.6, ::ffff:192.0.2.4'), 0), '192.0.2.4');
    assert.equal(clientAddressOf(withForwardedFor('6.6.6.6, 7.7.7.7, 192.0.2.4', { 'x-real-ip': '8.8.8.8' }), 0), '192.0.2.4');
    assert.equal(clientAddressOf(new Request('http://a.example/', { headers: { 'x-real-ip': '8.8.8.8' } }), 0), 'unknown');
    assert.equal(clientAddressOf(new Request('http://a.example/'), 0), 'unknown');
  });

  test('with trusted proxies, the entry the farthest of them wrote', async () => {
    // client wrote 6.6.6.6; proxy A saw 203.0.113.9; proxy B saw A (10.0.0.2); the web process saw B (10.0.0.3).
    const chain = withForwardedFor('6.6.6.6, 203.0.113.9, 10.0.0.2, 10.0.0.3');
    assert.equal(clientAddressOf(chain, 0), '10.0.0.3');
    assert.equal(clientAddressOf(chain, 1), '10.0.0.2');
    assert.equal(clientAddressOf(chain, 2), '203.0.113.9');
    assert.equal(
      clientAddressOf(withForwardedFor('203.0.113.9, 10.0.0.3'), 2),
      '203.0.113.9',
      'a shorter chain holds only trusted entries',
    );
  });

  test('the number of hops is a setting, 0 by default, and a bad value is refused', async () => {
    assert.equal(trustedProxyHopsFromEnv({}), 0);
    assert.equal(trustedProxyHopsFromEnv({ YUNSHAN_TRUSTED_PROXY_HOPS: '' }), 0);
    assert.equal(trustedProxyHopsFromEnv({ YUNSHAN_TRUSTED_PROXY_HOPS: '2' }), 2);
    for (const bad of ['-1', '1.5', 'two', '99']) {
      assert.throws(() => trustedProxyHopsFromEnv({ YUNSHAN_TRUSTED_PROXY_HOPS: bad }), /YUNSHAN_TRUSTED_PROXY_HOPS/);
    }
  });
});

describe('assertSameOrigin', () => {
  const post = (headers: Record<string, string>, url = 'http://studio.example/api/studio/staff') =>
    new Request(url, { method: 'POST', headers: { host: 'studio.example', ...headers } });

  test('accepts writes whose Origin (or Referer) is the site itself', async () => {
    assert.doesNotThrow(() => assertSameOrigin(post({ origin: 'http://studio.example' }), []));
    assert.doesNotThrow(() => assertSameOrigin(post({ referer: 'http://studio.example/studio/login' }), []));
    assert.doesNotThrow(() => assertSameOrigin(post({ origin: 'https://studio.example', 'x-forwarded-proto': 'https' }), []));
  });

  test('refuses other sites, a missing or null origin, and the wrong scheme', async () => {
    const refused: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      {},
      { referer: 'https://evil.example/studio.example' },
      { origin: 'https://studio.example' },
      { origin: 'http://studio.example.evil.example' },
    ];
    for (const headers of refused) {
      assert.throws(() => assertSameOrigin(post(headers), []), { status: 403 }, JSON.stringify(headers));
    }
  });

  test('accepts the allow-list, and lets safe methods through', async () => {
    assert.doesNotThrow(() => assertSameOrigin(post({ origin: 'https://admin.example' }), ['https://admin.example']));
    assert.doesNotThrow(() => assertSameOrigin(new Request('http://studio.example/', { headers: { origin: 'https://evil.example' } }), []));
    const del = new Request('http://studio.example/x', {
      method: 'DELETE',
      headers: { host: 'studio.example', origin: 'https://evil.example' },
    });
    assert.throws(() => assertSameOrigin(del, []), { status: 403 });
  });
});
