// The render server's HTTP face: health, Prometheus metrics, bake progress (JSON and a
// server-sent event stream) and baked posters. Plain node:http: nothing here needs Next.
// Health and posters are public; the operations endpoints answer peers on this machine
// freely and others only with the operator's bearer token.
import http from 'node:http';
import { RouteIdSchema } from '@/scenes/routes/route-schema';
import type { BakeJob } from '../bake/bake-contracts';
import {
  ForbiddenError,
  MethodNotAllowedError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
  isUnexpectedError,
  toHttpError,
} from '../errors';
import { requestIdFrom, silentLogger, type Logger } from '../log';
import type { MetricsRegistry } from '../metrics';
import type { HttpRoute } from './http-route';
import { isLoopbackAddress, requestClientAddress } from './peer-address';
import { sameSecret } from './same-secret';

export interface HealthReport {
  status: 'ok' | 'degraded';
  /** Plain words for an operator, e.g. why baking is off. */
  detail: string;
  baking: boolean;
  renderers: number;
  rendererRestarts: number;
  queue: Record<BakeJob['status'], number>;
}

export interface RenderHttpDeps {
  health(): Promise<HealthReport>;
  metrics: MetricsRegistry;
  listBakes(routeId?: string): Promise<BakeJob[]>;
  /** Calls the listener with every job update; returns the unsubscribe function. */
  subscribeBakes(listener: (job: BakeJob) => void): () => void;
  /** The latest published revision's baked poster, or null. */
  readPoster(routeId: string): Promise<Uint8Array | null>;
  /** The bearer token that opens /metrics and /api/bakes to peers beyond loopback; without one they are closed to them. */
  opsToken?: string;
  /** Event-stream clients at once; one more is answered 429 (default 16). */
  maxEventStreams?: number;
  /** Reverse proxies whose X-Forwarded-For names the client (default 0: the socket's peer is the client). */
  trustedProxyHops?: number;
  /** Each request logs through a child carrying its id (the caller's X-Request-Id, or a new one). */
  log?: Logger;
  /** More routes, e.g. baked segments and manifests over HTTP (segment-http-routes.ts), the web app's JSON API (render-api-routes.ts). */
  extraRoutes?: readonly HttpRoute[];
}

export const DEFAULT_MAX_EVENT_STREAMS = 16;
const EVENT_STREAM_RETRY_AFTER_S = 30;

const SSE_KEEPALIVE_MS = 15_000;

function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** Throws unless the peer is on this machine or presents the operator's token. */
function requireOperator(request: http.IncomingMessage, opsToken: string | undefined, trustedProxyHops: number): void {
  // Behind a proxy on this machine every request arrives from loopback: judge the client it forwards.
  if (isLoopbackAddress(requestClientAddress(request, trustedProxyHops))) return;
  if (opsToken === undefined || opsToken === '') {
    throw new ForbiddenError(
      'Operations endpoints answer only on this machine; set YUNSHAN_OPS_TOKEN on the render server to read them from elsewhere with a bearer token.',
    );
  }
  const presented = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (presented === undefined || !sameSecret(presented.trim(), opsToken))
    throw new UnauthorizedError('Operations endpoints need the bearer token set in YUNSHAN_OPS_TOKEN.');
}

/** A path segment decoded, or a 400 for malformed percent-encoding (decodeURIComponent throws URIError). */
function decodePathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ValidationError(`"${raw.slice(0, 80)}" is not valid percent-encoding.`, []);
  }
}

function parseRouteId(raw: string): string {
  const parsed = RouteIdSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(`"${raw.slice(0, 80)}" is not a route id.`, parsed.error.issues);
  return parsed.data;
}

export function createRenderHttpHandler(deps: RenderHttpDeps): http.RequestListener {
  const maxEventStreams = deps.maxEventStreams ?? DEFAULT_MAX_EVENT_STREAMS;
  let eventStreams = 0;
  const routes: HttpRoute[] = [
    {
      pattern: /^\/healthz$/,
      handler: () => async (_request, response) => {
        const report = await deps.health();
        sendJson(response, report.status === 'ok' ? 200 : 503, report, { 'Cache-Control': 'no-store' });
      },
    },
    {
      pattern: /^\/metrics$/,
      operators: true,
      handler: () => async (_request, response) => {
        const text = await deps.metrics.render();
        response.writeHead(200, { 'Content-Type': deps.metrics.contentType, 'Cache-Control': 'no-store' });
        response.end(text);
      },
    },
    {
      pattern: /^\/api\/bakes$/,
      operators: true,
      handler: () => async (_request, response, url) => {
        const raw = url.searchParams.get('routeId');
        const jobs = await deps.listBakes(raw === null ? undefined : parseRouteId(raw));
        sendJson(response, 200, { jobs }, { 'Cache-Control': 'no-store' });
      },
    },
    {
      pattern: /^\/api\/bakes\/events$/,
      operators: true,
      handler: () => async (request, response) => {
        // Each client holds a socket and a subscription for as long as it likes: bound them.
        if (eventStreams >= maxEventStreams) {
          sendJson(
            response,
            429,
            {
              error: {
                code: 'too_many_streams',
                message: `This render server serves at most ${maxEventStreams} bake event streams at once; try again later.`,
              },
            },
            { 'Retry-After': String(EVENT_STREAM_RETRY_AFTER_S), 'Cache-Control': 'no-store' },
          );
          return;
        }
        eventStreams++;
        let counted = true;
        const release = () => {
          if (counted) eventStreams--;
          counted = false;
        };
        response.on('close', release);
        response.writeHead(200, {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
        });
        // Start with the current state, so a late subscriber needs no second request.
        for (const job of await deps.listBakes()) response.write(`event: bake\ndata: ${JSON.stringify(job)}\n\n`);
        const unsubscribe = deps.subscribeBakes((job) => response.write(`event: bake\ndata: ${JSON.stringify(job)}\n\n`));
        const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), SSE_KEEPALIVE_MS);
        request.on('close', () => {
          clearInterval(keepAlive);
          unsubscribe();
          release();
        });
      },
    },
    {
      pattern: /^\/posters\/([^/]+)\.jpg$/,
      handler: (match) => async (_request, response) => {
        const routeId = parseRouteId(decodePathSegment(match[1]));
        const jpeg = await deps.readPoster(routeId);
        if (jpeg === null) throw new NotFoundError(`No baked poster for route "${routeId}" yet.`);
        response.writeHead(200, {
          'Content-Type': 'image/jpeg',
          'Content-Length': jpeg.byteLength,
          'Cache-Control': 'public, max-age=300',
        });
        response.end(jpeg);
      },
    },
    ...(deps.extraRoutes ?? []),
  ];

  const rootLog = deps.log ?? silentLogger();
  return (request, response) => {
    // The id is echoed back, so an operator can find a response's lines in the log.
    const requestId = requestIdFrom(request.headers['x-request-id']);
    response.setHeader('X-Request-Id', requestId);
    const log = rootLog.child({ requestId });
    response.once('finish', () =>
      log.debug({ method: request.method, path: request.url?.slice(0, 200), status: response.statusCode }, 'request'),
    );
    void (async () => {
      try {
        const url = new URL(request.url ?? '/', 'http://render.invalid');
        const route = routes
          .map((candidate) => ({ candidate, match: candidate.pattern.exec(url.pathname) }))
          .find((entry) => entry.match !== null);
        if (!route || !route.match) throw new NotFoundError(`Nothing at ${url.pathname.slice(0, 200)}.`);
        if (request.method === 'OPTIONS' && route.candidate.preflight) {
          route.candidate.preflight(request, response);
          return;
        }
        const methods = route.candidate.methods ?? ['GET', 'HEAD'];
        if (!methods.includes(request.method ?? '')) throw new MethodNotAllowedError(request.method ?? 'UNKNOWN', methods);
        if (route.candidate.operators) requireOperator(request, deps.opsToken, deps.trustedProxyHops ?? 0);
        await route.candidate.handler(route.match)(request, response, url);
      } catch (error) {
        if (isUnexpectedError(error))
          log.error({ err: error, method: request.method, path: request.url?.slice(0, 200) }, 'render server request failed');
        if (response.headersSent) {
          response.destroy();
          return;
        }
        const { status, body, headers } = toHttpError(error);
        sendJson(
          response,
          status,
          body,
          status === 401 ? { ...headers, 'WWW-Authenticate': 'Bearer realm="yunshan-render-ops"' } : headers,
        );
      }
    })();
  };
}
