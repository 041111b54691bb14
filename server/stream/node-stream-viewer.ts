// A stream viewer in Node that plays like the browser player without decoding: a playhead
// that advances at fps × rate over received frames, acks every ACK_INTERVAL_MS, falls back
// to the socket and resumes after a reconnect. The protocol itself is the browser's own
// client (components/player/cloud/stream-client/protocol-client.ts) with simple-peer on
// @roamhq/wrtc. The integration tests, the fuzz test and the stream bench use it; it can
// also probe a node.
import { createRequire } from 'node:module';
import type SimplePeer from 'simple-peer';
import { io } from 'socket.io-client';
import type { LabelledChunk } from '@/scenes/protocol/chunk-codec';
import type { ControlMessage, StreamCapabilities } from '@/scenes/protocol/client-messages';
import { BAKE_FPS, profileIdAt, type ProfileId } from '@/scenes/protocol/profile-ladder';
import {
  parseServerMessage,
  type BusyMessage,
  type NotBakedMessage,
  type ReadyMessage,
  type RevisionGoneMessage,
  type StateMessage,
  type StreamErrorMessage,
} from '@/scenes/protocol/server-messages';
import type { TransportKind } from '@/scenes/protocol/stream-fields';
import type { DrainingMessage } from '@/scenes/protocol/drain-messages';
import { ACK_INTERVAL_MS, STREAM_SOCKET_PATH, WEBRTC_CONNECT_TIMEOUT_MS } from '@/scenes/protocol/stream-limits';
import { PeerLink } from '@/components/player/cloud/peer-link';
import { StreamProtocolClient, type StreamSocket } from '@/components/player/cloud/stream-client/protocol-client';
import { initialSessionState } from '@/components/player/cloud/stream-client/session-reducer';
import type { ClockReading } from '@/components/player/cloud/stream-client/session-state';

export interface ReceivedFrame {
  epoch: number;
  frameIndex: number;
  profile: ProfileId | null;
  key: boolean;
  last: boolean;
  bytes: number;
  transport: TransportKind;
  atMs: number;
  /** The frame's bytes, kept only with recordFrames. */
  data: Uint8Array;
}

export interface NodeStreamViewerOptions {
  url: string;
  routeId: string;
  /** The route revision to stream, as a page showing it would ask. */
  revision: number;
  profile: ProfileId;
  transport: TransportKind;
  capabilities?: StreamCapabilities;
  startS?: number;
  /** Ask for the socket transport when the data channel has not opened by then (null: never). */
  fallbackAfterMs?: number | null;
  /** Sent as the handshake's Origin header, as a browser page would. */
  origin?: string;
  /** Keep every received frame (tests); a bench viewer keeps counts only. */
  recordFrames?: boolean;
  /** Play from the start again when the route ends (the bench's endless viewers). */
  loop?: boolean;
  /** Never answer the server's WebRTC offer, as behind a firewall that blocks it. */
  blockWebRtc?: boolean;
  nowMs?: () => number;
}

let wrtcModule: SimplePeer.Options['wrtc'] | undefined;
function wrtc(): SimplePeer.Options['wrtc'] {
  wrtcModule ??= createRequire(import.meta.url)('@roamhq/wrtc') as SimplePeer.Options['wrtc'];
  return wrtcModule;
}

export class NodeStreamViewer {
  readonly socket: StreamSocket;
  ready: ReadyMessage | null = null;
  state: StateMessage | null = null;
  notBaked: NotBakedMessage | null = null;
  revisionGone: RevisionGoneMessage | null = null;
  busy: BusyMessage | null = null;
  /** The node said it is shutting down, and where to play on. */
  draining: DrainingMessage | null = null;
  readonly errors: StreamErrorMessage[] = [];
  readonly frames: ReceivedFrame[] = [];
  framesReceived = 0;
  bytesReceived = 0;
  /** Frames the playhead moved over while playing: what a viewer saw. */
  framesPlayed = 0;
  stalls = 0;
  readonly startedMs: number;
  firstFrameMs: number | null = null;
  peerConnectedMs: number | null = null;

  epoch = -1;
  targetFrame = 0;
  lastReceivedFrame = -1;
  /** A fractional frame index: the frame on screen is its floor. */
  playhead = -1;
  paused = true;
  rate = 1;
  ended = false;

  /**
   * Where this viewer last asked to be (a seek, or its playhead with a transport change).
   * The first frame of a new epoch may arrive over the data channel before the state
   * message over socket.io: its target is then this, not the keyframe the frame sits on.
   */
  private requestedFrame: number | null = null;
  /** A looping viewer asked to start over and waits for that epoch: it must not ask again on every tick. */
  private loopRestartPending = false;
  /** A new epoch named by its first frame: the frame decides its target. */
  private targetFromNextFrame = false;
  private readonly protocol: StreamProtocolClient;
  private readonly timer: NodeJS.Timeout;
  private lastTickMs: number;
  private stalledNow = false;
  private closed = false;
  private readonly waiters = new Set<() => void>();
  private readonly now: () => number;

  constructor(private readonly options: NodeStreamViewerOptions) {
    this.now = options.nowMs ?? (() => performance.now());
    this.startedMs = this.now();
    this.lastTickMs = this.startedMs;
    this.socket = io(options.url, {
      path: STREAM_SOCKET_PATH,
      transports: ['websocket'],
      extraHeaders: options.origin === undefined ? undefined : { origin: options.origin },
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    const config = {
      routeId: options.routeId,
      revision: options.revision,
      startProfile: options.profile,
      connectTimeoutMs: null,
      joinReplyTimeoutMs: null,
      firstFrameTimeoutMs: null,
      webrtcConnectTimeoutMs: options.fallbackAfterMs === undefined ? WEBRTC_CONNECT_TIMEOUT_MS : options.fallbackAfterMs,
      answerOffers: options.blockWebRtc !== true,
      // A test viewer always asks for a fresh peer, and answers for itself after busy or not-baked.
      maxPeerFailures: Number.POSITIVE_INFINITY,
      autoRetry: false,
      reconnectAfterHangUp: false,
    };
    const capabilities = options.capabilities ?? { webcodecsVp8: true, saveData: false, connectionType: 'ethernet' as const };
    this.protocol = new StreamProtocolClient({
      socket: this.socket,
      initialState: initialSessionState(config, capabilities),
      createPeer: (peerId, iceServers, events) => new PeerLink(peerId, iceServers, events, wrtc()),
      media: {
        session: () => {},
        epoch: (epoch, targetFrame) => this.adoptEpoch(epoch, targetFrame),
        seek: () => {},
        frame: (chunk, transport) => this.onFrame(chunk, transport),
      },
      readClock: () => this.readClock(),
      now: this.now,
      onServerMessage: (parsed) => {
        if (parsed.name === 'ready') {
          this.ready = parsed.message;
          this.rate = parsed.message.rate;
          this.paused = parsed.message.paused && this.paused;
        } else if (parsed.name === 'state') {
          this.state = parsed.message;
          this.targetFrame = parsed.message.targetFrame;
        } else if (parsed.name === 'not-baked') this.notBaked = parsed.message;
        else if (parsed.name === 'revision-gone') this.revisionGone = parsed.message;
        else if (parsed.name === 'busy') this.busy = parsed.message;
        else if (parsed.name === 'error') this.errors.push(parsed.message);
        this.notify();
      },
      onSent: ({ event, message }) => {
        if (event === 'control' && message.type === 'transport') this.requestedFrame = message.playheadFrame ?? null;
      },
      onPeerConnected: () => {
        this.peerConnectedMs ??= this.now();
        this.notify();
      },
      onChange: () => this.notify(),
    });
    this.socket.on('draining', (payload: unknown) => {
      const parsed = parseServerMessage('draining', payload);
      if (parsed.ok && parsed.name === 'draining') this.draining = parsed.message;
      this.notify();
    });
    this.protocol.start(options.transport === 'webrtc');
    this.timer = setInterval(() => this.tick(), ACK_INTERVAL_MS);
  }

  get timeToFirstFrameMs(): number | null {
    return this.firstFrameMs === null ? null : this.firstFrameMs - this.startedMs;
  }

  /** The transport the session streams over, as far as this viewer knows. */
  get transportInUse(): TransportKind | null {
    const transport = this.protocol.state.transport;
    // This viewer has no HTTP transport (httpTransport is off): the session never moves there.
    return transport === 'http' ? null : transport;
  }

  control(message: ControlMessage): void {
    this.tick();
    if (message.type === 'play') this.paused = false;
    if (message.type === 'pause') this.paused = true;
    if (message.type === 'speed') this.rate = message.rate;
    if (message.type === 'seek') {
      this.requestedFrame = Math.round(message.timeS * this.fps());
      this.protocol.dispatch({ type: 'seek', timeS: message.timeS });
    } else if (message.type === 'profile') this.protocol.dispatch({ type: 'request-profile', id: message.id });
    else if (message.type === 'transport') this.socket.emit('control', message);
    else this.protocol.dispatch({ type: 'clock' });
  }

  play(): void {
    this.control({ type: 'play' });
  }

  pause(): void {
    this.control({ type: 'pause' });
  }

  seek(timeS: number): void {
    this.control({ type: 'seek', timeS });
  }

  /** Resolves when `condition` holds, checked after every message and tick; rejects after timeoutMs. */
  waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        cleanup();
        resolve();
      };
      const timeout = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what} (epoch ${this.epoch}, received ${this.lastReceivedFrame}, playhead ${this.playhead.toFixed(1)}, transport ${this.transportInUse}, errors ${JSON.stringify(this.errors.slice(-3))})`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timeout);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  /** Frames of one epoch in arrival order. */
  framesOfEpoch(epoch: number): ReceivedFrame[] {
    return this.frames.filter((frame) => frame.epoch === epoch);
  }

  /**
   * Follows 'draining' as a page does: a fresh viewer on the node it names, joined at the frame
   * on this one's screen (its own playhead wins over the node's guess), playing if this one was;
   * this one closes. Null when it names no node (HTTP segments) or none came.
   */
  moveOnDrain(): { viewer: NodeStreamViewer; frame: number } | null {
    const draining = this.draining;
    if (draining === null || draining.moveTo.kind !== 'node') return null;
    const frame = this.playhead >= 0 ? Math.floor(this.playhead) : Math.max(0, draining.playheadFrame);
    const viewer = new NodeStreamViewer({ ...this.options, url: draining.moveTo.renderUrl, startS: frame / this.fps() });
    if (!this.paused) viewer.play();
    this.close();
    return { viewer, frame };
  }

  /** Drops the peer (as a network failure would) without telling the server. */
  breakPeer(): void {
    this.protocol.breakPeer();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.protocol.close();
    this.notify();
  }

  private fps(): number {
    return this.ready?.fps ?? BAKE_FPS;
  }

  /**
   * The viewer's playhead as the session reads a clock: where to join, resume and restart.
   * Between a new epoch and its first frame the viewer is where that epoch aims (its target).
   */
  private readClock(): ClockReading {
    const position = this.playhead >= 0 ? this.playhead : this.targetFrame;
    const timeS = this.ready === null ? this.options.startS : Math.max(0, position) / this.ready.fps;
    return { timeS, playing: !this.paused, rate: this.rate, shownFrame: this.playhead < 0 ? -1 : Math.floor(this.playhead) };
  }

  /** The target of an epoch known only from its first frame (a keyframe): what this viewer asked for, if that keyframe leads to it. */
  private guessTarget(keyframeIndex: number): number {
    const asked = this.requestedFrame;
    return asked !== null && asked >= keyframeIndex && asked < keyframeIndex + this.fps() ? asked : keyframeIndex;
  }

  /** A newer epoch (from a message or a frame, whichever arrives first) resets the buffer. */
  private adoptEpoch(epoch: number, targetFrame: number | null): void {
    if (epoch === this.epoch) return;
    this.epoch = epoch;
    this.loopRestartPending = false;
    this.targetFromNextFrame = targetFrame === null;
    this.targetFrame = targetFrame ?? this.targetFrame;
    this.lastReceivedFrame = -1;
    this.playhead = -1;
    this.ended = false;
  }

  private onFrame(frame: LabelledChunk, transport: TransportKind): void {
    if (this.closed) return;
    if (this.targetFromNextFrame) {
      this.targetFromNextFrame = false;
      this.targetFrame = this.guessTarget(frame.index);
    }
    const now = this.now();
    this.firstFrameMs ??= now;
    this.framesReceived++;
    this.bytesReceived += frame.data.byteLength;
    this.lastReceivedFrame = frame.index;
    if (frame.last) this.ended = true;
    if (this.options.recordFrames !== false) {
      this.frames.push({
        epoch: frame.epoch,
        frameIndex: frame.index,
        profile: profileIdAt(frame.profileIndex),
        key: frame.key,
        last: frame.last,
        bytes: frame.data.byteLength,
        transport,
        atMs: now,
        data: frame.data,
      });
    }
    // The first frame at or past the target goes on screen at once, even while paused.
    if (this.playhead < this.targetFrame && frame.index >= this.targetFrame) this.playhead = this.targetFrame;
    this.notify();
  }

  private tick(): void {
    if (this.closed) return;
    const now = this.now();
    const dt = (now - this.lastTickMs) / 1000;
    this.lastTickMs = now;
    const fps = this.fps();
    if (!this.paused && this.playhead >= this.targetFrame) {
      const wanted = this.playhead + dt * fps * this.rate;
      const next = Math.min(wanted, this.lastReceivedFrame);
      this.framesPlayed += Math.max(0, Math.floor(next) - Math.floor(this.playhead));
      this.playhead = next;
      const atEnd = this.ready !== null && Math.floor(this.playhead) >= this.ready.frameCount - 1;
      const stalled = wanted > this.lastReceivedFrame + 1e-6 && !atEnd;
      if (stalled && !this.stalledNow) this.stalls++;
      this.stalledNow = stalled;
      if (atEnd && this.options.loop === true && !this.loopRestartPending) {
        // Not through seek(): control() ticks first, and this tick would ask to restart again, without end.
        this.loopRestartPending = true;
        this.requestedFrame = 0;
        this.protocol.dispatch({ type: 'seek', timeS: 0 });
      }
    }
    if (this.ready !== null && this.epoch >= 0) {
      this.protocol.dispatch({
        type: 'progress',
        progress: {
          lastReceivedFrame: this.lastReceivedFrame,
          lastDecodedFrame: this.lastReceivedFrame,
          playheadFrame: this.playhead < 0 ? -1 : Math.floor(this.playhead),
          bufferAheadMs: Math.max(0, ((this.lastReceivedFrame - Math.max(this.playhead, this.targetFrame - 1)) / fps) * 1000),
        },
      });
    }
    this.notify();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
