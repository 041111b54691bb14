// The embedded frame store: baked chunks on local disk, one file per segment (a header
// listing each chunk's timestamp, key flag, size and SHA-256, then the chunk bytes),
// a JSON manifest per bake and a poster per route revision. Each segment file is also a hard
// link at blobs/sha256/<hex of its bytes> (no second copy), so it can be served by content.
// S3FrameStore keeps the same bytes in object storage behind the same interface.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BakeKey, BakeManifest, FrameStore } from '../bake/bake-contracts';
import type { EncodedChunk } from '@/scenes/protocol/chunk-codec';
import { linkFileAtomic, readFileIfExists, removeAbandonedTempFiles, writeFileAtomic } from './atomic-file';
import { decodeStoredManifest, encodeStoredManifest } from './bake-manifest-schema';
import { sha256Hex } from './chunk-entry';
import { CorruptChunkError, CorruptSegmentContentError } from './frame-store-errors';
import { bakePathParts, posterPathParts, segmentBaseName } from './frame-store-names';
import { assertSha256Hex, type BlobRef, type SegmentContentStore } from './segment-content';
import { decodeSegment, encodeSegment } from './segment-file-format';

export const DEFAULT_FRAMES_DIR = 'data/frames';

/** The frames folder: env YUNSHAN_FRAMES_DIR, else data/frames, relative to the process cwd. */
export function resolveFramesDir(env: Readonly<Record<string, string | undefined>> = process.env, cwd: string = process.cwd()): string {
  const configured = env.YUNSHAN_FRAMES_DIR?.trim();
  return path.resolve(cwd, configured ? configured : DEFAULT_FRAMES_DIR);
}

export class LocalFrameStore implements FrameStore, SegmentContentStore {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Folder of one bake: <root>/<scene version>/<route id>/r<revision>/<profile>. */
  bakeDirectory(key: BakeKey): string {
    return path.join(this.root, ...bakePathParts(key));
  }

  segmentPath(key: BakeKey, segmentIndex: number): string {
    return path.join(this.bakeDirectory(key), `${segmentBaseName(segmentIndex)}.ysg`);
  }

  manifestPath(key: BakeKey): string {
    return path.join(this.bakeDirectory(key), 'manifest.json');
  }

  /** A segment's bytes by their SHA-256: <root>/blobs/sha256/<hex>, the same file as the segment's own path. */
  blobPath(sha256: string): string {
    return path.join(this.root, 'blobs', 'sha256', assertSha256Hex(sha256));
  }

  posterPath(routeId: string, revision: number): string {
    return `${path.join(this.root, ...posterPathParts(routeId, revision))}.jpg`;
  }

  async hasSegment(key: BakeKey, segmentIndex: number): Promise<boolean> {
    try {
      return (await fs.stat(this.segmentPath(key, segmentIndex))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async writeSegment(key: BakeKey, segmentIndex: number, chunks: readonly EncodedChunk[]): Promise<void> {
    const parts = encodeSegment(key, segmentIndex, chunks);
    const blobPath = this.blobPath(sha256Hex(Buffer.concat(parts)));
    // The blob is written afresh even when its name exists (a damaged copy must not stay),
    // then linked over the segment's path: both names are one whole file from the start.
    await writeFileAtomic(blobPath, parts);
    await linkFileAtomic(blobPath, this.segmentPath(key, segmentIndex));
  }

  async segmentContent(key: BakeKey, segmentIndex: number): Promise<BlobRef> {
    const file = await readFileIfExists(this.segmentPath(key, segmentIndex));
    if (file === null) throw new CorruptChunkError(key, segmentIndex, null, 'the segment file is missing');
    decodeSegment(file, key, segmentIndex);
    const blob: BlobRef = { sha256: sha256Hex(file), size: file.byteLength };
    // Segments baked before blobs existed get theirs now, from the bytes just checked.
    if ((await readFileSize(this.blobPath(blob.sha256))) !== blob.size) await writeFileAtomic(this.blobPath(blob.sha256), [file]);
    return blob;
  }

  async readSegmentBytesByHash(sha256: string): Promise<Uint8Array | null> {
    const file = await readFileIfExists(this.blobPath(sha256));
    if (file === null) return null;
    if (sha256Hex(file) !== sha256)
      throw new CorruptSegmentContentError(sha256, `the file ${this.blobPath(sha256)} no longer has that SHA-256`);
    return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  }

  async readSegment(key: BakeKey, segmentIndex: number): Promise<EncodedChunk[]> {
    const file = await readFileIfExists(this.segmentPath(key, segmentIndex));
    if (file === null) throw new CorruptChunkError(key, segmentIndex, null, 'the segment file is missing');
    return decodeSegment(file, key, segmentIndex);
  }

  async writeManifest(manifest: BakeManifest): Promise<void> {
    await writeFileAtomic(this.manifestPath(manifest.key), [encodeStoredManifest(manifest)]);
    // The bake is whole now: what an interrupted writer left behind is only clutter.
    await removeAbandonedTempFiles(this.bakeDirectory(manifest.key));
  }

  async readManifest(key: BakeKey): Promise<BakeManifest | null> {
    const file = await readFileIfExists(this.manifestPath(key));
    return file === null ? null : decodeStoredManifest(file, key);
  }

  async writePoster(routeId: string, revision: number, jpeg: Uint8Array): Promise<void> {
    await writeFileAtomic(this.posterPath(routeId, revision), [jpeg]);
  }

  async readPoster(routeId: string, revision: number): Promise<Uint8Array | null> {
    const file = await readFileIfExists(this.posterPath(routeId, revision));
    return file === null ? null : new Uint8Array(file);
  }
}

async function readFileSize(filePath: string): Promise<number | null> {
  try {
    return (await fs.stat(filePath)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
