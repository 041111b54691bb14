// The render farm's settings, read once from the environment with zod. One setting picks
// the bake queue: SQLite (embedded, the default: one machine, no other engine) or Redis
// (BullMQ: segments spread over any number of render nodes). The rest tune the farm.
import os from 'node:os';
import { z } from 'zod';

export type BakeQueueKind = 'sqlite' | 'redis';

const EnvSchema = z.object({
  /** sqlite: bake jobs in the app's database, baked by the render server; redis: segments on BullMQ for render nodes. */
  YUNSHAN_BAKE_QUEUE: z.enum(['sqlite', 'redis']).default('sqlite'),
  YUNSHAN_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  /** Key prefix of the farm's queues in Redis, so several sites can share one Redis. */
  YUNSHAN_FARM_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _')
    .default('yunshan'),
  /**
   * A render node holds a lock on its segment and renews it while it works; a node that died
   * stops renewing, and after this long its segment is taken again by another node.
   */
  YUNSHAN_FARM_STALLED_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  /** Times a segment may be taken back from a lost node before it fails (a segment that kills every node it lands on). */
  YUNSHAN_FARM_MAX_STALLS: z.coerce.number().int().min(1).max(100).default(3),
  /** Tries of a segment that failed with an error (a renderer that kept crashing) before its bake fails. */
  YUNSHAN_FARM_SEGMENT_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** A render node's own /healthz and /metrics. */
  YUNSHAN_NODE_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  YUNSHAN_NODE_HOST: z.string().min(1).default('127.0.0.1'),
  /** The node's name in logs, metrics and Redis (default host:pid). */
  YUNSHAN_NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,80}$/)
    .optional(),
  /** On SIGTERM a node finishes its segment for this long, then gives it back to the queue. */
  YUNSHAN_NODE_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
});

export interface FarmSettings {
  queue: BakeQueueKind;
  redisUrl: string;
  prefix: string;
  stalledMs: number;
  maxStalls: number;
  segmentAttempts: number;
}

export interface RenderNodeSettings extends FarmSettings {
  port: number;
  host: string;
  nodeId: string;
  shutdownGraceMs: number;
}

function parse(env: Readonly<Record<string, string | undefined>>) {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid render farm configuration: ${problems}`);
  }
  return parsed.data;
}

export function loadFarmSettings(env: Readonly<Record<string, string | undefined>> = process.env): FarmSettings {
  const settings = parse(env);
  return {
    queue: settings.YUNSHAN_BAKE_QUEUE,
    redisUrl: settings.YUNSHAN_REDIS_URL,
    prefix: settings.YUNSHAN_FARM_PREFIX,
    stalledMs: settings.YUNSHAN_FARM_STALLED_MS,
    maxStalls: settings.YUNSHAN_FARM_MAX_STALLS,
    segmentAttempts: settings.YUNSHAN_FARM_SEGMENT_ATTEMPTS,
  };
}

export function loadRenderNodeSettings(env: Readonly<Record<string, string | undefined>> = process.env): RenderNodeSettings {
  const settings = parse(env);
  return {
    ...loadFarmSettings(env),
    // A render node only ever bakes through Redis: the setting need not be repeated on it.
    queue: 'redis',
    port: settings.YUNSHAN_NODE_PORT,
    host: settings.YUNSHAN_NODE_HOST,
    nodeId: settings.YUNSHAN_NODE_ID ?? `${os.hostname()}:${process.pid}`,
    shutdownGraceMs: settings.YUNSHAN_NODE_SHUTDOWN_GRACE_MS,
  };
}
