// What the HTTP segment URLs serve, read through the frame store (local disk or S3): a bake's
// HTTP manifest, built from its stored manifest and the content of each segment, and a
// segment's verified bytes by SHA-256. Building a manifest reads every segment once (local
// disk) or every pointer (S3), so it is kept, keyed by the stored manifest's own bytes: a
// re-bake that changes them builds a new one.
import { LRUCache } from 'lru-cache';
import type { BakeKey, FrameStore } from '../bake/bake-contracts';
import { sha256Hex } from '../frame-store/chunk-entry';
import type { BlobRef, SegmentContentStore } from '../frame-store/segment-content';
import { hasSegmentMagic } from '../frame-store/segment-file-format';
import { buildHttpBakeManifest } from '../stream/http-segment-manifest';
import { strongEtag } from './entity-tag';

export interface ServedManifest {
  body: Buffer;
  etag: string;
}

/** Segments of one bake read at once while building its manifest: enough to hide S3 latency, few enough to be gentle. */
const CONTENT_READS_AT_ONCE = 8;
const MAX_CACHED_MANIFESTS = 1000;

export class HttpSegmentCatalog {
  private readonly manifests = new LRUCache<string, ServedManifest>({ max: MAX_CACHED_MANIFESTS });
  private readonly building = new Map<string, Promise<ServedManifest>>();

  constructor(private readonly store: FrameStore & SegmentContentStore) {}

  /** The bake's HTTP manifest as served (JSON bytes and strong ETag), or null while it is not baked. */
  async manifest(key: BakeKey): Promise<ServedManifest | null> {
    const stored = await this.store.readManifest(key);
    if (stored === null) return null;
    const id = sha256Hex(Buffer.from(JSON.stringify(stored), 'utf8'));
    const cached = this.manifests.get(id);
    if (cached !== undefined) return cached;
    const pending = this.building.get(id);
    if (pending !== undefined) return pending;
    const build = (async () => {
      const contents: BlobRef[] = [];
      for (let first = 0; first < stored.segmentCount; first += CONTENT_READS_AT_ONCE) {
        const batch = Array.from({ length: Math.min(CONTENT_READS_AT_ONCE, stored.segmentCount - first) }, (_, offset) => first + offset);
        contents.push(...(await Promise.all(batch.map((segmentIndex) => this.store.segmentContent(key, segmentIndex)))));
      }
      const body = Buffer.from(`${JSON.stringify(buildHttpBakeManifest(stored, contents))}\n`, 'utf8');
      const served = { body, etag: strongEtag(sha256Hex(body)) };
      this.manifests.set(id, served);
      return served;
    })().finally(() => this.building.delete(id));
    this.building.set(id, build);
    return build;
  }

  /**
   * A segment's stored bytes, checked against their SHA-256, or null when none are stored
   * under it. Object storage also keeps manifests and posters by SHA-256: those are not
   * segments and are not served here.
   */
  async segment(sha256: string): Promise<Uint8Array | null> {
    const bytes = await this.store.readSegmentBytesByHash(sha256);
    return bytes !== null && hasSegmentMagic(bytes) ? bytes : null;
  }
}
