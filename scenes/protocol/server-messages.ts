// Server → browser: every message the render server sends a stream client, as a strict zod
// schema, and the one parse each client (the browser's and the Node viewer's) runs on
// arrival, so a server bug or a proxy's mangling is a clear error rather than a wrong state.
import { z } from 'zod';
import { RouteIdSchema } from '../routes/route-schema';
import { ProfileIdSchema } from './profile-id-schema';
import { DrainingMessageSchema } from './drain-messages';
import { HttpManifestRefSchema, HttpSegmentsMessageSchema } from './http-segment-messages';
import {
  EpochSchema,
  ProfileSummarySchema,
  ResumeTokenSchema,
  SessionIdSchema,
  TransportKindSchema,
  describeIssue,
  type ProfileSummary,
} from './stream-fields';

export const IceServerSchema = z.strictObject({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServerConfig = z.infer<typeof IceServerSchema>;

export { ProfileSummarySchema, type ProfileSummary };

export const ReadyMessageSchema = z.strictObject({
  sessionId: SessionIdSchema,
  /** Present with sessionId to resume within the grace period after a reconnect. */
  resumeToken: ResumeTokenSchema,
  resumed: z.boolean(),
  routeId: RouteIdSchema,
  revision: z.number().int(),
  fps: z.number().positive(),
  frameCount: z.number().int().min(1),
  durationS: z.number().min(0),
  /** Baked profiles this client may ask for (capped by its capabilities), cheapest first. */
  profiles: z.array(ProfileSummarySchema),
  profile: ProfileIdSchema,
  transport: TransportKindSchema,
  iceServers: z.array(IceServerSchema),
  /** The first frame the server sends (a keyframe) and the epoch its frames carry. */
  startFrame: z.number().int().min(0),
  epoch: EpochSchema,
  /** The session begins paused, filling the buffer; 'play' starts the clock. */
  paused: z.boolean(),
  rate: z.number(),
  /** Where this revision's baked segments can be fetched over HTTP, per profile (absent from an older server). */
  httpManifests: z.array(HttpManifestRefSchema).optional(),
});
export type ReadyMessage = z.infer<typeof ReadyMessageSchema>;

export const BakeStatusSchema = z.enum(['queued', 'running', 'done', 'failed', 'missing']);

export const NotBakedMessageSchema = z.strictObject({
  routeId: RouteIdSchema,
  revision: z.number().int(),
  profiles: z.array(
    z.strictObject({
      profileId: ProfileIdSchema,
      status: BakeStatusSchema,
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

export const BusyMessageSchema = z.strictObject({ retryAfterMs: z.number().int().min(0), reason: z.string() });
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
  profile: ProfileIdSchema,
  /** The profile that takes over at the next keyframe, or null. */
  pendingProfile: ProfileIdSchema.nullable(),
  transport: z.enum(['webrtc', 'socket', 'none']),
});
export type StateMessage = z.infer<typeof StateMessageSchema>;

export const ServerSignalMessageSchema = z.strictObject({
  peerId: z.number().int().min(1),
  /** simple-peer SignalData, passed to peer.signal() as it is: the peer library checks its shape. */
  data: z.looseObject({ type: z.string() }),
});
export type ServerSignalMessage = z.infer<typeof ServerSignalMessageSchema>;

/** A binary chunk message (scenes/protocol/chunk-codec) on the socket.io fallback transport. */
export const FrameMessageSchema = z.custom<ArrayBuffer | Uint8Array>(
  (value) => value instanceof ArrayBuffer || value instanceof Uint8Array,
  'a binary chunk message',
);

export const SERVER_EVENT_SCHEMAS = {
  ready: ReadyMessageSchema,
  'not-baked': NotBakedMessageSchema,
  'revision-gone': RevisionGoneMessageSchema,
  busy: BusyMessageSchema,
  error: ErrorMessageSchema,
  signal: ServerSignalMessageSchema,
  state: StateMessageSchema,
  frame: FrameMessageSchema,
  'http-segments': HttpSegmentsMessageSchema,
  draining: DrainingMessageSchema,
} as const;
export type ServerEventName = keyof typeof SERVER_EVENT_SCHEMAS;

export type ServerToClientEvents = { [Name in ServerEventName]: (message: z.infer<(typeof SERVER_EVENT_SCHEMAS)[Name]>) => void };

export type ServerMessage = {
  [Name in ServerEventName]: { name: Name; message: z.infer<(typeof SERVER_EVENT_SCHEMAS)[Name]> };
}[ServerEventName];

export type ServerMessageParse = ({ ok: true } & ServerMessage) | { ok: false; reason: string };

/** One socket.io event from the render server, checked against its schema. Never throws. */
export function parseServerMessage(event: string, payload: unknown): ServerMessageParse {
  if (!Object.hasOwn(SERVER_EVENT_SCHEMAS, event)) return { ok: false, reason: `unknown event ${JSON.stringify(event).slice(0, 64)}` };
  const name = event as ServerEventName;
  const parsed = SERVER_EVENT_SCHEMAS[name].safeParse(payload);
  if (!parsed.success) return { ok: false, reason: describeIssue(parsed.error, name) };
  return { ok: true, name, message: parsed.data } as { ok: true } & ServerMessage;
}
