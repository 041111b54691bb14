// Where a stream's frames come from: the baked manifests of the revision the viewer's page
// shows (the published one, or an older one still baked) for the current scene version, and a shared, byte-bounded cache of segments, so a thousand
// viewers of one route read and checksum each segment once instead of once each.
import { LRUCache } from 'lru-cache';
import type { BakeJob, BakeKey, BakeManifest, FrameStore } from '../bake/bake-contracts';
import type { EncodedChunk } from '@/scenes/protocol/chunk-codec';
import { frameCountFor } from '@/scenes/protocol/frame-timing';
import { BAKE_FPS, DEFAULT_BAKE_PROFILE_IDS, PROFILE_IDS, QUALITY_PROFILES, type ProfileId } from '@/scenes/protocol/profile-ladder';
import type { RouteStore } from '../routes/route-store';
import type { NotBakedMessage, RevisionGoneMessage } from '@/scenes/protocol/server-messages';

export interface BakedRoute {
  routeId: string;
  revision: number;
  durationS: number;
  fps: number;
  frameCount: number;
  /** Profiles with a complete bake, cheapest first. */
  manifests: Map<ProfileId, BakeManifest>;
  keyFor(profileId: ProfileId): BakeKey;
}

export type RouteLookup =
  | { kind: 'ready'; route: BakedRoute }
  /** The published revision, still baking (or not scheduled): it will stream once baked. */
  | { kind: 'not-baked'; progress: NotBakedMessage }
  /** Another revision than the published one, with nothing baked: it will never stream. */
  | { kind: 'revision-gone'; gone: RevisionGoneMessage }
  | { kind: 'unknown' };

export interface BakedRouteSourceOptions {
  routes: Pick<RouteStore, 'getPublished'>;
  store: FrameStore;
  listBakes: (routeId: string) => Promise<BakeJob[]>;
  sceneVersion: string;
  /** Upper bound on cached segment bytes (a 720p segment is about 350 KiB). */
  cacheBytes?: number;
}

const DEFAULT_CACHE_BYTES = 96 * 1024 * 1024;
/** Manifests are small and never change once written; this many routes x profiles stay cached. */
const MAX_CACHED_MANIFESTS = 1000;

export class BakedRouteSource {
  private readonly manifests = new LRUCache<string, BakeManifest>({ max: MAX_CACHED_MANIFESTS });
  /** Least recently used segments go first once their chunks' bytes pass the bound. */
  private readonly segments: LRUCache<string, EncodedChunk[]>;
  private readonly pending = new Map<string, Promise<EncodedChunk[]>>();
  reads = 0;
  hits = 0;

  constructor(private readonly options: BakedRouteSourceOptions) {
    this.segments = new LRUCache<string, EncodedChunk[]>({
      maxSize: options.cacheBytes ?? DEFAULT_CACHE_BYTES,
      // Never 0: lru-cache refuses entries of size 0, and an empty segment still takes a slot.
      sizeCalculation: (chunks) =>
        Math.max(
          1,
          chunks.reduce((sum, chunk) => sum + chunk.data.byteLength, 0),
        ),
    });
  }

  /**
   * The bake of `revision` of a published route. A page rendered before a republish still
   * shows the older revision: it streams that revision's frames while they are stored, so
   * captions, device frames and the cloud picture stay one revision.
   */
  async lookup(routeId: string, revision: number): Promise<RouteLookup> {
    const published = await this.options.routes.getPublished(routeId);
    if (published === null) return { kind: 'unknown' };
    const sceneVersion = this.options.sceneVersion;
    const keyFor = (profileId: ProfileId): BakeKey => ({ sceneVersion, routeId, revision, profileId });
    const manifests = new Map<ProfileId, BakeManifest>();
    for (const profileId of PROFILE_IDS) {
      const manifest = await this.manifest(keyFor(profileId));
      if (manifest !== null) manifests.set(profileId, manifest);
    }
    const isPublished = revision === published.revision;
    if (manifests.size === 0) {
      if (!isPublished) return { kind: 'revision-gone', gone: { routeId, revision, publishedRevision: published.revision } };
      const frameCount = frameCountFor(published.route.durationS);
      const jobs = (await this.options.listBakes(routeId)).filter((job) => job.revision === revision && job.sceneVersion === sceneVersion);
      const profiles = DEFAULT_BAKE_PROFILE_IDS.map((profileId) => {
        const job = jobs.find((candidate) => candidate.profileId === profileId);
        return job === undefined
          ? { profileId, status: 'missing' as const, framesDone: 0, framesTotal: frameCount }
          : { profileId, status: job.status, framesDone: job.framesDone, framesTotal: job.framesTotal };
      });
      return { kind: 'not-baked', progress: { routeId, revision, profiles } };
    }
    // Only published revisions are ever baked, so a stored bake of an older one was public.
    // Its route body is gone from the published view; its manifests carry its length.
    const frameCount = isPublished
      ? frameCountFor(published.route.durationS)
      : Math.max(...[...manifests.values()].map((manifest) => manifest.frameCount));
    const durationS = isPublished ? published.route.durationS : (frameCount - 1) / BAKE_FPS;
    return { kind: 'ready', route: { routeId, revision, durationS, fps: BAKE_FPS, frameCount, manifests, keyFor } };
  }

  /** The segment's chunks, from the cache or the store; concurrent reads of one segment share a single disk read. */
  async segment(key: BakeKey, segmentIndex: number): Promise<EncodedChunk[]> {
    const id = `${segmentId(key)}/${segmentIndex}`;
    const cached = this.segments.get(id);
    if (cached !== undefined) {
      this.hits++;
      return cached;
    }
    const inFlight = this.pending.get(id);
    if (inFlight !== undefined) return inFlight;
    const read = this.options.store
      .readSegment(key, segmentIndex)
      .then((chunks) => {
        this.reads++;
        this.segments.set(id, chunks);
        return chunks;
      })
      .finally(() => this.pending.delete(id));
    this.pending.set(id, read);
    return read;
  }

  /** A cached segment without waiting, or null: the send loop's fast path (a peek: it leaves recency alone). */
  cachedSegment(key: BakeKey, segmentIndex: number): EncodedChunk[] | null {
    return this.segments.peek(`${segmentId(key)}/${segmentIndex}`) ?? null;
  }

  private async manifest(key: BakeKey): Promise<BakeManifest | null> {
    const id = segmentId(key);
    const cached = this.manifests.get(id);
    if (cached !== undefined) return cached;
    // A manifest is written once, when its bake completes, and never changes: cache hits
    // forever; a miss is asked again next time (the bake may have finished since).
    const manifest = await this.options.store.readManifest(key);
    if (manifest !== null && manifest.codec === QUALITY_PROFILES[key.profileId].codec) {
      this.manifests.set(id, manifest);
      return manifest;
    }
    return null;
  }
}

function segmentId(key: BakeKey): string {
  return `${key.sceneVersion}/${key.routeId}/${key.revision}/${key.profileId}`;
}
