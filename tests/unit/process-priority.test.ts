// Reading a browser's process tree and its threads' scheduling from /proc stat lines in the
// kernel's format, as Chromium running as root leaves them (its GPU threads at nice -8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { descendantPids, needsIdlePolicy, needsLowestNice, parseProcStat, SCHED_IDLE } from '@/server/render/process-priority';

/** /proc/PID/task/TID/stat of a Chromium GPU thread raised by Chromium itself (nice -8, SCHED_OTHER). */
const GPU_THREAD =
  '4312 (VizCompositorTh) S 4290 4278 2885 0 -1 1077936192 2403 0 0 0 311 52 0 0 12 -8 14 0 22873 34359738368 25911 18446744073709551615 1 1 0 0 0 0 0 4098 1098993391 0 0 0 -1 1 0 0 0 0 0 0 0 0 0 0 0 0 0';
/** A renderer process at nice 19 under SCHED_IDLE. */
const IDLE_RENDERER =
  '4301 (chromium) S 4278 4278 2885 0 -1 4194560 9120 0 0 0 812 97 0 0 39 19 19 0 22911 1215549440 44031 18446744073709551615 1 1 0 0 0 0 0 4098 1098993391 0 0 0 17 0 0 5 0 0 0 0 0 0 0 0 0 0 0';
/** A name with a space and a parenthesis, which a naive split miscounts. */
const ODD_NAME =
  '77 (a) b (c)) S 1 77 77 0 -1 4194304 101 0 0 0 0 0 0 0 20 0 1 0 22306 3133440 417 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 1 1 1 1 1 1 1 0';

test('parses pid, parent, nice, policy and CPU time, counting fields from the last parenthesis', () => {
  assert.deepEqual(parseProcStat(GPU_THREAD), { pid: 4312, ppid: 4290, nice: -8, policy: 0, cpuTicks: 311 + 52 });
  assert.deepEqual(parseProcStat(IDLE_RENDERER), { pid: 4301, ppid: 4278, nice: 19, policy: SCHED_IDLE, cpuTicks: 812 + 97 });
  assert.deepEqual(parseProcStat(ODD_NAME), { pid: 77, ppid: 1, nice: 0, policy: 0, cpuTicks: 0 });
  assert.equal(parseProcStat(''), null);
  assert.equal(parseProcStat('12 (truncated) S 1'), null);
});

test('a raised thread needs lowering on both counts; an idle one at nice 19 needs nothing', () => {
  const gpu = parseProcStat(GPU_THREAD)!;
  assert.equal(needsLowestNice(gpu), true);
  assert.equal(needsIdlePolicy(gpu), true);
  const renderer = parseProcStat(IDLE_RENDERER)!;
  assert.equal(needsLowestNice(renderer), false);
  assert.equal(needsIdlePolicy(renderer), false);
});

test('the tree below a browser is every descendant and nothing beside it', () => {
  const processes = [
    { pid: 1, ppid: 0 },
    { pid: 900, ppid: 1 }, // the render server
    { pid: 4278, ppid: 900 }, // the browser
    { pid: 4290, ppid: 4278 }, // GPU process
    { pid: 4284, ppid: 4278 }, // zygote
    { pid: 4301, ppid: 4284 }, // renderer below the zygote
    { pid: 5000, ppid: 900 }, // another browser of the same server
    { pid: 5001, ppid: 5000 },
  ];
  assert.deepEqual(
    [...descendantPids(4278, processes)].sort((a, b) => a - b),
    [4278, 4284, 4290, 4301],
  );
  assert.deepEqual(descendantPids(4301, processes), [4301]);
});
