// npm run staff: adding the first admin with a piped password (policy enforced,
// nothing stored on refusal), listing, revoking sessions and removing, on a real file.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStaffServices } from '@/server/staff/staff-services';
import { verifyPassword } from '@/server/staff/password-hash';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-staff-cli-'));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));
const dbPath = path.join(tempRoot, 'yunshan.sqlite');

function staffCli(args: string[], stdin = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/staff.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, YUNSHAN_DB_PATH: dbPath },
    input: stdin,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('add, list, revoke and remove staff from the command line', async () => {
  const weak = staffCli(['add', 'Admin@Bureau.example', '--role', 'admin'], 'Sunshine2024!\n');
  assert.equal(weak.status, 1);
  assert.match(weak.stderr, /too common/);

  const noPassword = staffCli(['add', 'admin@bureau.example', '--role', 'admin'], '');
  assert.equal(noPassword.status, 2);
  const badRole = staffCli(['add', 'admin@bureau.example', '--role', 'owner'], 'misty pillars at dawn 47\n');
  assert.equal(badRole.status, 2);

  const added = staffCli(['add', ' Admin@Bureau.example ', '--role', 'admin', '--name', 'Chen Admin'], 'misty pillars at dawn 47\n');
  assert.equal(added.status, 0, added.stderr);
  assert.match(added.stdout, /Added admin admin@bureau\.example/);

  const services = openStaffServices(dbPath);
  try {
    const credentials = await services.members.credentialsByEmail('admin@bureau.example');
    assert.ok(credentials);
    assert.equal(credentials.member.role, 'admin');
    assert.equal(await verifyPassword(credentials.passwordHash, 'misty pillars at dawn 47'), true);
    await services.sessions.create(credentials.member.id);
    await services.sessions.create(credentials.member.id);
  } finally {
    services.close();
  }

  const listed = staffCli(['list']);
  assert.equal(listed.status, 0);
  assert.match(listed.stdout, /admin\s+admin@bureau\.example\s+Chen Admin\s+\(2 active sessions/);

  const revoked = staffCli(['revoke', 'admin@bureau.example']);
  assert.match(revoked.stdout, /Ended 2 session/);

  const lastAdmin = staffCli(['remove', 'admin@bureau.example']);
  assert.equal(lastAdmin.status, 1);
  assert.match(lastAdmin.stderr, /only admin/);

  assert.equal(staffCli(['add', 'li@bureau.example', '--role', 'curator'], 'stone forest after rain 3\n').status, 0);
  assert.equal(staffCli(['remove', 'li@bureau.example']).status, 0);
  assert.doesNotMatch(staffCli(['list']).stdout, /li@bureau/);
});
