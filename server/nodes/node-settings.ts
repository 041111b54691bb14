// The node registry's settings. It is on only where Redis is configured for this site (the
// render farm's YUNSHAN_REDIS_URL, or YUNSHAN_BAKE_QUEUE=redis with its default URL): one
// process without Redis keeps its old behaviour, with no registry and no drain.
import { z } from 'zod';

const EnvSchema = z.object({
  YUNSHAN_REDIS_URL: z.string().optional(),
  YUNSHAN_BAKE_QUEUE: z.string().optional(),
  /** This node as browsers reach it; the registry hands it to the web app. */
  YUNSHAN_PUBLIC_RENDER_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** A node that has not heart-beaten for this long drops out of the registry. */
  YUNSHAN_NODE_TTL_MS: z.coerce.number().int().min(300).max(600_000).default(15_000),
  /** On SIGTERM, how long the node waits for its viewers to move before it closes (0: no drain). */
  YUNSHAN_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).optional(),
});

export const DEFAULT_DRAIN_MS = 20_000;

export interface NodeRegistrySettings {
  /** Null when no Redis is configured: no registry. */
  registry: { publicUrl: string | null; ttlMs: number } | null;
  /** How long a SIGTERM drain waits for viewers; 0 closes at once (the default without a registry). */
  drainMs: number;
}

export function loadNodeRegistrySettings(env: Readonly<Record<string, string | undefined>>): NodeRegistrySettings {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid render node configuration: ${problems}`);
  }
  const settings = parsed.data;
  const redisConfigured = settings.YUNSHAN_REDIS_URL !== undefined || settings.YUNSHAN_BAKE_QUEUE === 'redis';
  return {
    registry: redisConfigured
      ? { publicUrl: settings.YUNSHAN_PUBLIC_RENDER_URL?.replace(/\/+$/, '') ?? null, ttlMs: settings.YUNSHAN_NODE_TTL_MS }
      : null,
    drainMs: settings.YUNSHAN_DRAIN_MS ?? (redisConfigured ? DEFAULT_DRAIN_MS : 0),
  };
}
