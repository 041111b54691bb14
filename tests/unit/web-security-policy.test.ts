// The pure pieces of proxy.ts: the Content-Security-Policy built per request and the
// check for paths whose percent-encoding does not decode.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, renderNodeUrlList, renderServerOrigins } from '@/server/web/content-security-policy';
import { isUndecodablePath } from '@/server/web/undecodable-path';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );

describe('contentSecurityPolicy', () => {
  test('scripts only with the nonce, no inline or eval in production; no framing, plugins or foreign forms', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123', renderServerUrl: 'http://tours.example:3001' }));
    assert.deepEqual(policy.get('script-src'), ["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    assert.deepEqual(policy.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(policy.get('object-src'), ["'none'"]);
    assert.deepEqual(policy.get('form-action'), ["'self'"]);
    assert.deepEqual(policy.get('base-uri'), ["'self'"]);
    for (const source of ['blob:', 'data:']) assert.ok(policy.get('img-src')?.includes(source));
    assert.ok(
      policy.get('img-src')?.some((source) => /^https?:\/\//.test(source)),
      'baked posters load from the render server',
    );
    assert.ok(!policy.get('img-src')?.some((source) => source.startsWith('ws')), 'no socket origin among image sources');
    assert.ok(policy.get('worker-src')?.includes('blob:'));
  });

  test('lets the page reach the render server over HTTP and WebSocket, and nothing else foreign', () => {
    const plain = directives(contentSecurityPolicy({ nonce: 'n', renderServerUrl: 'http://tours.example:3001' }));
    assert.deepEqual(plain.get('connect-src'), ["'self'", 'http://tours.example:3001', 'ws://tours.example:3001']);
    const secure = directives(contentSecurityPolicy({ nonce: 'n', renderServerUrl: 'https://render.example/' }));
    assert.deepEqual(secure.get('connect-src'), ["'self'", 'https://render.example', 'wss://render.example']);
  });

  test('a CDN for baked segments (YUNSHAN_PUBLIC_SEGMENT_URL) may be fetched from, over HTTP(S) only', () => {
    const policy = directives(
      contentSecurityPolicy({ nonce: 'n', renderServerUrl: 'https://render.example', segmentUrl: 'https://frames.example.com/' }),
    );
    assert.deepEqual(policy.get('connect-src'), ["'self'", 'https://render.example', 'wss://render.example', 'https://frames.example.com']);
  });

  test('every render node (YUNSHAN_RENDER_NODE_URLS) is reachable: the registry may hand any, a drain may move to any', () => {
    const renderNodeUrls = renderNodeUrlList(' https://render-a.example, https://render-a.example https://*.nodes.example:8443 \n');
    assert.deepEqual(renderNodeUrls, ['https://render-a.example', 'https://render-a.example', 'https://*.nodes.example:8443']);
    const policy = directives(contentSecurityPolicy({ nonce: 'n', renderServerUrl: 'https://render-a.example/', renderNodeUrls }));
    assert.deepEqual(policy.get('connect-src'), [
      "'self'",
      'https://render-a.example',
      'wss://render-a.example',
      'https://*.nodes.example:8443',
      'wss://*.nodes.example:8443',
    ]);
    assert.deepEqual(renderNodeUrlList(undefined), []);
  });

  test('development adds eval for React only there', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'n', renderServerUrl: 'http://a.example:3001', development: true }));
    assert.ok(policy.get('script-src')?.includes("'unsafe-eval'"));
  });

  test('a render URL that is not http(s) adds no source', () => {
    assert.deepEqual(renderServerOrigins('not a url'), []);
    assert.deepEqual(renderServerOrigins('javascript:alert(1)'), []);
    assert.deepEqual(renderServerOrigins("http://a.example:3001'; script-src *"), []);
    assert.deepEqual(renderServerOrigins('https://a.example;script-src'), [], 'the URL parser keeps the semicolon: refused here');
    assert.deepEqual(renderServerOrigins('http://[::1]:3001'), ['http://[::1]:3001', 'ws://[::1]:3001']);
  });
});

describe('isUndecodablePath', () => {
  test('broken percent-encodings are undecodable; well-formed ones and plain paths are not', () => {
    for (const path of ['/tours/%E0%A4%A', '/api/routes/%ZZ', '/%', '/%C0', '/a%2']) assert.equal(isUndecodablePath(path), true, path);
    for (const path of ['/', '/tours/tianzi-dawn', '/api/routes/%E4%BA%91', '/a%20b']) assert.equal(isUndecodablePath(path), false, path);
  });
});
