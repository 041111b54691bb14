// The one-time first-admin setup token: stored hashed, live until it expires or is
// spent once, and superseded when a newer one is issued.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStaffServices } from '@/server/staff/staff-services';
import { SETUP_TOKEN_LIFETIME_MS } from '@/server/staff/setup-token-store';
import { hashSecretToken } from '@/server/staff/secret-token';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-staff-setup-'));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

test('a setup token works once, before it expires, and only the latest one counts', async () => {
  const clock = { nowMs: Date.UTC(2026, 4, 1) };
  const services = openStaffServices(path.join(tempRoot, 'setup.sqlite'), () => clock.nowMs);
  try {
    const first = await services.setupTokens.issue();
    assert.equal(first.expiresAtMs, clock.nowMs + SETUP_TOKEN_LIFETIME_MS);
    const stored = services.db.db.prepare('SELECT token_sha256 FROM staff_setup_tokens').pluck().all();
    assert.deepEqual(stored, [hashSecretToken(first.token)]);

    const second = await services.setupTokens.issue();
    assert.equal(await services.setupTokens.isLive(first.token), false, 'an older link still works');
    assert.equal(await services.setupTokens.isLive(second.token), true);
    assert.equal(await services.setupTokens.spend(second.token), true);
    assert.equal(await services.setupTokens.spend(second.token), false, 'the link worked twice');

    const third = await services.setupTokens.issue();
    clock.nowMs += SETUP_TOKEN_LIFETIME_MS;
    assert.equal(await services.setupTokens.isLive(third.token), false);
    assert.equal(await services.setupTokens.spend(third.token), false);
    assert.equal(await services.setupTokens.spend('not-a-token'), false);
  } finally {
    services.close();
  }
});
