// Reads a stored segment ("YSG2", server/frame-store/segment-file-format.ts) in the browser:
// the magic, the header length (u32 LE), a JSON header naming the bake and the segment, then
// the chunks back to back in the one chunk codec. Pure, Uint8Array only (no Node Buffer).
// The browser checks the whole segment's SHA-256 against the HTTP manifest before reading it
// (one digest instead of one per chunk); this checks that the bytes are the segment asked
// for: its bake, its place, its frames in order and nothing after the last.
import { z } from 'zod';
import { readChunkAt, type LabelledChunk } from './chunk-codec';
import { FRAMES_PER_SEGMENT, firstFrameOfSegment } from './frame-timing';
import { profileIndexOf, type ProfileId } from './profile-ladder';

const MAGIC = [0x59, 0x53, 0x47, 0x32]; // "YSG2"
const PREFIX_BYTES = MAGIC.length + 4;

const HeaderSchema = z.object({
  key: z.strictObject({ sceneVersion: z.string(), routeId: z.string(), revision: z.number(), profileId: z.string() }),
  segmentIndex: z.number().int(),
  chunkSha256: z.array(z.string()),
});

export interface SegmentIdentity {
  key: { sceneVersion: string; routeId: string; revision: number; profileId: ProfileId };
  segmentIndex: number;
}

export type SegmentReadResult = { ok: true; chunks: LabelledChunk[] } | { ok: false; reason: string };

export function readSegment(bytes: Uint8Array, expected: SegmentIdentity): SegmentReadResult {
  const bad = (reason: string): SegmentReadResult => ({ ok: false, reason: `segment ${expected.segmentIndex}: ${reason}` });
  if (bytes.byteLength < PREFIX_BYTES || MAGIC.some((byte, at) => bytes[at] !== byte)) return bad('not a segment file');
  const headerBytes = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
  if (PREFIX_BYTES + headerBytes > bytes.byteLength) return bad('truncated inside the header');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerBytes)));
  } catch {
    return bad('the header is not JSON');
  }
  const header = HeaderSchema.safeParse(json);
  if (!header.success) return bad('the header is malformed');
  const { key, segmentIndex, chunkSha256 } = header.data;
  const want = expected.key;
  if (
    segmentIndex !== expected.segmentIndex ||
    key.sceneVersion !== want.sceneVersion ||
    key.routeId !== want.routeId ||
    key.revision !== want.revision ||
    key.profileId !== want.profileId
  )
    return bad('the bytes belong to another segment');
  if (chunkSha256.length === 0 || chunkSha256.length > FRAMES_PER_SEGMENT) return bad(`the header lists ${chunkSha256.length} chunks`);
  const profileIndex = profileIndexOf(want.profileId);
  const chunks: LabelledChunk[] = [];
  let offset = PREFIX_BYTES + headerBytes;
  for (let position = 0; position < chunkSha256.length; position++) {
    const read = readChunkAt(bytes, offset);
    if (read instanceof Error) return bad(read.message);
    const expectedIndex = firstFrameOfSegment(expected.segmentIndex) + position;
    if (read.chunk.index !== expectedIndex || read.chunk.profileIndex !== profileIndex)
      return bad(`holds chunk ${read.chunk.index} of profile ${read.chunk.profileIndex} where ${expectedIndex} belongs`);
    chunks.push(read.chunk);
    offset = read.nextOffset;
  }
  if (offset !== bytes.byteLength) return bad(`${bytes.byteLength - offset} unexpected bytes after the last chunk`);
  return { ok: true, chunks };
}
