// The cloud stream client: joins a baked route on the render server over socket.io,
// receives its encoded frames over a WebRTC data channel (or socket.io when WebRTC does
// not connect), decodes them and draws the frame the flight clock names onto a canvas.
// It follows the clock rather than driving it: play, pause, seek and speed are read from
// the clock and mirrored to the server. No React here; CloudStreamView binds it.
import { io, type Socket } from 'socket.io-client';
import type { FlightClock } from '../../../scenes/timeline/flight-clock';
import {
  ACK_INTERVAL_MS,
  FrameAssembler,
  MAX_PLAYBACK_RATE,
  MIN_PLAYBACK_RATE,
  STREAM_PROFILE_IDS,
  STREAM_PROTOCOL_VERSION,
  STREAM_SOCKET_PATH,
  WEBRTC_CONNECT_TIMEOUT_MS,
  keyframeAtOrBefore,
  profileIndexOf,
  type BusyMessage,
  type ClientToServerEvents,
  type ConnectionType,
  type ControlMessage,
  type NotBakedMessage,
  type RevisionGoneMessage,
  type PeerSignal,
  type ProfileSummary,
  type ReadyMessage,
  type ServerSignalMessage,
  type ServerToClientEvents,
  type StateMessage,
  type StreamErrorMessage,
  type StreamFrame,
  type TransportKind,
} from '../../../server/stream/stream-protocol';
import type { ProfileId } from '../../../server/bake/quality-profiles';
import { allowedProfiles, chooseProfile, connectionAsksToSaveData, type ConnectionHints, type ProfileCaps } from './adaptive-profile';
import { summarizeBakeProgress, type BakeProgressSummary } from './bake-progress';
import { ChunkQueue } from './chunk-queue';
import { INITIAL_CLOUD_SNAPSHOT } from './cloud-state';
import { DecodedFrameBuffer } from './frame-buffer';
import { canDecodeVp8, closePicture, StreamFrameDecoder, type DecodedPicture } from './frame-decoder';
import { frameIndexForTime, STREAM_FPS } from './frame-for-time';
import { PeerLink, webRtcAvailable } from './peer-link';
import { readyToStartClock } from './playback-start';
import { ThroughputMeter } from './throughput-meter';

export type CloudState =
  /** Reaching the render server and joining the route. */
  | 'connecting'
  /** Joined; waiting for the first picture. */
  | 'buffering'
  | 'streaming'
  /** The socket dropped; showing the last picture while it comes back. */
  | 'reconnecting'
  | 'not-baked'
  /** The page's revision was replaced and its frames are not stored: it will never stream. */
  | 'revision-gone'
  | 'busy'
  /** The render server cannot be reached or refused the route: fly on the device instead. */
  | 'unavailable'
  | 'closed';

export interface CloudSnapshot {
  state: CloudState;
  transport: TransportKind | null;
  profile: ProfileId | null;
  profiles: readonly ProfileSummary[];
  /** Profiles the viewer may pick by hand: decodable here and within the data-saver cap. */
  selectableProfiles: readonly ProfileId[];
  bake: BakeProgressSummary | null;
  /** When the next automatic try after 'busy' or 'not-baked' happens (performance.now ms). */
  retryAtMs: number | null;
  /** Playing, but the frame due is not here yet. */
  waiting: boolean;
  /**
   * A picture is up and the frames after it are here (the decoded queue full, a second of
   * encoded frames received): a clock started now drops none of them. Autoplay waits for it.
   */
  primed: boolean;
  /**
   * Playing, and nothing has arrived for a while although more is due: the server or the
   * link has stopped. The picture still plays from the buffer, but not for long.
   */
  starved: boolean;
  /** A short technical reason for 'unavailable', for the stats panel and logs. */
  problem: string | null;
}

export interface CloudStats {
  transport: TransportKind | null;
  profile: ProfileId | null;
  width: number;
  height: number;
  fpsShown: number;
  bitrateKbps: number;
  bufferAheadS: number;
  rttMs: number | null;
  framesDecoded: number;
  framesShown: number;
  dropped: number;
  lastShownFrameIndex: number;
}

export interface CloudStreamOptions {
  renderUrl: string;
  routeId: string;
  /** The revision the page shows: the server streams its frames, never another revision's. */
  revision: number;
  clock: FlightClock;
  canvas: HTMLCanvasElement;
  /** The player's data-saver setting (saveData and cellular links add to it). */
  dataSaver?: boolean;
  /** A profile chosen by hand; null for automatic. */
  manualProfile?: ProfileId | null;
  /** False skips WebRTC and streams over socket.io from the start. */
  webrtc?: boolean;
  onChange?: (snapshot: CloudSnapshot) => void;
  /** Every picture put on the canvas: its frame index and when (performance.now ms). */
  onFrameShown?: (frameIndex: number, nowMs: number) => void;
  now?: () => number;
}

/** The page gives up on the render server (and offers the device) after this long without a connection. */
const CONNECT_TIMEOUT_MS = 8000;
const JOIN_REPLY_TIMEOUT_MS = 8000;
const FIRST_FRAME_TIMEOUT_MS = 15_000;
/** While not baked, ask again this often, so the progress moves and the stream starts once ready. */
const NOT_BAKED_POLL_MS = 5000;
const BUSY_RETRY_MIN_MS = 2000;
const BUSY_RETRY_MAX_MS = 30_000;
/** A seek with no new epoch after this long is asked again (the reply or the request was lost). */
const SEEK_REPLY_TIMEOUT_MS = 3000;
/** A time jump of more than this between two clock reads is a seek, not drift. */
const SEEK_DETECT_S = 0.1;
const ADAPT_INTERVAL_MS = 1000;
const STATS_INTERVAL_MS = 2000;
/**
 * While playing, the server sends continuously to stay ~2 s ahead: this long without a
 * frame (counted from the last frame, or from the last play, seek or join) means it stopped.
 */
const STARVED_AFTER_MS = 600;
/** Acks go out at least this often even when nothing changed, so the server can tell the viewer is alive. */
const IDLE_ACK_MS = 1000;
/** After the server closes the socket on purpose, reconnect after this long; more than a few times a minute, stop. */
const SERVER_HANG_UP_RETRY_MS = 1000;
const SERVER_HANG_UP_WINDOW_MS = 60_000;
const MAX_SERVER_HANG_UPS = 3;
/** Two broken peers in a row: stay on the socket for this session. */
const MAX_PEER_FAILURES = 2;

type StreamSocket = Socket<ServerToClientEvents, ClientToServerEvents>;


interface Session {
  sessionId: string;
  resumeToken: string;
  fps: number;
  frameCount: number;
  profilesByIndex: Map<number, ProfileSummary>;
}

export class CloudStreamClient {
  readonly #options: CloudStreamOptions;
  readonly #clock: FlightClock;
  readonly #canvas: HTMLCanvasElement;
  readonly #now: () => number;
  #context: CanvasRenderingContext2D | null = null;

  #socket: StreamSocket | null = null;
  #peer: PeerLink | null = null;
  #peerFailures = 0;
  #iceServers: ReadyMessage['iceServers'] = [];
  #session: Session | null = null;
  /** The server holds this socket's session (between 'ready' and a disconnect or a new join). */
  #joined = false;
  #serverHangUpsMs: number[] = [];
  #vp8 = false;
  #webrtcWanted: boolean;
  #dataSaver: boolean;
  #manualProfile: ProfileId | null;

  #snapshot: CloudSnapshot = INITIAL_CLOUD_SNAPSHOT;

  #epoch = -1;
  /** A seek sent and not yet answered: frames of epochs up to `afterEpoch` are stale. */
  #pendingSeek: { afterEpoch: number; sentAtMs: number } | null = null;
  /** The latest seek wanted while another was in flight; sent once that one lands. */
  #queuedSeekS: number | null = null;
  #sentPlaying = false;
  #sentRate = 1;
  #requestedProfile: ProfileId | null = null;
  #lastSwitchMs = 0;
  /** When frames were last delivered, or last became due (play, seek, join): see STARVED_AFTER_MS. */
  #deliveryExpectedSinceMs = 0;
  #wasPlaying = false;

  readonly #assemblers = { webrtc: new FrameAssembler(), socket: new FrameAssembler() };
  readonly #queue = new ChunkQueue();
  readonly #buffer = new DecodedFrameBuffer<DecodedPicture>(closePicture);
  #decoder: StreamFrameDecoder | null = null;
  readonly #meter = new ThroughputMeter();

  #lastClockS = 0;
  #lastClockMs = 0;
  #framesSkippedEncoded = 0;
  #shownTimesMs: number[] = [];
  #rttMs: number | null = null;
  #pictureSize = { width: 0, height: 0 };
  #lastAck = { atMs: 0, key: '' };
  #lateWindow: Array<{ atMs: number; dropped: number; shown: number }> = [];
  #lastAdaptMs = 0;
  #lastStatsMs = 0;

  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #connectTimer: ReturnType<typeof setTimeout> | undefined;
  #joinTimer: ReturnType<typeof setTimeout> | undefined;
  #firstFrameTimer: ReturnType<typeof setTimeout> | undefined;
  #webrtcTimer: ReturnType<typeof setTimeout> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #interval: ReturnType<typeof setInterval> | undefined;
  #frameRequest = 0;
  #closed = false;

  /** performance.now() marks for time-to-first-frame measurements. */
  readonly marks: { startedAtMs: number; readyAtMs: number | null; firstFrameDecodedAtMs: number | null; firstFrameShownAtMs: number | null } = {
    startedAtMs: 0,
    readyAtMs: null,
    firstFrameDecodedAtMs: null,
    firstFrameShownAtMs: null,
  };

  constructor(options: CloudStreamOptions) {
    this.#options = options;
    this.#clock = options.clock;
    this.#canvas = options.canvas;
    this.#now = options.now ?? (() => performance.now());
    this.#webrtcWanted = options.webrtc !== false;
    this.#dataSaver = options.dataSaver === true;
    this.#manualProfile = options.manualProfile ?? null;
  }

  get snapshot(): CloudSnapshot {
    return this.#snapshot;
  }

  get counters(): { framesDecoded: number; framesShown: number; dropped: number; lastShownFrameIndex: number } {
    const { shown, dropped } = this.#buffer.counters;
    return {
      framesDecoded: this.#decoder?.decodedCount ?? 0,
      framesShown: shown,
      dropped: dropped + this.#framesSkippedEncoded,
      lastShownFrameIndex: this.#buffer.lastShownIndex,
    };
  }

  stats(): CloudStats {
    const nowMs = this.#now();
    const counters = this.counters;
    return {
      transport: this.#snapshot.transport,
      profile: this.#snapshot.profile,
      width: this.#pictureSize.width,
      height: this.#pictureSize.height,
      fpsShown: this.#shownTimesMs.filter((atMs) => atMs > nowMs - 1000).length,
      bitrateKbps: this.#meter.recentKbps(nowMs),
      bufferAheadS: this.#bufferAheadFrames(nowMs) / this.#fps(),
      rttMs: this.#rttMs,
      ...counters,
    };
  }

  async start(): Promise<void> {
    this.marks.startedAtMs = this.#now();
    this.#context = this.#canvas.getContext('2d', { alpha: false });
    this.#vp8 = await canDecodeVp8();
    if (this.#closed) return;
    if (!webRtcAvailable()) this.#webrtcWanted = false;
    const socket: StreamSocket = io(this.#options.renderUrl, {
      path: STREAM_SOCKET_PATH,
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 4000,
      timeout: CONNECT_TIMEOUT_MS,
    });
    this.#socket = socket;
    socket.on('connect', () => this.#join());
    socket.on('disconnect', (reason) => this.#onDisconnect(reason));
    socket.on('connect_error', (error) => {
      if (this.#snapshot.state === 'connecting' || this.#snapshot.state === 'reconnecting') this.#update({ problem: error.message });
    });
    socket.on('ready', (message) => this.#onReady(message));
    socket.on('not-baked', (message) => this.#onNotBaked(message));
    socket.on('revision-gone', (message) => this.#onRevisionGone(message));
    socket.on('busy', (message) => this.#onBusy(message));
    socket.on('error', (message) => this.#onServerError(message));
    socket.on('signal', (message) => this.#onSignal(message));
    socket.on('state', (message) => this.#onState(message));
    socket.on('frame', (message) => this.#onFrameMessage('socket', message));
    this.#connectTimer = this.#after(CONNECT_TIMEOUT_MS, () => {
      if (!socket.connected) this.#update({ state: 'unavailable', problem: this.#snapshot.problem ?? 'the render server did not answer' });
    });
    this.#lastClockMs = this.#now();
    this.#lastClockS = this.#clock.timeAt(this.#lastClockMs);
    this.#interval = setInterval(() => this.#housekeeping(), ACK_INTERVAL_MS);
    this.#frameRequest = requestAnimationFrame(this.#tick);
  }

  /** Asks again after 'unavailable', 'busy' or 'not-baked', at once. */
  retry(): void {
    if (this.#closed || !this.#socket) return;
    clearTimeout(this.#retryTimer);
    this.#update({ state: 'connecting', retryAtMs: null, problem: null });
    if (this.#socket.connected) this.#join();
    else this.#socket.connect();
  }

  setDataSaver(on: boolean): void {
    this.#dataSaver = on;
    this.#update({ selectableProfiles: this.#selectableProfiles(this.#snapshot.profiles) });
    this.#adapt(this.#now(), true);
  }

  #selectableProfiles(profiles: readonly ProfileSummary[]): ProfileId[] {
    return allowedProfiles(profiles, { ...this.#caps(), maxUsefulWidthPx: null }, { includeSuperseded: true }).map((profile) => profile.id as ProfileId);
  }

  setManualProfile(profile: ProfileId | null): void {
    this.#manualProfile = profile;
    this.#adapt(this.#now(), true);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    cancelAnimationFrame(this.#frameRequest);
    clearInterval(this.#interval);
    for (const timer of this.#timers) clearTimeout(timer);
    this.#peer?.destroy();
    this.#peer = null;
    this.#socket?.removeAllListeners();
    this.#socket?.disconnect();
    this.#socket = null;
    this.#decoder?.close();
    this.#buffer.clear();
    this.#update({ state: 'closed' });
  }

  // --- joining ----------------------------------------------------------------------

  #capabilities(): { webcodecsVp8: boolean; saveData: boolean; connectionType: ConnectionType } {
    const hints = connectionHints();
    const connectionType = hints?.type && isConnectionType(hints.type) ? hints.type : 'unknown';
    return { webcodecsVp8: this.#vp8, saveData: this.#dataSaverOn(), connectionType };
  }

  #dataSaverOn(): boolean {
    return this.#dataSaver || connectionAsksToSaveData(connectionHints());
  }

  #join(): void {
    const socket = this.#socket;
    if (!socket || this.#closed) return;
    clearTimeout(this.#connectTimer);
    this.#joined = false;
    const session = this.#session;
    const profile = this.#requestedProfile ?? this.#manualProfile ?? (this.#vp8 ? '360p' : '360p-jpeg');
    socket.emit('join', {
      protocolVersion: STREAM_PROTOCOL_VERSION,
      routeId: this.#options.routeId,
      revision: this.#options.revision,
      profile,
      capabilities: this.#capabilities(),
      transport: this.#webrtcWanted ? 'webrtc' : 'socket',
      startS: this.#clock.timeAt(this.#now()),
      ...(session ? { resume: { sessionId: session.sessionId, resumeToken: session.resumeToken } } : {}),
    });
    clearTimeout(this.#joinTimer);
    this.#joinTimer = this.#after(JOIN_REPLY_TIMEOUT_MS, () => this.#update({ state: 'unavailable', problem: 'the render server did not answer the join' }));
  }

  #onReady(message: ReadyMessage): void {
    clearTimeout(this.#joinTimer);
    clearTimeout(this.#retryTimer);
    const profilesByIndex = new Map(message.profiles.map((profile) => [profileIndexOf(profile.id), profile]));
    const previous = this.#session;
    this.#session = { sessionId: message.sessionId, resumeToken: message.resumeToken, fps: message.fps, frameCount: message.frameCount, profilesByIndex };
    this.#iceServers = message.iceServers;
    this.#joined = true;
    this.marks.readyAtMs ??= this.#now();
    this.#decoder?.close();
    this.#decoder = new StreamFrameDecoder(profilesByIndex, {
      onPicture: (picture) => this.#onPicture(picture),
      onFailure: (error) => this.#onDecoderFailure(error),
    });
    this.#adoptEpoch(message.epoch);
    this.#pendingSeek = null;
    this.#queuedSeekS = null;
    const nowMs = this.#now();
    const targetFrame = this.#targetFrame(nowMs);
    if (previous === null) this.#buffer.startAt(targetFrame);
    this.#sentPlaying = !message.paused;
    this.#sentRate = message.rate;
    this.#requestedProfile = message.profile;
    this.#lastSwitchMs = nowMs;
    this.#update({
      state: this.#buffer.lastShownIndex >= 0 ? 'streaming' : 'buffering',
      transport: message.transport,
      profile: message.profile,
      profiles: message.profiles,
      selectableProfiles: this.#selectableProfiles(message.profiles),
      bake: null,
      retryAtMs: null,
      problem: null,
    });
    this.#deliveryExpectedSinceMs = nowMs;
    // The clock may have moved while the socket was away: land the stream where it is now.
    if (message.startFrame !== keyframeAtOrBefore(targetFrame / message.fps, message.fps, message.frameCount)) this.#requestSeek(this.#clock.timeAt(nowMs));
    this.#syncControls(nowMs, true);
    this.#adapt(nowMs, true);
    if (message.transport === 'webrtc') this.#awaitPeer();
    else this.#dropPeer();
    if (this.marks.firstFrameDecodedAtMs === null) {
      clearTimeout(this.#firstFrameTimer);
      this.#firstFrameTimer = this.#after(FIRST_FRAME_TIMEOUT_MS, () => {
        if (this.marks.firstFrameDecodedAtMs === null) this.#update({ state: 'unavailable', problem: 'no frame arrived' });
      });
    }
  }

  #onNotBaked(message: NotBakedMessage): void {
    clearTimeout(this.#joinTimer);
    const retryAtMs = this.#now() + NOT_BAKED_POLL_MS;
    this.#update({ state: 'not-baked', bake: summarizeBakeProgress(message, this.#vp8), retryAtMs });
    this.#scheduleRetry(NOT_BAKED_POLL_MS);
  }

  #onRevisionGone(message: RevisionGoneMessage): void {
    clearTimeout(this.#joinTimer);
    // Asking again cannot help: the frames of this revision are gone for good.
    clearTimeout(this.#retryTimer);
    this.#update({ state: 'revision-gone', retryAtMs: null, problem: `revision ${message.revision} is not streamed; revision ${message.publishedRevision} is published` });
  }

  #onBusy(message: BusyMessage): void {
    clearTimeout(this.#joinTimer);
    const waitMs = Math.min(BUSY_RETRY_MAX_MS, Math.max(BUSY_RETRY_MIN_MS, message.retryAfterMs));
    this.#update({ state: 'busy', retryAtMs: this.#now() + waitMs, problem: message.reason });
    this.#scheduleRetry(waitMs);
  }

  #onServerError(message: StreamErrorMessage): void {
    if (message.code === 'unknown-route') {
      clearTimeout(this.#joinTimer);
      this.#update({ state: 'unavailable', problem: message.message });
    } else if (message.code === 'not-joined' && this.#joined && this.#socket?.connected) {
      // The server lost the session (restart, grace period over): join again where the clock is.
      this.#join();
    } else if (message.code === 'profile-unavailable') {
      this.#requestedProfile = this.#snapshot.profile;
    } else if (this.#snapshot.state === 'connecting') {
      this.#update({ problem: `${message.code}: ${message.message}` });
    }
  }

  #scheduleRetry(waitMs: number): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = this.#after(waitMs, () => {
      if (this.#socket?.connected) this.#join();
    });
  }

  #onDisconnect(reason: string): void {
    if (this.#closed || reason === 'io client disconnect') return;
    this.#joined = false;
    clearTimeout(this.#joinTimer);
    if (this.#snapshot.state === 'streaming' || this.#snapshot.state === 'buffering') this.#update({ state: 'reconnecting' });
    // socket.io reconnects by itself after a lost connection, but not after the server hung
    // up: then try once more, a little later, and give up if the server keeps hanging up.
    if (reason === 'io server disconnect') {
      const nowMs = this.#now();
      this.#serverHangUpsMs = this.#serverHangUpsMs.filter((atMs) => atMs > nowMs - SERVER_HANG_UP_WINDOW_MS);
      this.#serverHangUpsMs.push(nowMs);
      if (this.#serverHangUpsMs.length > MAX_SERVER_HANG_UPS) {
        this.#update({ state: 'unavailable', problem: 'the render server keeps closing the connection' });
        return;
      }
      this.#after(SERVER_HANG_UP_RETRY_MS, () => this.#socket?.connect());
    }
    // Otherwise 'connect' comes back by itself and joins with the resume token.
  }

  // --- transports -----------------------------------------------------------------

  #awaitPeer(): void {
    clearTimeout(this.#webrtcTimer);
    if (this.#peer?.connected) return;
    this.#webrtcTimer = this.#after(WEBRTC_CONNECT_TIMEOUT_MS, () => {
      if (this.#peer?.connected) return;
      this.#fallBackToSocket('the data channel did not open in time');
    });
  }

  #fallBackToSocket(why: string): void {
    this.#dropPeer();
    this.#webrtcWanted = false;
    this.#update({ transport: 'socket', problem: why });
    this.#control({ type: 'transport', transport: 'socket', ...this.#playheadForRestart() });
  }

  #dropPeer(): void {
    clearTimeout(this.#webrtcTimer);
    const peer = this.#peer;
    this.#peer = null;
    peer?.destroy();
  }

  #onSignal(message: ServerSignalMessage): void {
    if (!this.#webrtcWanted || this.#closed) return;
    if (this.#peer === null || this.#peer.peerId !== message.peerId) {
      // A peer id we have not seen is a fresh offer: the server replaced the peer.
      if (this.#peer !== null && message.peerId < this.#peer.peerId) return;
      this.#dropPeer();
      const session = this.#session;
      if (!session) return;
      const iceServers = this.#iceServers;
      const peer: PeerLink = new PeerLink(message.peerId, iceServers, {
        signal: (data) => this.#socket?.emit('signal', { peerId: peer.peerId, data: data as PeerSignal }),
        connect: () => {
          clearTimeout(this.#webrtcTimer);
          this.#peerFailures = 0;
          this.#update({ transport: 'webrtc' });
        },
        data: (bytes) => this.#onFrameMessage('webrtc', bytes),
        closed: (reason) => this.#onPeerClosed(peer, reason),
      });
      this.#peer = peer;
      this.#awaitPeer();
    }
    this.#peer.signal(message.data);
  }

  #onPeerClosed(peer: PeerLink, reason: string): void {
    if (this.#peer !== peer || this.#closed) return;
    this.#peer = null;
    this.#assemblers.webrtc.reset();
    this.#peerFailures += 1;
    if (!this.#socket?.connected) return;
    if (this.#peerFailures >= MAX_PEER_FAILURES) {
      this.#fallBackToSocket(`the data channel failed twice (${reason})`);
      return;
    }
    // A fresh peer; the server restarts the stream at the keyframe before the playhead.
    this.#update({ problem: `data channel ${reason}; reconnecting` });
    this.#control({ type: 'transport', transport: 'webrtc', ...this.#playheadForRestart() });
    this.#awaitPeer();
  }

  // --- frames ----------------------------------------------------------------------

  #onFrameMessage(transport: TransportKind, message: ArrayBuffer | Uint8Array): void {
    if (this.#closed || !this.#session) return;
    const nowMs = this.#now();
    this.#deliveryExpectedSinceMs = nowMs;
    this.#meter.record(message.byteLength, nowMs);
    let frame: StreamFrame | null;
    try {
      frame = this.#assemblers[transport].push(message);
    } catch {
      return;
    }
    if (frame === null) return;
    if (!this.#acceptEpoch(frame.epoch)) return;
    this.#queue.push({ index: frame.frameIndex, key: frame.key, profileIndex: frame.profileIndex, data: frame.data, last: frame.last });
    this.#pump();
  }

  /** Frames of an epoch before the current (or before an unanswered seek) are stale; a newer epoch restarts decoding. */
  #acceptEpoch(epoch: number): boolean {
    if (this.#pendingSeek !== null) {
      if (!isNewerEpoch(epoch, this.#pendingSeek.afterEpoch)) return false;
      this.#landSeek(epoch);
      return true;
    }
    if (epoch === this.#epoch) return true;
    if (!isNewerEpoch(epoch, this.#epoch)) return false;
    // The server restarted the stream by itself (resume, new transport): go on from the picture on screen.
    this.#adoptEpoch(epoch);
    return true;
  }

  #adoptEpoch(epoch: number): void {
    this.#epoch = epoch;
    this.#queue.reset();
    this.#assemblers.webrtc.reset();
    this.#assemblers.socket.reset();
    this.#decoder?.reset();
  }

  #landSeek(epoch: number): void {
    this.#pendingSeek = null;
    this.#adoptEpoch(epoch);
    if (this.#queuedSeekS !== null) {
      const timeS = this.#queuedSeekS;
      this.#queuedSeekS = null;
      this.#requestSeek(timeS);
    }
  }

  #pump(): void {
    const decoder = this.#decoder;
    if (!decoder) return;
    while (this.#queue.length > 0 && this.#buffer.size + decoder.inFlight < this.#buffer.capacity) {
      const chunk = this.#queue.shift()!;
      if (!decoder.decode(chunk)) {
        // A delta the decoder has no reference for: wait for the next keyframe.
        decoder.reset();
        this.#queue.reset();
        break;
      }
    }
  }

  #onPicture(picture: DecodedPicture): void {
    this.marks.firstFrameDecodedAtMs ??= this.#now();
    this.#buffer.add(picture.index, picture);
    this.#pump();
  }

  #onDecoderFailure(error: Error): void {
    // Start again from the next keyframe; the stream carries one every second.
    this.#queue.reset();
    this.#decoder?.reset();
    this.#update({ problem: `decoder: ${error.message}` });
  }

  // --- the clock and the canvas ----------------------------------------------------------

  #tick = () => {
    if (this.#closed) return;
    this.#frameRequest = requestAnimationFrame(this.#tick);
    const nowMs = this.#now();
    this.#syncControls(nowMs, false);
    if (!this.#session) return;
    const target = this.#targetFrame(nowMs);
    const playing = this.#clock.isPlaying(nowMs);
    // Frames are owed from the moment the flight plays; a pause owes none.
    if (playing && !this.#wasPlaying) this.#deliveryExpectedSinceMs = nowMs;
    this.#wasPlaying = playing;
    if (playing && this.#pendingSeek === null && this.#queue.headIndex >= 0 && target > this.#queue.headIndex + STREAM_FPS / 2) {
      // Far behind the clock: jump to the keyframe nearest before the playhead instead of decoding frames nobody will see.
      this.#framesSkippedEncoded += this.#queue.skipToKeyframeAtOrBefore(target);
    }
    const shown = this.#pendingSeek === null ? this.#buffer.take(target, { skipsIntended: this.#clock.speed > 1 }) : null;
    if (shown) this.#draw(shown.frame, nowMs);
    this.#pump();
    const waiting = playing && this.#buffer.lastShownIndex < target - 2;
    if (waiting !== this.#snapshot.waiting) this.#update({ waiting });
    // Only a stopped clock waits for it; while playing the buffer drains and refills by design.
    const primed = this.#pendingSeek === null && (playing ? this.#buffer.lastShownIndex >= 0 : this.#primed());
    if (primed !== this.#snapshot.primed) this.#update({ primed });
    const allReceived = this.#queue.lastReceivedIndex >= this.#session.frameCount - 1;
    const starved = playing && !allReceived && nowMs - this.#deliveryExpectedSinceMs > STARVED_AFTER_MS;
    if (starved !== this.#snapshot.starved) this.#update({ starved });
  };

  #draw(picture: DecodedPicture, nowMs: number): void {
    const context = this.#context;
    if (context) {
      // Resizing clears the canvas; the new picture is drawn in the same task, so no blank frame shows.
      if (this.#canvas.width !== picture.width || this.#canvas.height !== picture.height) {
        this.#canvas.width = picture.width;
        this.#canvas.height = picture.height;
      }
      context.drawImage(picture.image, 0, 0, picture.width, picture.height);
    }
    this.#pictureSize = { width: picture.width, height: picture.height };
    closePicture(picture);
    this.#shownTimesMs.push(nowMs);
    if (this.#shownTimesMs.length > 240) this.#shownTimesMs.splice(0, this.#shownTimesMs.length - 240);
    if (this.marks.firstFrameShownAtMs === null) {
      this.marks.firstFrameShownAtMs = nowMs;
      clearTimeout(this.#firstFrameTimer);
    }
    // Pictures flowing again end any waiting, reconnecting or given-up state.
    if (this.#snapshot.state !== 'streaming') this.#update({ state: 'streaming', problem: null });
    this.#options.onFrameShown?.(this.#buffer.lastShownIndex, nowMs);
  }

  #primed(): boolean {
    const session = this.#session;
    if (!session) return false;
    return readyToStartClock({
      shownIndex: this.#buffer.lastShownIndex,
      decodedWaiting: this.#buffer.size,
      decodedCapacity: this.#buffer.capacity,
      lastReceivedIndex: this.#queue.lastReceivedIndex,
      frameCount: session.frameCount,
      fps: session.fps,
    });
  }

  #targetFrame(nowMs: number): number {
    return frameIndexForTime(this.#clock.timeAt(nowMs), this.#session?.frameCount ?? 1, this.#fps());
  }

  #fps(): number {
    return this.#session?.fps ?? STREAM_FPS;
  }

  /** Mirrors the clock to the server: play/pause, speed, and jumps in time (seeks). */
  #syncControls(nowMs: number, force: boolean): void {
    const timeS = this.#clock.timeAt(nowMs);
    const playing = this.#clock.isPlaying(nowMs);
    const speed = this.#clock.speed;
    const expectedS = Math.min(this.#clock.durationS, this.#lastClockS + (playing ? ((nowMs - this.#lastClockMs) / 1000) * speed : 0));
    const jumped = Math.abs(timeS - expectedS) > SEEK_DETECT_S * Math.max(1, speed);
    this.#lastClockS = timeS;
    this.#lastClockMs = nowMs;
    if (!this.#session || !this.#joined || !this.#socket?.connected) return;
    if (jumped && !force) this.#requestSeek(timeS);
    const rate = Math.min(MAX_PLAYBACK_RATE, Math.max(MIN_PLAYBACK_RATE, speed));
    if (rate !== this.#sentRate) {
      this.#sentRate = rate;
      this.#control({ type: 'speed', rate });
    }
    if (playing !== this.#sentPlaying) {
      this.#sentPlaying = playing;
      this.#control({ type: playing ? 'play' : 'pause' });
    }
  }

  #requestSeek(timeS: number): void {
    if (!this.#session) return;
    const target = frameIndexForTime(timeS, this.#session.frameCount, this.#session.fps);
    // Frames from the keyframe up to the target only prime the decoder.
    this.#buffer.clear();
    this.#buffer.startAt(target);
    this.#deliveryExpectedSinceMs = this.#now();
    if (this.#pendingSeek !== null) {
      this.#queuedSeekS = timeS;
      return;
    }
    this.#queue.reset();
    this.#decoder?.reset();
    this.#pendingSeek = { afterEpoch: this.#epoch, sentAtMs: this.#now() };
    this.#control({ type: 'seek', timeS });
  }

  #control(message: ControlMessage): void {
    this.#socket?.emit('control', message);
  }

  #onState(message: StateMessage): void {
    if (this.#pendingSeek !== null && isNewerEpoch(message.epoch, this.#pendingSeek.afterEpoch)) this.#landSeek(message.epoch);
    else if (this.#pendingSeek === null && isNewerEpoch(message.epoch, this.#epoch)) this.#adoptEpoch(message.epoch);
    const transport = message.transport === 'none' ? this.#snapshot.transport : message.transport;
    if (message.profile !== this.#snapshot.profile || transport !== this.#snapshot.transport) {
      if (message.profile !== this.#snapshot.profile) this.#lastSwitchMs = this.#now();
      this.#update({ profile: message.profile, transport });
    }
  }

  // --- acks, adaptation, stats ---------------------------------------------------------------

  #housekeeping(): void {
    if (this.#closed || !this.#session || !this.#joined || !this.#socket?.connected) return;
    const nowMs = this.#now();
    if (this.#pendingSeek !== null && nowMs - this.#pendingSeek.sentAtMs > SEEK_REPLY_TIMEOUT_MS) {
      const timeS = this.#queuedSeekS ?? this.#clock.timeAt(nowMs);
      this.#pendingSeek = null;
      this.#queuedSeekS = null;
      this.#requestSeek(timeS);
    }
    this.#ack(nowMs);
    if (nowMs - this.#lastAdaptMs >= ADAPT_INTERVAL_MS) this.#adapt(nowMs, false);
    if (nowMs - this.#lastStatsMs >= STATS_INTERVAL_MS) this.#sendStats(nowMs);
  }

  #bufferAheadFrames(nowMs: number): number {
    if (!this.#session || this.#pendingSeek !== null) return 0;
    const playhead = Math.max(this.#buffer.lastShownIndex, this.#targetFrame(nowMs));
    return Math.max(0, this.#queue.lastReceivedIndex - playhead);
  }

  /** Where the restart after a transport change should land; nothing before the first frame is shown. */
  #playheadForRestart(): { playheadFrame?: number } {
    const shown = this.#buffer.lastShownIndex;
    return shown >= 0 ? { playheadFrame: shown } : {};
  }

  #ack(nowMs: number): void {
    if (this.#pendingSeek !== null || this.#epoch < 0) return;
    const message = {
      epoch: this.#epoch,
      lastReceivedFrame: this.#queue.lastReceivedIndex,
      lastDecodedFrame: this.#decoder?.lastDecodedIndex ?? -1,
      playheadFrame: this.#buffer.lastShownIndex,
      bufferAheadMs: Math.round((this.#bufferAheadFrames(nowMs) * 1000) / this.#fps()),
    };
    const key = `${message.epoch}/${message.lastReceivedFrame}/${message.playheadFrame}`;
    if (key === this.#lastAck.key && nowMs - this.#lastAck.atMs < IDLE_ACK_MS) return;
    this.#lastAck = { atMs: nowMs, key };
    this.#socket?.emit('ack', message);
  }

  #lateFrameRatio(nowMs: number): number {
    const { dropped, framesShown: shown } = this.counters;
    this.#lateWindow.push({ atMs: nowMs, dropped, shown });
    while (this.#lateWindow.length > 1 && this.#lateWindow[0].atMs < nowMs - 3000) this.#lateWindow.shift();
    const first = this.#lateWindow[0];
    const droppedInWindow = dropped - first.dropped;
    const total = droppedInWindow + (shown - first.shown);
    return total > 0 ? droppedInWindow / total : 0;
  }

  #caps(): ProfileCaps {
    const width = this.#canvas.clientWidth || window.innerWidth;
    return { vp8Supported: this.#vp8, dataSaver: this.#dataSaverOn(), maxUsefulWidthPx: width > 0 ? Math.round(width * (window.devicePixelRatio || 1)) : null };
  }

  #adapt(nowMs: number, immediate: boolean): void {
    this.#lastAdaptMs = nowMs;
    const profiles = this.#snapshot.profiles;
    const current = this.#requestedProfile ?? this.#snapshot.profile;
    if (!this.#session || profiles.length === 0 || current === null) return;
    const lateFrameRatio = this.#lateFrameRatio(nowMs);
    const decision = chooseProfile({
      available: profiles,
      currentId: current,
      caps: this.#caps(),
      manualId: this.#manualProfile,
      capacityKbps: this.#meter.capacityKbps(nowMs),
      bufferAheadS: this.#bufferAheadFrames(nowMs) / this.#fps(),
      playing: this.#clock.isPlaying(nowMs),
      lateFrameRatio,
      secondsSinceSwitch: immediate ? Number.POSITIVE_INFINITY : (nowMs - this.#lastSwitchMs) / 1000,
    });
    const next = decision.profileId;
    if (next === current || !isStreamProfile(next)) return;
    this.#requestedProfile = next;
    this.#lastSwitchMs = nowMs;
    this.#control({ type: 'profile', id: next });
  }

  #sendStats(nowMs: number): void {
    this.#lastStatsMs = nowMs;
    const peer = this.#peer;
    if (peer?.connected) {
      void peer.rttMs().then((rtt) => {
        if (this.#peer === peer) this.#rttMs = rtt;
      });
    } else if (this.#snapshot.transport !== 'webrtc') {
      this.#rttMs = null;
    }
    const stats = this.stats();
    if (!stats.transport || !stats.profile) return;
    this.#socket?.emit('stats', {
      transport: stats.transport,
      profile: stats.profile,
      fps: stats.fpsShown,
      bitrateKbps: Math.round(stats.bitrateKbps),
      bufferAheadMs: Math.round(stats.bufferAheadS * 1000),
      rttMs: stats.rttMs === null ? null : Math.round(stats.rttMs),
      decodedFrames: stats.framesDecoded,
      droppedFrames: stats.dropped,
      stalls: 0,
    });
  }

  // --- plumbing -------------------------------------------------------------------

  #update(change: Partial<CloudSnapshot>): void {
    if (this.#closed && change.state !== 'closed') return;
    this.#snapshot = { ...this.#snapshot, ...change };
    this.#options.onChange?.(this.#snapshot);
  }

  #after(delayMs: number, run: () => void): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (!this.#closed) run();
    }, delayMs);
    this.#timers.add(timer);
    return timer;
  }
}

function isNewerEpoch(epoch: number, than: number): boolean {
  if (than < 0) return true;
  const ahead = (epoch - than) & 0xffff;
  return ahead > 0 && ahead < 0x8000;
}

function isStreamProfile(id: string): id is ProfileId {
  return (STREAM_PROFILE_IDS as readonly string[]).includes(id);
}

const CONNECTION_TYPES: readonly ConnectionType[] = ['unknown', 'ethernet', 'wifi', 'cellular', 'bluetooth', 'wimax', 'other', 'none'];

function isConnectionType(value: string): value is ConnectionType {
  return (CONNECTION_TYPES as readonly string[]).includes(value);
}

/** navigator.connection (Network Information API) where the browser has it. */
function connectionHints(): ConnectionHints | null {
  if (typeof navigator === 'undefined') return null;
  const connection = (navigator as Navigator & { connection?: ConnectionHints }).connection;
  return connection ?? null;
}
