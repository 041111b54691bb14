// The render server's settings, read once from the environment and validated, so a
// typo fails at start with a message instead of at the first bake.
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { resolveDatabasePath } from './db/database';

const EnvSchema = z.object({
  YUNSHAN_RENDER_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  YUNSHAN_RENDER_HOST: z.string().min(1).default('127.0.0.1'),
  YUNSHAN_FRAMES_DIR: z.string().min(1).default('data/frames'),
  YUNSHAN_RENDERERS: z.coerce.number().int().min(1).max(16).default(1),
  /** Set to 0 to serve status and frames without baking (a node that only streams). */
  YUNSHAN_BAKE: z.enum(['0', '1']).default('1'),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
});

export interface RenderServerConfig {
  port: number;
  host: string;
  databasePath: string;
  framesDir: string;
  renderers: number;
  bakeEnabled: boolean;
  chromiumPath: string;
  workerId: string;
}

export function loadRenderServerConfig(env: Readonly<Record<string, string | undefined>> = process.env, cwd = process.cwd()): RenderServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid render server configuration: ${problems}`);
  }
  const settings = parsed.data;
  return {
    port: settings.YUNSHAN_RENDER_PORT,
    host: settings.YUNSHAN_RENDER_HOST,
    databasePath: resolveDatabasePath(env, cwd),
    framesDir: path.resolve(cwd, settings.YUNSHAN_FRAMES_DIR),
    renderers: settings.YUNSHAN_RENDERERS,
    bakeEnabled: settings.YUNSHAN_BAKE === '1',
    chromiumPath: settings.CHROMIUM_PATH,
    workerId: `${os.hostname()}:${process.pid}`,
  };
}
