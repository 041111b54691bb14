// The one-time setup link that creates the first admin, over HTTP of the real server:
// it works once, a weak password leaves it usable, it is refused once an admin exists,
// and a stranger without a live link cannot tell whether one does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { issueSetupLinkIfNoAdmin } from '@/server/staff/first-admin-setup';
import { openStaffServices } from '@/server/staff/staff-services';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';

let tempDir: string;
let dbPath: string;
let server: RunningNextServer;

before(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-studio-setup-'));
  dbPath = path.join(tempDir, 'yunshan.sqlite');
  server = await startNextServer({ dbPath });
});
after(async () => {
  await server?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

async function issueToken(): Promise<string> {
  const services = openStaffServices(dbPath);
  try {
    const link = await issueSetupLinkIfNoAdmin(services, server.baseUrl);
    assert.ok(link, 'a link while there is no admin');
    return new URL(link.url).searchParams.get('token') ?? '';
  } finally {
    services.close();
  }
}

const setup = (body: Record<string, unknown>, origin = server.baseUrl) =>
  fetch(`${server.baseUrl}/api/studio/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(body),
  });

test('the CLI prints a setup link only while there is no admin', () => {
  const run = () =>
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/staff.ts', 'setup-link', '--if-no-admin', '--base-url', server.baseUrl], {
      env: { ...process.env, YUNSHAN_DB_PATH: dbPath },
      encoding: 'utf8',
    });
  assert.match(run(), /\/studio\/setup\?token=[A-Za-z0-9_-]+/);
});

/** What a visitor without a live link learns from the endpoint and the page. */
async function strangersView(): Promise<unknown> {
  const stranger = { token: 'y'.repeat(43), email: 'stranger@elsewhere.example', password: 'a long and unusual phrase 71' };
  const answer = await setup(stranger);
  const page = await fetch(`${server.baseUrl}/studio/setup?token=${stranger.token}`);
  const main = /<main[\s\S]*<\/main>/.exec(await page.text())?.[0] ?? '';
  return { status: answer.status, body: await answer.text(), pageStatus: page.status, main };
}

let strangersViewWithoutAdmin: unknown;

test('the link creates the first admin once, signs them in, and never works again', async () => {
  strangersViewWithoutAdmin = await strangersView();
  const token = await issueToken();
  const admin = { token, email: 'first.admin@bureau.example', password: 'cloud sea over wulingyuan 8' };

  const page = await fetch(`${server.baseUrl}/studio/setup?token=${token}`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /name="repeat"/);

  assert.equal((await setup(admin, 'http://evil.example')).status, 403, 'cross-origin refused');
  const weak = await setup({ ...admin, password: 'password1234' });
  assert.equal(weak.status, 400, 'a common password is refused');
  assert.equal((await setup({ ...admin, token: 'x'.repeat(43) })).status, 403, 'a wrong token is refused');

  const created = await setup(admin);
  assert.equal(created.status, 201, 'the weak try did not spend the link');
  const cookie = created.headers.get('set-cookie') ?? '';
  assert.match(cookie, /HttpOnly/i);
  const whoAmI = await fetch(`${server.baseUrl}/api/studio/auth/session`, { headers: { cookie: cookie.split(';')[0] } });
  assert.equal(whoAmI.status, 200);
  assert.equal(((await whoAmI.json()) as { staff: { role: string } }).staff.role, 'admin');

  const again = await setup({ ...admin, email: 'second.admin@bureau.example' });
  assert.equal(again.status, 403, 'the spent link is dead');
  const services = openStaffServices(dbPath);
  try {
    assert.equal(await services.members.countAdmins(), 1);
    assert.equal(await issueSetupLinkIfNoAdmin(services, server.baseUrl), null);
  } finally {
    services.close();
  }
});

test('a stranger gets the same answers whether or not an admin exists', async () => {
  assert.ok(strangersViewWithoutAdmin, 'the first test did not run');
  const services = openStaffServices(dbPath);
  try {
    assert.equal(await services.members.countAdmins(), 1, 'an admin exists for this comparison');
  } finally {
    services.close();
  }
  const withAdmin = await strangersView();
  assert.deepEqual(withAdmin, strangersViewWithoutAdmin);
  assert.equal((withAdmin as { status: number }).status, 403);
});
