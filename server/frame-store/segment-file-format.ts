// The stored form of one segment, the same on local disk and in object storage: "YSG2"
// (Yunshan segment, format 2), the header length (u32 LE), a JSON header naming the bake,
// the segment and the SHA-256 of each stored chunk, then the chunks back to back, each in the
// one chunk codec every hop uses (scenes/protocol/chunk-codec.ts: index, timestamp, key flag,
// size, then the data). The hash covers a chunk's codec header too, so no flipped bit in a
// timestamp or key flag reads back as a different frame.
// Pure: bytes in, bytes out; decoding checks every chunk and names the first bad one.
// Format 1 ("YSG1", bare chunk bytes) is no longer read: its scene version is gone too.
import { z } from 'zod';
import type { BakeKey } from '../bake/bake-contracts';
import { encodeChunk, readChunkAt, type EncodedChunk } from '@/scenes/protocol/chunk-codec';
import { Sha256HexSchema } from '@/scenes/protocol/chunk-entry';
import { FRAMES_PER_SEGMENT, firstFrameOfSegment } from '@/scenes/protocol/frame-timing';
import { profileIndexOf } from '@/scenes/protocol/profile-ladder';
import { sha256Hex } from './chunk-entry';
import { CorruptChunkError } from './frame-store-errors';

const SEGMENT_MAGIC = Buffer.from('YSG2', 'ascii');
const PREFIX_BYTES = SEGMENT_MAGIC.length + 4;

const SegmentHeaderSchema = z.strictObject({
  key: z.strictObject({ sceneVersion: z.string(), routeId: z.string(), revision: z.number(), profileId: z.string() }),
  segmentIndex: z.number().int(),
  /** The SHA-256 of each chunk's stored bytes: its codec header and its data. */
  chunkSha256: z.array(Sha256HexSchema),
});

/** Whether the bytes start as a stored segment does (the content URLs serve nothing else). */
export function hasSegmentMagic(bytes: Uint8Array): boolean {
  return bytes.byteLength >= PREFIX_BYTES && Buffer.from(bytes.buffer, bytes.byteOffset, SEGMENT_MAGIC.length).equals(SEGMENT_MAGIC);
}

export function sameBakeKey(a: { sceneVersion: string; routeId: string; revision: number; profileId: string }, b: BakeKey): boolean {
  return a.sceneVersion === b.sceneVersion && a.routeId === b.routeId && a.revision === b.revision && a.profileId === b.profileId;
}

/** A segment is the consecutive frames of one second, starting at its first frame. */
export function assertSegmentChunks(segmentIndex: number, chunks: readonly Pick<EncodedChunk, 'index'>[]): void {
  if (chunks.length === 0 || chunks.length > FRAMES_PER_SEGMENT) {
    throw new Error(`Segment ${segmentIndex} must hold 1–${FRAMES_PER_SEGMENT} chunks, not ${chunks.length}`);
  }
  chunks.forEach((chunk, position) => {
    const expected = firstFrameOfSegment(segmentIndex) + position;
    if (chunk.index !== expected)
      throw new Error(`Segment ${segmentIndex} position ${position} holds chunk ${chunk.index}, expected ${expected}`);
  });
}

/**
 * The segment's bytes, as parts to write one after another. The same chunks always give
 * the same bytes (the header is built from the key and the chunks alone), which is what
 * lets an object store name a segment by its SHA-256 and a retried write change nothing.
 */
export function encodeSegment(key: BakeKey, segmentIndex: number, chunks: readonly EncodedChunk[]): Uint8Array[] {
  assertSegmentChunks(segmentIndex, chunks);
  const { sceneVersion, routeId, revision, profileId } = key;
  const profileIndex = profileIndexOf(profileId);
  const stored = chunks.map((chunk) => encodeChunk(chunk, { profileIndex }));
  const header = Buffer.from(
    JSON.stringify({ key: { sceneVersion, routeId, revision, profileId }, segmentIndex, chunkSha256: stored.map(sha256Hex) }),
    'utf8',
  );
  const prefix = Buffer.alloc(PREFIX_BYTES);
  SEGMENT_MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(header.byteLength, SEGMENT_MAGIC.length);
  return [prefix, header, ...stored];
}

/** The chunks of a stored segment, each checked against its SHA-256; anything wrong is a CorruptChunkError. */
export function decodeSegment(file: Buffer, key: BakeKey, segmentIndex: number): EncodedChunk[] {
  const hashes = parseSegmentHeader(file, key, segmentIndex);
  const profileIndex = profileIndexOf(key.profileId);
  const chunks: EncodedChunk[] = [];
  let offset = PREFIX_BYTES + file.readUInt32LE(SEGMENT_MAGIC.length);
  for (const [position, sha256] of hashes.entries()) {
    const expectedIndex = firstFrameOfSegment(segmentIndex) + position;
    const read = readChunkAt(file, offset);
    if (read instanceof Error) throw new CorruptChunkError(key, segmentIndex, expectedIndex, read.message);
    if (sha256Hex(file.subarray(offset, read.nextOffset)) !== sha256)
      throw new CorruptChunkError(key, segmentIndex, expectedIndex, 'SHA-256 mismatch');
    const { index, timestampUs, key: isKey, data } = read.chunk;
    // Hashed bytes that name another frame or profile were written for another segment.
    if (index !== expectedIndex || read.chunk.profileIndex !== profileIndex) {
      throw new CorruptChunkError(key, segmentIndex, expectedIndex, `holds chunk ${index} of profile ${read.chunk.profileIndex}`);
    }
    // A copy, not a view: callers may keep chunks long after the file buffer is gone.
    chunks.push({ index, timestampUs, key: isKey, data: new Uint8Array(data) });
    offset = read.nextOffset;
  }
  if (offset !== file.byteLength) {
    throw new CorruptChunkError(key, segmentIndex, null, `${file.byteLength - offset} unexpected bytes after the last chunk`);
  }
  return chunks;
}

function parseSegmentHeader(file: Buffer, key: BakeKey, segmentIndex: number): string[] {
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
  if (parsed.data.segmentIndex !== segmentIndex || !sameBakeKey(parsed.data.key, key)) throw corrupt('the file belongs to another segment');
  const count = parsed.data.chunkSha256.length;
  if (count === 0 || count > FRAMES_PER_SEGMENT) throw corrupt(`the header lists ${count} chunks`);
  return parsed.data.chunkSha256;
}
