// Choosing the cloud path: `?render=`, the render server's public URL as the browser
// reaches it, and the bake progress a viewer sees for a route not baked yet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRenderPath, publicRenderUrl } from '@/components/player/cloud/render-path';
import { summarizeBakeProgress } from '@/components/player/cloud/bake-progress';
import type { NotBakedMessage } from '@/scenes/protocol/server-messages';

test('?render= picks the render path; anything else leaves the choice to the player', () => {
  assert.equal(parseRenderPath('cloud'), 'cloud');
  assert.equal(parseRenderPath(' LOCAL '), 'local');
  assert.equal(parseRenderPath(['cloud', 'local']), 'cloud');
  assert.equal(parseRenderPath('gpu'), null);
  assert.equal(parseRenderPath(undefined), null);
});

test('the render server URL: configured, else the page host on port 3001', () => {
  assert.equal(publicRenderUrl('https://render.example.org/', 'www.example.org'), 'https://render.example.org');
  assert.equal(publicRenderUrl(undefined, '192.168.1.20:3000'), 'http://192.168.1.20:3001');
  assert.equal(publicRenderUrl('  ', 'yunshan.example:8080', 'https'), 'https://yunshan.example:3001');
  assert.equal(publicRenderUrl(undefined, '[::1]:3000'), 'http://[::1]:3001');
  assert.equal(publicRenderUrl(undefined, null), 'http://localhost:3001');
  assert.equal(
    publicRenderUrl(undefined, 'evil.example/<script>'),
    'http://localhost:3001',
    'a hostile Host header never reaches the page',
  );
});

function notBaked(profiles: NotBakedMessage['profiles']): NotBakedMessage {
  return { routeId: 'some-route', revision: 2, profiles };
}

test('bake progress follows the profile this browser would stream first', () => {
  const message = notBaked([
    { profileId: '360p', status: 'running', framesDone: 300, framesTotal: 601 },
    { profileId: '360p-jpeg', status: 'queued', framesDone: 0, framesTotal: 601 },
  ]);
  assert.deepEqual(summarizeBakeProgress(message, true), { status: 'baking', percent: 49 });
  assert.deepEqual(summarizeBakeProgress(message, false), { status: 'queued', percent: 0 });
  assert.deepEqual(summarizeBakeProgress(notBaked([{ profileId: '360p', status: 'running', framesDone: 601, framesTotal: 601 }]), true), {
    status: 'baking',
    percent: 99,
  });
  assert.deepEqual(summarizeBakeProgress(notBaked([{ profileId: '360p', status: 'failed', framesDone: 10, framesTotal: 601 }]), true), {
    status: 'failed',
    percent: 0,
  });
  assert.deepEqual(summarizeBakeProgress(notBaked([{ profileId: '360p', status: 'missing', framesDone: 0, framesTotal: 601 }]), true), {
    status: 'not-scheduled',
    percent: 0,
  });
});
