// Several render nodes behind one web app (issue 13, item 2): two real render-server processes
// (server/main.ts) on one Redis (a real redis-server on loopback) and one frame store holding the
// cloud fixture's 360p bake. Both heart-beat into the registry; the render API (as the web app's
// client asks it) hands out the least-loaded node; SIGTERM drains a node: its playing viewer is
// told 'draining' with the other node's URL and resumes there at the frame it was on, and the
// node exits once it has left; a node killed with SIGKILL drops out when its TTL runs out. And
// through socket.io's Redis adapter, a bake's progress sent by one node reaches a viewer waiting
// for that bake on another.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { currentSceneVersion } from '@/server/bake/scene-version';
import { openSqliteBakeQueue } from '@/server/bake/sqlite-bake-queue';
import { LocalFrameStore } from '@/server/frame-store/local-frame-store';
import { silentLogger } from '@/server/log';
import { RedisNodeRegistry } from '@/server/nodes/node-registry';
import { startRenderServer } from '@/server/render-server';
import { loadRenderServerConfig } from '@/server/render-server-config';
import { openRouteStore } from '@/server/routes/open-route-store';
import { BakeProgressPublisher } from '@/server/stream/bake-progress-room';
import { BakedRouteSource } from '@/server/stream/baked-route-source';
import type { NodeEntry } from '@/server/nodes/node-entry';
import { NodeStreamViewer } from '@/server/stream/node-stream-viewer';
import { createRenderServerClient } from '@/server/web/render-server-client';
import { bakeHttpTestRoute, type BakedHttpRoute } from '../helpers/http-segment-origin';
import { freeLoopbackPort } from '../helpers/free-port';
import { startRenderNodeProcess, type RenderNodeProcess as NodeProcess } from '../helpers/render-node-process';
import { startRedisServer, type RunningRedis } from '../helpers/redis-server';
import { buildTestRoute } from '../helpers/test-routes';

const PREFIX = 'nodes-test';
/** Short, so the SIGKILL case is quick; the heartbeat is a third of it. */
const TTL_MS = 2_000;
/** Bounds the waits; nothing asserts speed. */
const WAIT_MS = 30_000;

let redis: RunningRedis;
let baked: BakedHttpRoute;
let registry: RedisNodeRegistry;
const nodes: NodeProcess[] = [];
const viewers: NodeStreamViewer[] = [];

async function startNode(): Promise<NodeProcess> {
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const node = await startRenderNodeProcess(url, {
    ...baked.renderEnv(port),
    YUNSHAN_REDIS_URL: redis.url,
    YUNSHAN_FARM_PREFIX: PREFIX,
    YUNSHAN_PUBLIC_RENDER_URL: url,
    YUNSHAN_NODE_TTL_MS: String(TTL_MS),
    YUNSHAN_DRAIN_MS: String(WAIT_MS),
  });
  nodes.push(node);
  return node;
}

async function waitFor<T>(read: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(100);
  }
}

const entryOf = async (node: NodeProcess): Promise<NodeEntry | undefined> =>
  (await registry.list()).find((entry) => entry.renderUrl === node.url);

function viewerOn(url: string, routeId = baked.key.routeId): NodeStreamViewer {
  const viewer = new NodeStreamViewer({
    url,
    routeId,
    revision: baked.key.revision,
    profile: '360p',
    // The socket transport: the drain is the same for either, and it spares this machine a WebRTC stack per viewer.
    transport: 'socket',
    recordFrames: true,
  });
  viewers.push(viewer);
  return viewer;
}

before(async () => {
  redis = await startRedisServer();
  baked = await bakeHttpTestRoute('360p');
  registry = new RedisNodeRegistry(redis.url, PREFIX, TTL_MS);
  await registry.connect();
});

after(async () => {
  for (const viewer of viewers) viewer.close();
  await Promise.all(nodes.map((node) => node.kill()));
  await registry?.close();
  await redis?.stop();
  baked?.cleanUp();
});

describe('several render nodes on one Redis', () => {
  test('registry, least-loaded choice, SIGTERM drain to the other node at the same frame, SIGKILL drop-out', async () => {
    const [a, b] = [await startNode(), await startNode()];

    // Both heart-beat their entry: public URL, load and health.
    const entries = await waitFor(async () => {
      const listed = await registry.list();
      return listed.length === 2 ? listed : undefined;
    }, 'both nodes in the registry');
    assert.deepEqual(entries.map((entry) => entry.renderUrl).sort(), [a.url, b.url].sort());
    for (const entry of entries) {
      assert.equal(entry.healthy, true);
      assert.equal(entry.draining, false);
      assert.equal(entry.sessions, 0);
    }

    // A viewer plays on A; once A's heartbeat counts it, every node hands the next viewer B.
    const viewer = viewerOn(a.url);
    await viewer.waitFor(() => viewer.ready !== null && viewer.framesReceived > 0, WAIT_MS, 'the first frames from A');
    viewer.play();
    await waitFor(async () => ((await entryOf(a))?.sessions === 1 ? true : undefined), "A's entry to count its viewer");
    const route = { routeId: baked.key.routeId, revision: baked.key.revision };
    for (const asked of [a, b]) {
      const reply = await createRenderServerClient({ baseUrl: asked.url, apiToken: undefined }).renderNode(route);
      assert.deepEqual(reply, { node: { nodeId: (await entryOf(b))!.nodeId, renderUrl: b.url }, reason: 'chosen' }, `asked ${asked.url}`);
    }
    // A revision with no bake is handed to no node.
    const unbaked = await createRenderServerClient({ baseUrl: a.url, apiToken: undefined }).renderNode({ ...route, revision: 99 });
    assert.deepEqual(unbaked, { node: null, reason: 'not-baked' });

    // Some way into the flight, A is stopped as a deploy would: it names B to its viewer.
    await viewer.waitFor(() => viewer.playhead >= 45, WAIT_MS, 'the viewer to play 1.5 s on A');
    a.child.kill('SIGTERM');
    await viewer.waitFor(() => viewer.draining !== null, WAIT_MS, "A's draining message");
    assert.deepEqual(viewer.draining?.moveTo, { kind: 'node', renderUrl: b.url });
    assert.equal(viewer.draining?.reason, 'shutdown');
    assert.ok(viewer.draining!.playheadFrame >= 0, 'A says where it believes the viewer is');
    // Draining, A takes no new viewers and drops out of the choice.
    const late = viewerOn(a.url);
    await late.waitFor(() => late.busy !== null, WAIT_MS, 'a new join on the draining node to be refused');
    assert.match(late.busy!.reason, /draining/);
    late.close();

    const moved = viewer.moveOnDrain();
    assert.ok(moved !== null);
    const next = moved.viewer;
    await next.waitFor(() => next.state !== null && next.lastReceivedFrame > moved.frame, WAIT_MS, 'the viewer to resume on B');
    assert.equal(next.state!.targetFrame, moved.frame, 'B streams from the frame the viewer was on');
    assert.ok(next.ready!.startFrame <= moved.frame, 'from the keyframe at or before it');
    assert.ok(
      next.frames.some((frame) => frame.frameIndex === moved.frame),
      `B sent frame ${moved.frame} itself, so there is no gap in the picture`,
    );
    await next.waitFor(() => next.playhead > moved.frame + 1, WAIT_MS, 'playback to go on from there on B');

    // With its viewer gone, A finishes its drain and exits cleanly, and leaves the registry.
    assert.equal(await a.exited, 0, a.output());
    assert.match(a.output(), /drained: 1 viewer\(s\) moved, 0 cut/);
    assert.equal(await entryOf(a), undefined);
    await waitFor(async () => ((await entryOf(b))?.sessions === 1 ? true : undefined), "B's entry to count the moved viewer");

    // B dies without a word: its entry stays until its TTL runs out, then it is gone.
    next.close();
    b.child.kill('SIGKILL');
    await b.exited;
    await waitFor(async () => ((await entryOf(b)) === undefined ? true : undefined), "B's entry to expire");
    assert.deepEqual(await registry.list(), []);
  });

  test("a bake's progress sent by one node reaches a viewer waiting for it on another", async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-nodes-progress-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const dbPath = path.join(dir, 'yunshan.sqlite');
    const framesDir = path.join(dir, 'frames');
    const route = buildTestRoute('nodes-progress');
    const routes = await openRouteStore({ filePath: dbPath, seedRoutes: [route] });
    t.after(() => routes.close());
    const env = {
      YUNSHAN_DB_PATH: dbPath,
      YUNSHAN_FRAMES_DIR: framesDir,
      YUNSHAN_RENDER_PORT: '0',
      YUNSHAN_BAKE: '0',
      YUNSHAN_REDIS_URL: redis.url,
      YUNSHAN_FARM_PREFIX: 'nodes-progress',
    };
    const [a, b] = [
      await startRenderServer(loadRenderServerConfig(env), silentLogger()),
      await startRenderServer(loadRenderServerConfig(env), silentLogger()),
    ];
    t.after(() => Promise.all([a.close(), b.close()]));

    // A viewer waits on B for a route nothing has baked yet.
    const viewer = viewerOn(b.url, route.id);
    await viewer.waitFor(() => viewer.notBaked !== null, WAIT_MS, "B's not-baked answer");
    assert.ok(viewer.notBaked!.profiles.every((profile) => profile.framesDone === 0));

    // Its bake makes progress (the bake row as a worker would move it), and node A announces it.
    const queue = openSqliteBakeQueue(dbPath);
    t.after(() => queue.close());
    const sceneVersion = currentSceneVersion();
    const job = await queue.enqueue({ routeId: route.id, revision: 1, profileId: '360p', sceneVersion, framesTotal: 1201 });
    for (let claimed = await queue.claim('test-worker', 60_000); claimed?.id !== job.id;) {
      assert.ok(claimed !== null, 'the test route has a queued bake to claim');
      claimed = await queue.claim('test-worker', 60_000);
    }
    await queue.heartbeat(job.id, 'test-worker', { framesDone: 300, framesPerSecond: 12 }, 60_000);
    const sourceOnA = new BakedRouteSource({
      routes,
      store: new LocalFrameStore(framesDir),
      listBakes: (routeId) => queue.list({ routeId }),
      sceneVersion,
    });
    new BakeProgressPublisher(a.stream.io, sourceOnA, (error) => assert.fail(String(error))).update(route.id, 1);
    await viewer.waitFor(
      () => viewer.notBaked!.profiles.some((profile) => profile.profileId === '360p' && profile.framesDone === 300),
      WAIT_MS,
      "A's progress on the viewer of B",
    );
    assert.equal(viewer.notBaked!.profiles.find((profile) => profile.profileId === '360p')?.status, 'running');
  });
});
