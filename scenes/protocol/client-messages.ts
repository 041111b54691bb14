// Browser → server: every message a stream client sends, as a strict zod schema, and the
// one parse the server runs on each before any handler sees it.
import { z } from 'zod';
import { RouteIdSchema } from '../routes/route-schema';
import { ProfileIdSchema } from './profile-id-schema';
import {
  EpochSchema,
  FrameIndexSchema,
  ResumeTokenSchema,
  RevisionSchema,
  SessionIdSchema,
  TransportKindSchema,
  describeIssue,
} from './stream-fields';
import { MAX_CANDIDATE_CHARS, MAX_PLAYBACK_RATE, MAX_SDP_CHARS, MIN_PLAYBACK_RATE, STREAM_PROTOCOL_VERSION } from './stream-limits';

export const ConnectionTypeSchema = z.enum(['unknown', 'ethernet', 'wifi', 'cellular', 'bluetooth', 'wimax', 'other', 'none']);
export type ConnectionType = z.infer<typeof ConnectionTypeSchema>;

export const CapabilitiesSchema = z.strictObject({
  /** WebCodecs VideoDecoder accepts 'vp8'; without it only the JPEG profile plays. */
  webcodecsVp8: z.boolean(),
  /**
   * WebCodecs VideoDecoder accepts 'vp09.00.10.08': the server streams each rung's VP9 twin
   * where it is baked (codec-choice.ts). Absent from older players: VP8 as before.
   */
  webcodecsVp9: z.boolean().optional(),
  /** navigator.connection.saveData or the player's data-saver toggle: caps the profile at 360p. */
  saveData: z.boolean(),
  connectionType: ConnectionTypeSchema,
  /**
   * The viewer reads several frame messages packed into one (chunk-codec's decodeChunkMessages):
   * the node then sends a burst of frames in few messages. Absent from older players: one each.
   */
  packedFrames: z.boolean().optional(),
});
export type StreamCapabilities = z.infer<typeof CapabilitiesSchema>;

export const JoinMessageSchema = z.strictObject({
  protocolVersion: z.literal(STREAM_PROTOCOL_VERSION),
  routeId: RouteIdSchema,
  /**
   * The revision the page shows (its captions and on-device frames come from it). Required:
   * the server streams this revision's bake or says it cannot, never another revision's.
   */
  revision: RevisionSchema,
  profile: ProfileIdSchema,
  capabilities: CapabilitiesSchema,
  transport: TransportKindSchema,
  /** Where to start (route seconds); the stream starts at the keyframe at or before it. */
  startS: z.number().min(0).max(86_400).optional(),
  /** Present after a reconnect: the server re-attaches the session if its grace period has not run out. */
  resume: z.strictObject({ sessionId: SessionIdSchema, resumeToken: ResumeTokenSchema }).optional(),
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
  z.strictObject({ type: z.literal('profile'), id: ProfileIdSchema }),
  /**
   * 'socket' after WebRTC failed to connect; 'webrtc' for a fresh peer (ICE failed or the
   * channel closed). Either way the stream restarts at the keyframe at or before the playhead;
   * the viewer says where its playhead is, since its last ack may be stale by then.
   */
  z.strictObject({
    type: z.literal('transport'),
    transport: TransportKindSchema,
    playheadFrame: z.number().int().min(0).max(1_000_000).optional(),
  }),
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
  profile: ProfileIdSchema,
  fps: z.number().min(0).max(1000),
  bitrateKbps: z.number().min(0).max(1_000_000),
  bufferAheadMs: z.number().min(0).max(600_000),
  rttMs: z.number().min(0).max(600_000).nullable(),
  decodedFrames: z.number().int().min(0).max(1e9),
  droppedFrames: z.number().int().min(0).max(1e9),
  stalls: z.number().int().min(0).max(1e9),
});
export type StatsMessage = z.infer<typeof StatsMessageSchema>;

export const CLIENT_EVENT_SCHEMAS = {
  join: JoinMessageSchema,
  signal: SignalMessageSchema,
  control: ControlMessageSchema,
  ack: AckMessageSchema,
  stats: StatsMessageSchema,
} as const;
export type ClientEventName = keyof typeof CLIENT_EVENT_SCHEMAS;

export interface ClientToServerEvents {
  join: (message: JoinMessage) => void;
  signal: (message: SignalMessage) => void;
  control: (message: ControlMessage) => void;
  ack: (message: AckMessage) => void;
  stats: (message: StatsMessage) => void;
}

export type ClientMessage = {
  [Name in ClientEventName]: { name: Name; message: z.infer<(typeof CLIENT_EVENT_SCHEMAS)[Name]> };
}[ClientEventName];

export type ClientMessageParse = ({ ok: true } & ClientMessage) | { ok: false; code: 'unknown-event' | 'invalid-message'; reason: string };

/**
 * One socket.io event from a client, checked: a known event with exactly one payload (a
 * trailing acknowledgement callback is ignored) that its schema accepts. Never throws.
 */
export function parseClientMessage(event: unknown, args: readonly unknown[]): ClientMessageParse {
  if (typeof event !== 'string' || !Object.hasOwn(CLIENT_EVENT_SCHEMAS, event)) {
    return { ok: false, code: 'unknown-event', reason: `unknown event ${JSON.stringify(String(event)).slice(0, 64)}` };
  }
  const name = event as ClientEventName;
  const payload = args.filter((arg) => typeof arg !== 'function');
  if (payload.length !== 1) return { ok: false, code: 'invalid-message', reason: `${name} takes exactly one object` };
  const parsed = CLIENT_EVENT_SCHEMAS[name].safeParse(payload[0]);
  if (!parsed.success) return { ok: false, code: 'invalid-message', reason: describeIssue(parsed.error, name) };
  return { ok: true, name, message: parsed.data } as { ok: true } & ClientMessage;
}
