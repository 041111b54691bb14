// A chunk's manifest entry: where it sits in time, whether it is a keyframe, and the
// size and SHA-256 that every later read is checked against.
import { createHash } from 'node:crypto';
import type { ChunkEntry, EncodedChunk } from '../bake/bake-contracts';

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function describeChunk(chunk: EncodedChunk): ChunkEntry {
  return { index: chunk.index, timestampUs: chunk.timestampUs, key: chunk.key, size: chunk.data.byteLength, sha256: sha256Hex(chunk.data) };
}
