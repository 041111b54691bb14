// A baked 20 s route for the streaming tests and bench: baked once with the real renderer
// pool at 360p (VP8) and 360p-jpeg into a frames folder kept per scene version, so later
// test files and runs reuse it (bakeRoute keeps stored segments whose checksums verify).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bakeRoute } from '@/server/bake/bake-route';
import { QUALITY_PROFILES, type ProfileId } from '@/scenes/protocol/profile-ladder';
import { currentSceneVersion } from '@/server/bake/scene-version';
import { openDatabase } from '@/server/db/database';
import { LocalFrameStore } from '@/server/frame-store/local-frame-store';
import { createRendererPool } from '@/server/render/renderer-pool';
import { silentLogger } from '@/server/log';
import { startRenderServer, type RunningRenderServer } from '@/server/render-server';
import { loadRenderServerConfig } from '@/server/render-server-config';
import { createSqliteRouteStore } from '@/server/routes/route-store';
import type { Route } from '@/scenes/routes/route-schema';
import { buildTestRoute } from '../helpers/test-routes';

export const STREAM_TEST_PROFILES: readonly ProfileId[] = ['360p', '360p-jpeg'];

/** The shortest valid route: 601 frames, 21 one-second segments. */
export const streamTestRoute: Route = buildTestRoute('stream-test', {
  durationS: 20,
  keyframes: [
    { timeS: 0, position: [-900, 900, -350], lookAt: [-650, 1000, -350] },
    { timeS: 10, position: [-650, 950, -600], lookAt: [-650, 1000, -350] },
    { timeS: 20, position: [-400, 1000, -350], lookAt: [-650, 1000, -350] },
  ],
});

/** The fixture route is seeded as published revision 1, and baked as that revision. */
export const STREAM_TEST_REVISION = 1;

export function streamFixtureFramesDir(): string {
  return path.join(os.tmpdir(), `yunshan-stream-fixture-${currentSceneVersion()}`);
}

/** Bakes what is missing (minutes on a 2-core CPU the first time, nothing after). */
export async function ensureStreamFixtureBaked(
  profiles: readonly ProfileId[] = STREAM_TEST_PROFILES,
  log: (line: string) => void = () => {},
): Promise<string> {
  const framesDir = streamFixtureFramesDir();
  const store = new LocalFrameStore(framesDir);
  const sceneVersion = currentSceneVersion();
  const missing: ProfileId[] = [];
  for (const profileId of profiles) {
    if ((await store.readManifest({ sceneVersion, routeId: streamTestRoute.id, revision: STREAM_TEST_REVISION, profileId })) === null)
      missing.push(profileId);
  }
  if (missing.length === 0) return framesDir;
  const pool = await createRendererPool({ size: 1, log: () => {} });
  try {
    for (const profileId of missing) {
      const startedMs = Date.now();
      await bakeRoute(
        { route: streamTestRoute, revision: STREAM_TEST_REVISION, profile: QUALITY_PROFILES[profileId], sceneVersion },
        { pool, store, log: { warn: () => {} } },
      );
      log(`baked ${streamTestRoute.id} at ${profileId} in ${((Date.now() - startedMs) / 1000).toFixed(1)} s`);
    }
  } finally {
    await pool.close();
  }
  return framesDir;
}

export interface StreamTestServer {
  server: RunningRenderServer;
  dir: string;
  close(): Promise<void>;
}

/** A render server that streams the fixture (baking off), on its own temporary database. */
export async function startStreamTestServer(framesDir: string, env: Record<string, string> = {}): Promise<StreamTestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-stream-server-'));
  const databasePath = path.join(dir, 'db.sqlite');
  const routes = createSqliteRouteStore(openDatabase(databasePath));
  await routes.seedPublished([streamTestRoute]);
  routes.close();
  const config = loadRenderServerConfig({
    YUNSHAN_DB_PATH: databasePath,
    YUNSHAN_FRAMES_DIR: framesDir,
    YUNSHAN_RENDER_PORT: '0',
    YUNSHAN_BAKE: '0',
    ...env,
  });
  const server = await startRenderServer(config, silentLogger());
  return {
    server,
    dir,
    async close() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
