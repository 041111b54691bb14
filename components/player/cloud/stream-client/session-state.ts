// The stream session's state, the events that move it and the commands it asks its
// driver to carry out. Plain data only: the reducer (session-reducer.ts) is pure, and
// the protocol client (protocol-client.ts) does the I/O for the browser and the Node viewer.
import type { LabelledChunk } from '@/scenes/protocol/chunk-codec';
import type { ClientToServerEvents, StreamCapabilities } from '@/scenes/protocol/client-messages';
import type { ProfileId, ProfileProjection } from '@/scenes/protocol/profile-ladder';
import type { IceServerConfig, ProfileSummary, ServerEventName as ProtocolServerEventName } from '@/scenes/protocol/server-messages';
import type { TransportKind } from '@/scenes/protocol/stream-fields';
import type { BakeProgressSummary } from '../bake-progress';
import type { CloudState, PlayerTransport } from './cloud-snapshot';
import type { HttpManifestRef } from '@/scenes/protocol/http-segment-messages';

/** Timers are deadlines (ms on the event clock) kept in the state; the driver arms one timer for the earliest. */
export type SessionTimer = 'connect' | 'join' | 'firstFrame' | 'webrtc' | 'retry' | 'reconnect';

export interface SessionConfig {
  routeId: string;
  revision: number;
  /** The profile asked for on the first join; null: the cheapest one the device decodes. */
  startProfile: ProfileId | null;
  /** The page gives up after this long without a connection, a join reply or a first frame (null: never). */
  connectTimeoutMs: number | null;
  joinReplyTimeoutMs: number | null;
  firstFrameTimeoutMs: number | null;
  /** Ask for the socket transport when the data channel has not opened by then (null: never). */
  webrtcConnectTimeoutMs: number | null;
  /** Answer the server's WebRTC offers (false: as behind a firewall that blocks them). */
  answerOffers: boolean;
  /** This many broken peers in a row and the session stays on the socket. */
  maxPeerFailures: number;
  /** Join again by itself after 'busy' and while 'not-baked' (a viewer in a page does; a test viewer does not). */
  autoRetry: boolean;
  /** Reconnect after the server hung up on purpose (socket.io only reconnects by itself after a lost connection). */
  reconnectAfterHangUp: boolean;
  /**
   * The driver plays baked segments over HTTP (the page does; the Node viewer does not). Then a
   * WebRTC that is blocked or fails goes to HTTP where the server names the segments (no stream
   * held on the node) instead of the socket.io stream, and so does a draining node's viewer.
   */
  httpTransport?: boolean;
  /** Play over HTTP segments as soon as the server names them (an operator's or a tester's choice). */
  preferHttp?: boolean;
  /**
   * The driver can open a socket to another render node: a draining node's viewer then moves to
   * the node it names at the same pose (the page does; the Node viewer follows 'draining' itself).
   */
  followDrainToNode?: boolean;
}

/** What the player's clock says at the moment of an event: the reducer mirrors it to the server. */
export interface ClockReading {
  /** Route seconds; undefined when a viewer has no position yet (the server then starts at 0). */
  timeS: number | undefined;
  playing: boolean;
  rate: number;
  /** The frame on screen (-1 before the first): where a restarted stream should land. */
  shownFrame: number;
}

export interface JoinedSession {
  sessionId: string;
  resumeToken: string;
  fps: number;
  frameCount: number;
  iceServers: readonly IceServerConfig[];
}

export interface SessionState {
  config: SessionConfig;
  phase: CloudState;
  problem: string | null;
  bake: BakeProgressSummary | null;
  retryAtMs: number | null;
  transport: PlayerTransport | null;
  profile: ProfileId | null;
  profiles: readonly ProfileSummary[];
  capabilities: StreamCapabilities;
  manualProfile: ProfileId | null;
  /** The profile last asked for (join or control), until the server's state names another. */
  requestedProfile: ProfileId | null;
  lastSwitchMs: number;

  socketConnected: boolean;
  /** The server holds this socket's session (between 'ready' and a disconnect or a new join). */
  joined: boolean;
  session: JoinedSession | null;
  serverHangUpsMs: readonly number[];

  /** The epoch whose frames are played; -1 before the first. */
  epoch: number;
  /** A seek sent and not yet answered: frames of epochs up to `afterEpoch` are stale. */
  pendingSeek: { afterEpoch: number; sentAtMs: number } | null;
  /** The latest seek wanted while another was in flight; sent once that one lands. */
  queuedSeekS: number | null;
  sentPlaying: boolean;
  sentRate: number;

  /** Where the revision's segments can be fetched over HTTP (from 'ready' or 'http-segments'); empty when none. */
  httpManifests: readonly HttpManifestRef[];

  webrtcWanted: boolean;
  peer: { peerId: number; connected: boolean } | null;
  peerFailures: number;

  firstPictureDecoded: boolean;
  pictureShown: boolean;
  lastAck: { atMs: number; key: string };
  timers: Partial<Record<SessionTimer, number>>;
}

/** What the viewer has received and shown, reported with every housekeeping tick. */
export interface PlaybackProgress {
  lastReceivedFrame: number;
  lastDecodedFrame: number;
  /** The frame on screen (-1 before the first). */
  playheadFrame: number;
  bufferAheadMs: number;
}

/** Measurements the adaptive profile choice reads (adaptive-profile.ts). */
export interface AdaptMeasurements {
  capacityKbps: number | null;
  bufferAheadS: number;
  lateFrameRatio: number;
  maxUsefulWidthPx: number | null;
  /** 'equirect' while the visitor may look around: the sphere profiles' ladder (absent: flat). */
  projection?: ProfileProjection;
}

/** Server events other than the binary frames, which the protocol client reassembles first. */
export type ServerEventName = Exclude<ProtocolServerEventName, 'frame'>;

export type SessionEventBody =
  | { type: 'start'; webrtcAvailable: boolean }
  | { type: 'socket-connected' }
  | { type: 'socket-disconnected'; reason: string }
  | { type: 'socket-connect-error'; message: string }
  /** A server message as it arrived: the reducer parses it. */
  | { type: 'server-message'; event: ServerEventName; payload: unknown }
  | { type: 'frame'; transport: TransportKind; frame: LabelledChunk }
  | { type: 'peer-signal-out'; peerId: number; data: unknown }
  | { type: 'peer-connected'; peerId: number }
  | { type: 'peer-closed'; peerId: number; reason: string }
  | { type: 'first-picture-decoded' }
  /** The media side hit a problem it recovers from by itself (the decoder restarts at a keyframe). */
  | { type: 'media-problem'; problem: string | null }
  | { type: 'picture-shown' }
  /** The clock jumped (a seek by the viewer). */
  | { type: 'seek'; timeS: number }
  /** Nothing new but the clock reading: play, pause and speed are mirrored from it. */
  | { type: 'clock' }
  | { type: 'progress'; progress: PlaybackProgress }
  | { type: 'adapt'; measurements: AdaptMeasurements; immediate: boolean }
  | { type: 'request-profile'; id: ProfileId }
  | { type: 'set-manual-profile'; id: ProfileId | null }
  | { type: 'set-capabilities'; capabilities: StreamCapabilities }
  | { type: 'report-stats'; stats: Parameters<ClientToServerEvents['stats']>[0] }
  | { type: 'retry' }
  | { type: 'timer' }
  | { type: 'close' };

/** Every event carries when it happened and what the clock said then. */
export type SessionEvent = SessionEventBody & { nowMs: number; clock: ClockReading };

type Emit<E extends keyof ClientToServerEvents> = { type: 'emit'; event: E; message: Parameters<ClientToServerEvents[E]>[0] };

export type SessionCommand =
  | Emit<'join'>
  | Emit<'control'>
  | Emit<'ack'>
  | Emit<'stats'>
  | Emit<'signal'>
  | { type: 'connect-socket' }
  | { type: 'close-socket' }
  /** Leave this node's socket and open one to another node (a drain): 'socket-connected' follows from there. */
  | { type: 'move-socket'; renderUrl: string }
  | { type: 'open-peer'; peerId: number; iceServers: readonly IceServerConfig[] }
  | { type: 'signal-peer'; peerId: number; data: unknown }
  | { type: 'destroy-peer' }
  /** Frames of the webrtc transport's half-assembled frame are gone with its peer. */
  | { type: 'reset-assembler'; transport: TransportKind }
  /** A new session (first ready or a resume): the media side gets the profiles it decodes. */
  | { type: 'media-session'; media: MediaSession }
  /**
   * A new epoch: everything queued belongs to the old one. `targetFrame` is the frame the
   * server aims at when the message that named the epoch said (null when a frame said first).
   */
  | { type: 'media-epoch'; epoch: number; targetFrame: number | null }
  /** A seek was asked for: pictures before `targetFrame` only prime the decoder; `flush` drops the queue now. */
  | { type: 'media-seek'; targetFrame: number; flush: boolean }
  | { type: 'deliver-frame'; transport: TransportKind; frame: LabelledChunk }
  /** Play on over HTTP segments from this manifest (the socket is closed in the same step). */
  | { type: 'open-http'; http: HttpPlan };

export interface HttpPlan {
  /** The manifest's URL as the server named it: a path on the render server or an absolute URL. */
  manifestUrl: string;
  profileId: ProfileId;
  /** Start at the clock's frame, dropping the frames held (a paused flight that needs the new profile now); absent: go on after them. */
  restart?: boolean;
}

export interface MediaSession {
  profiles: readonly ProfileSummary[];
  fps: number;
  frameCount: number;
  /** Where the first session starts showing (the clock's frame); null on a resume, which goes on from the picture on screen. */
  firstTargetFrame: number | null;
}

export interface SessionStep {
  state: SessionState;
  commands: SessionCommand[];
}
