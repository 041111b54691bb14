// The binary framing of one encoded frame sent from the render page to Node over the
// loopback WebSocket. Isomorphic: the page writes it, the pool reads it.

/** requestId u32, frame index u32, timestamp µs f64, flags u32 (bit 0: key frame); little-endian. */
export const CHUNK_HEADER_BYTES = 20;
const KEY_FLAG = 1;

export interface ChunkFrame {
  requestId: number;
  index: number;
  timestampUs: number;
  key: boolean;
  data: Uint8Array;
}

export function encodeChunkFrame(frame: ChunkFrame): Uint8Array {
  const bytes = new Uint8Array(CHUNK_HEADER_BYTES + frame.data.byteLength);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, frame.requestId, true);
  view.setUint32(4, frame.index, true);
  view.setFloat64(8, frame.timestampUs, true);
  view.setUint32(16, frame.key ? KEY_FLAG : 0, true);
  bytes.set(frame.data, CHUNK_HEADER_BYTES);
  return bytes;
}

export function decodeChunkFrame(bytes: Uint8Array): ChunkFrame {
  if (bytes.byteLength < CHUNK_HEADER_BYTES) throw new Error(`Chunk frame of ${bytes.byteLength} bytes is shorter than its header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    requestId: view.getUint32(0, true),
    index: view.getUint32(4, true),
    timestampUs: view.getFloat64(8, true),
    key: (view.getUint32(16, true) & KEY_FLAG) !== 0,
    data: bytes.subarray(CHUNK_HEADER_BYTES),
  };
}

/** Sent as a text message after the last chunk of a request: WebSocket order guarantees every chunk arrived before it. */
export interface RequestEndMessage {
  type: 'request-end';
  requestId: number;
  chunkCount: number;
}

export function frameTimestampUs(index: number, fps: number): number {
  return Math.round((index * 1_000_000) / fps);
}
