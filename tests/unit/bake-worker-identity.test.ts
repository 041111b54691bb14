// Which lease owners a starting render server may take jobs back from: its own host's
// earlier runs that are gone, never another host's worker or a live process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { isLostLocalWorker } from '@/server/bake/bake-worker';

test('a lease owner on this host whose process has ended is lost; live, foreign and malformed owners are not', () => {
  // A real process that has exited: its pid names nobody now.
  const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
  assert.equal(isLostLocalWorker(`render-1:${ended}`, 'render-1'), true);
  assert.equal(isLostLocalWorker(`render-1:${process.pid}`, 'render-1'), false, 'this very process');
  assert.equal(isLostLocalWorker(`render-1:${process.ppid}`, 'render-1'), false, 'a live process');
  assert.equal(isLostLocalWorker(`render-2:${ended}`, 'render-1'), false, 'another host');
  assert.equal(isLostLocalWorker('worker-1', 'render-1'), false);
  assert.equal(isLostLocalWorker(`host:with:colons:${ended}`, 'host:with:colons'), true);
});
