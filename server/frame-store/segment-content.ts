// Segments by content: every stored segment is also reachable by the SHA-256 of its stored
// bytes, so the render server can hand them out at immutable, content-addressed URLs that
// any HTTP cache (nginx, a CDN) may keep for a year. Both stores keep segments this way:
// object storage names every blob by its SHA-256 already; the local store hard-links each
// segment file under blobs/sha256/<hex>.
import type { BakeKey } from '../bake/bake-contracts';
import type { BlobRef } from './content-addressed-bucket';

export type { BlobRef };

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}

/** A name a store may build a path or object key from; anything else is refused before any I/O. */
export function assertSha256Hex(value: string): string {
  if (!isSha256Hex(value)) throw new Error(`Not a SHA-256 (64 lowercase hex digits): "${value.slice(0, 80)}"`);
  return value;
}

export interface SegmentContentStore {
  /**
   * The SHA-256 and size of the segment's stored bytes, which `readSegmentBytesByHash` then
   * answers for. A segment that is missing or fails its checks is a CorruptChunkError.
   */
  segmentContent(key: BakeKey, segmentIndex: number): Promise<BlobRef>;
  /**
   * The stored bytes whose SHA-256 is `sha256`, checked against it, or null when the store
   * holds none. Bytes that no longer match are a CorruptSegmentContentError, never returned.
   */
  readSegmentBytesByHash(sha256: string): Promise<Uint8Array | null>;
}
