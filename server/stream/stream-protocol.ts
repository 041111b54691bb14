// The streaming wire protocol shared by the browser player and the render server: socket.io
// event maps, strict zod schemas for every message, and the binary frame format that
// carries baked chunks over an RTCDataChannel or, as a fallback, socket.io binary events.
// No Node-only imports: the browser bundles this file as it is.
import { z } from 'zod';
import { RouteIdSchema } from '../../scenes/routes/route-schema';
import { PROFILE_IDS, type ProfileId } from '../bake/quality-profiles';

export const STREAM_PROTOCOL_VERSION = 1;
/** socket.io path on the render server (the HTTP API keeps every other path). */
export const STREAM_SOCKET_PATH = '/stream/socket.io';
/** Largest inbound socket.io message; also the largest binary frame message the server sends. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** An SDP for one data channel is about 1–3 KiB; anything near this is hostile. */
export const MAX_SDP_CHARS = 16 * 1024;
export const MAX_CANDIDATE_CHARS = 1024;
/** The server sends every frame this many ms of media ahead of the playhead (bounded by MAX). */
export const TARGET_AHEAD_MS = 2000;
export const MIN_AHEAD_MS = 1000;
export const MAX_AHEAD_MS = 3000;
/** The client waits this long for the data channel before asking for the socket transport. */
export const WEBRTC_CONNECT_TIMEOUT_MS = 4000;
/** How often a client should ack while frames arrive (it may ack more rarely when idle). */
export const ACK_INTERVAL_MS = 200;
export const MIN_PLAYBACK_RATE = 0.5;
export const MAX_PLAYBACK_RATE = 2;

/** A profile's index in the binary header is its place in PROFILE_IDS (append only, bake order: lower is cheaper). */
export const STREAM_PROFILE_IDS = PROFILE_IDS;

export const StreamProfileIdSchema = z.enum(STREAM_PROFILE_IDS as [ProfileId, ...ProfileId[]]);

export function profileIndexOf(profileId: ProfileId): number {
  return STREAM_PROFILE_IDS.indexOf(profileId);
}

export function profileIdAt(index: number): ProfileId | null {
  return STREAM_PROFILE_IDS[index] ?? null;
}

// ---------------------------------------------------------------------------------------
// Client → server messages

const SessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const FrameIndexSchema = z.number().int().min(-1).max(10_000_000);
const EpochSchema = z.number().int().min(0).max(0xffff);
/** A route revision as the route store numbers them (1 upwards). */
const RevisionSchema = z.number().int().min(1).max(1_000_000_000);

export const ConnectionTypeSchema = z.enum(['unknown', 'ethernet', 'wifi', 'cellular', 'bluetooth', 'wimax', 'other', 'none']);
export type ConnectionType = z.infer<typeof ConnectionTypeSchema>;

export const CapabilitiesSchema = z.strictObject({
  /** WebCodecs VideoDecoder accepts 'vp8'; without it only the JPEG profile plays. */
  webcodecsVp8: z.boolean(),
  /** navigator.connection.saveData or the player's data-saver toggle: caps the profile at 360p. */
  saveData: z.boolean(),
  connectionType: ConnectionTypeSchema,
});
export type StreamCapabilities = z.infer<typeof CapabilitiesSchema>;

export const TransportKindSchema = z.enum(['webrtc', 'socket']);
export type TransportKind = z.infer<typeof TransportKindSchema>;

export const JoinMessageSchema = z.strictObject({
  protocolVersion: z.literal(STREAM_PROTOCOL_VERSION),
  routeId: RouteIdSchema,
  /**
   * The revision the page shows (its captions and on-device frames come from it). Required:
   * the server streams this revision's bake or says it cannot, never another revision's.
   */
  revision: RevisionSchema,
  profile: StreamProfileIdSchema,
  capabilities: CapabilitiesSchema,
  transport: TransportKindSchema,
  /** Where to start (route seconds); the stream starts at the keyframe at or before it. */
  startS: z.number().min(0).max(86_400).optional(),
  /** Present after a reconnect: the server re-attaches the session if its grace period has not run out. */
  resume: z.strictObject({ sessionId: SessionIdSchema, resumeToken: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/) }).optional(),
});
export type JoinMessage = z.infer<typeof JoinMessageSchema>;

// simple-peer's signal payloads, exactly as it emits them (see simple-peer index.js).
const SdpSignalSchema = z.strictObject({ type: z.enum(['offer', 'answer']), sdp: z.string().min(1).max(MAX_SDP_CHARS) });
const CandidateSignalSchema = z.strictObject({
  type: z.literal('candidate'),
  candidate: z.strictObject({
    candidate: z.string().max(MAX_CANDIDATE_CHARS),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable(),
    sdpMid: z.string().max(64).nullable(),
    usernameFragment: z.string().max(256).nullable().optional(),
  }),
});
const RenegotiateSignalSchema = z.strictObject({ type: z.literal('renegotiate'), renegotiate: z.literal(true) });
export const PeerSignalSchema = z.discriminatedUnion('type', [SdpSignalSchema, CandidateSignalSchema, RenegotiateSignalSchema]);
export type PeerSignal = z.infer<typeof PeerSignalSchema>;

export const SignalMessageSchema = z.strictObject({
  /** The peer the signal belongs to: a replaced peer's late candidates are dropped. */
  peerId: z.number().int().min(1).max(1_000_000),
  data: PeerSignalSchema,
});
export type SignalMessage = z.infer<typeof SignalMessageSchema>;

export const ControlMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('play') }),
  z.strictObject({ type: z.literal('pause') }),
  /** Starts at the keyframe at or before timeS (a whole second); the client skips to timeS itself. */
  z.strictObject({ type: z.literal('seek'), timeS: z.number().min(0).max(86_400) }),
  z.strictObject({ type: z.literal('speed'), rate: z.number().min(MIN_PLAYBACK_RATE).max(MAX_PLAYBACK_RATE) }),
  /** Takes effect at the next keyframe the server sends. */
  z.strictObject({ type: z.literal('profile'), id: StreamProfileIdSchema }),
  /**
   * 'socket' after WebRTC failed to connect; 'webrtc' for a fresh peer (ICE failed or the
   * channel closed). Either way the stream restarts at the keyframe at or before the playhead;
   * the viewer says where its playhead is, since its last ack may be stale by then.
   */
  z.strictObject({ type: z.literal('transport'), transport: TransportKindSchema, playheadFrame: z.number().int().min(0).max(1_000_000).optional() }),
]);
export type ControlMessage = z.infer<typeof ControlMessageSchema>;

export const AckMessageSchema = z.strictObject({
  /** The epoch of the frames acknowledged; acks from before a seek are ignored. */
  epoch: EpochSchema,
  lastReceivedFrame: FrameIndexSchema,
  lastDecodedFrame: FrameIndexSchema,
  /** The frame on screen now (-1 before the first). */
  playheadFrame: FrameIndexSchema,
  /** Media time buffered beyond the playhead (received, not yet shown). */
  bufferAheadMs: z.number().min(0).max(600_000),
});
export type AckMessage = z.infer<typeof AckMessageSchema>;

export const StatsMessageSchema = z.strictObject({
  transport: TransportKindSchema,
  profile: StreamProfileIdSchema,
  fps: z.number().min(0).max(1000),
  bitrateKbps: z.number().min(0).max(1_000_000),
  bufferAheadMs: z.number().min(0).max(600_000),
  rttMs: z.number().min(0).max(600_000).nullable(),
  decodedFrames: z.number().int().min(0).max(1e9),
  droppedFrames: z.number().int().min(0).max(1e9),
  stalls: z.number().int().min(0).max(1e9),
});
export type StatsMessage = z.infer<typeof StatsMessageSchema>;

// ---------------------------------------------------------------------------------------
// Server → client messages (not validated by the server, but the client may parse them)

export interface IceServerConfig {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export const IceServerSchema = z.strictObject({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});

export const ProfileSummarySchema = z.strictObject({
  id: StreamProfileIdSchema,
  codec: z.enum(['vp8', 'jpeg']),
  width: z.number().int(),
  height: z.number().int(),
  bitrateKbps: z.number(),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

export const ReadyMessageSchema = z.strictObject({
  sessionId: SessionIdSchema,
  /** Present with sessionId to resume within the grace period after a reconnect. */
  resumeToken: z.string(),
  resumed: z.boolean(),
  routeId: RouteIdSchema,
  revision: z.number().int(),
  fps: z.number(),
  frameCount: z.number().int(),
  durationS: z.number(),
  /** Baked profiles this client may ask for (capped by its capabilities), cheapest first. */
  profiles: z.array(ProfileSummarySchema),
  profile: StreamProfileIdSchema,
  transport: TransportKindSchema,
  iceServers: z.array(IceServerSchema),
  /** The first frame the server sends (a keyframe) and the epoch its frames carry. */
  startFrame: z.number().int(),
  epoch: EpochSchema,
  /** The session begins paused, filling the buffer; 'play' starts the clock. */
  paused: z.boolean(),
  rate: z.number(),
});
export type ReadyMessage = z.infer<typeof ReadyMessageSchema>;

export const NotBakedMessageSchema = z.strictObject({
  routeId: RouteIdSchema,
  revision: z.number().int(),
  profiles: z.array(
    z.strictObject({
      profileId: StreamProfileIdSchema,
      status: z.enum(['queued', 'running', 'done', 'failed', 'missing']),
      framesDone: z.number().int(),
      framesTotal: z.number().int(),
    }),
  ),
});
export type NotBakedMessage = z.infer<typeof NotBakedMessageSchema>;

/**
 * The asked-for revision is not the published one and has no bake for the current scene
 * version (superseded before it was baked, or baked for an older scene): it will never
 * stream. The page should be reloaded for the published revision, or drawn on the device.
 */
export const RevisionGoneMessageSchema = z.strictObject({
  routeId: RouteIdSchema,
  revision: z.number().int(),
  publishedRevision: z.number().int(),
});
export type RevisionGoneMessage = z.infer<typeof RevisionGoneMessageSchema>;

export const BusyMessageSchema = z.strictObject({ retryAfterMs: z.number().int(), reason: z.string() });
export type BusyMessage = z.infer<typeof BusyMessageSchema>;

export const STREAM_ERROR_CODES = [
  'invalid-message',
  'unknown-event',
  'rate-limited',
  'unknown-route',
  'not-joined',
  'profile-unavailable',
  'peer-failed',
  'frame-store',
  'internal',
] as const;
export type StreamErrorCode = (typeof STREAM_ERROR_CODES)[number];
export const ErrorMessageSchema = z.strictObject({ code: z.enum(STREAM_ERROR_CODES), message: z.string() });
export type StreamErrorMessage = z.infer<typeof ErrorMessageSchema>;

/** Sent after every control and transport change: the state the server now streams. */
export const StateMessageSchema = z.strictObject({
  epoch: EpochSchema,
  /** The keyframe the current epoch started at, and the frame the client asked to land on. */
  startFrame: z.number().int(),
  targetFrame: z.number().int(),
  paused: z.boolean(),
  rate: z.number(),
  profile: StreamProfileIdSchema,
  /** The profile that takes over at the next keyframe, or null. */
  pendingProfile: StreamProfileIdSchema.nullable(),
  transport: z.enum(['webrtc', 'socket', 'none']),
});
export type StateMessage = z.infer<typeof StateMessageSchema>;

export const ServerSignalMessageSchema = z.strictObject({ peerId: z.number().int(), data: z.unknown() });
export interface ServerSignalMessage {
  peerId: number;
  /** simple-peer SignalData, passed to peer.signal() as it is. */
  data: unknown;
}

export interface ClientToServerEvents {
  join: (message: JoinMessage) => void;
  signal: (message: SignalMessage) => void;
  control: (message: ControlMessage) => void;
  ack: (message: AckMessage) => void;
  stats: (message: StatsMessage) => void;
}

export interface ServerToClientEvents {
  ready: (message: ReadyMessage) => void;
  'not-baked': (message: NotBakedMessage) => void;
  'revision-gone': (message: RevisionGoneMessage) => void;
  busy: (message: BusyMessage) => void;
  error: (message: StreamErrorMessage) => void;
  signal: (message: ServerSignalMessage) => void;
  state: (message: StateMessage) => void;
  /** A binary frame message (encodeFrameMessage) on the socket.io fallback transport. */
  frame: (message: ArrayBuffer | Uint8Array) => void;
}

export const CLIENT_EVENT_SCHEMAS = {
  join: JoinMessageSchema,
  signal: SignalMessageSchema,
  control: ControlMessageSchema,
  ack: AckMessageSchema,
  stats: StatsMessageSchema,
} as const;
export type ClientEventName = keyof typeof CLIENT_EVENT_SCHEMAS;

// ---------------------------------------------------------------------------------------
// Binary frame protocol. One encoded frame travels as one or more messages of at most
// MAX_MESSAGE_BYTES; each message is a 36-byte big-endian header then payload bytes.
//
//  off size field
//    0  u8  version (1)
//    1  u8  flags: bit 0 keyframe, bit 1 last frame of the route
//    2  u8  profile index (STREAM_PROFILE_IDS)
//    3  u8  header length in bytes (36; a reader skips what it does not know)
//    4  u16 epoch (bumped on seek, resume and transport change; stale frames are dropped)
//    6  u16 fragment index
//    8  u16 fragment count (1 for most frames)
//   10  u16 reserved (0)
//   12  u32 frame index
//   16  f64 timestamp in µs (an integer)
//   24  u32 frame length: all fragments' payload bytes together
//   28  u32 this fragment's offset within the frame
//   32  u32 this fragment's payload length
//   36  ... payload

export const FRAME_HEADER_BYTES = 36;
export const MAX_FRAGMENT_PAYLOAD_BYTES = MAX_MESSAGE_BYTES - FRAME_HEADER_BYTES;
/** A frame may not exceed this many bytes (a 1080p VP8 keyframe is a few hundred KiB). */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;
const FLAG_KEY = 1;
const FLAG_LAST = 2;

export interface StreamFrame {
  profileIndex: number;
  epoch: number;
  frameIndex: number;
  timestampUs: number;
  key: boolean;
  /** The last frame of the route: the player ends after showing it. */
  last: boolean;
  data: Uint8Array;
}

export interface FrameFragment extends Omit<StreamFrame, 'data'> {
  fragmentIndex: number;
  fragmentCount: number;
  frameBytes: number;
  fragmentOffset: number;
  payload: Uint8Array;
}

export class FrameProtocolError extends Error {
  override name = 'FrameProtocolError';
}

/** Splits one frame into messages of at most maxMessageBytes each, header included. */
export function encodeFrameMessages(frame: StreamFrame, maxMessageBytes = MAX_MESSAGE_BYTES): Uint8Array[] {
  const payloadPerMessage = maxMessageBytes - FRAME_HEADER_BYTES;
  if (payloadPerMessage < 1) throw new FrameProtocolError(`a message of ${maxMessageBytes} bytes cannot hold a header`);
  if (frame.data.byteLength > MAX_FRAME_BYTES) throw new FrameProtocolError(`frame ${frame.frameIndex} is ${frame.data.byteLength} bytes, over ${MAX_FRAME_BYTES}`);
  if (!Number.isSafeInteger(frame.timestampUs) || frame.timestampUs < 0) throw new FrameProtocolError(`bad timestamp ${frame.timestampUs}`);
  const fragmentCount = Math.max(1, Math.ceil(frame.data.byteLength / payloadPerMessage));
  if (fragmentCount > 0xffff) throw new FrameProtocolError('too many fragments');
  const messages: Uint8Array[] = [];
  for (let fragmentIndex = 0; fragmentIndex < fragmentCount; fragmentIndex++) {
    const offset = fragmentIndex * payloadPerMessage;
    const payload = frame.data.subarray(offset, Math.min(frame.data.byteLength, offset + payloadPerMessage));
    const message = new Uint8Array(FRAME_HEADER_BYTES + payload.byteLength);
    const view = new DataView(message.buffer);
    view.setUint8(0, STREAM_PROTOCOL_VERSION);
    view.setUint8(1, (frame.key ? FLAG_KEY : 0) | (frame.last ? FLAG_LAST : 0));
    view.setUint8(2, frame.profileIndex);
    view.setUint8(3, FRAME_HEADER_BYTES);
    view.setUint16(4, frame.epoch & 0xffff);
    view.setUint16(6, fragmentIndex);
    view.setUint16(8, fragmentCount);
    view.setUint16(10, 0);
    view.setUint32(12, frame.frameIndex);
    view.setFloat64(16, frame.timestampUs);
    view.setUint32(24, frame.data.byteLength);
    view.setUint32(28, offset);
    view.setUint32(32, payload.byteLength);
    message.set(payload, FRAME_HEADER_BYTES);
    messages.push(message);
  }
  return messages;
}

/** Parses one message; throws FrameProtocolError on anything inconsistent. The payload is a view, not a copy. */
export function decodeFrameMessage(message: ArrayBuffer | ArrayBufferView): FrameFragment {
  const bytes = message instanceof ArrayBuffer ? new Uint8Array(message) : new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
  if (bytes.byteLength < FRAME_HEADER_BYTES) throw new FrameProtocolError(`message of ${bytes.byteLength} bytes is shorter than a header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint8(0);
  if (version !== STREAM_PROTOCOL_VERSION) throw new FrameProtocolError(`frame protocol version ${version}, expected ${STREAM_PROTOCOL_VERSION}`);
  const flags = view.getUint8(1);
  const headerBytes = view.getUint8(3);
  if (headerBytes < FRAME_HEADER_BYTES || headerBytes > bytes.byteLength) throw new FrameProtocolError(`bad header length ${headerBytes}`);
  const fragmentIndex = view.getUint16(6);
  const fragmentCount = view.getUint16(8);
  const timestampUs = view.getFloat64(16);
  const frameBytes = view.getUint32(24);
  const fragmentOffset = view.getUint32(28);
  const payloadBytes = view.getUint32(32);
  if (fragmentCount < 1 || fragmentIndex >= fragmentCount) throw new FrameProtocolError(`fragment ${fragmentIndex} of ${fragmentCount}`);
  if (!Number.isSafeInteger(timestampUs) || timestampUs < 0) throw new FrameProtocolError(`bad timestamp ${timestampUs}`);
  if (frameBytes > MAX_FRAME_BYTES) throw new FrameProtocolError(`frame of ${frameBytes} bytes`);
  if (headerBytes + payloadBytes !== bytes.byteLength) throw new FrameProtocolError(`payload length ${payloadBytes} does not match the message`);
  if (fragmentOffset + payloadBytes > frameBytes) throw new FrameProtocolError('fragment runs past the end of its frame');
  return {
    profileIndex: view.getUint8(2),
    epoch: view.getUint16(4),
    frameIndex: view.getUint32(12),
    timestampUs,
    key: (flags & FLAG_KEY) !== 0,
    last: (flags & FLAG_LAST) !== 0,
    fragmentIndex,
    fragmentCount,
    frameBytes,
    fragmentOffset,
    payload: bytes.subarray(headerBytes),
  };
}

/**
 * Joins fragments back into frames. Both transports deliver in order, so a frame is
 * complete when its last fragment arrives; a fragment of another frame abandons a
 * partial one (counted in `abandoned`) instead of mixing bytes.
 */
export class FrameAssembler {
  private partial: { fragment: FrameFragment; data: Uint8Array; received: number; next: number } | null = null;
  abandoned = 0;

  /** Returns the completed frame, or null while fragments are still missing. */
  push(message: ArrayBuffer | ArrayBufferView): StreamFrame | null {
    const fragment = decodeFrameMessage(message);
    if (fragment.fragmentCount === 1) {
      if (this.partial !== null) this.abandon();
      if (fragment.payload.byteLength !== fragment.frameBytes) throw new FrameProtocolError('single fragment shorter than its frame');
      return toFrame(fragment, fragment.payload);
    }
    const current = this.partial;
    const continues =
      current !== null &&
      current.fragment.frameIndex === fragment.frameIndex &&
      current.fragment.epoch === fragment.epoch &&
      current.fragment.profileIndex === fragment.profileIndex &&
      current.fragment.frameBytes === fragment.frameBytes &&
      current.next === fragment.fragmentIndex &&
      current.received === fragment.fragmentOffset;
    if (!continues) {
      if (current !== null) this.abandon();
      if (fragment.fragmentIndex !== 0 || fragment.fragmentOffset !== 0) {
        this.abandoned++;
        return null;
      }
      this.partial = { fragment, data: new Uint8Array(fragment.frameBytes), received: 0, next: 0 };
    }
    const partial = this.partial!;
    partial.data.set(fragment.payload, fragment.fragmentOffset);
    partial.received += fragment.payload.byteLength;
    partial.next++;
    if (partial.next < fragment.fragmentCount) return null;
    this.partial = null;
    if (partial.received !== fragment.frameBytes) {
      this.abandoned++;
      return null;
    }
    return toFrame(partial.fragment, partial.data);
  }

  reset(): void {
    this.partial = null;
  }

  private abandon(): void {
    this.partial = null;
    this.abandoned++;
  }
}

function toFrame(fragment: FrameFragment, data: Uint8Array): StreamFrame {
  return {
    profileIndex: fragment.profileIndex,
    epoch: fragment.epoch,
    frameIndex: fragment.frameIndex,
    timestampUs: fragment.timestampUs,
    key: fragment.key,
    last: fragment.last,
    data,
  };
}

/** The keyframe a seek to timeS starts at: segments are one second, so the whole second at or before it. */
export function keyframeAtOrBefore(timeS: number, fps: number, frameCount: number): number {
  const lastKeyframe = Math.max(0, Math.floor((frameCount - 1) / fps) * fps);
  return Math.min(lastKeyframe, Math.max(0, Math.floor(timeS) * fps));
}
