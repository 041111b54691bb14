// Baked segments and manifests over plain HTTP, for any cache or CDN to front:
//   GET|HEAD /bakes/<scene>/<route>/r<rev>/<profile>/manifest.json  (public, max-age=60)
//   GET|HEAD /segments/sha256/<hex>  (public, max-age=31536000, immutable; strong ETag, ranges)
// with If-None-Match → 304, a single byte Range → 206 (or 416), CORS for the site's origins and
// OPTIONS preflights. Malformed paths are 400, absent bakes or segments 404, stored bytes that
// fail their SHA-256 a 500 that says so (and a log line), never the bad bytes.
import type http from 'node:http';
import { isCorruptChunkError, CorruptManifestError, CorruptSegmentContentError } from '../frame-store/frame-store-errors';
import { DomainError, NotFoundError, ValidationError } from '../errors';
import type { Logger } from '../log';
import type { MetricsRegistry } from '../metrics';
import { parseBakeManifestPath, parseSegmentContentPath, type ParsedPath } from '../stream/http-segment-urls';
import { contentRange, parseByteRange, unsatisfiedContentRange } from './byte-range';
import { corsHeaders, preflightHeaders } from './cors-policy';
import { ifNoneMatchMatches, ifRangeAllows, strongEtag } from './entity-tag';
import type { HttpRoute } from './http-route';
import type { HttpSegmentCatalog } from './segment-catalog';

export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** A revision's manifest changes only when the bake is redone: a minute keeps a cache useful and a fix quick to show. */
export const MANIFEST_CACHE_CONTROL = 'public, max-age=60';
export const SEGMENT_CONTENT_TYPE = 'application/vnd.yunshan.segment';

/** Stored bytes that fail their checks: a 5xx that says so, never cached, never the bytes. */
class CorruptStoredBytesError extends DomainError {
  readonly status = 500;
  readonly code = 'corrupt_stored_bytes';
  override name = 'CorruptStoredBytesError';
}

function isCorruptStoredBytes(error: unknown): boolean {
  return error instanceof CorruptSegmentContentError || error instanceof CorruptManifestError || isCorruptChunkError(error);
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parsedOrBadRequest<T>(parsed: ParsedPath<T>): T {
  if (parsed.kind === 'bad') throw new ValidationError(`Bad URL: ${parsed.reason}.`, []);
  return parsed.value;
}

export interface SegmentHttpRoutesOptions {
  catalog: HttpSegmentCatalog;
  /** The site's origins that may read these URLs from a page ("*" for any). */
  allowedOrigins: readonly string[];
  metrics: MetricsRegistry;
  log: Logger;
}

export function segmentHttpRoutes(options: SegmentHttpRoutesOptions): HttpRoute[] {
  const { catalog, allowedOrigins, log } = options;
  const requests = options.metrics.counter(
    'yunshan_http_segment_requests_total',
    'Requests for baked segments and manifests over HTTP that reached this server (a cache in front answers the rest).',
    ['kind', 'status'],
  );
  const begin = (kind: 'segment' | 'manifest', request: http.IncomingMessage, response: http.ServerResponse) => {
    response.once('finish', () => requests.inc({ kind, status: String(response.statusCode) }));
    for (const [name, value] of Object.entries(corsHeaders(request.headers.origin, allowedOrigins))) response.setHeader(name, value);
  };
  const preflight = (request: http.IncomingMessage, response: http.ServerResponse) => {
    response.writeHead(204, { ...preflightHeaders(request.headers.origin, allowedOrigins), 'Cache-Control': 'no-store' });
    response.end();
  };
  const reportCorrupt = (error: unknown, what: string): never => {
    if (!isCorruptStoredBytes(error)) throw error;
    log.error({ err: error }, `refused to serve ${what}: stored bytes failed their checks`);
    throw new CorruptStoredBytesError(
      `The stored bytes of ${what} failed their SHA-256 check, so they are not served; the render server has logged it.`,
    );
  };

  return [
    {
      pattern: /^\/segments\//,
      preflight,
      handler: () => async (request, response, url) => {
        begin('segment', request, response);
        const sha256 = parsedOrBadRequest(parseSegmentContentPath(url.pathname));
        const etag = strongEtag(sha256);
        const cacheHeaders = { ETag: etag, 'Cache-Control': IMMUTABLE_CACHE_CONTROL };
        // The name is the content: a client holding this tag holds these bytes, so no read is needed.
        if (ifNoneMatchMatches(request.headers['if-none-match'], etag)) {
          response.writeHead(304, cacheHeaders);
          response.end();
          return;
        }
        const bytes = await catalog.segment(sha256).catch((error: unknown) => reportCorrupt(error, `segment ${sha256}`));
        if (bytes === null) throw new NotFoundError(`No segment with SHA-256 ${sha256} is stored here.`);
        const headers = { ...cacheHeaders, 'Content-Type': SEGMENT_CONTENT_TYPE, 'Accept-Ranges': 'bytes' };
        const range = ifRangeAllows(firstHeader(request.headers['if-range']), etag)
          ? parseByteRange(request.headers.range, bytes.byteLength)
          : { kind: 'whole' as const };
        if (range.kind === 'unsatisfiable') {
          response.writeHead(416, { ...headers, 'Content-Range': unsatisfiedContentRange(bytes.byteLength), 'Content-Length': 0 });
          response.end();
        } else if (range.kind === 'partial') {
          const piece = bytes.subarray(range.start, range.end + 1);
          response.writeHead(206, {
            ...headers,
            'Content-Range': contentRange(range.start, range.end, bytes.byteLength),
            'Content-Length': piece.byteLength,
          });
          response.end(piece);
        } else {
          response.writeHead(200, { ...headers, 'Content-Length': bytes.byteLength });
          response.end(bytes);
        }
      },
    },
    {
      pattern: /^\/bakes\//,
      preflight,
      handler: () => async (request, response, url) => {
        begin('manifest', request, response);
        const key = parsedOrBadRequest(parseBakeManifestPath(url.pathname));
        const what = `the manifest of ${key.routeId} r${key.revision} ${key.profileId} (scene ${key.sceneVersion})`;
        const manifest = await catalog.manifest(key).catch((error: unknown) => reportCorrupt(error, what));
        if (manifest === null)
          throw new NotFoundError(`No finished bake of ${key.routeId} r${key.revision} at ${key.profileId} for scene ${key.sceneVersion}.`);
        const headers = { ETag: manifest.etag, 'Cache-Control': MANIFEST_CACHE_CONTROL };
        if (ifNoneMatchMatches(request.headers['if-none-match'], manifest.etag)) {
          response.writeHead(304, headers);
          response.end();
          return;
        }
        response.writeHead(200, {
          ...headers,
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': manifest.body.byteLength,
        });
        response.end(manifest.body);
      },
    },
  ];
}
