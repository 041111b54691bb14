// The one byte layout of an encoded frame: the render page sends it to Node over the
// loopback WebSocket, the frame store keeps it in segment files, and the stream sends it
// to the browser over a data channel or socket.io, split into fragments where a message
// must stay small. Pure: bytes in, bytes out, in the browser and in Node alike.
//
// Each message is a 36-byte big-endian header, then payload bytes:
//
//  off size field
//    0  u8  codec version (CHUNK_CODEC_VERSION)
//    1  u8  flags: bit 0 keyframe, bit 1 last frame of the route
//    2  u8  profile index (PROFILE_IDS)
//    3  u8  header length in bytes (36; a reader skips what it does not know)
//    4  u32 epoch: the stream's epoch (bumped on seek, resume and transport change, so
//           stale frames are dropped); the render request's id on the loopback; 0 on disk
//    8  u32 frame index
//   12  f64 timestamp in µs (an integer)
//   20  u32 frame length: all fragments' payload bytes together
//   24  u16 fragment index
//   26  u16 fragment count (1 for most frames, always 1 on disk and on the loopback)
//   28  u32 this fragment's offset within the frame
//   32  u32 this fragment's payload length
//   36  ... payload

/** Version 1 was the stream's own 36-byte header (epoch u16, fragments before the frame index). */
export const CHUNK_CODEC_VERSION = 2;
export const CHUNK_HEADER_BYTES = 36;
/** A frame may not exceed this many bytes (a 1080p VP8 keyframe is a few hundred KiB). */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;
const FLAG_KEY = 1;
const FLAG_LAST = 2;
const MAX_U32 = 0xffff_ffff;

/** One encoded frame: a VP8 chunk or a JPEG image. */
export interface EncodedChunk {
  /** Frame number within the route: frame i shows poseAt(route, i / BAKE_FPS). */
  index: number;
  timestampUs: number;
  key: boolean;
  data: Uint8Array;
}

/** What travels with a chunk beyond the frame itself. */
export interface ChunkLabels {
  /** The stream's epoch, or the render request's id on the loopback; 0 on disk. */
  epoch: number;
  /** The profile's place in PROFILE_IDS. */
  profileIndex: number;
  /** The last frame of the route: the player ends after showing it. */
  last: boolean;
}

export interface LabelledChunk extends EncodedChunk, ChunkLabels {}

/** One message's worth of a chunk: its header fields and a view of its payload bytes. */
export interface ChunkFragment extends Omit<LabelledChunk, 'data'> {
  fragmentIndex: number;
  fragmentCount: number;
  frameBytes: number;
  fragmentOffset: number;
  payload: Uint8Array;
}

/** Bytes that are not a chunk. Recognise it by `code`, not instanceof (a bundle may load this twice). */
export class ChunkCodecError extends Error {
  override name = 'ChunkCodecError';
  readonly code = 'chunk-codec';
}

export function isChunkCodecError(error: unknown): error is ChunkCodecError {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'chunk-codec';
}

export type ChunkParseResult = { ok: true; fragment: ChunkFragment } | { ok: false; error: ChunkCodecError };

/** The chunk as one message, however large (disk and loopback). */
export function encodeChunk(chunk: EncodedChunk, labels: Partial<ChunkLabels> = {}): Uint8Array {
  const { index, timestampUs, key, data } = chunk;
  const labelled: LabelledChunk = {
    index,
    timestampUs,
    key,
    data,
    epoch: labels.epoch ?? 0,
    profileIndex: labels.profileIndex ?? 0,
    last: labels.last ?? false,
  };
  checkChunk(labelled);
  return writeFragment(labelled, 0, 1, 0, chunk.data, chunk.data.byteLength);
}

/** The chunk split into messages of at most maxMessageBytes each, header included (the wire). */
export function encodeChunkMessages(chunk: LabelledChunk, maxMessageBytes: number): Uint8Array[] {
  const payloadPerMessage = maxMessageBytes - CHUNK_HEADER_BYTES;
  if (payloadPerMessage < 1) throw new ChunkCodecError(`a message of ${maxMessageBytes} bytes cannot hold a header`);
  checkChunk(chunk);
  const fragmentCount = Math.max(1, Math.ceil(chunk.data.byteLength / payloadPerMessage));
  if (fragmentCount > 0xffff) throw new ChunkCodecError('too many fragments');
  const messages: Uint8Array[] = [];
  for (let fragmentIndex = 0; fragmentIndex < fragmentCount; fragmentIndex++) {
    const offset = fragmentIndex * payloadPerMessage;
    const payload = chunk.data.subarray(offset, Math.min(chunk.data.byteLength, offset + payloadPerMessage));
    messages.push(writeFragment(chunk, fragmentIndex, fragmentCount, offset, payload, chunk.data.byteLength));
  }
  return messages;
}

/** Parses one message without throwing: garbage from a peer is a result, never a crash. */
export function parseChunkMessage(message: ArrayBuffer | ArrayBufferView): ChunkParseResult {
  const bytes = asBytes(message);
  const read = readFragmentAt(bytes, 0);
  if (read instanceof ChunkCodecError) return { ok: false, error: read };
  if (read.end !== bytes.byteLength) {
    return {
      ok: false,
      error: new ChunkCodecError(
        `payload length ${read.fragment.payload.byteLength} does not match the message of ${bytes.byteLength} bytes`,
      ),
    };
  }
  return { ok: true, fragment: read.fragment };
}

/**
 * Every fragment of a message that may hold several back to back (a packed message, for viewers
 * that join with `packedFrames`; one fragment is the same as decodeChunkMessage). Throws
 * ChunkCodecError on anything inconsistent, trailing bytes included. Payloads are views.
 */
export function decodeChunkMessages(message: ArrayBuffer | ArrayBufferView): ChunkFragment[] {
  const bytes = asBytes(message);
  const fragments: ChunkFragment[] = [];
  let offset = 0;
  do {
    const read = readFragmentAt(bytes, offset);
    if (read instanceof ChunkCodecError) throw read;
    fragments.push(read.fragment);
    offset = read.end;
  } while (offset < bytes.byteLength);
  return fragments;
}

/** Parses one message; throws ChunkCodecError on anything inconsistent. The payload is a view, not a copy. */
export function decodeChunkMessage(message: ArrayBuffer | ArrayBufferView): ChunkFragment {
  const parsed = parseChunkMessage(message);
  if (!parsed.ok) throw parsed.error;
  return parsed.fragment;
}

/**
 * The whole chunk that starts at `offset` in `bytes` (chunks stored back to back, as in a
 * segment file), and where the next one starts; a ChunkCodecError when the bytes there are
 * not one whole chunk. The data is a view, not a copy.
 */
export function readChunkAt(bytes: Uint8Array, offset: number): { chunk: LabelledChunk; nextOffset: number } | ChunkCodecError {
  const read = readFragmentAt(bytes, offset);
  if (read instanceof ChunkCodecError) return read;
  const { fragment } = read;
  if (fragment.fragmentCount !== 1 || fragment.payload.byteLength !== fragment.frameBytes) {
    return new ChunkCodecError(`chunk ${fragment.index} at byte ${offset} is a fragment, not a whole chunk`);
  }
  return { chunk: chunkOf(fragment, fragment.payload), nextOffset: read.end };
}

export function chunkOf(fragment: ChunkFragment, data: Uint8Array): LabelledChunk {
  const { index, timestampUs, key, epoch, profileIndex, last } = fragment;
  return { index, timestampUs, key, epoch, profileIndex, last, data };
}

function checkChunk(chunk: EncodedChunk & Partial<ChunkLabels>): void {
  if (chunk.data.byteLength > MAX_CHUNK_BYTES)
    throw new ChunkCodecError(`chunk ${chunk.index} is ${chunk.data.byteLength} bytes, over ${MAX_CHUNK_BYTES}`);
  if (!Number.isSafeInteger(chunk.timestampUs) || chunk.timestampUs < 0) throw new ChunkCodecError(`bad timestamp ${chunk.timestampUs}`);
  if (!Number.isInteger(chunk.index) || chunk.index < 0 || chunk.index > MAX_U32)
    throw new ChunkCodecError(`bad frame index ${chunk.index}`);
  if (chunk.epoch !== undefined && (!Number.isInteger(chunk.epoch) || chunk.epoch < 0 || chunk.epoch > MAX_U32))
    throw new ChunkCodecError(`bad epoch ${chunk.epoch}`);
  if (chunk.profileIndex !== undefined && (!Number.isInteger(chunk.profileIndex) || chunk.profileIndex < 0 || chunk.profileIndex > 0xff)) {
    throw new ChunkCodecError(`bad profile index ${chunk.profileIndex}`);
  }
}

function writeFragment(
  chunk: Omit<LabelledChunk, 'data'>,
  fragmentIndex: number,
  fragmentCount: number,
  offset: number,
  payload: Uint8Array,
  frameBytes: number,
): Uint8Array {
  const message = new Uint8Array(CHUNK_HEADER_BYTES + payload.byteLength);
  const view = new DataView(message.buffer);
  view.setUint8(0, CHUNK_CODEC_VERSION);
  view.setUint8(1, (chunk.key ? FLAG_KEY : 0) | (chunk.last ? FLAG_LAST : 0));
  view.setUint8(2, chunk.profileIndex);
  view.setUint8(3, CHUNK_HEADER_BYTES);
  view.setUint32(4, chunk.epoch);
  view.setUint32(8, chunk.index);
  view.setFloat64(12, chunk.timestampUs);
  view.setUint32(20, frameBytes);
  view.setUint16(24, fragmentIndex);
  view.setUint16(26, fragmentCount);
  view.setUint32(28, offset);
  view.setUint32(32, payload.byteLength);
  message.set(payload, CHUNK_HEADER_BYTES);
  return message;
}

/** The fragment at `offset` and the byte after it, or why the bytes there are not one. */
function readFragmentAt(bytes: Uint8Array, offset: number): { fragment: ChunkFragment; end: number } | ChunkCodecError {
  const available = bytes.byteLength - offset;
  if (available < CHUNK_HEADER_BYTES) return new ChunkCodecError(`${available} bytes at byte ${offset} are shorter than a chunk header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, available);
  const version = view.getUint8(0);
  if (version !== CHUNK_CODEC_VERSION)
    return new ChunkCodecError(`chunk codec version ${version} at byte ${offset}, expected ${CHUNK_CODEC_VERSION}`);
  const flags = view.getUint8(1);
  const headerBytes = view.getUint8(3);
  if (headerBytes < CHUNK_HEADER_BYTES || headerBytes > available) return new ChunkCodecError(`bad header length ${headerBytes}`);
  const timestampUs = view.getFloat64(12);
  const frameBytes = view.getUint32(20);
  const fragmentIndex = view.getUint16(24);
  const fragmentCount = view.getUint16(26);
  const fragmentOffset = view.getUint32(28);
  const payloadBytes = view.getUint32(32);
  if (fragmentCount < 1 || fragmentIndex >= fragmentCount) return new ChunkCodecError(`fragment ${fragmentIndex} of ${fragmentCount}`);
  if (!Number.isSafeInteger(timestampUs) || timestampUs < 0) return new ChunkCodecError(`bad timestamp ${timestampUs}`);
  if (frameBytes > MAX_CHUNK_BYTES) return new ChunkCodecError(`chunk of ${frameBytes} bytes, over ${MAX_CHUNK_BYTES}`);
  if (headerBytes + payloadBytes > available)
    return new ChunkCodecError(`truncated: ${available - headerBytes} of ${payloadBytes} payload bytes present`);
  if (fragmentOffset + payloadBytes > frameBytes) return new ChunkCodecError('fragment runs past the end of its chunk');
  const fragment: ChunkFragment = {
    index: view.getUint32(8),
    timestampUs,
    key: (flags & FLAG_KEY) !== 0,
    epoch: view.getUint32(4),
    profileIndex: view.getUint8(2),
    last: (flags & FLAG_LAST) !== 0,
    fragmentIndex,
    fragmentCount,
    frameBytes,
    fragmentOffset,
    payload: bytes.subarray(offset + headerBytes, offset + headerBytes + payloadBytes),
  };
  return { fragment, end: offset + headerBytes + payloadBytes };
}

function asBytes(message: ArrayBuffer | ArrayBufferView): Uint8Array {
  return message instanceof ArrayBuffer ? new Uint8Array(message) : new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
}
