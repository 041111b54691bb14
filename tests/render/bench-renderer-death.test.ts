// A renderer's death never takes its process down: `npm run bench:bake`, its renderer's
// browser killed with SIGKILL mid-measurement, measures again on the pool's replacement,
// prints its row and exits 0 (it once died of an unhandled RendererFailedError).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { descendantPids, parseProcStat } from '@/server/render/process-priority';

function allProcesses(): Array<{ pid: number; ppid: number }> {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = parseProcStat(readFileSync(`/proc/${entry}/stat`, 'utf8'));
        return stat === null ? [] : [stat];
      } catch {
        return [];
      }
    });
}

/** The renderer's browser process below `rootPid`: a profile folder of ours and no --type=. */
function rendererBrowserBelow(rootPid: number): number | null {
  for (const pid of descendantPids(rootPid, allProcesses())) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (
        args.some((arg) => arg.includes('--user-data-dir=') && arg.includes('yunshan-renderer-')) &&
        !args.some((arg) => arg.startsWith('--type='))
      )
        return pid;
    } catch {
      // Ended while listed.
    }
  }
  return null;
}

test('bench:bake survives its renderer being killed mid-measurement and prints its row', { timeout: 480_000 }, async () => {
  const bench = spawn(process.execPath, ['--import', 'tsx', 'bench/bake-bench.ts'], {
    // Two segments: the measurement is still running when the test, looking every 50 ms from the
    // header on, finds the browser (and it says so if the row came first).
    env: { ...process.env, YUNSHAN_BENCH_PROFILES: '360p-jpeg', YUNSHAN_BENCH_ROUNDS: '1', YUNSHAN_BENCH_SEGMENTS: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let killed: number | null = null;
  let rowPrintedBeforeKill = false;
  let search: NodeJS.Timeout | null = null;
  const ROW = /^360p-jpeg \(jpeg, phone tier\)\s+\d/m;
  bench.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  bench.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    // The table's header is printed once the pool is up; from then on look for its browser until it is found.
    if (search === null && /^profile\s.*render-only fps/m.test(stdout)) {
      search = setInterval(() => {
        if (killed !== null) return;
        killed = rendererBrowserBelow(bench.pid!);
        if (killed === null) return;
        rowPrintedBeforeKill = ROW.test(stdout);
        process.kill(killed, 'SIGKILL');
      }, 50);
    }
  });
  const exitCode = await new Promise<number | null>((resolve) => bench.once('exit', resolve));
  if (search !== null) clearInterval(search);
  assert.ok(killed !== null, `the bench's renderer browser was found and killed (stdout: ${stdout})`);
  assert.ok(!rowPrintedBeforeKill, 'the browser died while its row was still being measured');
  assert.equal(exitCode, 0, `the bench kept running (stderr: ${stderr.slice(-2000)})`);
  assert.match(stdout, /measuring again on its replacement/);
  assert.match(stdout, ROW, 'the row was measured and printed');
});
