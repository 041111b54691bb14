// The render server's settings, read once from the environment and validated, so a
// typo fails at start with a message instead of at the first bake.
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { resolveDatabasePath } from './db/database';
import { DEFAULT_CHROMIUM_PATH } from './render/chromium-launch';
import { loadFarmSettings, type FarmSettings } from './farm/farm-settings';
import { STREAM_TRANSPORT_MODES, type StreamTransportMode } from './stream/http-handoff';
import { parseFrameStoreSettings, type FrameStoreSettings } from './frame-store/frame-store-settings';
import { loadNodeRegistrySettings, type NodeRegistrySettings } from './nodes/node-settings';
import { DEFAULT_BAKE_YIELD, type BakeYieldSettings } from './render/bake-yield-policy';

const EnvSchema = z.object({
  YUNSHAN_RENDER_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  YUNSHAN_RENDER_HOST: z.string().min(1).default('127.0.0.1'),
  YUNSHAN_FRAMES_DIR: z.string().min(1).default('data/frames'),
  YUNSHAN_RENDERERS: z.coerce.number().int().min(1).max(16).default(1),
  /** Set to 0 to serve status and frames without baking (a node that only streams). */
  YUNSHAN_BAKE: z.enum(['0', '1']).default('1'),
  /** The render server's own name for it, which its messages tell operators to set, wins over the generic one. */
  YUNSHAN_CHROMIUM_PATH: z.string().min(1).optional(),
  CHROMIUM_PATH: z.string().min(1).optional(),
  /** 0 lets renderers compete with the streams and the web app (a machine that only bakes); by default they yield. */
  YUNSHAN_RENDER_LOW_PRIORITY: z.enum(['0', '1']).default('1'),
  /**
   * The bake steps aside (between frames) while the rest of the machine uses more than this
   * many cores; 'off' lets it draw whenever the scheduler allows. Only with low priority on.
   */
  YUNSHAN_BAKE_YIELD_CORES: z.union([z.literal('off'), z.coerce.number().min(0).max(1024)]).default(DEFAULT_BAKE_YIELD.holdAboveCores),
  /** Comma-separated origins whose pages may open a stream (the site's own origin in production). */
  YUNSHAN_STREAM_ALLOWED_ORIGINS: z.string().default('http://localhost:3000,http://127.0.0.1:3000'),
  /** Concurrent streams this node serves; one more is answered 'busy'. */
  YUNSHAN_STREAM_MAX_SESSIONS: z.coerce.number().int().min(0).max(100_000).default(200),
  /** auto: WebRTC while under the cap, HTTP segments beyond it; http: every viewer on HTTP segments; webrtc: 'busy' at the cap. */
  YUNSHAN_STREAM_TRANSPORT: z.enum(STREAM_TRANSPORT_MODES).default('auto'),
  /** The public base URL of /bakes and /segments that players fetch from (a CDN or nginx cache in front); unset: the node itself. */
  YUNSHAN_STREAM_SEGMENT_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Per client address: sockets at once (one more is refused) and stream sessions at once (one more is answered 'busy'). */
  YUNSHAN_STREAM_MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(8),
  YUNSHAN_STREAM_MAX_SESSIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(4),
  /** A socket that has asked for no stream for this long is closed. */
  YUNSHAN_STREAM_IDLE_SOCKET_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** Bearer token for /metrics, /api/bakes and its event stream from beyond loopback; without it they answer only this machine. */
  YUNSHAN_OPS_TOKEN: z.string().min(16, 'an operations token of at least 16 characters').optional(),
  /** The web app's bearer token for POST /api/bake-requests (npm start makes one per launch); without it bake requests are refused and the sweep queues bakes. */
  YUNSHAN_RENDER_API_TOKEN: z.string().min(16, 'a render API token of at least 16 characters').optional(),
  /**
   * Reverse proxies in front of this node (nginx, a load balancer) whose X-Forwarded-For is
   * believed; 0 (the default) judges every client by its socket's own address.
   */
  YUNSHAN_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(16).default(0),
  /** Bake event-stream clients at once; one more is answered 429. */
  YUNSHAN_OPS_MAX_EVENT_STREAMS: z.coerce.number().int().min(1).max(10_000).default(16),
  /** How long a viewer's session waits for its socket to reconnect before it is dropped. */
  YUNSHAN_STREAM_RESUME_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
  /** Comma-separated stun: URLs and turn:/turns: URLs. */
  YUNSHAN_STUN_URLS: z.string().default(''),
  YUNSHAN_TURN_URLS: z.string().default(''),
  /** The TURN server's shared secret (coturn static-auth-secret): credentials are minted per session from it. */
  YUNSHAN_TURN_SECRET: z.string().default(''),
  YUNSHAN_TURN_TTL_S: z.coerce.number().int().min(60).max(86_400).default(3600),
});

function commaList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export interface StreamServerConfig {
  allowedOrigins: string[];
  maxSessions: number;
  transportMode: StreamTransportMode;
  segmentBaseUrl?: string;
  maxSocketsPerAddress: number;
  maxSessionsPerAddress: number;
  idleSocketMs: number;
  resumeGraceMs: number;
  stunUrls: string[];
  turnUrls: string[];
  turnSecret: string;
  turnTtlS: number;
}

export interface RenderServerConfig {
  port: number;
  host: string;
  databasePath: string;
  framesDir: string;
  /** Where frames are kept: local disk at framesDir (the default), or an S3-compatible bucket (YUNSHAN_FRAME_STORE=s3). */
  frameStore: FrameStoreSettings;
  renderers: number;
  bakeEnabled: boolean;
  chromiumPath: string;
  renderLowPriority: boolean;
  /** When renderers hold for the machine's foreground (YUNSHAN_BAKE_YIELD_CORES); null where they never do. */
  bakeYield: BakeYieldSettings | null;
  /** Opens the operations endpoints to peers beyond loopback that present it. */
  opsToken: string | undefined;
  /** Opens POST /api/bake-requests to the web app that presents it (YUNSHAN_RENDER_API_TOKEN). */
  apiToken: string | undefined;
  maxEventStreams: number;
  /** Proxies whose X-Forwarded-For entries name the client (operations access, per-address caps). */
  trustedProxyHops: number;
  workerId: string;
  /** Which bake queue (YUNSHAN_BAKE_QUEUE: sqlite, the default, or redis for the render farm) and the farm's settings. */
  farm: FarmSettings;
  /** Several render nodes: the Redis registry (on where Redis is configured) and the SIGTERM drain. */
  nodes: NodeRegistrySettings;
  stream: StreamServerConfig;
}

export function loadRenderServerConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd = process.cwd(),
): RenderServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid render server configuration: ${problems}`);
  }
  const settings = parsed.data;
  const stunUrls = commaList(settings.YUNSHAN_STUN_URLS);
  const turnUrls = commaList(settings.YUNSHAN_TURN_URLS);
  const problems = [
    ...stunUrls.filter((url) => !/^stuns?:/.test(url)).map((url) => `YUNSHAN_STUN_URLS: ${url} is not a stun: URL`),
    ...turnUrls.filter((url) => !/^turns?:/.test(url)).map((url) => `YUNSHAN_TURN_URLS: ${url} is not a turn: URL`),
    // Static TURN passwords leak and never expire: only minted, time-limited credentials.
    ...(turnUrls.length > 0 && settings.YUNSHAN_TURN_SECRET.length < 16
      ? ['YUNSHAN_TURN_SECRET: TURN needs a shared secret of at least 16 characters']
      : []),
  ];
  if (problems.length > 0) throw new Error(`Invalid render server configuration: ${problems.join('; ')}`);
  return {
    port: settings.YUNSHAN_RENDER_PORT,
    host: settings.YUNSHAN_RENDER_HOST,
    databasePath: resolveDatabasePath(env, cwd),
    framesDir: path.resolve(cwd, settings.YUNSHAN_FRAMES_DIR),
    frameStore: parseFrameStoreSettings(env, cwd),
    renderers: settings.YUNSHAN_RENDERERS,
    bakeEnabled: settings.YUNSHAN_BAKE === '1',
    chromiumPath: settings.YUNSHAN_CHROMIUM_PATH ?? settings.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH,
    renderLowPriority: settings.YUNSHAN_RENDER_LOW_PRIORITY === '1',
    bakeYield:
      settings.YUNSHAN_RENDER_LOW_PRIORITY === '1' && settings.YUNSHAN_BAKE_YIELD_CORES !== 'off'
        ? { ...DEFAULT_BAKE_YIELD, holdAboveCores: settings.YUNSHAN_BAKE_YIELD_CORES }
        : null,
    opsToken: settings.YUNSHAN_OPS_TOKEN,
    apiToken: settings.YUNSHAN_RENDER_API_TOKEN,
    maxEventStreams: settings.YUNSHAN_OPS_MAX_EVENT_STREAMS,
    trustedProxyHops: settings.YUNSHAN_TRUSTED_PROXY_HOPS,
    workerId: `${os.hostname()}:${process.pid}`,
    farm: loadFarmSettings(env),
    nodes: loadNodeRegistrySettings(env),
    stream: {
      allowedOrigins: commaList(settings.YUNSHAN_STREAM_ALLOWED_ORIGINS),
      maxSessions: settings.YUNSHAN_STREAM_MAX_SESSIONS,
      transportMode: settings.YUNSHAN_STREAM_TRANSPORT,
      segmentBaseUrl: settings.YUNSHAN_STREAM_SEGMENT_URL,
      maxSocketsPerAddress: settings.YUNSHAN_STREAM_MAX_SOCKETS_PER_ADDRESS,
      maxSessionsPerAddress: settings.YUNSHAN_STREAM_MAX_SESSIONS_PER_ADDRESS,
      idleSocketMs: settings.YUNSHAN_STREAM_IDLE_SOCKET_MS,
      resumeGraceMs: settings.YUNSHAN_STREAM_RESUME_GRACE_MS,
      stunUrls,
      turnUrls,
      turnSecret: settings.YUNSHAN_TURN_SECRET,
      turnTtlS: settings.YUNSHAN_TURN_TTL_S,
    },
  };
}
