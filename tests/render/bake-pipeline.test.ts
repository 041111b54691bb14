// Baking a route with the real Chromium renderer pool: an uninterrupted bake and a bake
// whose process was SIGKILLed mid-way and rerun give identical manifests (so two bakes
// agree byte for byte); a corrupted chunk on disk is found and re-baked; a renderer killed
// mid-job is replaced and the queued job still completes, poster included; a worker
// stopped mid-job gives the job back. The VP9 twin is baked in the same pass and resumes
// to the identical manifest too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/server/db/database';
import { createSqliteRouteStore } from '@/server/routes/route-store';
import { createRendererPool, type ChromiumRendererPool } from '@/server/render/renderer-pool';
import { LocalFrameStore } from '@/server/frame-store/local-frame-store';
import { bakeRoute, type BakeRouteResult, type SegmentBaked } from '@/server/bake/bake-route';
import { BakeWorker, publishedRevisionLoader } from '@/server/bake/bake-worker';
import { silentLogger } from '@/server/log';
import { enqueueRouteBakes } from '@/server/bake/enqueue-route-bakes';
import { openSqliteBakeQueue } from '@/server/bake/sqlite-bake-queue';
import { currentSceneVersion } from '@/server/bake/scene-version';
import { FRAMES_PER_SEGMENT, frameCountFor, segmentCountFor } from '@/scenes/protocol/frame-timing';
import { QUALITY_PROFILES } from '@/scenes/protocol/profile-ladder';
import type { BakeKey, BakeManifest } from '@/server/bake/bake-contracts';
import { buildTestRoute } from '../helpers/test-routes';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The shortest route the schema allows: 601 frames, 21 segments. */
const route = buildTestRoute('bake-pipeline', {
  durationS: 20,
  keyframes: [
    { timeS: 0, position: [-900, 900, -350], lookAt: [-650, 1000, -350] },
    { timeS: 10, position: [-650, 950, -600], lookAt: [-650, 1000, -350] },
    { timeS: 20, position: [-400, 1000, -350], lookAt: [-650, 1000, -350] },
  ],
});
const profile = QUALITY_PROFILES['360p'];
const SEGMENTS = segmentCountFor(route.durationS);
/** A CPU rasteriser shared with other work can be slow: these bound hangs, not speed. */
const BAKE_TIMEOUT_MS = 20 * 60_000;

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-bake-pipeline-'));
const dbPath = path.join(tempRoot, 'db.sqlite');
const sceneVersion = currentSceneVersion();
const key: BakeKey = { sceneVersion, routeId: route.id, revision: 1, profileId: profile.id };
const twinKey: BakeKey = { ...key, profileId: '360p-vp9' };
const quiet = silentLogger();
let pool: ChromiumRendererPool;
let reference: BakeManifest;
let referenceTwin: BakeManifest;
const referenceStore = new LocalFrameStore(path.join(tempRoot, 'frames-reference'));
const children = new Set<ChildProcess>();

before(async () => {
  const routes = createSqliteRouteStore(openDatabase(dbPath));
  await routes.seedPublished([route]);
  routes.close();
  pool = await createRendererPool({ size: 1 });
});

after(async () => {
  for (const child of children) child.kill('SIGKILL');
  await pool?.close();
  fs.rmSync(tempRoot, { recursive: true, force: true });
});

function segmentFiles(store: LocalFrameStore): string[] {
  const directory = store.bakeDirectory(key);
  return fs.existsSync(directory)
    ? fs
        .readdirSync(directory)
        .filter((name) => /^segment-\d{6}\.ysg$/.test(name))
        .sort()
    : [];
}

interface CliRun {
  child: ChildProcess;
  output: { stdout: string; stderr: string; exited: boolean };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function runBakeCli(framesDir: string): CliRun {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/bake.ts', route.id, '--profile', profile.id, '--frames-dir', framesDir, '--no-poster'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, YUNSHAN_DB_PATH: dbPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  const output = { stdout: '', stderr: '', exited: false };
  child.stdout!.on('data', (data: Buffer) => (output.stdout += data.toString()));
  child.stderr!.on('data', (data: Buffer) => (output.stderr += data.toString()));
  const exited = new Promise<Awaited<CliRun['exited']>>((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      output.exited = true;
      // Let the pipes drain before reporting what was printed.
      setTimeout(() => resolve({ code, signal, stdout: output.stdout, stderr: output.stderr }), 100);
    }),
  );
  return { child, output, exited };
}

/** Process ids whose parent is `parentPid` (the browsers a bake process launched). */
function childProcessIds(parentPid: number): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' });
  return table
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([, ppid]) => ppid === parentPid)
    .map(([pid]) => pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `condition` holds; `stopIf` names a reason to give up early (the child exited, the scene changed). */
async function waitFor(condition: () => boolean, timeoutMs: number, what: string, stopIf: () => string | null = () => null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    const reason = stopIf();
    if (reason !== null) throw new Error(`Gave up waiting for ${what}: ${reason}`);
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The CLI prints the scene version it bakes; another one means the scene code changed under the test. */
function sceneMismatch(stdout: string): string | null {
  const printed = /scene (\S+), frames in/.exec(stdout)?.[1];
  return printed !== undefined && printed !== sceneVersion
    ? `the bake process computed scene ${printed}, this test ${sceneVersion} (scene code changed while the test ran)`
    : null;
}

/** Like deepEqual, but names the first differing chunk instead of diffing 601 entries. */
function assertSameManifest(actual: BakeManifest | null, expected: BakeManifest, what: string): void {
  assert.ok(actual !== null, `${what}: no manifest`);
  const { chunks: actualChunks, ...actualHeader } = actual;
  const { chunks: expectedChunks, ...expectedHeader } = expected;
  assert.deepEqual(actualHeader, expectedHeader, `${what}: manifest header`);
  assert.equal(actualChunks.length, expectedChunks.length, `${what}: chunk count`);
  const differing = actualChunks.findIndex((chunk, i) => JSON.stringify(chunk) !== JSON.stringify(expectedChunks[i]));
  assert.equal(
    differing,
    -1,
    `${what}: chunk ${differing} differs: ${JSON.stringify(actualChunks[differing])} vs ${JSON.stringify(expectedChunks[differing])}`,
  );
}

describe('baking a route with the Chromium renderer pool', { concurrency: false }, () => {
  test(
    'an uninterrupted bake stores every frame in segments that open with a keyframe, and a manifest that lists them',
    { timeout: BAKE_TIMEOUT_MS },
    async () => {
      const startedMs = Date.now();
      const result = await bakeRoute({ route, revision: 1, profile, sceneVersion }, { pool, store: referenceStore, log: quiet });
      reference = result.manifest;
      console.log(`  reference bake: ${frameCountFor(route.durationS)} frames in ${((Date.now() - startedMs) / 1000).toFixed(1)} s`);
      assert.equal(result.renderedSegments, SEGMENTS);
      assert.equal(reference.frameCount, 601);
      assert.equal(reference.segmentCount, SEGMENTS);
      assert.deepEqual(
        reference.chunks.map((chunk) => chunk.index),
        Array.from({ length: 601 }, (_, i) => i),
      );
      for (const chunk of reference.chunks) assert.ok(chunk.size > 0, `chunk ${chunk.index} is empty`);
      const segmentStarts = reference.chunks.filter((chunk) => chunk.index % FRAMES_PER_SEGMENT === 0);
      assert.equal(segmentStarts.length, SEGMENTS);
      assert.ok(
        segmentStarts.every((chunk) => chunk.key),
        'each segment opens with a keyframe',
      );
      assert.ok(
        reference.chunks.some((chunk) => !chunk.key),
        'VP8 between keyframes is delta frames',
      );
      assertSameManifest(await referenceStore.readManifest(key), reference, 'the stored manifest');
      const lastSegment = await referenceStore.readSegment(key, SEGMENTS - 1);
      assert.equal(lastSegment.length, 601 - (SEGMENTS - 1) * FRAMES_PER_SEGMENT);

      // The VP9 twin, encoded from the same frames in the same pass.
      const twin = await referenceStore.readManifest(twinKey);
      assert.ok(twin !== null, 'the VP9 twin has a manifest');
      referenceTwin = twin;
      assert.equal(twin.codec, 'vp9');
      assert.deepEqual(
        twin.chunks.map((chunk) => chunk.index),
        Array.from({ length: 601 }, (_, i) => i),
      );
      assert.ok(twin.chunks.filter((chunk) => chunk.index % FRAMES_PER_SEGMENT === 0).every((chunk) => chunk.key));
      const bytes = (manifest: BakeManifest) => manifest.chunks.reduce((sum, chunk) => sum + chunk.size, 0);
      console.log(`  360p bytes: VP8 ${bytes(reference)}, VP9 ${bytes(twin)}`);
    },
  );

  test('a bake SIGKILLed mid-way resumes from its stored segments to the identical manifest', { timeout: BAKE_TIMEOUT_MS }, async () => {
    assert.ok(reference, 'needs the reference bake');
    const store = new LocalFrameStore(path.join(tempRoot, 'frames-killed'));
    const first = runBakeCli(store.root);
    await waitFor(
      () => segmentFiles(store).length >= 3,
      BAKE_TIMEOUT_MS,
      'three segments on disk',
      () => (first.output.exited ? `the bake process exited early:\n${first.output.stderr}` : sceneMismatch(first.output.stdout)),
    );
    const browsers = childProcessIds(first.child.pid!);
    assert.ok(browsers.length > 0, 'the bake process runs its own browser');
    first.child.kill('SIGKILL');
    const killed = await first.exited;
    assert.equal(killed.signal, 'SIGKILL');
    assert.match(killed.stdout, /Baking bake-pipeline r1 \(20 s\) at 360p/);
    // A browser whose controlling process died must not linger.
    await waitFor(() => browsers.every((pid) => !isAlive(pid)), 30_000, 'the killed bake’s browser to exit');
    const onDiskAtKill = segmentFiles(store).length;
    assert.ok(onDiskAtKill >= 3 && onDiskAtKill < SEGMENTS, `${onDiskAtKill} segments on disk when killed`);
    assert.equal(await store.readManifest(key), null, 'no manifest before the bake finished');

    const rerun = await runBakeCli(store.root).exited;
    assert.equal(rerun.code, 0, `the rerun failed:\n${rerun.stderr}`);
    assert.equal(sceneMismatch(rerun.stdout), null);
    const summary = /rendered (\d+), kept (\d+), re-baked (\d+) of (\d+) segments/.exec(rerun.stdout);
    assert.ok(summary, `no summary in:\n${rerun.stdout}`);
    const [rendered, kept, rebaked, total] = summary.slice(1).map(Number);
    assert.equal(total, SEGMENTS);
    assert.equal(kept, onDiskAtKill, 'every segment stored before the kill is kept');
    assert.equal(rendered + rebaked, SEGMENTS - onDiskAtKill);
    assert.match(rerun.stdout, /360p\s+\[█+\] 100% 601\/601 frames/, 'plain progress lines when stdout is not a terminal');

    assertSameManifest(await store.readManifest(key), reference, 'the resumed bake against the uninterrupted one');
    assertSameManifest(await store.readManifest(twinKey), referenceTwin, 'the resumed VP9 twin against the uninterrupted one');
  });

  test('a corrupted chunk on disk is detected and its segment re-baked to the same bytes', { timeout: BAKE_TIMEOUT_MS }, async () => {
    assert.ok(reference, 'needs the reference bake');
    const corruptSegment = 7;
    const file = referenceStore.segmentPath(key, corruptSegment);
    const bytes = fs.readFileSync(file);
    // The file ends with the segment's last chunk: flip a bit inside it.
    bytes[bytes.length - 10] ^= 0x20;
    fs.writeFileSync(file, bytes);
    await assert.rejects(referenceStore.readSegment(key, corruptSegment), /Corrupt chunk 239 of segment 7/);

    const segments: SegmentBaked[] = [];
    const warnings: string[] = [];
    const result = await bakeRoute(
      { route, revision: 1, profile, sceneVersion },
      { pool, store: referenceStore, onSegment: (segment) => segments.push(segment), log: { warn: (line: string) => warnings.push(line) } },
    );
    assert.deepEqual(
      segments.filter((segment) => segment.outcome !== 'reused').map((segment) => [segment.segmentIndex, segment.outcome]),
      [[corruptSegment, 'rebaked']],
    );
    assert.equal(result.reusedSegments, SEGMENTS - 1);
    assert.match(warnings.join('\n'), /chunk 239 of segment 7 .*SHA-256 mismatch; re-baking/);
    assertSameManifest(result.manifest, reference, 'after re-baking the corrupt segment');
    assert.equal((await referenceStore.readSegment(key, corruptSegment)).length, FRAMES_PER_SEGMENT);
  });

  test(
    'a renderer killed mid-job is replaced and the queued job completes with the same manifest and a poster',
    { timeout: BAKE_TIMEOUT_MS },
    async () => {
      assert.ok(reference, 'needs the reference bake');
      // Start from the reference minus its last three segments, so the job renders only those.
      const store = new LocalFrameStore(path.join(tempRoot, 'frames-renderer-killed'));
      fs.cpSync(referenceStore.bakeDirectory(key), store.bakeDirectory(key), { recursive: true });
      // Its VP9 twin as well: a segment is kept only when both encodings of it are stored.
      fs.cpSync(referenceStore.bakeDirectory(twinKey), store.bakeDirectory(twinKey), { recursive: true });
      fs.rmSync(store.manifestPath(key));
      for (let segmentIndex = SEGMENTS - 3; segmentIndex < SEGMENTS; segmentIndex++) fs.rmSync(store.segmentPath(key, segmentIndex));

      const queue = openSqliteBakeQueue(dbPath);
      const routes = createSqliteRouteStore(openDatabase(dbPath));
      const restartsBefore = pool.restarts;
      const worker = new BakeWorker({
        queue,
        pool,
        store,
        loadRoute: publishedRevisionLoader(routes),
        workerId: 'test-worker',
        idlePollMs: 200,
        log: quiet,
      });
      try {
        const [job] = await enqueueRouteBakes(queue, { route, revision: 1 }, sceneVersion, [profile.id]);
        let killedPid: number | null = null;
        worker.on('segment', (segment) => {
          // Kill the browser a moment into the first segment that must be rendered.
          if (segment.segmentIndex === SEGMENTS - 4 && killedPid === null) {
            killedPid = pool.rendererProcessIds()[0];
            // A 30-frame segment takes well over half a second on a CPU rasteriser.
            setTimeout(() => process.kill(killedPid!, 'SIGKILL'), 500);
          }
        });
        const done = new Promise<BakeRouteResult>((resolve, reject) => {
          worker.on('job-done', (_job, result) => resolve(result));
          worker.on('job-failed', (_job, error) => reject(new Error(error)));
        });
        worker.start();
        const result = await done;
        assert.ok(killedPid !== null);
        assert.equal(result.renderedSegments, 3);
        assert.ok(result.rendererRetries >= 1, 'the segment the renderer died in was rendered again');
        assert.ok(pool.restarts > restartsBefore, 'the pool replaced the killed renderer');
        assert.ok(!pool.rendererProcessIds().includes(killedPid), 'the killed browser is no longer in the pool');
        const [finished] = await queue.list({ routeId: route.id });
        assert.equal(finished.id, job.id);
        assert.equal(finished.status, 'done');
        assert.equal(finished.framesDone, 601);
        assertSameManifest(await store.readManifest(key), reference, 'after the renderer was replaced');
        const poster = await store.readPoster(route.id, 1);
        assert.ok(poster !== null && poster[0] === 0xff && poster[1] === 0xd8, 'a JPEG poster was baked');
      } finally {
        await worker.stop();
        queue.close();
        routes.close();
      }
    },
  );
  test(
    'a worker stopped mid-job gives the job back untouched: queued, no try counted, its segments kept',
    { timeout: BAKE_TIMEOUT_MS },
    async () => {
      const jpeg = QUALITY_PROFILES['360p-jpeg'];
      const jpegKey: BakeKey = { ...key, profileId: jpeg.id };
      const store = new LocalFrameStore(path.join(tempRoot, 'frames-stopped'));
      const queue = openSqliteBakeQueue(dbPath);
      const routes = createSqliteRouteStore(openDatabase(dbPath));
      const worker = new BakeWorker({
        queue,
        pool,
        store,
        loadRoute: publishedRevisionLoader(routes),
        workerId: 'stopping-worker',
        idlePollMs: 200,
        posters: false,
        log: quiet,
      });
      try {
        const [job] = await enqueueRouteBakes(queue, { route, revision: 1 }, sceneVersion, [jpeg.id]);
        const stopped = new Promise<void>((resolve, reject) => {
          worker.once('segment', () => worker.stop().then(resolve, reject));
        });
        worker.start();
        await stopped;
        assert.equal(worker.status().running, false);
        const [given] = (await queue.list({ routeId: route.id })).filter((candidate) => candidate.id === job.id);
        assert.deepEqual([given.status, given.attempts, given.error], ['queued', 0, null]);
        assert.ok(given.framesDone >= FRAMES_PER_SEGMENT, 'progress up to the stop was recorded');
        assert.ok(await store.hasSegment(jpegKey, 0));
        assert.equal(await store.readManifest(jpegKey), null);
      } finally {
        await worker.stop();
        queue.close();
        routes.close();
      }
    },
  );
});
