// The embedded frame store: baked chunks on local disk, one file per segment (a header
// listing each chunk's timestamp, key flag, size and SHA-256, then the chunk bytes),
// a JSON manifest per bake and a poster per route revision. S3 can replace it behind FrameStore.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { BakeKey, BakeManifest, ChunkEntry, EncodedChunk, FrameStore } from '../bake/bake-contracts';
import { FRAMES_PER_SEGMENT, isProfileId } from '../bake/quality-profiles';
import { readFileIfExists, removeAbandonedTempFiles, writeFileAtomic } from './atomic-file';
import { BakeManifestSchema } from './bake-manifest-schema';
import { describeChunk, sha256Hex } from './chunk-entry';
import { CorruptChunkError, CorruptManifestError } from './frame-store-errors';
export const DEFAULT_FRAMES_DIR = 'data/frames';

/** "YSG1": Yunshan segment, format 1. Followed by the header length (u32 LE), the header JSON, the chunk bytes. */
const SEGMENT_MAGIC = Buffer.from('YSG1', 'ascii');
const PREFIX_BYTES = SEGMENT_MAGIC.length + 4;
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const SegmentHeaderSchema = z.strictObject({
  key: z.strictObject({ sceneVersion: z.string(), routeId: z.string(), revision: z.number(), profileId: z.string() }),
  segmentIndex: z.number().int(),
  chunks: z.array(
    z.strictObject({
      index: z.number().int().min(0),
      timestampUs: z.number().min(0),
      key: z.boolean(),
      size: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

/** The frames folder: env YUNSHAN_FRAMES_DIR, else data/frames, relative to the process cwd. */
export function resolveFramesDir(env: Readonly<Record<string, string | undefined>> = process.env, cwd: string = process.cwd()): string {
  const configured = env.YUNSHAN_FRAMES_DIR?.trim();
  return path.resolve(cwd, configured ? configured : DEFAULT_FRAMES_DIR);
}

function safeName(value: string, what: string): string {
  // Every path part comes from a key; refuse anything that could climb out of the root.
  if (!SAFE_NAME.test(value) || value.includes('..')) throw new Error(`Unsafe ${what} for a frame store path: "${value.slice(0, 80)}"`);
  return value;
}

function assertRevision(revision: number): void {
  if (!Number.isInteger(revision) || revision < 1) throw new Error(`A route revision is a positive integer, not ${revision}`);
}

function sameKey(a: { sceneVersion: string; routeId: string; revision: number; profileId: string }, b: BakeKey): boolean {
  return a.sceneVersion === b.sceneVersion && a.routeId === b.routeId && a.revision === b.revision && a.profileId === b.profileId;
}

export class LocalFrameStore implements FrameStore {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Folder of one bake: <root>/<scene version>/<route id>/r<revision>/<profile>. */
  bakeDirectory(key: BakeKey): string {
    if (!isProfileId(key.profileId)) throw new Error(`Unknown profile "${String(key.profileId)}"`);
    assertRevision(key.revision);
    return path.join(this.root, safeName(key.sceneVersion, 'scene version'), safeName(key.routeId, 'route id'), `r${key.revision}`, key.profileId);
  }

  segmentPath(key: BakeKey, segmentIndex: number): string {
    if (!Number.isInteger(segmentIndex) || segmentIndex < 0) throw new Error(`A segment index is a non-negative integer, not ${segmentIndex}`);
    return path.join(this.bakeDirectory(key), `segment-${String(segmentIndex).padStart(6, '0')}.ysg`);
  }

  manifestPath(key: BakeKey): string {
    return path.join(this.bakeDirectory(key), 'manifest.json');
  }

  posterPath(routeId: string, revision: number): string {
    assertRevision(revision);
    return path.join(this.root, 'posters', safeName(routeId, 'route id'), `r${revision}.jpg`);
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
    assertSegmentChunks(segmentIndex, chunks);
    const header = Buffer.from(JSON.stringify({ key: { ...key }, segmentIndex, chunks: chunks.map(describeChunk) }), 'utf8');
    const prefix = Buffer.alloc(PREFIX_BYTES);
    SEGMENT_MAGIC.copy(prefix, 0);
    prefix.writeUInt32LE(header.byteLength, SEGMENT_MAGIC.length);
    await writeFileAtomic(this.segmentPath(key, segmentIndex), [prefix, header, ...chunks.map((chunk) => chunk.data)]);
  }

  async readSegment(key: BakeKey, segmentIndex: number): Promise<EncodedChunk[]> {
    const file = await readFileIfExists(this.segmentPath(key, segmentIndex));
    if (file === null) throw new CorruptChunkError(key, segmentIndex, null, 'the segment file is missing');
    const entries = parseSegmentHeader(file, key, segmentIndex);
    const chunks: EncodedChunk[] = [];
    let offset = PREFIX_BYTES + file.readUInt32LE(SEGMENT_MAGIC.length);
    for (const entry of entries) {
      if (offset + entry.size > file.byteLength) {
        throw new CorruptChunkError(key, segmentIndex, entry.index, `truncated: ${file.byteLength - offset} of ${entry.size} bytes present`);
      }
      // A copy, not a view: callers may keep chunks long after the file buffer is gone.
      const data = new Uint8Array(file.subarray(offset, offset + entry.size));
      if (sha256Hex(data) !== entry.sha256) throw new CorruptChunkError(key, segmentIndex, entry.index, 'SHA-256 mismatch');
      chunks.push({ index: entry.index, timestampUs: entry.timestampUs, key: entry.key, data });
      offset += entry.size;
    }
    if (offset !== file.byteLength) {
      throw new CorruptChunkError(key, segmentIndex, null, `${file.byteLength - offset} unexpected bytes after the last chunk`);
    }
    return chunks;
  }

  async writeManifest(manifest: BakeManifest): Promise<void> {
    const checked = BakeManifestSchema.parse(manifest);
    await writeFileAtomic(this.manifestPath(manifest.key), [Buffer.from(`${JSON.stringify(checked, null, 1)}\n`, 'utf8')]);
    // The bake is whole now: what an interrupted writer left behind is only clutter.
    await removeAbandonedTempFiles(this.bakeDirectory(manifest.key));
  }

  async readManifest(key: BakeKey): Promise<BakeManifest | null> {
    const file = await readFileIfExists(this.manifestPath(key));
    if (file === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(file.toString('utf8'));
    } catch (error) {
      throw new CorruptManifestError(key, `not JSON (${(error as Error).message})`);
    }
    const parsed = BakeManifestSchema.safeParse(json);
    if (!parsed.success) throw new CorruptManifestError(key, z.prettifyError(parsed.error).replaceAll('\n', ' '));
    if (!sameKey(parsed.data.key, key)) throw new CorruptManifestError(key, 'it names another bake');
    return parsed.data;
  }

  async writePoster(routeId: string, revision: number, jpeg: Uint8Array): Promise<void> {
    await writeFileAtomic(this.posterPath(routeId, revision), [jpeg]);
  }

  async readPoster(routeId: string, revision: number): Promise<Uint8Array | null> {
    const file = await readFileIfExists(this.posterPath(routeId, revision));
    return file === null ? null : new Uint8Array(file);
  }
}

/** A segment is the consecutive frames of one second, starting at its first frame. */
function assertSegmentChunks(segmentIndex: number, chunks: readonly EncodedChunk[]): void {
  if (chunks.length === 0 || chunks.length > FRAMES_PER_SEGMENT) {
    throw new Error(`Segment ${segmentIndex} must hold 1–${FRAMES_PER_SEGMENT} chunks, not ${chunks.length}`);
  }
  chunks.forEach((chunk, position) => {
    const expected = segmentIndex * FRAMES_PER_SEGMENT + position;
    if (chunk.index !== expected) throw new Error(`Segment ${segmentIndex} position ${position} holds chunk ${chunk.index}, expected ${expected}`);
  });
}

function parseSegmentHeader(file: Buffer, key: BakeKey, segmentIndex: number): ChunkEntry[] {
  const corrupt = (reason: string) => new CorruptChunkError(key, segmentIndex, null, reason);
  if (file.byteLength < PREFIX_BYTES || !file.subarray(0, SEGMENT_MAGIC.length).equals(SEGMENT_MAGIC)) throw corrupt('not a segment file');
  const headerBytes = file.readUInt32LE(SEGMENT_MAGIC.length);
  if (PREFIX_BYTES + headerBytes > file.byteLength) throw corrupt('truncated inside the header');
  let json: unknown;
  try {
    json = JSON.parse(file.subarray(PREFIX_BYTES, PREFIX_BYTES + headerBytes).toString('utf8'));
  } catch {
    throw corrupt('the header is not JSON');
  }
  const parsed = SegmentHeaderSchema.safeParse(json);
  if (!parsed.success) throw corrupt('the header is malformed');
  if (parsed.data.segmentIndex !== segmentIndex || !sameKey(parsed.data.key, key)) throw corrupt('the file belongs to another segment');
  const entries = parsed.data.chunks;
  try {
    assertSegmentChunks(segmentIndex, entries.map((entry) => ({ ...entry, data: new Uint8Array(0) })));
  } catch (error) {
    throw corrupt((error as Error).message);
  }
  return entries;
}
