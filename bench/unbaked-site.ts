// The site as `npm start` runs it on a fresh deploy, for the page-load benches: the production
// web app and a render server on one database, baking off, so a tour's route is not baked and
// the visitor's device draws it. Needs `next build` first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRenderServer } from '../server/render-server';
import { loadRenderServerConfig } from '../server/render-server-config';
import { freeLoopbackPort } from '../tests/helpers/free-port';
import { startNextServer } from '../tests/helpers/next-server';

export interface UnbakedSite {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startUnbakedSite(): Promise<UnbakedSite> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-unbaked-site-'));
  const renderPort = await freeLoopbackPort();
  const next = await startNextServer({ env: { YUNSHAN_PUBLIC_RENDER_URL: `http://127.0.0.1:${renderPort}` } });
  const render = await startRenderServer(
    loadRenderServerConfig({
      YUNSHAN_DB_PATH: next.dbPath,
      YUNSHAN_FRAMES_DIR: path.join(dir, 'frames'),
      YUNSHAN_RENDER_PORT: String(renderPort),
      YUNSHAN_RENDER_HOST: '127.0.0.1',
      YUNSHAN_BAKE: '0',
      YUNSHAN_STREAM_ALLOWED_ORIGINS: next.baseUrl,
    }),
  );
  return {
    baseUrl: next.baseUrl,
    async stop() {
      await render.close();
      await next.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
