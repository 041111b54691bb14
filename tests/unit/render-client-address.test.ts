// The render server's judgement of who a client is, behind 0, 1 or 2 trusted reverse proxies.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { clientAddressOf, isLoopbackAddress } from '@/server/http/peer-address';

describe('clientAddressOf', () => {
  test('with no trusted proxy the socket peer is the client, whatever X-Forwarded-For claims', () => {
    assert.equal(clientAddressOf('127.0.0.1', '203.0.113.9', 0), '127.0.0.1');
    assert.equal(clientAddressOf('::ffff:198.51.100.4', '127.0.0.1', 0), '198.51.100.4');
    assert.ok(!isLoopbackAddress(clientAddressOf('198.51.100.4', '127.0.0.1', 0)), 'a stranger cannot claim to be this machine');
  });

  test('behind one proxy the client is the entry that proxy wrote, not what the client wrote before it', () => {
    assert.equal(clientAddressOf('127.0.0.1', '203.0.113.9', 1), '203.0.113.9');
    assert.equal(
      clientAddressOf('127.0.0.1', '127.0.0.1, 203.0.113.9', 1),
      '203.0.113.9',
      'a forged loopback entry to the left is ignored',
    );
    assert.equal(clientAddressOf('127.0.0.1', ['10.0.0.1', '203.0.113.9'], 1), '203.0.113.9', 'repeated headers read as one chain');
  });

  test('behind two proxies the client is two places before the peer', () => {
    assert.equal(clientAddressOf('127.0.0.1', '203.0.113.9, 10.0.0.2', 2), '203.0.113.9');
    assert.equal(clientAddressOf('127.0.0.1', 'forged, 203.0.113.9, 10.0.0.2', 2), '203.0.113.9');
  });

  test('a chain shorter than promised yields its first entry; no header means the peer', () => {
    assert.equal(clientAddressOf('127.0.0.1', '203.0.113.9', 3), '203.0.113.9');
    assert.equal(clientAddressOf('127.0.0.1', undefined, 1), '127.0.0.1');
  });
});
