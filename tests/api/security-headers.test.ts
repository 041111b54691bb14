// Security headers over HTTP of the real production server: every page and API answer
// carries the frame, sniffing, referrer and permissions headers and a Content-Security-
// Policy with a fresh nonce that Next writes onto the page's own scripts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';

let tempDir: string;
let server: RunningNextServer;

before(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-security-headers-'));
  server = await startNextServer({ dbPath: path.join(tempDir, 'yunshan.sqlite') });
});
after(async () => {
  await server?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

const PATHS = () => ['/', `/tours/${CURATED_ROUTES[0].id}`, '/studio/login', '/studio', '/api/routes'];

function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([directiveName]) => directiveName === name);
  return found?.slice(1) ?? [];
}

describe('every answer', () => {
  test('forbids framing and sniffing, limits referrers and powerful features', async () => {
    for (const pathname of PATHS()) {
      const response = await fetch(`${server.baseUrl}${pathname}`, { redirect: 'manual' });
      await response.body?.cancel();
      assert.ok(response.status < 500, `${pathname}: ${response.status}`);
      const headers = response.headers;
      assert.equal(headers.get('x-frame-options'), 'DENY', pathname);
      assert.equal(headers.get('x-content-type-options'), 'nosniff', pathname);
      assert.equal(headers.get('referrer-policy'), 'strict-origin-when-cross-origin', pathname);
      const permissions = headers.get('permissions-policy') ?? '';
      for (const allowed of ['fullscreen=(self)', 'gyroscope=(self)', 'accelerometer=(self)'])
        assert.ok(permissions.includes(allowed), `${pathname}: ${permissions}`);
      for (const denied of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()'])
        assert.ok(permissions.includes(denied), `${pathname}: ${permissions}`);
      const policy = headers.get('content-security-policy') ?? '';
      assert.deepEqual(directive(policy, 'frame-ancestors'), ["'none'"], `${pathname}: ${policy}`);
      assert.deepEqual(directive(policy, 'object-src'), ["'none'"], pathname);
      assert.ok(!directive(policy, 'script-src').includes("'unsafe-inline'"), `${pathname}: inline scripts allowed`);
    }
  });

  test('the setup page, whose URL holds the one-time token, sends no referrer at all', async () => {
    const response = await fetch(`${server.baseUrl}/studio/setup?token=${'x'.repeat(43)}`);
    await response.body?.cancel();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  });
});

describe('the Content-Security-Policy', () => {
  test('has a fresh nonce per page, and every script Next writes carries it', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${server.baseUrl}/tours/${CURATED_ROUTES[0].id}`);
      const html = await response.text();
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
      assert.ok(nonce, 'no nonce in the policy');
      nonces.add(nonce);
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
      assert.ok(scripts.length > 0, 'the page has no scripts');
      for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`), `a script without the nonce: ${tag}`);
    }
    assert.equal(nonces.size, 2, 'the nonce was reused');
  });

  test('lets the player reach the render server on the host the page came from, over HTTP and WebSocket', async () => {
    const response = await fetch(`${server.baseUrl}/tours/${CURATED_ROUTES[0].id}`);
    await response.body?.cancel();
    const connect = directive(response.headers.get('content-security-policy') ?? '', 'connect-src');
    const { hostname } = new URL(server.baseUrl);
    assert.ok(connect.includes(`http://${hostname}:3001`), connect.join(' '));
    assert.ok(connect.includes(`ws://${hostname}:3001`), connect.join(' '));
  });
});
