// The render server as the web app's API and end-to-end tests need it beside Next: in this
// process, on a free port, on the test's SQLite file, baking off (so bakes stay "queued" and
// nothing competes for the CPU), with a render API token; `webEnv` is what Next needs to ask it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { silentLogger } from '@/server/log';
import { startRenderServer, type RunningRenderServer } from '@/server/render-server';
import { loadRenderServerConfig } from '@/server/render-server-config';

export interface WebRenderServer {
  render: RunningRenderServer;
  /** YUNSHAN_RENDER_INTERNAL_URL and YUNSHAN_RENDER_API_TOKEN for startNextServer's env. */
  webEnv: Record<string, string>;
  apiToken: string;
  stop(): Promise<void>;
}

export async function startWebRenderServer(dbPath: string, extraEnv: Record<string, string> = {}): Promise<WebRenderServer> {
  const framesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-web-render-frames-'));
  const apiToken = randomBytes(24).toString('base64url');
  try {
    const render = await startRenderServer(
      loadRenderServerConfig({
        YUNSHAN_DB_PATH: dbPath,
        YUNSHAN_FRAMES_DIR: framesDir,
        YUNSHAN_RENDER_PORT: '0',
        YUNSHAN_RENDER_HOST: '127.0.0.1',
        YUNSHAN_BAKE: '0',
        YUNSHAN_RENDER_API_TOKEN: apiToken,
        ...extraEnv,
      }),
      silentLogger(),
    );
    return {
      render,
      webEnv: { YUNSHAN_RENDER_INTERNAL_URL: render.url, YUNSHAN_RENDER_API_TOKEN: apiToken },
      apiToken,
      async stop() {
        await render.close();
        fs.rmSync(framesDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(framesDir, { recursive: true, force: true });
    throw error;
  }
}
