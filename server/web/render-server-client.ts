// The web app's one way to the render server's state: bake progress and readiness per route
// revision, the scene version, and "queue this published revision's bakes", over the render
// server's JSON API (server/render-api/render-api-contract.ts), every answer parsed by its
// schema. Each call has a deadline: a render server that is down or slow costs a page at most
// that long, and callers then show the cloud as unknown instead of failing.
import { z } from 'zod';
import { domainError } from '../errors';
import {
  BAKE_REQUESTS_PATH,
  BAKE_STATE_PATH,
  BakeRequestReplySchema,
  BakeStateReplySchema,
  MAX_ROUTES_PER_BAKE_STATE_QUERY,
  RENDER_NODE_PATH,
  RenderApiErrorSchema,
  RenderNodeReplySchema,
  SCENE_VERSION_PATH,
  SceneVersionReplySchema,
  bakeStateQueryString,
  type BakeRequestReply,
  type RenderNodeReply,
  type RouteBakeState,
  type RouteRevisionRef,
} from '../render-api/render-api-contract';

export const DEFAULT_RENDER_API_TIMEOUT_MS = 2_000;
export const RENDER_SERVER_UNAVAILABLE_CODE = 'render_server_unavailable';

/** The render server did not answer in time, answered an error, or answered outside the contract. */
export class RenderServerUnavailableError extends domainError('RenderServerUnavailableError', 503, RENDER_SERVER_UNAVAILABLE_CODE) {}

export interface RenderServerClient {
  /** Each revision's bakes and readiness, in the order asked. */
  bakeState(routes: readonly RouteRevisionRef[]): Promise<RouteBakeState[]>;
  sceneVersion(): Promise<string>;
  /** Queues a just-published revision's bakes; the render server checks it is the published one. */
  requestBakes(route: RouteRevisionRef): Promise<BakeRequestReply>;
  /** The render node a browser should stream this revision from (null node: use the configured public URL). */
  renderNode(route: RouteRevisionRef): Promise<RenderNodeReply>;
}

export interface RenderServerClientOptions {
  /** e.g. http://127.0.0.1:3001, as this server (not a browser) reaches the render server. */
  baseUrl: string;
  /** YUNSHAN_RENDER_API_TOKEN, for bake requests. */
  apiToken: string | undefined;
  timeoutMs?: number;
}

export function createRenderServerClient(options: RenderServerClientOptions): RenderServerClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_RENDER_API_TIMEOUT_MS;

  async function ask<S extends z.ZodType>(schema: S, pathAndQuery: string, init: RequestInit = {}): Promise<z.output<S>> {
    const what = `${init.method ?? 'GET'} ${pathAndQuery.split('?')[0]}`;
    let response: Response;
    let json: unknown;
    try {
      response = await fetch(`${baseUrl}${pathAndQuery}`, { ...init, cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
      json = await response.json();
    } catch (error) {
      throw new RenderServerUnavailableError(
        `The render server at ${baseUrl} did not answer ${what} within ${timeoutMs} ms (${(error as Error).message}).`,
        { cause: error },
      );
    }
    if (!response.ok) {
      const reason = RenderApiErrorSchema.safeParse(json);
      throw new RenderServerUnavailableError(
        `The render server answered ${what} with ${response.status}: ${reason.success ? reason.data.error.message : 'no error message'}`,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new RenderServerUnavailableError(
        `The render server's answer to ${what} is not in the contract: ${parsed.error.issues[0]?.message}`,
      );
    return parsed.data;
  }

  return {
    async bakeState(routes) {
      const answers: RouteBakeState[] = [];
      for (let start = 0; start < routes.length; start += MAX_ROUTES_PER_BAKE_STATE_QUERY) {
        const batch = routes.slice(start, start + MAX_ROUTES_PER_BAKE_STATE_QUERY);
        answers.push(...(await ask(BakeStateReplySchema, `${BAKE_STATE_PATH}?${bakeStateQueryString(batch)}`)).routes);
      }
      return answers;
    },
    async sceneVersion() {
      return (await ask(SceneVersionReplySchema, SCENE_VERSION_PATH)).sceneVersion;
    },
    async requestBakes({ routeId, revision }) {
      return ask(BakeRequestReplySchema, BAKE_REQUESTS_PATH, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(options.apiToken ? { Authorization: `Bearer ${options.apiToken}` } : {}) },
        body: JSON.stringify({ routeId, revision }),
      });
    },
    async renderNode({ routeId, revision }) {
      return ask(RenderNodeReplySchema, `${RENDER_NODE_PATH}?${new URLSearchParams({ route: `${routeId}@${revision}` })}`);
    },
  };
}

const ClientEnvSchema = z.object({
  /** How this server reaches the render server; browsers use YUNSHAN_PUBLIC_RENDER_URL instead. */
  YUNSHAN_RENDER_INTERNAL_URL: z.url({ protocol: /^https?$/ }).optional(),
  YUNSHAN_RENDER_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  YUNSHAN_RENDER_API_TOKEN: z.string().min(1).optional(),
  YUNSHAN_RENDER_API_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(DEFAULT_RENDER_API_TIMEOUT_MS),
});

/** The client as `npm start` wires it: the render server on this machine at YUNSHAN_RENDER_PORT unless YUNSHAN_RENDER_INTERNAL_URL names another. */
export function renderServerClientFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): RenderServerClient {
  const parsed = ClientEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid render server client configuration: ${problems}`);
  }
  const settings = parsed.data;
  return createRenderServerClient({
    baseUrl: settings.YUNSHAN_RENDER_INTERNAL_URL ?? `http://127.0.0.1:${settings.YUNSHAN_RENDER_PORT}`,
    apiToken: settings.YUNSHAN_RENDER_API_TOKEN,
    timeoutMs: settings.YUNSHAN_RENDER_API_TIMEOUT_MS,
  });
}
