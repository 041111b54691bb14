// A baked route for the HTTP segment test and the fan-out bench: the cloud fixture's 20 s test
// route (601 frames, 21 segments) published into a fresh SQLite file and baked at one profile
// with the real renderer into the folder the cloud fixture shares between runs, so a bake
// already there is used as it is (Chromium starts only when the manifest is missing).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BakeKey } from '@/server/bake/bake-contracts';
import { bakeRoute } from '@/server/bake/bake-route';
import { QUALITY_PROFILES, type ProfileId } from '@/scenes/protocol/profile-ladder';
import { currentSceneVersion } from '@/server/bake/scene-version';
import { openDatabase } from '@/server/db/database';
import { LocalFrameStore } from '@/server/frame-store/local-frame-store';
import { createRendererPool } from '@/server/render/renderer-pool';
import { createSqliteRouteStore } from '@/server/routes/route-store';
import { cloudFixtureFramesDir, cloudTestRoute } from './cloud-stream-fixture';

export interface BakedHttpRoute {
  key: BakeKey;
  store: LocalFrameStore;
  framesDir: string;
  /** A fresh SQLite file with the route published, for the render server. */
  dbPath: string;
  /** Environment for a render server that serves this bake (baking off). */
  renderEnv(port: number, allowedOrigins?: string): Record<string, string>;
  cleanUp(): void;
}

export async function bakeHttpTestRoute(profileId: ProfileId = '360p', log: (line: string) => void = () => {}): Promise<BakedHttpRoute> {
  const route = cloudTestRoute();
  const sceneVersion = currentSceneVersion();
  const framesDir = cloudFixtureFramesDir(route);
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-http-segments-'));
  const dbPath = path.join(tempDir, 'yunshan.sqlite');
  const routes = createSqliteRouteStore(openDatabase(dbPath));
  try {
    await routes.seedPublished([route]);
  } finally {
    routes.close();
  }
  const store = new LocalFrameStore(framesDir);
  const key: BakeKey = { sceneVersion, routeId: route.id, revision: 1, profileId };
  if ((await store.readManifest(key)) === null) {
    const pool = await createRendererPool({ size: 1 });
    try {
      const result = await bakeRoute({ route, revision: 1, profile: QUALITY_PROFILES[profileId], sceneVersion }, { pool, store });
      log(
        `baked ${route.id} at ${profileId}: ${result.renderedSegments} segments rendered, ${result.reusedSegments} reused, ${Math.round(result.elapsedMs)} ms`,
      );
    } finally {
      await pool.close();
    }
  }
  return {
    key,
    store,
    framesDir,
    dbPath,
    renderEnv: (port, allowedOrigins = 'http://127.0.0.1:3000') => ({
      YUNSHAN_DB_PATH: dbPath,
      YUNSHAN_FRAMES_DIR: framesDir,
      YUNSHAN_RENDER_PORT: String(port),
      YUNSHAN_RENDER_HOST: '127.0.0.1',
      YUNSHAN_BAKE: '0',
      YUNSHAN_STREAM_ALLOWED_ORIGINS: allowedOrigins,
    }),
    cleanUp: () => fs.rmSync(tempDir, { recursive: true, force: true }),
  };
}
