// The farm's settings: SQLite is the default with nothing set, Redis is one setting away,
// a render node always bakes through Redis, and a typo fails at start naming the setting.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFarmSettings, loadRenderNodeSettings } from '@/server/farm/farm-settings';

describe('farm settings', () => {
  test('nothing set: the embedded SQLite queue', () => {
    const settings = loadFarmSettings({});
    assert.equal(settings.queue, 'sqlite');
    assert.equal(settings.redisUrl, 'redis://127.0.0.1:6379');
  });

  test('one setting picks Redis; the farm is tuned by the rest', () => {
    const settings = loadFarmSettings({
      YUNSHAN_BAKE_QUEUE: 'redis',
      YUNSHAN_REDIS_URL: 'rediss://:secret@redis.internal:6380/2',
      YUNSHAN_FARM_STALLED_MS: '5000',
      YUNSHAN_FARM_PREFIX: 'site-b',
    });
    assert.deepEqual(
      { queue: settings.queue, url: settings.redisUrl, stalled: settings.stalledMs, prefix: settings.prefix },
      { queue: 'redis', url: 'rediss://:secret@redis.internal:6380/2', stalled: 5000, prefix: 'site-b' },
    );
  });

  test('a render node bakes through Redis without being told, under its own name', () => {
    const node = loadRenderNodeSettings({ YUNSHAN_NODE_ID: 'gpu-3', YUNSHAN_NODE_PORT: '0' });
    assert.deepEqual(
      { queue: node.queue, id: node.nodeId, port: node.port, host: node.host },
      { queue: 'redis', id: 'gpu-3', port: 0, host: '127.0.0.1' },
    );
  });

  test('a typo fails at start, naming the setting', () => {
    assert.throws(() => loadFarmSettings({ YUNSHAN_BAKE_QUEUE: 'reddis' }), /YUNSHAN_BAKE_QUEUE/);
    assert.throws(() => loadFarmSettings({ YUNSHAN_REDIS_URL: 'localhost:6379' }), /YUNSHAN_REDIS_URL/);
    assert.throws(() => loadFarmSettings({ YUNSHAN_FARM_STALLED_MS: '10' }), /YUNSHAN_FARM_STALLED_MS/);
  });
});
