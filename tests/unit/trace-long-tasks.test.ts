// The first-visit trace bench's breakdown of a long task into what took its time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarizeLongTasks, type TraceEvent } from '@/bench/trace-long-tasks';

const MAIN = { pid: 1, tid: 1 };
const event = (name: string, tsMs: number, durMs: number, url?: string): TraceEvent => ({
  name,
  ph: 'X',
  ts: tsMs * 1000,
  dur: durMs * 1000,
  ...MAIN,
  ...(url ? { args: { data: { url } } } : {}),
});

test('a long task is broken down by the self time of the named events inside it', () => {
  const summary = summarizeLongTasks([
    event('RunTask', 0, 10),
    event('RunTask', 100, 120),
    event('EvaluateScript', 100, 80, 'http://site/_next/static/chunks/react.js'),
    event('FunctionCall', 110, 30), // inside the evaluation: its time is the call's, not the evaluation's
    event('Layout', 185, 30),
    event('SomethingUnnamed', 186, 5), // looked through: Layout keeps it
    // Another thread's long task does not count.
    { ...event('RunTask', 0, 50), tid: 2 },
  ]);
  const lines = summary.split('\n');
  assert.equal(lines[0], '1 long tasks, 70 ms over 50 ms in all (throttled)');
  assert.equal(lines[1], '  120 ms at 100 ms: EvaluateScript react.js 50, FunctionCall 30, Layout 30, (nothing named) 10');
});

test('every event names its own time when asked', () => {
  const summary = summarizeLongTasks([event('RunTask', 0, 60), event('SomethingUnnamed', 0, 40)], true);
  assert.match(summary, /60 ms at 0 ms: SomethingUnnamed 40, \(nothing named\) 20/);
});
