// The Prometheus text format that /metrics serves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MetricsRegistry } from '../../server/metrics';

test('counters, gauges and collected gauges render in the exposition format', () => {
  const registry = new MetricsRegistry();
  const restarts = registry.counter('yunshan_renderer_restarts_total', 'Renderer processes replaced.');
  const fps = registry.gauge('yunshan_bake_frames_per_second', 'Bake speed.');
  registry.collected('yunshan_bake_queue_depth', 'Jobs waiting.', 'gauge', () => [{ labels: { status: 'queued' }, value: 3 }]);
  restarts.inc();
  restarts.inc({}, 2);
  fps.set(14.5, { profile: '360p' });
  fps.set(7, { profile: '720p' });
  assert.equal(
    registry.render(),
    [
      '# HELP yunshan_renderer_restarts_total Renderer processes replaced.',
      '# TYPE yunshan_renderer_restarts_total counter',
      'yunshan_renderer_restarts_total 3',
      '# HELP yunshan_bake_frames_per_second Bake speed.',
      '# TYPE yunshan_bake_frames_per_second gauge',
      'yunshan_bake_frames_per_second{profile="360p"} 14.5',
      'yunshan_bake_frames_per_second{profile="720p"} 7',
      '# HELP yunshan_bake_queue_depth Jobs waiting.',
      '# TYPE yunshan_bake_queue_depth gauge',
      'yunshan_bake_queue_depth{status="queued"} 3',
      '',
    ].join('\n'),
  );
});

test('label values are escaped and bad names or decrements are refused', () => {
  const registry = new MetricsRegistry();
  registry.gauge('g', 'help').set(1, { route: 'a"b\\c' });
  assert.match(registry.render(), /g\{route="a\\"b\\\\c"\} 1/);
  assert.throws(() => registry.gauge('bad-name', 'x'), /invalid metric name/);
  assert.throws(() => registry.counter('g', 'again'), /registered twice/);
  assert.throws(() => registry.counter('c', 'x').inc({}, -1), /cannot decrease/);
});
