// The pure rules behind the HTTP segment URLs: byte ranges (RFC 9110 §14), entity-tag
// comparison for If-None-Match and If-Range, and the CORS headers for the site's origins.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contentRange, parseByteRange, unsatisfiedContentRange } from '@/server/http/byte-range';
import { corsHeaders, preflightHeaders } from '@/server/http/cors-policy';
import { ifNoneMatchMatches, ifRangeAllows, strongEtag } from '@/server/http/entity-tag';

describe('parseByteRange', () => {
  test('no header, several ranges or a malformed one: the whole body', () => {
    for (const header of [undefined, 'bytes=0-1,4-5', 'bytes=', 'bytes=-', 'items=0-1', 'bytes=a-b', 'bytes=5-2', 'bytes=1-2-3']) {
      assert.deepEqual(parseByteRange(header, 100), { kind: 'whole' }, String(header));
    }
  });

  test('first-last, open-ended and suffix ranges, clamped to the body', () => {
    assert.deepEqual(parseByteRange('bytes=0-9', 100), { kind: 'partial', start: 0, end: 9 });
    assert.deepEqual(parseByteRange('Bytes = 10-', 100), { kind: 'partial', start: 10, end: 99 });
    assert.deepEqual(parseByteRange('bytes=90-500', 100), { kind: 'partial', start: 90, end: 99 });
    assert.deepEqual(parseByteRange('bytes=-10', 100), { kind: 'partial', start: 90, end: 99 });
    assert.deepEqual(parseByteRange('bytes=-500', 100), { kind: 'partial', start: 0, end: 99 });
    assert.deepEqual(parseByteRange('bytes=99-99', 100), { kind: 'partial', start: 99, end: 99 });
  });

  test('a range past the end, a zero-length suffix, or any range of an empty body: unsatisfiable', () => {
    assert.deepEqual(parseByteRange('bytes=100-', 100), { kind: 'unsatisfiable' });
    assert.deepEqual(parseByteRange('bytes=200-300', 100), { kind: 'unsatisfiable' });
    assert.deepEqual(parseByteRange('bytes=-0', 100), { kind: 'unsatisfiable' });
    assert.deepEqual(parseByteRange('bytes=-5', 0), { kind: 'unsatisfiable' });
  });

  test('Content-Range values', () => {
    assert.equal(contentRange(0, 9, 100), 'bytes 0-9/100');
    assert.equal(unsatisfiedContentRange(100), 'bytes */100');
  });
});

describe('entity tags', () => {
  const hash = 'a'.repeat(64);
  const etag = strongEtag(hash);

  test('the strong ETag is the SHA-256, quoted', () => {
    assert.equal(etag, `"${hash}"`);
  });

  test('If-None-Match compares weakly, in a list, and "*" matches', () => {
    assert.equal(ifNoneMatchMatches(undefined, etag), false);
    assert.equal(ifNoneMatchMatches(etag, etag), true);
    assert.equal(ifNoneMatchMatches(`W/${etag}`, etag), true);
    assert.equal(ifNoneMatchMatches(`"other", ${etag}`, etag), true);
    assert.equal(ifNoneMatchMatches('*', etag), true);
    assert.equal(ifNoneMatchMatches('"other"', etag), false);
    assert.equal(ifNoneMatchMatches(hash, etag), false, 'unquoted is another tag');
  });

  test('If-Range compares strongly; a weak tag or a date never allows the range', () => {
    assert.equal(ifRangeAllows(undefined, etag), true);
    assert.equal(ifRangeAllows(` ${etag} `, etag), true);
    assert.equal(ifRangeAllows(`W/${etag}`, etag), false);
    assert.equal(ifRangeAllows('"other"', etag), false);
    assert.equal(ifRangeAllows('Wed, 21 Oct 2015 07:28:00 GMT', etag), false);
  });
});

describe('CORS for the site origins', () => {
  const site = ['https://yunshan.example', 'http://localhost:3000'];

  test('an allowed origin is echoed with the readable headers, and the answer varies by Origin', () => {
    const headers = corsHeaders('https://yunshan.example', site);
    assert.equal(headers['Access-Control-Allow-Origin'], 'https://yunshan.example');
    assert.match(headers['Access-Control-Expose-Headers'], /ETag/);
    assert.match(headers['Access-Control-Expose-Headers'], /Content-Range/);
    assert.equal(headers.Vary, 'Origin');
  });

  test('another origin, or none, gets no allow header but still Vary, so a shared cache keeps them apart', () => {
    assert.deepEqual(corsHeaders('https://evil.example', site), { Vary: 'Origin' });
    assert.deepEqual(corsHeaders(undefined, site), { Vary: 'Origin' });
  });

  test('"*" allows every origin with one cacheable answer', () => {
    const headers = corsHeaders('https://anyone.example', ['*']);
    assert.equal(headers['Access-Control-Allow-Origin'], '*');
    assert.equal(headers.Vary, undefined);
  });

  test('a preflight from an allowed origin may send Range and the conditional headers; others get nothing to act on', () => {
    const allowed = preflightHeaders('http://localhost:3000', site);
    assert.match(allowed['Access-Control-Allow-Headers'], /Range/);
    assert.match(allowed['Access-Control-Allow-Headers'], /If-None-Match/);
    assert.match(allowed['Access-Control-Allow-Methods'], /GET/);
    assert.deepEqual(preflightHeaders('https://evil.example', site), { Vary: 'Origin' });
  });
});
