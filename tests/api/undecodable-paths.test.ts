// Paths whose percent-encoding does not decode, over HTTP of the real production server:
// a 400 that says so, on pages and API routes alike, never a 500.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';

let tempDir: string;
let server: RunningNextServer;

before(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-undecodable-'));
  server = await startNextServer({ dbPath: path.join(tempDir, 'yunshan.sqlite') });
});
after(async () => {
  await server?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

test('a broken percent-encoding is a 400, on pages and API routes', async () => {
  for (const pathname of ['/tours/%E0%A4%A', '/api/routes/%ZZ', '/api/routes/%E0%A4%A', '/studio/routes/%', '/%C0']) {
    const response = await fetch(`${server.baseUrl}${pathname}`);
    const body = await response.text();
    assert.equal(response.status, 400, `${pathname}: ${response.status} ${body.slice(0, 200)}`);
    assert.match(body, /percent-encoding/, pathname);
  }
});

test('a well-formed encoding still reaches its route', async () => {
  const response = await fetch(`${server.baseUrl}/api/routes/no-such-%72oute`);
  const body = await response.text();
  assert.equal(response.status, 404, body);
  assert.doesNotMatch(body, /percent-encoding/);
});
