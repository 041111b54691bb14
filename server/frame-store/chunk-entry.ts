// A chunk's manifest entry: where it sits in time, whether it is a keyframe, and the
// size and SHA-256 that every later read is checked against.
// One schema for it, shared by the manifest and the segment file's header.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ChunkEntry, EncodedChunk } from '../bake/bake-contracts';

export const ChunkEntrySchema = z.strictObject({
  index: z.number().int().min(0),
  timestampUs: z.number().min(0),
  key: z.boolean(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
}) satisfies z.ZodType<ChunkEntry>;

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function describeChunk(chunk: EncodedChunk): ChunkEntry {
  return { index: chunk.index, timestampUs: chunk.timestampUs, key: chunk.key, size: chunk.data.byteLength, sha256: sha256Hex(chunk.data) };
}
