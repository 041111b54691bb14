// When the bake steps aside for the machine's foreground: the CPU accounting from /proc text
// in the kernel's format, the hold-and-calm policy, and the setting that turns it on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backgroundTicksOf, foregroundCores, parseCpuLine, type CpuReading } from '@/server/render/foreground-load';
import { DEFAULT_BAKE_YIELD, heldForStreamStart, nextBakeYield, OPEN, type BakeYieldState } from '@/server/render/bake-yield-policy';
import { parseProcStat } from '@/server/render/process-priority';
import { loadRenderServerConfig } from '@/server/render-server-config';

const PROC_STAT = `cpu  1000 500 300 8000 100 10 20 0 0 0
cpu0 500 250 150 4000 50 5 10 0 0 0
cpu1 500 250 150 4000 50 5 10 0 0 0
intr 12345
`;

/** A /proc/PID/stat line with this nice value and utime/stime. */
function processLine(pid: number, nice: number, utime: number, stime: number): string {
  return `${pid} (chromium) S 1 ${pid} ${pid} 0 -1 4194560 100 0 0 0 ${utime} ${stime} 0 0 39 ${nice} 19 0 22911 1215549440 44031 18446744073709551615 1 1 0 0 0 0 0 4098 1098993391 0 0 0 17 0 0 5 0 0 0 0 0 0 0 0 0 0 0`;
}

function reading(busyTicks: number, totalTicks: number, processes: string[]): CpuReading {
  return { busyTicks, totalTicks, backgroundTicks: backgroundTicksOf(processes.map((line) => parseProcStat(line)!)) };
}

test("/proc/stat's cpu line: busy is everything but idle and iowait", () => {
  assert.deepEqual(parseCpuLine(PROC_STAT), { busyTicks: 1000 + 500 + 300 + 10 + 20, totalTicks: 1830 + 8000 + 100 });
  assert.equal(parseCpuLine('intr 1 2 3\n'), null);
  assert.equal(parseCpuLine('cpu  1 2 x 4 5 6 7\n'), null);
});

test('only niced processes are background, and a nice-0 browser is not', () => {
  const ticks = backgroundTicksOf(
    [processLine(10, 19, 800, 400), processLine(11, 0, 900, 50), processLine(12, 5, 7, 3)].map((l) => parseProcStat(l)!),
  );
  assert.deepEqual(
    [...ticks],
    [
      [10, 1200],
      [12, 10],
    ],
  );
});

test("a bake's own user and system time is not the foreground's", () => {
  // Two cores over one second (200 ticks): the machine was 1.5 cores busy, of which the
  // nice-19 renderer spent 1.2 (0.8 user, 0.4 in the kernel): 0.3 cores of foreground work.
  const before = reading(10_000, 40_000, [processLine(10, 19, 1_000, 500)]);
  const after = reading(10_150, 40_200, [processLine(10, 19, 1_080, 540)]);
  assert.ok(Math.abs(foregroundCores(before, after, 2) - 0.3) < 1e-9);
});

test('a background process that started in between counts whole; the result stays within the machine', () => {
  const before = reading(0, 0, []);
  const after = reading(200, 200, [processLine(44, 19, 150, 0)]);
  assert.ok(Math.abs(foregroundCores(before, after, 2) - 0.5) < 1e-9);
  // Ticks of a process that ended are lost: never below zero, never above the cores there are.
  assert.equal(foregroundCores(reading(0, 0, []), reading(10, 200, [processLine(45, 19, 50, 0)]), 2), 0);
  assert.equal(foregroundCores(reading(0, 0, []), reading(0, 0, []), 2), 0);
});

test('holds at once when the foreground goes over the line, and lets go only after it stays calm', () => {
  const settings = { holdAboveCores: 0.5, calmMs: 3_000 };
  let state: BakeYieldState = OPEN;
  state = nextBakeYield(state, 0.2, 0, settings);
  assert.equal(state.held, false, 'a quiet machine bakes');
  state = nextBakeYield(state, 1.4, 500, settings);
  assert.equal(state.held, true, 'a browser playing holds the bake at the first reading');
  state = nextBakeYield(state, 0.1, 1_000, settings);
  state = nextBakeYield(state, 0.1, 3_500, settings);
  assert.equal(state.held, true, 'a pause between frames is not calm enough');
  state = nextBakeYield(state, 0.9, 3_600, settings);
  state = nextBakeYield(state, 0.1, 4_000, settings);
  state = nextBakeYield(state, 0.1, 6_900, settings);
  assert.equal(state.held, true, 'the calm restarts after a busy reading');
  state = nextBakeYield(state, 0.1, 7_000, settings);
  assert.equal(state.held, false, 'three calm seconds let the bake carry on');
});

test('a stream starting holds the bake before any reading, and the calm period lets it go', () => {
  const settings = { holdAboveCores: 0.5, calmMs: 3_000 };
  let state = heldForStreamStart(10_000);
  assert.equal(state.held, true, 'held at the join, half a second before a reading could see the load');
  state = nextBakeYield(state, 0.1, 10_400, settings);
  state = nextBakeYield(state, 0.1, 12_900, settings);
  assert.equal(state.held, true, 'the first seconds of the stream stay bake-free');
  state = nextBakeYield(state, 0.1, 13_000, settings);
  assert.equal(state.held, false, 'a stream that costs the machine little lets the bake back after the calm period');
  state = nextBakeYield(heldForStreamStart(20_000), 1.2, 20_500, settings);
  state = nextBakeYield(state, 1.1, 24_000, settings);
  assert.equal(state.held, true, 'a stream that loads the machine keeps it held by the readings');
});

test('YUNSHAN_BAKE_YIELD_CORES: on by default, a number sets the line, off or full priority turn it off', () => {
  assert.deepEqual(loadRenderServerConfig({}, '/srv/yunshan').bakeYield, DEFAULT_BAKE_YIELD);
  assert.deepEqual(loadRenderServerConfig({ YUNSHAN_BAKE_YIELD_CORES: '1.5' }, '/srv/yunshan').bakeYield, {
    ...DEFAULT_BAKE_YIELD,
    holdAboveCores: 1.5,
  });
  assert.equal(loadRenderServerConfig({ YUNSHAN_BAKE_YIELD_CORES: 'off' }, '/srv/yunshan').bakeYield, null);
  assert.equal(loadRenderServerConfig({ YUNSHAN_RENDER_LOW_PRIORITY: '0' }, '/srv/yunshan').bakeYield, null);
  assert.throws(() => loadRenderServerConfig({ YUNSHAN_BAKE_YIELD_CORES: 'lots' }, '/srv/yunshan'), /YUNSHAN_BAKE_YIELD_CORES/);
});
