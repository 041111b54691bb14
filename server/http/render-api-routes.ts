// The render server's JSON API for the web app (contract: server/render-api/render-api-contract.ts):
//   GET  /api/bake-state?route=<id>@<rev>…  each revision's bakes and readiness (public, CORS as the segments)
//   GET  /api/scene-version                  the scene version this server bakes for (public)
//   GET  /api/render-node?route=<id>@<rev>   the render node to stream it from (public; several nodes)
//   POST /api/bake-requests {routeId, revision}  queue a just-published revision's bakes
//        (internal: Authorization: Bearer <YUNSHAN_RENDER_API_TOKEN>, compared in constant time)
// Every request is validated (400 with a specific message) and every reply is parsed by its
// schema before it is sent, so the web app never reads a shape the contract does not name.
import type http from 'node:http';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import { readJsonBody } from '../staff/request-body';
import { ConflictError, NotFoundError, UnauthorizedError, ValidationError } from '../errors';
import {
  BAKE_REQUESTS_PATH,
  BAKE_STATE_PATH,
  BakeRequestBodySchema,
  BakeRequestReplySchema,
  BakeStateQuerySchema,
  BakeStateReplySchema,
  RENDER_NODE_PATH,
  RenderNodeQuerySchema,
  RenderNodeReplySchema,
  SCENE_VERSION_PATH,
  SceneVersionReplySchema,
  type RenderNodeReply,
  type RouteBakeProgress,
} from '../render-api/render-api-contract';
import { corsHeaders, preflightHeaders } from './cors-policy';
import type { HttpRoute } from './http-route';
import { sameSecret } from './same-secret';

/** A bake request is two fields: anything bigger is not one. */
const MAX_BAKE_REQUEST_BYTES = 1024;

export interface RenderApiDeps {
  sceneVersion: string;
  /** One revision's bakes at the newest scene version, from the bake table. */
  bakeProgress(routeId: string, revision: number): Promise<RouteBakeProgress>;
  /**
   * Queues the bakes of the route's published revision; 'not-published' when the route has no
   * published revision, 'not-latest' when `revision` is not the one published now.
   */
  requestBakes(routeId: string, revision: number): Promise<RouteBakeProgress | 'not-published' | 'not-latest'>;
  /** The node to stream a revision from (several nodes behind a Redis registry). */
  chooseNode(routeId: string, revision: number): Promise<RenderNodeReply>;
  /** The shared secret the web app presents; without one the internal endpoint refuses everyone. */
  apiToken: string | undefined;
  /** The site's origins that may read the public endpoints from a page ("*" for any). */
  allowedOrigins: readonly string[];
}

function sendParsed<S extends z.ZodType>(response: http.ServerResponse, schema: S, body: z.input<S>): void {
  // A reply that breaks the contract is a bug here: it throws (a 500), it is never sent.
  const text = JSON.stringify(schema.parse(body));
  response.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

/** Throws 401 unless the request carries the render API's bearer token. */
export function requireRenderApiToken(request: http.IncomingMessage, apiToken: string | undefined): void {
  if (apiToken === undefined || apiToken === '') {
    throw new UnauthorizedError(
      'This render server has no YUNSHAN_RENDER_API_TOKEN set, so it takes no bake requests; its sweep of published routes queues them instead.',
    );
  }
  const presented = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (presented === undefined) throw new UnauthorizedError('Bake requests need "Authorization: Bearer <YUNSHAN_RENDER_API_TOKEN>".');
  if (!sameSecret(presented.trim(), apiToken))
    throw new UnauthorizedError("The bearer token is not this render server's YUNSHAN_RENDER_API_TOKEN.");
}

/** The node request as a fetch Request, so the one bounded JSON reader (413, 415, 400) serves here too. */
function asFetchRequest(request: http.IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
  return new Request(url, {
    method: request.method,
    headers,
    body: Readable.toWeb(request) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
}

export function renderApiRoutes(deps: RenderApiDeps): HttpRoute[] {
  const withCors = (request: http.IncomingMessage, response: http.ServerResponse) => {
    for (const [name, value] of Object.entries(corsHeaders(request.headers.origin, deps.allowedOrigins))) response.setHeader(name, value);
  };
  const preflight = (request: http.IncomingMessage, response: http.ServerResponse) => {
    response.writeHead(204, { ...preflightHeaders(request.headers.origin, deps.allowedOrigins), 'Cache-Control': 'no-store' });
    response.end();
  };
  return [
    {
      pattern: new RegExp(`^${BAKE_STATE_PATH}$`),
      preflight,
      handler: () => async (request, response, url) => {
        withCors(request, response);
        const query = BakeStateQuerySchema.safeParse({ route: url.searchParams.getAll('route'), ...extraParams(url, ['route']) });
        if (!query.success)
          throw new ValidationError(
            `Name each route revision as ?route=<route id>@<revision>: ${query.error.issues[0]?.message ?? 'malformed query'}.`,
            query.error.issues,
          );
        const routes = await Promise.all(
          query.data.route.map(async ({ routeId, revision }) => ({ routeId, ...(await deps.bakeProgress(routeId, revision)) })),
        );
        sendParsed(response, BakeStateReplySchema, { sceneVersion: deps.sceneVersion, routes });
      },
    },
    {
      pattern: new RegExp(`^${RENDER_NODE_PATH}$`),
      preflight,
      handler: () => async (request, response, url) => {
        withCors(request, response);
        const query = RenderNodeQuerySchema.safeParse({
          route: url.searchParams.get('route') ?? undefined,
          ...extraParams(url, ['route']),
        });
        if (!query.success)
          throw new ValidationError(
            `Name one route revision as ?route=<route id>@<revision>: ${query.error.issues[0]?.message ?? 'malformed query'}.`,
            query.error.issues,
          );
        const { routeId, revision } = query.data.route;
        sendParsed(response, RenderNodeReplySchema, await deps.chooseNode(routeId, revision));
      },
    },
    {
      pattern: new RegExp(`^${SCENE_VERSION_PATH}$`),
      preflight,
      handler: () => async (request, response, url) => {
        withCors(request, response);
        const extra = Object.keys(extraParams(url, []));
        if (extra.length > 0) throw new ValidationError(`The scene version takes no query; remove ${extra.join(', ')}.`, []);
        sendParsed(response, SceneVersionReplySchema, { sceneVersion: deps.sceneVersion });
      },
    },
    {
      pattern: new RegExp(`^${BAKE_REQUESTS_PATH}$`),
      methods: ['POST'],
      handler: () => async (request, response, url) => {
        requireRenderApiToken(request, deps.apiToken);
        const { routeId, revision } = await readJsonBody(asFetchRequest(request, url), BakeRequestBodySchema, MAX_BAKE_REQUEST_BYTES);
        const bakes = await deps.requestBakes(routeId, revision);
        if (bakes === 'not-published') throw new NotFoundError(`Route "${routeId}" has no published revision to bake.`);
        if (bakes === 'not-latest')
          throw new ConflictError(
            `Revision ${revision} of "${routeId}" is not the one published now; the sweep of published routes bakes that one.`,
          );
        sendParsed(response, BakeRequestReplySchema, { sceneVersion: deps.sceneVersion, bakes });
      },
    },
  ];
}

/** Query parameters other than `known`, as an object zod's strictObject then refuses by name. */
function extraParams(url: URL, known: readonly string[]): Record<string, string> {
  return Object.fromEntries([...url.searchParams.entries()].filter(([name]) => !known.includes(name)));
}
