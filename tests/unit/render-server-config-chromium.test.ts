// Which Chromium the render server launches: the variable its own error message names
// (YUNSHAN_CHROMIUM_PATH) must reach the renderer pool, ahead of the generic CHROMIUM_PATH.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRenderServerConfig } from '@/server/render-server-config';
import { ChromiumMissingError } from '@/server/render/renderer-errors';

const chromiumPath = (env: Record<string, string>) => loadRenderServerConfig(env, '/srv/yunshan').chromiumPath;

test('YUNSHAN_CHROMIUM_PATH is used', () => {
  assert.equal(chromiumPath({ YUNSHAN_CHROMIUM_PATH: '/opt/chrome/chrome' }), '/opt/chrome/chrome');
});

test('YUNSHAN_CHROMIUM_PATH wins over CHROMIUM_PATH', () => {
  assert.equal(
    chromiumPath({ YUNSHAN_CHROMIUM_PATH: '/opt/chrome/chrome', CHROMIUM_PATH: '/usr/lib/chromium/chromium' }),
    '/opt/chrome/chrome',
  );
});

test('CHROMIUM_PATH still works alone', () => {
  assert.equal(chromiumPath({ CHROMIUM_PATH: '/usr/lib/chromium/chromium' }), '/usr/lib/chromium/chromium');
});

test("Debian's chromium when neither is set", () => {
  assert.equal(chromiumPath({}), '/usr/bin/chromium');
});

test('an empty path is a configuration error, not a silent default', () => {
  assert.throws(() => chromiumPath({ YUNSHAN_CHROMIUM_PATH: '' }), /YUNSHAN_CHROMIUM_PATH/);
});

test('the missing-Chromium message names the variable the config reads first', () => {
  const message = new ChromiumMissingError('/nonexistent/chromium').message;
  const named = /point (\w+) at a Chromium binary/.exec(message)?.[1];
  assert.equal(named, 'YUNSHAN_CHROMIUM_PATH');
  assert.ok(named);
  assert.equal(chromiumPath({ [named]: '/from/the/message' }), '/from/the/message');
});
