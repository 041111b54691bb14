// The Prometheus text format that /metrics serves, kept by prom-client behind server/metrics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MetricsRegistry } from '@/server/metrics';

test('counters, gauges and collected metrics render in the exposition format', async () => {
  const registry = new MetricsRegistry();
  const restarts = registry.counter('yunshan_renderer_restarts_total', 'Renderer processes replaced.');
  const fps = registry.gauge('yunshan_bake_frames_per_second', 'Bake speed.', ['profile']);
  let queued = 3;
  registry.collected('yunshan_bake_queue_depth', 'Jobs waiting.', 'gauge', () => [{ labels: { status: 'queued' }, value: queued }], [
    'status',
  ]);
  let sent = 10;
  registry.collected('yunshan_stream_frames_sent_total', 'Frames sent.', 'counter', () => [{ value: sent }]);
  restarts.inc();
  restarts.inc({}, 2);
  fps.set(14.5, { profile: '360p' });
  fps.set(7, { profile: '720p' });
  assert.equal(
    await registry.render(),
    [
      '# HELP yunshan_renderer_restarts_total Renderer processes replaced.',
      '# TYPE yunshan_renderer_restarts_total counter',
      'yunshan_renderer_restarts_total 3',
      '',
      '# HELP yunshan_bake_frames_per_second Bake speed.',
      '# TYPE yunshan_bake_frames_per_second gauge',
      'yunshan_bake_frames_per_second{profile="360p"} 14.5',
      'yunshan_bake_frames_per_second{profile="720p"} 7',
      '',
      '# HELP yunshan_bake_queue_depth Jobs waiting.',
      '# TYPE yunshan_bake_queue_depth gauge',
      'yunshan_bake_queue_depth{status="queued"} 3',
      '',
      '# HELP yunshan_stream_frames_sent_total Frames sent.',
      '# TYPE yunshan_stream_frames_sent_total counter',
      'yunshan_stream_frames_sent_total 10',
      '',
    ].join('\n'),
  );
  // Collected metrics are read afresh at every scrape, not added up across scrapes.
  queued = 1;
  sent = 25;
  const again = await registry.render();
  assert.match(again, /^yunshan_bake_queue_depth\{status="queued"\} 1$/m);
  assert.match(again, /^yunshan_stream_frames_sent_total 25$/m);
  assert.match(registry.contentType, /^text\/plain; version=0\.0\.4/);
});

test('label values are escaped; bad names, unnamed labels, twice-registered names and decrements are refused', async () => {
  const registry = new MetricsRegistry();
  registry.gauge('g', 'help', ['route']).set(1, { route: 'a"b\\c' });
  assert.match(await registry.render(), /g\{route="a\\"b\\\\c"\} 1/);
  assert.throws(() => registry.gauge('bad-name', 'x'), /invalid metric name/i);
  assert.throws(() => registry.counter('g', 'again'), /already been registered/);
  assert.throws(() => registry.counter('c', 'x').inc({}, -1), /not possible to decrease/);
  assert.throws(() => registry.counter('d', 'x').inc({ route: 'a' } as never), /label/i);
});

test('two registries in one process keep their series apart', async () => {
  const first = new MetricsRegistry();
  const second = new MetricsRegistry();
  first.counter('yunshan_bake_frames_total', 'Frames.', ['profile']).inc({ profile: '360p' }, 5);
  second.counter('yunshan_bake_frames_total', 'Frames.', ['profile']).inc({ profile: '360p' }, 2);
  assert.match(await first.render(), /^yunshan_bake_frames_total\{profile="360p"\} 5$/m);
  assert.match(await second.render(), /^yunshan_bake_frames_total\{profile="360p"\} 2$/m);
});
