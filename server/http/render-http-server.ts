// The render server's HTTP face: health, Prometheus metrics, bake progress (JSON and a
// server-sent event stream) and baked posters. Plain node:http: nothing here needs Next.
import http from 'node:http';
import { z } from 'zod';
import type { BakeJob } from '../bake/bake-contracts';
import { MethodNotAllowedError, NotFoundError, ValidationError, isUnexpectedError, toHttpError } from '../errors';
import type { MetricsRegistry } from '../metrics';

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
  log?: Pick<Console, 'error'>;
}

const RouteIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, 'a route id: lowercase letters, digits and dashes');
const SSE_KEEPALIVE_MS = 15_000;

type Handler = (request: http.IncomingMessage, response: http.ServerResponse, url: URL) => Promise<void>;

function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

function parseRouteId(raw: string): string {
  const parsed = RouteIdSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(`"${raw.slice(0, 80)}" is not a route id.`, parsed.error.issues);
  return parsed.data;
}

export function createRenderHttpHandler(deps: RenderHttpDeps): http.RequestListener {
  const routes: Array<{ pattern: RegExp; handler: (match: RegExpExecArray) => Handler }> = [
    {
      pattern: /^\/healthz$/,
      handler: () => async (_request, response) => {
        const report = await deps.health();
        sendJson(response, report.status === 'ok' ? 200 : 503, report, { 'Cache-Control': 'no-store' });
      },
    },
    {
      pattern: /^\/metrics$/,
      handler: () => async (_request, response) => {
        const text = deps.metrics.render();
        response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end(text);
      },
    },
    {
      pattern: /^\/api\/bakes$/,
      handler: () => async (_request, response, url) => {
        const raw = url.searchParams.get('routeId');
        const jobs = await deps.listBakes(raw === null ? undefined : parseRouteId(raw));
        sendJson(response, 200, { jobs }, { 'Cache-Control': 'no-store' });
      },
    },
    {
      pattern: /^\/api\/bakes\/events$/,
      handler: () => async (request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        // Start with the current state, so a late subscriber needs no second request.
        for (const job of await deps.listBakes()) response.write(`event: bake\ndata: ${JSON.stringify(job)}\n\n`);
        const unsubscribe = deps.subscribeBakes((job) => response.write(`event: bake\ndata: ${JSON.stringify(job)}\n\n`));
        const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), SSE_KEEPALIVE_MS);
        request.on('close', () => {
          clearInterval(keepAlive);
          unsubscribe();
        });
      },
    },
    {
      pattern: /^\/posters\/([^/]+)\.jpg$/,
      handler: (match) => async (_request, response) => {
        const routeId = parseRouteId(decodeURIComponent(match[1]));
        const jpeg = await deps.readPoster(routeId);
        if (jpeg === null) throw new NotFoundError(`No baked poster for route "${routeId}" yet.`);
        response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': jpeg.byteLength, 'Cache-Control': 'public, max-age=300' });
        response.end(jpeg);
      },
    },
  ];

  return (request, response) => {
    void (async () => {
      try {
        const url = new URL(request.url ?? '/', 'http://render.invalid');
        const route = routes.map((candidate) => ({ candidate, match: candidate.pattern.exec(url.pathname) })).find((entry) => entry.match !== null);
        if (!route || !route.match) throw new NotFoundError(`Nothing at ${url.pathname.slice(0, 200)}.`);
        if (request.method !== 'GET' && request.method !== 'HEAD') throw new MethodNotAllowedError(request.method ?? 'UNKNOWN', ['GET', 'HEAD']);
        await route.candidate.handler(route.match)(request, response, url);
      } catch (error) {
        if (isUnexpectedError(error)) deps.log?.error('render server request failed:', error);
        if (response.headersSent) {
          response.destroy();
          return;
        }
        const { status, body, headers } = toHttpError(error);
        sendJson(response, status, body, headers);
      }
    })();
  };
}
