// A Node client for bakes over plain HTTP (the render server's /bakes and /segments URLs, or
// a cache in front of them): the manifest, checked with zod, then segments, each checked
// against the size and SHA-256 the manifest names and decoded with the stored segment format
// (which checks every chunk's own SHA-256). Used by the scale tests and the fan-out bench.
// Plain node:http(s) with a keep-alive agent rather than fetch: a bench process runs hundreds
// of viewers, and fetch's web streams cost several times the CPU per request.
import http from 'node:http';
import https from 'node:https';
import type { BakeKey } from '../bake/bake-contracts';
import type { EncodedChunk } from '@/scenes/protocol/chunk-codec';
import { sha256Hex } from '../frame-store/chunk-entry';
import { decodeSegment, sameBakeKey } from '../frame-store/segment-file-format';
import { HttpBakeManifestSchema, type HttpBakeManifest } from './http-segment-manifest';
import { bakeManifestPath } from './http-segment-urls';

export class HttpSegmentError extends Error {
  override name = 'HttpSegmentError';

  constructor(
    readonly url: string,
    readonly status: number | null,
    reason: string,
  ) {
    super(`${url}: ${reason}`);
  }
}

export type HttpSegment = HttpBakeManifest['segments'][number];

export interface HttpSegmentClientOptions {
  /** The render server, or a cache in front of it, e.g. http://127.0.0.1:8080. */
  baseUrl: string;
  /** Sent with every request (e.g. Origin). */
  headers?: Record<string, string>;
  /** Connections to reuse (default: one keep-alive agent shared by every client in the process). */
  agent?: http.Agent;
}

const REQUEST_TIMEOUT_MS = 30_000;
const sharedAgents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

interface HttpReply {
  status: number;
  body: Buffer;
}

export class HttpSegmentClient {
  /** Requests made, by kind: a viewer's cost in round trips. */
  requests = { manifest: 0, segment: 0 };

  constructor(private readonly options: HttpSegmentClientOptions) {}

  urlOf(path: string): string {
    return new URL(path, this.options.baseUrl).toString();
  }

  async manifest(key: BakeKey): Promise<HttpBakeManifest> {
    const url = this.urlOf(bakeManifestPath(key));
    this.requests.manifest++;
    const response = await this.get(url);
    let json: unknown;
    try {
      json = JSON.parse(response.body.toString('utf8'));
    } catch (error) {
      throw new HttpSegmentError(url, response.status, `the manifest is not JSON (${(error as Error).message})`);
    }
    const parsed = HttpBakeManifestSchema.safeParse(json);
    if (!parsed.success) throw new HttpSegmentError(url, response.status, `malformed manifest: ${parsed.error.message.slice(0, 300)}`);
    if (!sameBakeKey(parsed.data.key, key)) throw new HttpSegmentError(url, response.status, 'the manifest names another bake');
    return parsed.data;
  }

  /** The segment's stored bytes, exactly as the manifest names them (size and SHA-256). */
  async segmentBytes(segment: HttpSegment): Promise<Uint8Array> {
    const bytes = await this.segmentBytesUnhashed(segment);
    if (sha256Hex(bytes) !== segment.sha256)
      throw new HttpSegmentError(this.urlOf(segment.url), 200, 'the bytes do not have the SHA-256 the manifest names');
    return bytes;
  }

  /** The segment's bytes with their size checked but not their SHA-256: for a caller that checks them its own way. */
  async segmentBytesUnhashed(segment: HttpSegment): Promise<Uint8Array> {
    const url = this.urlOf(segment.url);
    this.requests.segment++;
    const response = await this.get(url);
    const bytes = new Uint8Array(response.body.buffer, response.body.byteOffset, response.body.byteLength);
    if (bytes.byteLength !== segment.size)
      throw new HttpSegmentError(url, response.status, `${bytes.byteLength} bytes, the manifest says ${segment.size}`);
    return bytes;
  }

  /** A segment's chunks (frames), every one checked. */
  async segment(manifest: HttpBakeManifest, segmentIndex: number): Promise<EncodedChunk[]> {
    const segment = manifest.segments[segmentIndex];
    if (segment === undefined) throw new Error(`The bake has ${manifest.segments.length} segments, not ${segmentIndex + 1}`);
    return decodeSegmentBytes(manifest, segmentIndex, await this.segmentBytes(segment));
  }

  /** Every frame of the bake in order: the manifest, then one segment after another. */
  async *frames(key: BakeKey): AsyncGenerator<EncodedChunk> {
    const manifest = await this.manifest(key);
    for (let segmentIndex = 0; segmentIndex < manifest.segments.length; segmentIndex++) yield* await this.segment(manifest, segmentIndex);
  }

  private async get(url: string): Promise<HttpReply> {
    let reply: HttpReply;
    try {
      reply = await this.request(url);
    } catch (error) {
      throw new HttpSegmentError(url, null, `request failed (${(error as Error).message})`);
    }
    if (reply.status !== 200)
      throw new HttpSegmentError(url, reply.status, `HTTP ${reply.status} ${reply.body.toString('utf8').slice(0, 300)}`);
    return reply;
  }

  private request(url: string): Promise<HttpReply> {
    const secure = url.startsWith('https:');
    const agent = this.options.agent ?? (secure ? sharedAgents.https : sharedAgents.http);
    return new Promise((resolve, reject) => {
      const request = (secure ? https : http).get(
        url,
        { agent, headers: this.options.headers, timeout: REQUEST_TIMEOUT_MS },
        (response) => {
          const parts: Buffer[] = [];
          response.on('data', (part: Buffer) => parts.push(part));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: parts.length === 1 ? parts[0] : Buffer.concat(parts) }),
          );
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      request.on('error', reject);
    });
  }
}

/** Chunks of a segment's verified bytes; a bad chunk is a CorruptChunkError naming it. */
export function decodeSegmentBytes(manifest: HttpBakeManifest, segmentIndex: number, bytes: Uint8Array): EncodedChunk[] {
  return decodeSegment(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), manifest.key, segmentIndex);
}
