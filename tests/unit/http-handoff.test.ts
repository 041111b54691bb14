// The render server's hand-off to HTTP segments (issue 13, item 1): when a join goes to HTTP
// instead of a stream of its own, and the message it gets, checked by the client's own schema.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { httpHandoffReason, httpManifestRefs, httpSegmentsMessage } from '@/server/stream/http-handoff';
import type { BakedRoute } from '@/server/stream/baked-route-source';
import { parseServerMessage } from '@/scenes/protocol/server-messages';
import { loadRenderServerConfig } from '@/server/render-server-config';

const route = {
  routeId: 'tianmen-ascent',
  revision: 3,
  durationS: 20,
  fps: 30,
  frameCount: 601,
  manifests: new Map(),
  keyFor: (profileId) => ({ sceneVersion: 'scene-1', routeId: 'tianmen-ascent', revision: 3, profileId }),
} satisfies BakedRoute;

describe('which joins go to HTTP segments', () => {
  test('auto: only beyond the cap; http: every one; webrtc: none (busy at the cap)', () => {
    assert.equal(httpHandoffReason('auto', false), null);
    assert.equal(httpHandoffReason('auto', true), 'at-cap');
    assert.equal(httpHandoffReason('http', false), 'operator');
    assert.equal(httpHandoffReason('http', true), 'operator');
    assert.equal(httpHandoffReason('webrtc', true), null);
  });

  test('YUNSHAN_STREAM_TRANSPORT sets the mode (auto by default) and refuses anything else', () => {
    assert.equal(loadRenderServerConfig({}).stream.transportMode, 'auto');
    assert.equal(loadRenderServerConfig({ YUNSHAN_STREAM_TRANSPORT: 'http' }).stream.transportMode, 'http');
    assert.throws(() => loadRenderServerConfig({ YUNSHAN_STREAM_TRANSPORT: 'cdn' }), /YUNSHAN_STREAM_TRANSPORT/);
  });
});

describe('the hand-off message', () => {
  test('names each allowed profile and its manifest path, and parses as the client parses it', () => {
    const message = httpSegmentsMessage(route, ['360p', '720p'], 'at-cap');
    assert.deepEqual(message.httpManifests, [
      { profileId: '360p', url: '/bakes/scene-1/tianmen-ascent/r3/360p/manifest.json' },
      { profileId: '720p', url: '/bakes/scene-1/tianmen-ascent/r3/720p/manifest.json' },
    ]);
    assert.deepEqual(
      message.profiles.map((profile) => profile.id),
      ['360p', '720p'],
    );
    const parsed = parseServerMessage('http-segments', JSON.parse(JSON.stringify(message)));
    assert.ok(parsed.ok && parsed.name === 'http-segments');
    assert.deepEqual(httpManifestRefs(route, []), []);
    assert.deepEqual(httpManifestRefs(route, ['360p'], 'https://frames.example.com/'), [
      { profileId: '360p', url: 'https://frames.example.com/bakes/scene-1/tianmen-ascent/r3/360p/manifest.json' },
    ]);
    assert.equal(
      loadRenderServerConfig({ YUNSHAN_STREAM_SEGMENT_URL: 'https://frames.example.com' }).stream.segmentBaseUrl,
      'https://frames.example.com',
    );
    assert.throws(() => loadRenderServerConfig({ YUNSHAN_STREAM_SEGMENT_URL: 'ftp://frames.example.com' }), /YUNSHAN_STREAM_SEGMENT_URL/);
  });
});
