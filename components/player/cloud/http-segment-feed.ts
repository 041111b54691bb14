// The HTTP transport's I/O: fetches a bake's manifest and its segments over plain HTTP (the
// render server's cacheable /bakes and /segments URLs, or a CDN in front of them), checks each
// segment's size and SHA-256 against the manifest, reads its chunks with the shared segment
// reader and hands them, in order, to the same picture pipeline WebRTC feeds. What to fetch
// when is http-segment-schedule.ts's; this only does it. Failed requests are tried again.
import type { LabelledChunk } from '@/scenes/protocol/chunk-codec';
import { HttpBakeManifestSchema, type HttpBakeManifest } from '@/scenes/protocol/http-bake-manifest';
import type { ProfileId } from '@/scenes/protocol/profile-ladder';
import { readSegment } from '@/scenes/protocol/segment-reader';
import { deliverableSegments, firstSegmentFor, segmentsToFetch } from './http-segment-schedule';

export interface HttpSegmentFeedOptions {
  /** Absolute URL of the manifest (segment URLs in it resolve against it). */
  manifestUrl: string;
  profileId: ProfileId;
  /** Where the chunks go (the picture pipeline). */
  media: { frame(chunk: LabelledChunk): void; bytes?(byteLength: number, nowMs: number): void };
  now: () => number;
  /** A segment's response arrived whole: its size, when it was asked for and when its last byte came (the adaptive choice's link speed). */
  transfer?: (bytes: number, startMs: number, endMs: number) => void;
  /** A request failed again and again (the feed keeps trying); null once one succeeds. */
  onProblem: (problem: string | null) => void;
}

const RETRY_BASE_MS = 500;
const RETRY_MAX_MS = 8_000;
/** Failures in a row before the player is told; single failures are just tried again. */
const FAILURES_BEFORE_PROBLEM = 3;

export class HttpSegmentFeed {
  /** Requests made, by kind (the test handle shows them). */
  readonly requests = { manifest: 0, segment: 0 };
  readonly #options: HttpSegmentFeedOptions;
  #manifest: HttpBakeManifest | null = null;
  #manifestLoading = false;
  #startFrame = 0;
  #nextToDeliver = 0;
  readonly #fetched = new Map<number, LabelledChunk[]>();
  readonly #inFlight = new Set<number>();
  #abort = new AbortController();
  #playheadFrame = 0;
  #failures = 0;
  #retryAtMs = 0;
  #closed = false;

  constructor(options: HttpSegmentFeedOptions) {
    this.#options = options;
  }

  get manifest(): HttpBakeManifest | null {
    return this.#manifest;
  }

  /** A request is out, or one failed and waits to be tried again: frames are owed. */
  get waiting(): boolean {
    return this.#inFlight.size > 0 || this.#manifestLoading || this.#failures > 0;
  }

  /** Starts (or starts again, after a seek) at the segment holding this frame. */
  seek(frame: number): void {
    this.#startFrame = Math.max(0, frame);
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#inFlight.clear();
    this.#fetched.clear();
    if (this.#manifest) this.#nextToDeliver = firstSegmentFor(this.#startFrame, this.#manifest.segments.length);
    this.pump(frame);
  }

  /** Called every animation frame with the frame the clock names: requests what is due. */
  pump(playheadFrame: number): void {
    if (this.#closed) return;
    this.#playheadFrame = playheadFrame;
    if (this.#options.now() < this.#retryAtMs) return;
    const manifest = this.#manifest;
    if (manifest === null) {
      if (!this.#manifestLoading) void this.#loadManifest();
      return;
    }
    const state = {
      segmentCount: manifest.segments.length,
      nextToDeliver: this.#nextToDeliver,
      fetched: this.#fetched,
      inFlight: this.#inFlight,
    };
    for (const segment of segmentsToFetch(state, playheadFrame)) void this.#fetchSegment(manifest, segment);
  }

  close(): void {
    this.#closed = true;
    this.#abort.abort();
    this.#fetched.clear();
  }

  async #loadManifest(): Promise<void> {
    this.#manifestLoading = true;
    const signal = this.#abort.signal;
    try {
      this.requests.manifest++;
      const response = await fetch(this.#options.manifestUrl, { signal, credentials: 'omit' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const parsed = HttpBakeManifestSchema.safeParse(await response.json());
      if (!parsed.success) throw new Error(`malformed manifest: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      if (parsed.data.key.profileId !== this.#options.profileId) throw new Error('the manifest names another profile');
      if (this.#closed) return;
      this.#manifest = parsed.data;
      this.#nextToDeliver = firstSegmentFor(this.#startFrame, parsed.data.segments.length);
      this.#succeeded();
      this.pump(this.#playheadFrame);
    } catch (error) {
      if (!signal.aborted) this.#failed(`manifest: ${(error as Error).message}`);
    } finally {
      this.#manifestLoading = false;
    }
  }

  async #fetchSegment(manifest: HttpBakeManifest, index: number): Promise<void> {
    const segment = manifest.segments[index];
    const signal = this.#abort.signal;
    this.#inFlight.add(index);
    try {
      this.requests.segment++;
      const startedMs = this.#options.now();
      const response = await fetch(new URL(segment.url, this.#options.manifestUrl), { signal, credentials: 'omit' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (signal.aborted) return;
      this.#options.media.bytes?.(bytes.byteLength, this.#options.now());
      this.#options.transfer?.(bytes.byteLength, startedMs, this.#options.now());
      if (bytes.byteLength !== segment.size) throw new Error(`${bytes.byteLength} bytes, the manifest says ${segment.size}`);
      const sha256 = await sha256Hex(bytes);
      if (sha256 !== null && sha256 !== segment.sha256) throw new Error('the bytes do not have the SHA-256 the manifest names');
      const read = readSegment(bytes, { key: manifest.key, segmentIndex: index });
      if (!read.ok) throw new Error(read.reason);
      if (signal.aborted) return;
      this.#inFlight.delete(index);
      this.#fetched.set(index, read.chunks);
      this.#succeeded();
      this.#deliver(manifest);
    } catch (error) {
      if (signal.aborted) return;
      this.#inFlight.delete(index);
      this.#failed(`segment ${index}: ${(error as Error).message}`);
    }
  }

  /** Hands on every fetched segment whose turn it is, in order. */
  #deliver(manifest: HttpBakeManifest): void {
    const state = {
      segmentCount: manifest.segments.length,
      nextToDeliver: this.#nextToDeliver,
      fetched: this.#fetched,
      inFlight: this.#inFlight,
    };
    for (const index of deliverableSegments(state)) {
      const chunks = this.#fetched.get(index)!;
      this.#fetched.delete(index);
      this.#nextToDeliver = index + 1;
      for (const chunk of chunks) this.#options.media.frame(chunk);
    }
    this.pump(this.#playheadFrame);
  }

  #succeeded(): void {
    if (this.#failures >= FAILURES_BEFORE_PROBLEM) this.#options.onProblem(null);
    this.#failures = 0;
    this.#retryAtMs = 0;
  }

  #failed(problem: string): void {
    this.#failures++;
    this.#retryAtMs = this.#options.now() + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (this.#failures - 1));
    if (this.#failures >= FAILURES_BEFORE_PROBLEM) this.#options.onProblem(`HTTP segments: ${problem}`);
  }
}

/** SHA-256 as hex with Web Crypto; null where the page has none (not a secure context): size and structure are still checked. */
async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
