// A baked 20 s route for the streaming tests and bench: the end-to-end tests' cloud route,
// baked with the real renderer pool at 360p (VP8) and 360p-jpeg into the cloud fixture's
// frames folder (kept per scene version and route), so a run that has baked it for the
// end-to-end tests bakes nothing here, and later test files and runs reuse it (bakeRoute keeps
// stored segments whose checksums verify). The Node viewers of these tests decode VP8 only:
// the VP9 twins are baked only when asked for (the stream bench's VP9 viewers).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bakeRoute } from '@/server/bake/bake-route';
import { PROFILE_IDS, QUALITY_PROFILES, vp9TwinOf, type ProfileId } from '@/scenes/protocol/profile-ladder';
import { currentSceneVersion } from '@/server/bake/scene-version';
import { openDatabase } from '@/server/db/database';
import type { FrameStore } from '@/server/bake/bake-contracts';
import { LocalFrameStore } from '@/server/frame-store/local-frame-store';
import { createRendererPool } from '@/server/render/renderer-pool';
import { silentLogger } from '@/server/log';
import { startRenderServer, type RunningRenderServer } from '@/server/render-server';
import { loadRenderServerConfig } from '@/server/render-server-config';
import { createSqliteRouteStore } from '@/server/routes/route-store';
import type { Route } from '@/scenes/routes/route-schema';
import { cloudFixtureFramesDir, cloudTestRoute } from '../helpers/cloud-stream-fixture';

export const STREAM_TEST_PROFILES: readonly ProfileId[] = ['360p', '360p-jpeg'];

/** The shortest valid route: 601 frames, 21 one-second segments. */
export const streamTestRoute: Route = cloudTestRoute();

/** The fixture route is seeded as published revision 1, and baked as that revision. */
export const STREAM_TEST_REVISION = 1;

export function streamFixtureFramesDir(): string {
  return cloudFixtureFramesDir(streamTestRoute);
}

export interface StreamFixtureBakeOptions {
  /** Bake each profile's VP9 twin too, for viewers that decode VP9 (default false). */
  vp9?: boolean;
  log?: (line: string) => void;
}

/** Bakes what is missing (minutes on a 2-core CPU the first time, nothing after). */
export async function ensureStreamFixtureBaked(
  profiles: readonly ProfileId[] = STREAM_TEST_PROFILES,
  { vp9 = false, log = () => {} }: StreamFixtureBakeOptions = {},
): Promise<string> {
  const framesDir = streamFixtureFramesDir();
  const store = new LocalFrameStore(framesDir);
  const sceneVersion = currentSceneVersion();
  const missing: ProfileId[] = [];
  for (const profileId of profiles) {
    const twinId = vp9 ? vp9TwinOf(profileId) : null;
    if (!(await isBaked(store, sceneVersion, profileId)) || (twinId !== null && !(await isBaked(store, sceneVersion, twinId))))
      missing.push(profileId);
  }
  if (missing.length === 0) return framesDir;
  const pool = await createRendererPool({ size: 1, log: () => {} });
  try {
    for (const profileId of missing) {
      const startedMs = Date.now();
      await bakeRoute(
        { route: streamTestRoute, revision: STREAM_TEST_REVISION, profile: QUALITY_PROFILES[profileId], sceneVersion, vp9 },
        { pool, store, log: { warn: () => {} } },
      );
      log(
        `baked ${streamTestRoute.id} at ${profileId}${vp9 ? ' with its VP9 twin' : ''} in ${((Date.now() - startedMs) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await pool.close();
  }
  return framesDir;
}

/** The profiles baked for the fixture route in its shared folder, in ladder order (other test files and the bench add some). */
export async function bakedStreamFixtureProfiles(): Promise<ProfileId[]> {
  const store = new LocalFrameStore(streamFixtureFramesDir());
  const sceneVersion = currentSceneVersion();
  const baked: ProfileId[] = [];
  for (const profileId of PROFILE_IDS) if (await isBaked(store, sceneVersion, profileId)) baked.push(profileId);
  return baked;
}

async function isBaked(store: FrameStore, sceneVersion: string, profileId: ProfileId): Promise<boolean> {
  const key = { sceneVersion, routeId: streamTestRoute.id, revision: STREAM_TEST_REVISION, profileId };
  return (await store.readManifest(key)) !== null;
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
