// The scale-out frame store: the same segment, manifest and poster bytes as the local store,
// kept in an S3-compatible bucket (AWS S3, MinIO, Alibaba OSS, Tencent COS), each stored as a
// blob named by its SHA-256 with a pointer per (bake, segment), per bake manifest and per
// poster. Everything read is checked against the pointer's SHA-256 and, for segments, each
// chunk's own; a mismatch is a Corrupt*Error, never bad bytes.
import { S3Client } from '@aws-sdk/client-s3';
import type { BakeKey, BakeManifest, FrameStore } from '../bake/bake-contracts';
import type { EncodedChunk } from '@/scenes/protocol/chunk-codec';
import { decodeStoredManifest, encodeStoredManifest } from './bake-manifest-schema';
import { blobMismatch, ContentAddressedBucket } from './content-addressed-bucket';
import { sha256Hex } from './chunk-entry';
import { CorruptChunkError, CorruptManifestError, CorruptPosterError, CorruptSegmentContentError } from './frame-store-errors';
import { bakePathParts, posterPathParts, segmentBaseName } from './frame-store-names';
import { assertSha256Hex, type BlobRef, type SegmentContentStore } from './segment-content';
import { decodeSegment, encodeSegment } from './segment-file-format';

/**
 * A read that fails is tried again before it is reported: some S3-compatible servers
 * (s3rver, gateways over a shared file system) replace an object in place, so a read that
 * overlaps a rewrite of the same segment can see it torn or cut off. Damage that stays is
 * still reported, after the last try; an unsafe key is refused before the first.
 */
const READ_ATTEMPTS = 3;
const READ_RETRY_DELAY_MS = 50;

async function withReadRetries<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= READ_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, READ_RETRY_DELAY_MS * attempt));
    }
  }
}

export interface S3FrameStoreOptions {
  bucket: string;
  /** '' or a folder ending in '/', under which every object of this store lives. */
  prefix: string;
  /** Omitted for AWS S3 itself; e.g. http://127.0.0.1:9000 (MinIO), https://oss-cn-hangzhou.aliyuncs.com, https://cos.ap-guangzhou.myqcloud.com. */
  endpoint?: string;
  region: string;
  /** http://host/bucket/key instead of http://bucket.host/key: MinIO and most self-hosted servers need it; OSS refuses it. */
  forcePathStyle: boolean;
  /** Tests only; otherwise the SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, instance roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export function createS3Client(options: Omit<S3FrameStoreOptions, 'bucket' | 'prefix'>): S3Client {
  return new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    // Only AWS understands the newer flexible checksums; OSS, COS and older MinIO refuse or
    // ignore them. Integrity here comes from Content-MD5 on upload and SHA-256 on read.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Without limits a request to a server that stopped answering waits forever, and a
    // viewer's stream with it; failed reads are tried again (withReadRetries, the SDK's retries).
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000, throwOnRequestTimeout: true },
  });
}

export class S3FrameStore implements FrameStore, SegmentContentStore {
  readonly objects: ContentAddressedBucket;

  constructor(
    private readonly client: S3Client,
    bucket: string,
    prefix: string,
  ) {
    this.objects = new ContentAddressedBucket(client, bucket, prefix);
  }

  static open(options: S3FrameStoreOptions): S3FrameStore {
    return new S3FrameStore(createS3Client(options), options.bucket, options.prefix);
  }

  /** s3://bucket/prefix, for logs. */
  get location(): string {
    return `s3://${this.objects.bucket}/${this.objects.prefix}`;
  }

  segmentPointer(key: BakeKey, segmentIndex: number): string[] {
    return ['bakes', ...bakePathParts(key), `${segmentBaseName(segmentIndex)}.ysg`];
  }

  manifestPointer(key: BakeKey): string[] {
    return ['bakes', ...bakePathParts(key), 'manifest.json'];
  }

  posterPointer(routeId: string, revision: number): string[] {
    const parts = posterPathParts(routeId, revision);
    return [...parts.slice(0, -1), `${parts.at(-1)}.jpg`];
  }

  /** Fails with a clear message when the bucket is missing, refused or out of reach. */
  async checkReachable(): Promise<void> {
    await this.objects.checkReachable();
  }

  async hasSegment(key: BakeKey, segmentIndex: number): Promise<boolean> {
    return this.objects.pointerExists(this.segmentPointer(key, segmentIndex));
  }

  async writeSegment(key: BakeKey, segmentIndex: number, chunks: readonly EncodedChunk[]): Promise<void> {
    await this.objects.store(this.segmentPointer(key, segmentIndex), encodeSegment(key, segmentIndex, chunks));
  }

  async readSegment(key: BakeKey, segmentIndex: number): Promise<EncodedChunk[]> {
    const pointerParts = this.segmentPointer(key, segmentIndex);
    return withReadRetries(() => this.readSegmentOnce(key, segmentIndex, pointerParts));
  }

  private async readSegmentOnce(key: BakeKey, segmentIndex: number, pointerParts: string[]): Promise<EncodedChunk[]> {
    const corrupt = (reason: string) => new CorruptChunkError(key, segmentIndex, null, reason);
    const pointer = await this.objects.readPointer(pointerParts);
    if (pointer.kind === 'missing') throw corrupt('the segment object is missing');
    if (pointer.kind === 'malformed') throw corrupt(pointer.reason);
    const bytes = await this.objects.readBlob(pointer.blob);
    if (bytes === null) throw corrupt(`its blob ${pointer.blob.sha256} is missing`);
    // Chunk by chunk first, so a damaged chunk is named; then the whole object, which also
    // covers the header (timestamps, key flags) that no chunk checksum does.
    const chunks = decodeSegment(bytes, key, segmentIndex);
    const mismatch = blobMismatch(bytes, pointer.blob);
    if (mismatch !== null) throw corrupt(mismatch);
    return chunks;
  }

  /** From the segment's pointer alone: its blob is already named by the SHA-256 of its bytes. */
  async segmentContent(key: BakeKey, segmentIndex: number): Promise<BlobRef> {
    const pointerParts = this.segmentPointer(key, segmentIndex);
    return withReadRetries(async () => {
      const pointer = await this.objects.readPointer(pointerParts);
      if (pointer.kind === 'missing') throw new CorruptChunkError(key, segmentIndex, null, 'the segment object is missing');
      if (pointer.kind === 'malformed') throw new CorruptChunkError(key, segmentIndex, null, pointer.reason);
      return pointer.blob;
    });
  }

  async readSegmentBytesByHash(sha256: string): Promise<Uint8Array | null> {
    assertSha256Hex(sha256);
    return withReadRetries(async () => {
      // The size is not known here: the SHA-256 alone decides whether the bytes are the ones named.
      const bytes = await this.objects.readBlob({ sha256, size: -1 });
      if (bytes === null) return null;
      if (sha256Hex(bytes) !== sha256)
        throw new CorruptSegmentContentError(sha256, `the object ${this.objects.blobName(sha256)} no longer has that SHA-256`);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    });
  }

  async writeManifest(manifest: BakeManifest): Promise<void> {
    await this.objects.store(this.manifestPointer(manifest.key), [encodeStoredManifest(manifest)]);
  }

  async readManifest(key: BakeKey): Promise<BakeManifest | null> {
    const pointerParts = this.manifestPointer(key);
    return withReadRetries(() => this.readManifestOnce(key, pointerParts));
  }

  private async readManifestOnce(key: BakeKey, pointerParts: string[]): Promise<BakeManifest | null> {
    const pointer = await this.objects.readPointer(pointerParts);
    if (pointer.kind === 'missing') return null;
    if (pointer.kind === 'malformed') throw new CorruptManifestError(key, pointer.reason);
    const bytes = await this.objects.readBlob(pointer.blob);
    if (bytes === null) throw new CorruptManifestError(key, `its blob ${pointer.blob.sha256} is missing`);
    const mismatch = blobMismatch(bytes, pointer.blob);
    if (mismatch !== null) throw new CorruptManifestError(key, mismatch);
    return decodeStoredManifest(bytes, key);
  }

  async writePoster(routeId: string, revision: number, jpeg: Uint8Array): Promise<void> {
    await this.objects.store(this.posterPointer(routeId, revision), [jpeg]);
  }

  async readPoster(routeId: string, revision: number): Promise<Uint8Array | null> {
    const pointerParts = this.posterPointer(routeId, revision);
    return withReadRetries(() => this.readPosterOnce(routeId, revision, pointerParts));
  }

  private async readPosterOnce(routeId: string, revision: number, pointerParts: string[]): Promise<Uint8Array | null> {
    const pointer = await this.objects.readPointer(pointerParts);
    if (pointer.kind === 'missing') return null;
    if (pointer.kind === 'malformed') throw new CorruptPosterError(routeId, revision, pointer.reason);
    const bytes = await this.objects.readBlob(pointer.blob);
    if (bytes === null) throw new CorruptPosterError(routeId, revision, `its blob ${pointer.blob.sha256} is missing`);
    const mismatch = blobMismatch(bytes, pointer.blob);
    if (mismatch !== null) throw new CorruptPosterError(routeId, revision, mismatch);
    return new Uint8Array(bytes);
  }

  /** Closes the client's sockets. */
  close(): void {
    this.client.destroy();
  }
}
