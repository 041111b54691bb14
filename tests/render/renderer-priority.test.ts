// A bake yields to everything else on its machine: every process and every thread of a
// renderer's Chromium runs at nice 19, under SCHED_IDLE where the kernel allows it, even
// the GPU threads Chromium raises itself; the server's own process keeps its priority.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { createRendererPool, type ChromiumRendererPool } from '@/server/render/renderer-pool';
import { descendantPids, parseProcStat, SCHED_IDLE, type ProcStat } from '@/server/render/process-priority';
import { QUALITY_PROFILES } from '@/scenes/protocol/profile-ladder';
import { buildTestRoute } from '../helpers/test-routes';

const route = buildTestRoute('render-priority');

function readStats(dir: string): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync(dir).filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = parseProcStat(readFileSync(`${dir}/${entry}/stat`, 'utf8'));
      if (stat !== null) stats.push(stat);
    } catch {
      // Ended while listed.
    }
  }
  return stats;
}

/** Whether this kernel lets us set SCHED_IDLE at all (containers may refuse). */
function idlePolicyAllowed(): boolean {
  try {
    execFileSync('chrt', ['--idle', '0', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let pool: ChromiumRendererPool;
const ownNiceBefore = os.getPriority();
before(async () => {
  pool = await createRendererPool({ size: 1, lowPriority: true });
});
after(async () => {
  await pool?.close();
});

test('every process and thread of a renderer runs at nice 19 (and SCHED_IDLE), the server at its own priority', async () => {
  // A segment brings up the GPU process and the page's renderer with all their threads.
  await pool.renderSegment({ route, profile: QUALITY_PROFILES['360p'], segmentIndex: 0, firstFrame: 0, frameCount: 2 });
  await pool.lowerRendererPriorityNow();
  const [browserPid] = pool.rendererProcessIds();
  assert.ok(browserPid, 'the pool knows its browser process');
  const pids = descendantPids(browserPid, readStats('/proc'));
  assert.ok(pids.length >= 3, `the browser, its GPU process and a renderer (found ${pids.length})`);
  const idle = idlePolicyAllowed();
  const raised: string[] = [];
  for (const pid of pids) {
    for (const thread of readStats(`/proc/${pid}/task`)) {
      if (thread.nice !== 19) raised.push(`${pid}/${thread.pid} at nice ${thread.nice}`);
      if (idle && thread.policy !== SCHED_IDLE) raised.push(`${pid}/${thread.pid} under policy ${thread.policy}`);
    }
  }
  assert.deepEqual(raised, [], 'no thread of the renderer runs above the lowest priority');
  assert.equal(os.getPriority(), ownNiceBefore, "the server's own process keeps its priority");
  const ownPolicy = parseProcStat(readFileSync('/proc/self/stat', 'utf8'))?.policy;
  assert.notEqual(ownPolicy, SCHED_IDLE, "the server's own process is not idle-scheduled");
});
