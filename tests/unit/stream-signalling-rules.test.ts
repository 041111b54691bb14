// The streaming rules that need no network: TURN REST credentials, the token bucket,
// which profiles a viewer may get, and the stream settings read from the environment.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { iceServersFor, isLoopbackHost, mintTurnCredential } from '@/server/stream/ice-servers';
import { TokenBucket } from '@/server/stream/token-bucket';
import { allowedProfiles, chooseProfile } from '@/server/stream/stream-profile-rules';
import { loadRenderServerConfig } from '@/server/render-server-config';
import type { ProfileId } from '@/scenes/protocol/profile-ladder';
import type { StreamCapabilities } from '@/scenes/protocol/client-messages';

const SECRET = 'a-shared-secret-of-some-length';

describe('ICE servers', () => {
  test('TURN credentials follow the REST convention and expire', () => {
    const nowMs = Date.UTC(2026, 0, 1);
    const minted = mintTurnCredential(SECRET, 'session-1', 3600, nowMs);
    assert.equal(minted.username, `${nowMs / 1000 + 3600}:session-1`);
    assert.equal(minted.credential, createHmac('sha1', SECRET).update(minted.username).digest('base64'));
    assert.notEqual(mintTurnCredential(SECRET, 'session-2', 3600, nowMs).credential, minted.credential, 'per session');
    assert.notEqual(mintTurnCredential(SECRET, 'session-1', 3600, nowMs + 1000).username, minted.username, 'per time');
  });

  test('STUN and minted TURN away from loopback; nothing on loopback', () => {
    const settings = {
      stunUrls: ['stun:stun.example.org:3478'],
      turnUrls: ['turn:turn.example.org:3478?transport=udp'],
      turnSecret: SECRET,
      turnTtlS: 600,
      loopbackOnly: false,
    };
    const servers = iceServersFor(settings, 'abc', 0);
    assert.deepEqual(servers[0], { urls: ['stun:stun.example.org:3478'] });
    assert.equal(servers[1].username, '600:abc');
    assert.ok(servers[1].credential && servers[1].credential.length > 0);
    assert.deepEqual(iceServersFor({ ...settings, loopbackOnly: true }, 'abc'), []);
    assert.ok(isLoopbackHost('127.0.0.1') && isLoopbackHost('localhost') && isLoopbackHost('::1'));
    assert.ok(!isLoopbackHost('0.0.0.0') && !isLoopbackHost('10.0.0.2'));
  });
});

describe('token bucket', () => {
  test('a burst up to capacity, then the refill rate', () => {
    let nowMs = 0;
    const bucket = new TokenBucket(3, 2, () => nowMs);
    assert.deepEqual([bucket.take(), bucket.take(), bucket.take(), bucket.take()], [true, true, true, false]);
    nowMs = 499;
    assert.equal(bucket.take(), false);
    nowMs = 500;
    assert.equal(bucket.take(), true);
    nowMs = 60_000;
    assert.deepEqual([bucket.take(), bucket.take(), bucket.take(), bucket.take()], [true, true, true, false], 'never more than capacity');
  });
});

describe('profile choice', () => {
  const baked = (ids: ProfileId[]) => ({ manifests: new Map(ids.map((id) => [id, null as never])) });
  const caps = (overrides: Partial<StreamCapabilities> = {}): StreamCapabilities => ({
    webcodecsVp8: true,
    saveData: false,
    connectionType: 'wifi',
    ...overrides,
  });
  const all: ProfileId[] = ['360p', '360p-jpeg', '540p', '720p'];

  test('without WebCodecs only JPEG; data saver or cellular caps at 360p', () => {
    assert.deepEqual(allowedProfiles(baked(all), { capabilities: caps({ webcodecsVp8: false }) }), ['360p-jpeg']);
    assert.deepEqual(allowedProfiles(baked(all), { capabilities: caps({ saveData: true }) }), ['360p', '360p-jpeg']);
    assert.deepEqual(allowedProfiles(baked(all), { capabilities: caps({ connectionType: 'cellular' }) }), ['360p', '360p-jpeg']);
    assert.deepEqual(allowedProfiles(baked(['360p']), { capabilities: caps({ webcodecsVp8: false }) }), []);
  });

  test('the asked-for profile when allowed, else the tallest allowed below it in the codec the client decodes', () => {
    assert.equal(chooseProfile(all, { profile: '540p', capabilities: caps() }), '540p');
    assert.equal(chooseProfile(['360p', '360p-jpeg', '540p'], { profile: '1080p', capabilities: caps() }), '540p');
    assert.equal(chooseProfile(['360p', '360p-jpeg'], { profile: '720p', capabilities: caps({ saveData: true }) }), '360p');
    assert.equal(chooseProfile(['360p-jpeg'], { profile: '720p', capabilities: caps({ webcodecsVp8: false }) }), '360p-jpeg');
    assert.equal(chooseProfile(['720p'], { profile: '360p', capabilities: caps() }), '720p', 'the smallest when none is small enough');
    assert.equal(chooseProfile([], { profile: '360p', capabilities: caps() }), null);
  });
});

describe('stream settings', () => {
  test('defaults: local origins, 200 sessions, no ICE servers', () => {
    const { stream } = loadRenderServerConfig({});
    assert.deepEqual(stream.allowedOrigins, ['http://localhost:3000', 'http://127.0.0.1:3000']);
    assert.equal(stream.maxSessions, 200);
    assert.deepEqual([stream.stunUrls, stream.turnUrls], [[], []]);
  });

  test('lists are comma-separated; TURN without a secret and non-STUN URLs are refused at start', () => {
    const { stream } = loadRenderServerConfig({
      YUNSHAN_STREAM_ALLOWED_ORIGINS: 'https://yunshan.example, https://www.yunshan.example',
      YUNSHAN_STUN_URLS: 'stun:a:3478,stun:b:3478',
    });
    assert.deepEqual(stream.allowedOrigins, ['https://yunshan.example', 'https://www.yunshan.example']);
    assert.deepEqual(stream.stunUrls, ['stun:a:3478', 'stun:b:3478']);
    assert.throws(() => loadRenderServerConfig({ YUNSHAN_TURN_URLS: 'turn:t:3478' }), /YUNSHAN_TURN_SECRET/);
    assert.throws(() => loadRenderServerConfig({ YUNSHAN_STUN_URLS: 'http://x' }), /not a stun: URL/);
    assert.throws(() => loadRenderServerConfig({ YUNSHAN_STREAM_MAX_SESSIONS: '-1' }), /YUNSHAN_STREAM_MAX_SESSIONS/);
  });
});
