// Shared by both processes: the render server's JSON API as the web app asks it (bake state
// per route revision, the scene version, "queue this published revision's bakes"). The render
// server validates requests and its own replies with these schemas; the web app's client
// (server/web/render-server-client.ts) parses every reply with them. Pure: zod only, no Node,
// no database, so either side (and the browser, for the types) may import it.
import { z } from 'zod';
import { RouteIdSchema } from '@/scenes/routes/route-schema';
import { ProfileIdSchema } from '@/scenes/protocol/profile-id-schema';

/** GET ?route=<id>@<revision> (repeatable): each named revision's bakes. Public, read-only. */
export const BAKE_STATE_PATH = '/api/bake-state';
/** GET: the scene version this render server bakes for. Public, read-only. */
export const SCENE_VERSION_PATH = '/api/scene-version';
/** POST { routeId, revision }: queue a just-published revision's bakes. Internal: bearer YUNSHAN_RENDER_API_TOKEN. */
export const BAKE_REQUESTS_PATH = '/api/bake-requests';

/**
 * GET ?route=<id>@<revision>: the render node a browser should stream that revision from, when
 * several nodes share a Redis registry (the least-loaded healthy node that has its bake). Public, read-only.
 */
export const RENDER_NODE_PATH = '/api/render-node';

/** The catalogue asks for every published route at once; a bound keeps one request cheap. */
export const MAX_ROUTES_PER_BAKE_STATE_QUERY = 200;

const RevisionSchema = z.number().int().min(1).max(1_000_000_000);
export const BakeJobStatusSchema = z.enum(['queued', 'running', 'done', 'failed']);

/** Whether a route revision can be streamed from the cloud yet: what the catalogue, tour and studio badges show. */
export const CloudReadinessSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('ready'), profilesReady: z.array(ProfileIdSchema) }),
  z.strictObject({ state: z.literal('baking'), percent: z.number().int().min(0).max(100) }),
  z.strictObject({ state: z.literal('queued') }),
  z.strictObject({ state: z.literal('failed') }),
  z.strictObject({ state: z.literal('none') }),
]);
export type CloudReadiness = z.infer<typeof CloudReadinessSchema>;

export const ProfileBakeProgressSchema = z.strictObject({
  profileId: ProfileIdSchema,
  status: BakeJobStatusSchema,
  framesDone: z.number().int().min(0),
  framesTotal: z.number().int().min(0),
  framesPerSecond: z.number().min(0).nullable(),
});
export type ProfileBakeProgress = z.infer<typeof ProfileBakeProgressSchema>;

/** A revision's bakes as the studio shows them: one line per profile of the newest scene version, and the readiness summary. */
export const RouteBakeProgressSchema = z.strictObject({
  revision: RevisionSchema,
  readiness: CloudReadinessSchema,
  profiles: z.array(ProfileBakeProgressSchema),
});
export type RouteBakeProgress = z.infer<typeof RouteBakeProgressSchema>;

export interface RouteRevisionRef {
  routeId: string;
  revision: number;
}

/** One `route` query value: `<route id>@<revision>`. */
export const RouteRevisionParamSchema = z
  .string()
  .regex(/^[^@]+@\d{1,10}$/, 'route@revision, e.g. hallelujah-flyover@3')
  .transform((value) => {
    const at = value.lastIndexOf('@');
    return { routeId: value.slice(0, at), revision: Number(value.slice(at + 1)) };
  })
  .pipe(z.strictObject({ routeId: RouteIdSchema, revision: RevisionSchema }));

export const BakeStateQuerySchema = z.strictObject({
  route: z.array(RouteRevisionParamSchema).min(1, 'name at least one route: ?route=<id>@<revision>').max(MAX_ROUTES_PER_BAKE_STATE_QUERY),
});

export function bakeStateQueryString(routes: readonly RouteRevisionRef[]): string {
  const params = new URLSearchParams();
  for (const { routeId, revision } of routes) params.append('route', `${routeId}@${revision}`);
  return params.toString();
}

export const RouteBakeStateSchema = RouteBakeProgressSchema.extend({ routeId: RouteIdSchema });
export type RouteBakeState = z.infer<typeof RouteBakeStateSchema>;

export const BakeStateReplySchema = z.strictObject({
  sceneVersion: z.string().min(1),
  /** In the order asked. */
  routes: z.array(RouteBakeStateSchema),
});
export type BakeStateReply = z.infer<typeof BakeStateReplySchema>;

export const SceneVersionReplySchema = z.strictObject({ sceneVersion: z.string().min(1) });
export type SceneVersionReply = z.infer<typeof SceneVersionReplySchema>;

export const BakeRequestBodySchema = z.strictObject({ routeId: RouteIdSchema, revision: RevisionSchema });
export type BakeRequestBody = z.infer<typeof BakeRequestBodySchema>;

export const BakeRequestReplySchema = z.strictObject({ sceneVersion: z.string().min(1), bakes: RouteBakeProgressSchema });
export type BakeRequestReply = z.infer<typeof BakeRequestReplySchema>;

/** The render server's error replies (server/errors.ts toHttpError), as the client reads them. */
export const RenderApiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const RenderNodeQuerySchema = z.strictObject({ route: RouteRevisionParamSchema });

export const RenderNodeReplySchema = z.strictObject({
  /** Null unless a node was chosen: the page then uses its configured render URL (YUNSHAN_PUBLIC_RENDER_URL). */
  node: z.strictObject({ nodeId: z.string().min(1).max(80), renderUrl: z.url({ protocol: /^https?$/ }) }).nullable(),
  /**
   * chosen: the least-loaded node that can take a viewer; single-node: no registry (one render
   * server, no Redis); not-baked: the revision has no finished bake to stream; no-room: every
   * node is full, draining, unhealthy or of another scene version; registry-unavailable: Redis did not answer.
   */
  reason: z.enum(['chosen', 'single-node', 'not-baked', 'no-room', 'registry-unavailable']),
});
export type RenderNodeReply = z.infer<typeof RenderNodeReplySchema>;
