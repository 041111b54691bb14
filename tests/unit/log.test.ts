// The render server's logger: readable lines for people, JSON lines for collectors, ids on children.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger, formatLogRecord, logFormatFromEnv, requestIdFrom, silentLogger } from '@/server/log';

function capture(format: 'pretty' | 'json') {
  const lines: Array<{ line: string; level: number }> = [];
  const log = createLogger({ format, write: (line, level) => lines.push({ line, level }) });
  return { log, lines };
}

test('readable lines carry time, level, component, message and fields; an error shows its stack', () => {
  const { log, lines } = capture('pretty');
  const bake = log.child({ component: 'bake' });
  bake.info('route done');
  bake.child({ jobId: 7, routeId: 'first-bridge' }).warn({ err: new Error('renderer died') }, 'job failed');
  log.debug('not shown at the default level');
  assert.equal(lines.length, 2);
  assert.match(lines[0].line, /^\d\d:\d\d:\d\d INFO \[bake\] route done\n$/);
  assert.match(lines[1].line, /^\d\d:\d\d:\d\d WARN \[bake\] job failed jobId=7 routeId=first-bridge\n {4}Error: renderer died\n +at /);
  assert.ok(lines[1].level > lines[0].level);
});

test('JSON lines keep every field for a collector', () => {
  const { log, lines } = capture('json');
  log.child({ component: 'http', requestId: 'abc-1' }).error({ status: 500 }, 'request failed');
  const record = JSON.parse(lines[0].line) as Record<string, unknown>;
  assert.equal(record.msg, 'request failed');
  assert.equal(record.component, 'http');
  assert.equal(record.requestId, 'abc-1');
  assert.equal(record.status, 500);
  assert.equal(record.level, 50);
});

test('the format follows YUNSHAN_LOG_FORMAT; values with spaces are quoted in readable lines', () => {
  assert.equal(logFormatFromEnv({ YUNSHAN_LOG_FORMAT: 'json' }), 'json');
  assert.equal(logFormatFromEnv({}), 'pretty');
  assert.match(formatLogRecord({ level: 30, time: 0, msg: 'm', path: '/a b' }), /^00:00:00 INFO m path="\/a b"\n$/);
});

test('request ids: a sane caller id is kept, anything else gets a fresh one', () => {
  assert.equal(requestIdFrom('req-42'), 'req-42');
  assert.equal(requestIdFrom(['req-1', 'req-2']), 'req-1');
  for (const bad of [undefined, '', 'has space', 'x'.repeat(200), 'a\nb']) assert.match(requestIdFrom(bad), /^[0-9a-f-]{36}$/);
});

test('the silent logger says nothing and still makes children', () => {
  const log = silentLogger();
  log.child({ component: 'x' }).error('nothing');
});
