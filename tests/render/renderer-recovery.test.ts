// A renderer that dies or hangs mid-segment is killed and replaced: the segment rejects with
// RendererFailedError (so the orchestrator retries it), restarts counts the replacement and
// the next segment renders. A missing browser or missing WebGL2 is reported plainly, and so
// is a pool whose browser will not start again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRendererPool, type ChromiumRendererPool } from '@/server/render/renderer-pool';
import { ChromiumMissingError, RendererFailedError, WebGL2UnavailableError } from '@/server/render/renderer-errors';
import { QUALITY_PROFILES } from '@/scenes/protocol/profile-ladder';
import type { SegmentRequest } from '@/server/bake/bake-contracts';
import { buildTestRoute } from '../helpers/test-routes';
import { CHROMIUM_PATH } from '../helpers/browser';

const route = buildTestRoute('render-recovery');
const profile = QUALITY_PROFILES['360p'];
const NORMAL_TIMEOUT_MS = 120_000;

let pool: ChromiumRendererPool;
let segmentTimeoutMs = NORMAL_TIMEOUT_MS;
before(async () => {
  pool = await createRendererPool({ size: 1, segmentTimeoutMs: () => segmentTimeoutMs });
});
after(async () => {
  await pool?.close();
});

function request(firstFrame: number, frameCount: number): SegmentRequest {
  return { route, profile, segmentIndex: Math.floor(firstFrame / 30), firstFrame, frameCount };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('a browser killed mid-segment fails the segment with RendererFailedError, is replaced, and the next segment renders', async () => {
  // Mounts the scene first, so the kill lands while frames are being drawn.
  await pool.renderSegment(request(0, 2));
  const [pid] = pool.rendererProcessIds();
  assert.ok(pid, 'the pool knows its browser process');
  const segment = pool.renderSegment(request(30, 30));
  let settledBeforeKill = false;
  segment.then(
    () => (settledBeforeKill = true),
    () => undefined,
  );
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.equal(settledBeforeKill, false, 'the 30-frame segment was still rendering when the browser was killed');
  process.kill(pid, 'SIGKILL');
  await assert.rejects(segment, RendererFailedError);
  assert.equal(pool.restarts, 1);
  const next = await pool.renderSegment(request(60, 3));
  assert.equal(next.chunks.length, 3);
  assert.ok(next.chunks[0].key);
  assert.ok(!isAlive(pid), 'the killed browser is gone');
  assert.notEqual(pool.rendererProcessIds()[0], pid, 'a new browser serves the pool');
});

test('a segment that overruns its timeout counts as hung: the browser is killed and replaced', async () => {
  const restartsBefore = pool.restarts;
  const [pid] = pool.rendererProcessIds();
  segmentTimeoutMs = 50;
  try {
    await assert.rejects(pool.renderSegment(request(90, 30)), (error: unknown) => {
      assert.ok(error instanceof RendererFailedError);
      assert.match(error.message, /hung/);
      return true;
    });
  } finally {
    segmentTimeoutMs = NORMAL_TIMEOUT_MS;
  }
  assert.equal(pool.restarts, restartsBefore + 1);
  const next = await pool.renderSegment(request(120, 2));
  assert.equal(next.chunks.length, 2);
  assert.notEqual(pool.rendererProcessIds()[0], pid);
});

test('a missing Chromium is reported with how to install it', async () => {
  await assert.rejects(createRendererPool({ executablePath: '/nonexistent/chromium' }), (error: unknown) => {
    assert.ok(error instanceof ChromiumMissingError);
    assert.match(error.message, /install Debian's chromium/);
    return true;
  });
});

test('a GL backend without WebGL2 is reported as such, not as a hang', async () => {
  await assert.rejects(createRendererPool({ glFlags: ['--disable-gpu', '--disable-software-rasterizer'] }), WebGL2UnavailableError);
});

test('when no replacement browser will start, the pool says why and fails segments at once instead of hanging', async () => {
  // A Chromium that starts once and then never again, as when the package is removed mid-upgrade.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yunshan-chromium-once-'));
  const wrapper = path.join(dir, 'chromium');
  writeFileSync(
    wrapper,
    `#!/bin/sh\n[ -e "${dir}/started" ] && { echo "chromium: gone" >&2; exit 1; }\ntouch "${dir}/started"\nexec ${CHROMIUM_PATH} "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  const once = await createRendererPool({ size: 1, executablePath: wrapper, replaceRetryDelayMs: 50 });
  try {
    assert.equal(once.failure, null);
    assert.equal(once.liveRenderers, 1);
    const [pid] = once.rendererProcessIds();
    process.kill(pid, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    while (once.failure === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(once.failure ?? '', /No renderer could be restarted/);
    assert.equal(once.liveRenderers, 0);
    await assert.rejects(once.renderSegment(request(0, 2)), RendererFailedError);
  } finally {
    await once.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
