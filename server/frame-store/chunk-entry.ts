// A chunk's manifest entry, computed: its place, key flag, size and SHA-256. The schema
// lives with the protocol (scenes/protocol/chunk-entry.ts); hashing needs node:crypto.
import { createHash } from 'node:crypto';
import type { EncodedChunk } from '@/scenes/protocol/chunk-codec';
import type { ChunkEntry } from '@/scenes/protocol/chunk-entry';

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function describeChunk(chunk: EncodedChunk): ChunkEntry {
  return { index: chunk.index, timestampUs: chunk.timestampUs, key: chunk.key, size: chunk.data.byteLength, sha256: sha256Hex(chunk.data) };
}
