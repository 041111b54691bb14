// A cloud flight ready to stream, for end-to-end tests and the bench: a short test route
// published into a fresh SQLite file and baked at 360p and 540p (VP8, each with its VP9 twin)
// and 360p-jpeg with the real renderer (once: a later start finds the manifests and starts no
// renderer), the real render server streaming it (baking off, so nothing else competes for
// the CPU) and the real Next production server pointing its pages at that render server.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/server/db/database';
import { createSqliteRouteStore } from '@/server/routes/route-store';
import { createRendererPool } from '@/server/render/renderer-pool';
import { LocalFrameStore } from '@/server/frame-store/local-frame-store';
import { bakeRoute } from '@/server/bake/bake-route';
import { currentSceneVersion } from '@/server/bake/scene-version';
import { QUALITY_PROFILES, vp9TwinOf, type ProfileId } from '@/scenes/protocol/profile-ladder';
import { silentLogger } from '@/server/log';
import { startRenderServer, type RunningRenderServer } from '@/server/render-server';
import { loadRenderServerConfig } from '@/server/render-server-config';
import type { Route } from '@/scenes/routes/route-schema';
import { startNextServer, type RunningNextServer } from './next-server';
import { buildTestRoute } from './test-routes';

export const CLOUD_TEST_ROUTE_ID = 'stream-e2e';
const BAKED_PROFILES: readonly ProfileId[] = ['360p', '360p-jpeg', '540p'];

/** 20 s, the shortest route the schema allows: 601 frames per profile. */
export function cloudTestRoute(): Route {
  return buildTestRoute(CLOUD_TEST_ROUTE_ID, {
    durationS: 20,
    keyframes: [
      { timeS: 0, position: [-900, 900, -350], lookAt: [-650, 1000, -350] },
      { timeS: 10, position: [-650, 950, -600], lookAt: [-650, 1000, -350] },
      { timeS: 20, position: [-400, 1000, -350], lookAt: [-650, 1000, -350] },
    ],
  });
}

export interface CloudStreamFixture {
  next: RunningNextServer;
  /** The running render server; replaced by restartRenderServer. */
  readonly render: RunningRenderServer;
  route: Route;
  /** The SQLite file both servers read (routes, bake jobs). */
  dbPath: string;
  /** The frames folder the render server streams from (shared between runs: see framesDir in the options). */
  framesDir: string;
  /** The tour page of the baked test route, with extra query parameters. */
  tourUrl(query?: Record<string, string>): string;
  /** Stops the render server and starts it again on the same port, with extra settings (e.g. YUNSHAN_STREAM_MAX_SESSIONS). */
  restartRenderServer(extraEnv?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

export interface CloudStreamFixtureOptions {
  /**
   * Frames folder to bake into. A folder kept between runs is reused: the bake keeps
   * segments whose checksums hold, so a second run skips the renderer. Default: a folder
   * in the system's temp dir named by the scene version and the test route's content
   * (env YUNSHAN_CLOUD_FIXTURE_FRAMES_DIR overrides).
   */
  framesDir?: string;
  /**
   * Profiles baked beside the usual three, e.g. 'sphere-2k' for the look-around tests: a 2k
   * sphere is six phone-tier views a frame (about ten minutes for the 601 frames on this CPU),
   * so only the tests that stream it pay for it, once per scene version.
   */
  extraProfiles?: readonly ProfileId[];
  log?: (line: string) => void;
}

const quiet = silentLogger();

/**
 * One folder per scene version and test route, shared by the test files of a run: the
 * second file's bake finds every segment already there and renders nothing. The route's
 * content is in the name because its revision number (1) would not change with it.
 */
export function cloudFixtureFramesDir(route: Route = cloudTestRoute()): string {
  const routeHash = createHash('sha256').update(JSON.stringify(route)).digest('hex').slice(0, 16);
  return (
    process.env.YUNSHAN_CLOUD_FIXTURE_FRAMES_DIR ?? path.join(os.tmpdir(), 'yunshan-cloud-fixture', `${currentSceneVersion()}-${routeHash}`)
  );
}

export async function startCloudStreamFixture(options: CloudStreamFixtureOptions = {}): Promise<CloudStreamFixture> {
  const log = options.log ?? (() => {});
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-cloud-stream-'));
  const route = cloudTestRoute();
  const framesDir = options.framesDir ?? cloudFixtureFramesDir(route);
  const dbPath = path.join(tempDir, 'yunshan.sqlite');

  const routes = createSqliteRouteStore(openDatabase(dbPath));
  try {
    await routes.seedPublished([route]);
  } finally {
    routes.close();
  }

  await bakeCloudFixture({ framesDir, extraProfiles: options.extraProfiles, log });

  // The page needs the render server's URL before it starts, and the render server needs
  // the page's origin: reserve the render port first, then start the page server.
  const renderPort = await freePort();
  let next: RunningNextServer | null = null;
  let render: RunningRenderServer;
  const startRender = (origin: string, extraEnv: Record<string, string> = {}) =>
    startRenderServer(
      loadRenderServerConfig({
        YUNSHAN_DB_PATH: dbPath,
        YUNSHAN_FRAMES_DIR: framesDir,
        YUNSHAN_RENDER_PORT: String(renderPort),
        YUNSHAN_RENDER_HOST: '127.0.0.1',
        YUNSHAN_BAKE: '0',
        YUNSHAN_STREAM_ALLOWED_ORIGINS: origin,
        ...extraEnv,
      }),
      quiet,
    );
  try {
    next = await startNextServer({
      dbPath,
      // The browser and the page server both reach the render server on loopback here.
      env: { YUNSHAN_PUBLIC_RENDER_URL: `http://127.0.0.1:${renderPort}`, YUNSHAN_RENDER_INTERNAL_URL: `http://127.0.0.1:${renderPort}` },
    });
    render = await startRender(next.baseUrl);
  } catch (error) {
    await next?.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
  const runningNext = next;
  let runningRender = render;

  return {
    next: runningNext,
    get render() {
      return runningRender;
    },
    route,
    dbPath,
    framesDir,
    tourUrl(query = {}) {
      const search = new URLSearchParams(query).toString();
      return `${runningNext.baseUrl}/tours/${route.id}${search ? `?${search}` : ''}`;
    },
    async restartRenderServer(extraEnv = {}) {
      await runningRender.close();
      runningRender = await startRender(runningNext.baseUrl, extraEnv);
    },
    async stop() {
      await runningRender.close();
      await runningNext.stop();
      fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/** What bakeCloudFixture needs: where to bake, what beyond the usual three, and a log line sink. */
export interface CloudFixtureBakeOptions {
  framesDir?: string;
  extraProfiles?: readonly ProfileId[] | undefined;
  log?: (line: string) => void;
}

/**
 * Bakes the test route's fixture profiles into the shared frames folder, rendering only what
 * is missing: when every manifest (and VP9 twin) is there, no renderer starts at all. Also run
 * on its own by scripts/prebake-cloud-fixture.ts, beside the suite's earlier phases.
 */
export async function bakeCloudFixture(options: CloudFixtureBakeOptions = {}): Promise<void> {
  const log = options.log ?? (() => {});
  const route = cloudTestRoute();
  const framesDir = options.framesDir ?? cloudFixtureFramesDir(route);
  await waitForPrebake(framesDir, log);
  const store = new LocalFrameStore(framesDir);
  const sceneVersion = currentSceneVersion();
  // A manifest is written after all its segments: with every profile's and twin's there, the
  // bake is whole, and no renderer pool (a bundle, a browser, a scene) need start to find so.
  const isBaked = async (profileId: ProfileId) =>
    (await store.readManifest({ sceneVersion, routeId: route.id, revision: 1, profileId })) !== null;
  const missing: ProfileId[] = [];
  const profiles = [...BAKED_PROFILES, ...(options.extraProfiles ?? [])];
  for (const profileId of profiles) {
    const twinId = vp9TwinOf(profileId);
    if (!(await isBaked(profileId)) || (twinId !== null && !(await isBaked(twinId)))) missing.push(profileId);
  }
  if (missing.length === 0) log(`found ${profiles.join(', ')} and the VP9 twins baked in ${framesDir}`);
  else {
    const pool = await createRendererPool({ size: 1 });
    try {
      for (const profileId of missing) {
        const result = await bakeRoute({ route, revision: 1, profile: QUALITY_PROFILES[profileId], sceneVersion }, { pool, store });
        log(
          `baked ${profileId}: ${result.renderedSegments} segments rendered, ${result.reusedSegments} reused, ${Math.round(result.elapsedMs)} ms`,
        );
      }
    } finally {
      await pool.close();
    }
  }
}

/** Where a running prebake (scripts/prebake-cloud-fixture.ts) leaves its process id while it bakes a frames folder. */
export function prebakeMarkerPath(framesDir: string): string {
  return `${framesDir}.prebaking`;
}

/**
 * Two bakes of one folder at once would each render every missing segment: a test that needs
 * the fixture while the prebake still runs waits for it, then finds the manifests. A marker whose
 * process is gone (a prebake killed) is ignored: the bake resumes where that one stopped.
 */
async function waitForPrebake(framesDir: string, log: (line: string) => void): Promise<void> {
  const marker = prebakeMarkerPath(framesDir);
  const startedMs = Date.now();
  let said = false;
  for (;;) {
    let pid: number;
    try {
      pid = Number(fs.readFileSync(marker, 'utf8'));
    } catch {
      break;
    }
    if (!(pid > 0) || pid === process.pid || !processAlive(pid)) break;
    if (!said) log(`waiting for the prebake (process ${pid}) to finish ${framesDir}`);
    said = true;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  if (said) log(`the prebake finished after ${Math.round((Date.now() - startedMs) / 1000)} s of waiting`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
