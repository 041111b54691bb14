// Errors a frame store raises when what is on disk cannot be trusted: the caller re-bakes
// instead of serving bytes that do not match their recorded checksum.
import type { BakeKey } from '../bake/bake-contracts';

export function describeBakeKey(key: BakeKey): string {
  return `${key.routeId} r${key.revision} ${key.profileId} (scene ${key.sceneVersion})`;
}

export const CORRUPT_CHUNK_CODE = 'corrupt_chunk';

/** A stored chunk that is missing, truncated or fails its SHA-256. */
export class CorruptChunkError extends Error {
  override name = 'CorruptChunkError';
  readonly code = CORRUPT_CHUNK_CODE;
  readonly key: BakeKey;
  readonly segmentIndex: number;
  /** The frame index of the bad chunk, or null when the segment's header itself is unreadable. */
  readonly chunkIndex: number | null;

  constructor(key: BakeKey, segmentIndex: number, chunkIndex: number | null, reason: string) {
    const where = chunkIndex === null ? `segment ${segmentIndex}` : `chunk ${chunkIndex} of segment ${segmentIndex}`;
    super(`Corrupt ${where} of ${describeBakeKey(key)}: ${reason}`);
    this.key = key;
    this.segmentIndex = segmentIndex;
    this.chunkIndex = chunkIndex;
  }
}

/** By code, not `instanceof`: a module loaded twice has two classes. */
export function isCorruptChunkError(error: unknown): error is CorruptChunkError {
  return error instanceof Error && (error as Partial<CorruptChunkError>).code === CORRUPT_CHUNK_CODE;
}

/** A stored manifest that does not parse or belongs to another bake. */
export class CorruptManifestError extends Error {
  override name = 'CorruptManifestError';
  readonly key: BakeKey;

  constructor(key: BakeKey, reason: string) {
    super(`Corrupt manifest of ${describeBakeKey(key)}: ${reason}`);
    this.key = key;
  }
}

/** A stored poster whose bytes no longer match the SHA-256 recorded when it was written. */
export class CorruptPosterError extends Error {
  override name = 'CorruptPosterError';

  constructor(routeId: string, revision: number, reason: string) {
    super(`Corrupt poster of ${routeId} r${revision}: ${reason}`);
  }
}

/** Bytes kept under a SHA-256 that they no longer have: a bad disk, a bad copy, a torn object. */
export class CorruptSegmentContentError extends Error {
  override name = 'CorruptSegmentContentError';
  readonly sha256: string;

  constructor(sha256: string, reason: string) {
    super(`Corrupt segment content ${sha256}: ${reason}`);
    this.sha256 = sha256;
  }
}
