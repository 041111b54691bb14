// The render farm survives losing a node mid-segment. Two `npm run render-node` processes
// (real Chromium renderers) bake a short route at the cheapest profile through a real
// redis-server, dispatched from the SQLite bake queue as the render server does; one node is
// killed with SIGKILL while it bakes a segment. The other node takes that segment once its
// lock runs out and finishes the bake; the studio's row shows progress on the way and ends
// done; the manifest and every segment file are byte-identical to a one-node bake, and every
// stored segment verifies. The surviving node answers /healthz and /metrics; stopped with
// SIGTERM mid-segment (grace period 0) it gives the segment back to the queue unwritten and
// without counting a try, and exits cleanly.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BakeJob, BakeKey } from '@/server/bake/bake-contracts';
import { publishedRevisionLoader } from '@/server/bake/bake-worker';
import { bakeRoute } from '@/server/bake/bake-route';
import { enqueueRouteBakes } from '@/server/bake/enqueue-route-bakes';
import { frameCountFor, segmentCountFor } from '@/scenes/protocol/frame-timing';
import { QUALITY_PROFILES } from '@/scenes/protocol/profile-ladder';
import { currentSceneVersion } from '@/server/bake/scene-version';
import { openSqliteBakeQueue, type SqliteBakeQueue } from '@/server/bake/sqlite-bake-queue';
import { openDatabase } from '@/server/db/database';
import { BullmqSegmentQueue } from '@/server/farm/bullmq-segment-queue';
import { FarmDispatcher } from '@/server/farm/farm-dispatcher';
import { segmentJobId } from '@/server/farm/segment-job';
import { LocalFrameStore } from '@/server/frame-store/local-frame-store';
import { silentLogger } from '@/server/log';
import { createRendererPool } from '@/server/render/renderer-pool';
import { createSqliteRouteStore, type RouteStore } from '@/server/routes/route-store';
import { startRedisServer, type RunningRedis } from '../helpers/redis-server';
import { buildShortestTestRoute } from '../helpers/test-routes';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The shortest route the schema allows: 601 frames in 21 segments. */
const route = buildShortestTestRoute('farm-crash');
const profile = QUALITY_PROFILES['360p'];
/** A lost node's segment is taken again this long after its last lock renewal. */
const STALLED_MS = 3_000;
/** These bound hangs on a slow shared CPU; nothing asserts speed. */
const BAKE_TIMEOUT_MS = 15 * 60_000;

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-farm-crash-'));
const farmFramesDir = path.join(tempRoot, 'frames-farm');
const farmStore = new LocalFrameStore(farmFramesDir);
const referenceStore = new LocalFrameStore(path.join(tempRoot, 'frames-reference'));
const sceneVersion = currentSceneVersion();
const key: BakeKey = { sceneVersion, routeId: route.id, revision: 1, profileId: profile.id };
const prefix = 'farmcrash';
const quiet = silentLogger();

let redis: RunningRedis;
let routes: RouteStore;
let bakeQueue: SqliteBakeQueue;
let farm: BullmqSegmentQueue;
let dispatcher: FarmDispatcher;
const nodes = new Set<ChildProcess>();

interface NodeRun {
  child: ChildProcess;
  output: { text: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startNode(nodeId: string, shutdownGraceMs: number): NodeRun {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/render-node.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      YUNSHAN_REDIS_URL: redis.url,
      YUNSHAN_FARM_PREFIX: prefix,
      YUNSHAN_FARM_STALLED_MS: String(STALLED_MS),
      YUNSHAN_FRAME_STORE: 'local',
      YUNSHAN_FRAMES_DIR: farmFramesDir,
      YUNSHAN_RENDERERS: '1',
      YUNSHAN_NODE_PORT: '0',
      YUNSHAN_NODE_HOST: '127.0.0.1',
      YUNSHAN_NODE_ID: nodeId,
      YUNSHAN_NODE_SHUTDOWN_GRACE_MS: String(shutdownGraceMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  nodes.add(child);
  const output = { text: '' };
  child.stdout!.on('data', (data: Buffer) => (output.text += data.toString()));
  child.stderr!.on('data', (data: Buffer) => (output.text += data.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      nodes.delete(child);
      setTimeout(() => resolve({ code, signal }), 100);
    }),
  );
  return { child, output, exited };
}

async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  context: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}\n${context()}`);
    await sleep(200);
  }
}

before(async () => {
  redis = await startRedisServer();
  const dbPath = path.join(tempRoot, 'db.sqlite');
  routes = createSqliteRouteStore(openDatabase(dbPath));
  await routes.seedPublished([route]);
  bakeQueue = openSqliteBakeQueue(dbPath);
  farm = new BullmqSegmentQueue({ redisUrl: redis.url, prefix, segmentAttempts: 3 });
  dispatcher = new FarmDispatcher({
    queue: bakeQueue,
    farm,
    loadRoute: publishedRevisionLoader(routes),
    workerId: 'test-dispatcher',
    pollMs: 300,
    log: quiet,
  });
});

after(async () => {
  for (const child of nodes) child.kill('SIGKILL');
  await dispatcher?.stop();
  await farm?.close();
  bakeQueue?.close();
  routes?.close();
  await redis?.stop();
  fs.rmSync(tempRoot, { recursive: true, force: true });
});

describe('the render farm', () => {
  test('a node killed mid-segment: the other finishes the bake, byte-identical to one node', { timeout: BAKE_TIMEOUT_MS * 2 }, async () => {
    const [job] = await enqueueRouteBakes(bakeQueue, { route, revision: 1 }, sceneVersion, [profile.id]);
    const rows: BakeJob[] = [];
    dispatcher.on('job', (row) => rows.push(row));

    const doomed = startNode('node-doomed', 120_000);
    const survivor = startNode('node-survivor', 0);
    const log = () => `doomed node:\n${doomed.output.text}\nsurviving node:\n${survivor.output.text}`;
    // Both nodes wait on the queue before the bake reaches it, so each takes a segment at once.
    const ready = (node: NodeRun) => /render node \S+ on http/.test(node.output.text) || node.child.exitCode !== null;
    await waitFor(() => ready(doomed) && ready(survivor), BAKE_TIMEOUT_MS, 'both render nodes to start', log);
    assert.ok(doomed.child.exitCode === null && survivor.child.exitCode === null, `both render nodes are up:\n${log()}`);
    dispatcher.start();
    // Kill the doomed node as soon as it has taken a segment: it is mid-segment, drawing.
    const claimed = /\[node\] segment (\d+) of farm-crash r1 360p: baking/;
    await waitFor(
      () => claimed.test(doomed.output.text) || doomed.child.exitCode !== null,
      BAKE_TIMEOUT_MS,
      'the doomed node to take a segment',
      log,
    );
    const lostSegment = Number(claimed.exec(doomed.output.text)?.[1]);
    assert.ok(Number.isInteger(lostSegment), `the doomed node took a segment before it exited:\n${log()}`);
    doomed.child.kill('SIGKILL');
    assert.equal((await doomed.exited).signal, 'SIGKILL');
    assert.doesNotMatch(
      doomed.output.text,
      new RegExp(`segment ${lostSegment} of farm-crash r1 360p: (rendered|reused)`),
      'it was killed before finishing the segment',
    );

    const finished = async () => {
      // A node refuses segments of a scene other than its own: the scene code changed under the test.
      if (/not the bake's/.test(survivor.output.text))
        throw new Error(`the scene code changed while the test ran:\n${survivor.output.text}`);
      return (await bakeQueue.list({ routeId: route.id })).find((row) => row.id === job.id)?.status === 'done';
    };
    await waitFor(finished, BAKE_TIMEOUT_MS, 'the bake to finish on the surviving node', log);
    assert.match(
      survivor.output.text,
      new RegExp(`segment ${lostSegment} of farm-crash r1 360p: rendered`),
      'the surviving node baked the lost segment',
    );
    assert.match(survivor.output.text, /manifest of farm-crash r1 360p: written/);

    // The studio's row: progress on the way, then done with every frame.
    const row = (await bakeQueue.list({ routeId: route.id })).find((candidate) => candidate.id === job.id);
    assert.equal(row?.status, 'done');
    assert.equal(row?.framesDone, frameCountFor(route.durationS));
    const partial = rows.filter(
      (update) => update.status === 'running' && update.framesDone > 0 && update.framesDone < frameCountFor(route.durationS),
    );
    assert.ok(partial.length > 0, 'the row showed frames done while the farm baked');

    // The surviving node's operations endpoints, then a clean stop.
    const url = /render node node-survivor on (http:\/\/127\.0\.0\.1:\d+)/.exec(survivor.output.text)?.[1];
    assert.ok(url, 'the node printed its address');
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    assert.match(metrics, /yunshan_farm_node_segments_total\{[^}]*outcome="rendered"[^}]*\} \d+/);

    // Another bake for the survivor; SIGTERM it mid-segment with no grace period: the segment goes back.
    const givenBackKey: BakeKey = { ...key, profileId: '360p-jpeg' };
    await farm.enqueueBake(givenBackKey, route);
    const claimedJpeg = /\[node\] segment (\d+) of farm-crash r1 360p-jpeg: baking/;
    await waitFor(() => claimedJpeg.test(survivor.output.text), BAKE_TIMEOUT_MS, 'the survivor to take a 360p-jpeg segment', log);
    const inHand = Number(claimedJpeg.exec(survivor.output.text)?.[1]);
    survivor.child.kill('SIGTERM');
    assert.equal((await survivor.exited).code, 0, `the surviving node stops cleanly on SIGTERM:\n${survivor.output.text}`);
    assert.match(survivor.output.text, /giving the segments in hand back to the queue/);
    const givenBack = await farm.segments.getJob(segmentJobId(givenBackKey, inHand));
    assert.ok(givenBack, 'the segment job is still queued');
    assert.ok(['waiting', 'prioritized'].includes(await givenBack.getState()), 'back in the queue for another node');
    assert.equal(givenBack.attemptsMade, 0, 'no failed try counted');
    assert.equal(await farmStore.hasSegment(givenBackKey, inHand), false, 'nothing written for it');

    // The same bake on one node, the embedded way.
    const pool = await createRendererPool({ size: 1 });
    try {
      await bakeRoute({ route, revision: 1, profile, sceneVersion }, { pool, store: referenceStore, log: quiet });
    } finally {
      await pool.close();
    }
    assert.deepEqual(
      fs.readFileSync(farmStore.manifestPath(key)),
      fs.readFileSync(referenceStore.manifestPath(key)),
      'the manifest is byte-identical to a one-node bake',
    );
    for (let segmentIndex = 0; segmentIndex < segmentCountFor(route.durationS); segmentIndex++) {
      // Verifies every chunk's SHA-256: no corrupt segment is there to be served.
      const chunks = await farmStore.readSegment(key, segmentIndex);
      assert.ok(chunks.length > 0);
      assert.ok(
        fs.readFileSync(farmStore.segmentPath(key, segmentIndex)).equals(fs.readFileSync(referenceStore.segmentPath(key, segmentIndex))),
        `segment ${segmentIndex} is stored byte for byte as one node stores it`,
      );
    }
    const leftovers = fs.readdirSync(farmStore.bakeDirectory(key)).filter((name) => !/^segment-\d{6}\.ysg$|^manifest\.json$/.test(name));
    assert.deepEqual(leftovers, [], 'no half-written file is left behind');
  });
});
