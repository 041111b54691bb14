// The stream bench's per-thread CPU split: /proc task stat lines parsed (names with spaces and
// parentheses included), threads grouped by kind, and the time between two readings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTaskStat, readThreadCpu, threadCpuBetween, threadGroupOf } from '@/bench/thread-cpu';

const STAT = '4242 (network_thread) S 1 4242 4242 0 -1 4194368 120 0 0 0 250 37 0 0 20 0 31 0 8123 0 0';

test('a task stat line gives the thread name and user plus system seconds', () => {
  assert.deepEqual(parseTaskStat(STAT), { name: 'network_thread', cpuS: 2.87 });
});

test('a name with spaces and a closing parenthesis is read whole, fields counted from the last one', () => {
  const line = '77 (V8 (Worker)) R 1 77 77 0 -1 0 0 0 0 0 12 3 0 0 20 0 1 0 99 0 0';
  assert.deepEqual(parseTaskStat(line), { name: 'V8 (Worker)', cpuS: 0.15 });
});

test('a line that is not a task stat is refused with what it was', () => {
  assert.throws(() => parseTaskStat('garbage'), /Not a \/proc task stat line: garbage/);
  assert.throws(() => parseTaskStat('1 (x) S 1 2'), /No CPU times/);
});

test('threads of one kind group together; the main thread stands apart', () => {
  assert.equal(threadGroupOf('node', true), 'main thread (JavaScript)');
  assert.equal(threadGroupOf('libuv-worker', false), 'libuv-worker');
  assert.equal(threadGroupOf('worker_thread 3', false), 'worker_thread');
  assert.equal(threadGroupOf('V8Worker', false), 'V8Worker');
  assert.equal(threadGroupOf('42', false), '42');
});

test('time between readings is summed per group, largest first; new threads count from zero', () => {
  const before = new Map([
    [1, { group: 'main thread (JavaScript)', cpuS: 10 }],
    [2, { group: 'network_thread', cpuS: 5 }],
  ]);
  const after = new Map([
    [1, { group: 'main thread (JavaScript)', cpuS: 10.5 }],
    [2, { group: 'network_thread', cpuS: 6 }],
    [3, { group: 'network_thread', cpuS: 0.25 }],
    [4, { group: 'idle', cpuS: 0 }],
  ]);
  assert.deepEqual(threadCpuBetween(before, after), [
    ['network_thread', 1.25],
    ['main thread (JavaScript)', 0.5],
  ]);
});

test('this process reads its own threads, the main thread among them', { skip: process.platform !== 'linux' }, () => {
  const threads = readThreadCpu();
  assert.equal(threads.get(process.pid)?.group, 'main thread (JavaScript)');
  for (const { cpuS } of threads.values()) assert.ok(cpuS >= 0);
});
