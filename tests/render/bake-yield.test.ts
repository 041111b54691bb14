// A bake steps aside for the machine's foreground: with a real busy process at normal
// priority on the machine, the renderer pool holds its segment between frames, carries on
// once the machine is calm, and the held segment is byte-identical to one drawn straight
// through; a hold longer than the pool's hang timeout is not mistaken for a hung renderer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { createRendererPool, type ChromiumRendererPool } from '@/server/render/renderer-pool';
import { FRAMES_PER_SEGMENT } from '@/scenes/protocol/frame-timing';
import { QUALITY_PROFILES } from '@/scenes/protocol/profile-ladder';
import type { SegmentRequest } from '@/server/bake/bake-contracts';
import { buildTestRoute } from '../helpers/test-routes';

const route = buildTestRoute('bake-yield');
const request: SegmentRequest = {
  route,
  profile: QUALITY_PROFILES['360p'],
  segmentIndex: 3,
  firstFrame: 3 * FRAMES_PER_SEGMENT,
  frameCount: 6,
};
/** Calm this long after the busy process ends before the bake carries on. */
const CALM_MS = 1_000;
const HOLD_WAIT_MS = 20_000;

let pool: ChromiumRendererPool;
let hangTimeoutMs = 60_000;
before(async () => {
  pool = await createRendererPool({
    size: 1,
    yieldToForeground: { holdAboveCores: 0.5, calmMs: CALM_MS },
    segmentTimeoutMs: () => hangTimeoutMs,
  });
});
after(async () => {
  await pool?.close();
});

/** A whole core of foreground work: a Node busy loop at normal priority, as a player or a build would be. */
function startBusyProcess(): ChildProcess {
  const busy = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  // Whatever priority the suite runs at, this one is foreground.
  if (busy.pid !== undefined) os.setPriority(busy.pid, 0);
  return busy;
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + HOLD_WAIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited ${HOLD_WAIT_MS / 1000} s for ${what}; yield: ${JSON.stringify(pool.yieldStatus())}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('holds between frames while the foreground is busy, longer than the hang timeout, and draws the same bytes', async () => {
  // Straight through on a calm machine (the scene is mounted by the first call).
  await pool.renderSegment(request);
  await waitFor(() => pool.yieldStatus()?.held === false, 'a calm machine');
  const straight = await pool.renderSegment(request);
  assert.ok((straight.heldMs ?? 0) < straight.totalMs, 'a calm machine holds little or nothing');
  // The hang timeout becomes shorter than the hold to come: a held bake is waiting, not hung.
  hangTimeoutMs = Math.max(3_000, 3 * straight.totalMs);
  const holdForMs = hangTimeoutMs + 2_000;

  const busy = startBusyProcess();
  let held: Awaited<ReturnType<ChromiumRendererPool['renderSegment']>>;
  try {
    await waitFor(() => pool.yieldStatus()?.held === true, 'the bake to hold for a busy machine');
    const rendering = pool.renderSegment(request);
    await new Promise((resolve) => setTimeout(resolve, holdForMs));
    assert.equal(pool.yieldStatus()?.held, true, 'still held while the busy process runs');
    busy.kill('SIGKILL');
    held = await rendering;
  } finally {
    busy.kill('SIGKILL');
  }

  assert.ok((held.heldMs ?? 0) >= holdForMs - 1_000, `the segment waited through the hold (held ${Math.round(held.heldMs ?? 0)} ms)`);
  assert.equal(pool.liveRenderers, 1, 'the renderer was not taken for hung and replaced');
  assert.equal(pool.restarts, 0);
  assert.equal(held.chunks.length, straight.chunks.length);
  held.chunks.forEach((chunk, i) => {
    assert.ok(Buffer.from(chunk.data).equals(Buffer.from(straight.chunks[i].data)), `chunk ${i}: holding changed the picture`);
  });
  assert.ok((pool.yieldStatus()?.heldSeconds ?? 0) * 1000 >= held.heldMs! - 1, 'the pool counts the time held');
});
