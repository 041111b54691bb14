// A stream viewer in Node (socket.io-client + simple-peer + wrtc) that plays like the
// browser player without decoding: a playhead that advances at fps × rate over received
// frames, acks every 100 ms, falls back to the socket and resumes after a reconnect. The
// integration tests, the fuzz test and the stream bench use it; it can also probe a node.
import { createRequire } from 'node:module';
import SimplePeer from 'simple-peer';
import { io, type Socket } from 'socket.io-client';
import type { ProfileId } from '../bake/quality-profiles';
import {
  ACK_INTERVAL_MS,
  FrameAssembler,
  STREAM_PROTOCOL_VERSION,
  STREAM_SOCKET_PATH,
  WEBRTC_CONNECT_TIMEOUT_MS,
  profileIdAt,
  type BusyMessage,
  type ClientToServerEvents,
  type ControlMessage,
  type NotBakedMessage,
  type PeerSignal,
  type ReadyMessage,
  type RevisionGoneMessage,
  type ServerSignalMessage,
  type ServerToClientEvents,
  type StateMessage,
  type StreamCapabilities,
  type StreamErrorMessage,
  type StreamFrame,
  type TransportKind,
} from './stream-protocol';

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
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  ready: ReadyMessage | null = null;
  state: StateMessage | null = null;
  notBaked: NotBakedMessage | null = null;
  revisionGone: RevisionGoneMessage | null = null;
  busy: BusyMessage | null = null;
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
  transportInUse: TransportKind | null = null;

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
  private peer: SimplePeer.Instance | null = null;
  private peerId = 0;
  private readonly peerAssembler = new FrameAssembler();
  private readonly socketAssembler = new FrameAssembler();
  private readonly timer: NodeJS.Timeout;
  private fallbackTimer: NodeJS.Timeout | null = null;
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
    this.socket.on('connect', () => this.join());
    this.socket.on('ready', (message) => this.onReady(message));
    this.socket.on('state', (message) => this.onState(message));
    this.socket.on('not-baked', (message) => {
      this.notBaked = message;
      this.notify();
    });
    this.socket.on('revision-gone', (message) => {
      this.revisionGone = message;
      this.notify();
    });
    this.socket.on('busy', (message) => {
      this.busy = message;
      this.notify();
    });
    this.socket.on('error', (message) => {
      this.errors.push(message);
      this.notify();
    });
    this.socket.on('signal', (message) => this.onSignal(message));
    this.socket.on('frame', (message) => this.onFrameMessage(message, 'socket'));
    this.timer = setInterval(() => this.tick(), ACK_INTERVAL_MS);
  }

  get timeToFirstFrameMs(): number | null {
    return this.firstFrameMs === null ? null : this.firstFrameMs - this.startedMs;
  }

  control(message: ControlMessage): void {
    this.tick();
    if (message.type === 'play') this.paused = false;
    if (message.type === 'pause') this.paused = true;
    if (message.type === 'speed') this.rate = message.rate;
    if (message.type === 'seek') this.requestedFrame = Math.round(message.timeS * (this.ready?.fps ?? 30));
    this.socket.emit('control', message);
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
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (epoch ${this.epoch}, received ${this.lastReceivedFrame}, playhead ${this.playhead.toFixed(1)}, transport ${this.transportInUse}, errors ${JSON.stringify(this.errors.slice(-3))})`));
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

  /** Drops the peer (as a network failure would) without telling the server. */
  breakPeer(): void {
    this.peer?.destroy();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    if (this.fallbackTimer !== null) clearTimeout(this.fallbackTimer);
    this.peer?.destroy();
    this.peer = null;
    this.socket.disconnect();
    this.notify();
  }

  private join(): void {
    const resume = this.ready === null ? undefined : { sessionId: this.ready.sessionId, resumeToken: this.ready.resumeToken };
    const startS = this.ready === null ? this.options.startS : Math.max(0, this.playhead) / this.ready.fps;
    this.socket.emit('join', {
      protocolVersion: STREAM_PROTOCOL_VERSION,
      routeId: this.options.routeId,
      revision: this.options.revision,
      profile: this.options.profile,
      capabilities: this.options.capabilities ?? { webcodecsVp8: true, saveData: false, connectionType: 'ethernet' },
      transport: this.transportInUse ?? this.options.transport,
      ...(startS === undefined ? {} : { startS }),
      ...(resume === undefined ? {} : { resume }),
    });
  }

  private onReady(message: ReadyMessage): void {
    this.ready = message;
    this.rate = message.rate;
    this.paused = message.paused && this.paused;
    this.adoptEpoch(message.epoch, message.startFrame);
    if (message.transport === 'webrtc' && this.transportInUse !== 'socket') this.armFallback();
    this.notify();
  }

  private onState(message: StateMessage): void {
    this.state = message;
    this.adoptEpoch(message.epoch, message.targetFrame);
    this.targetFrame = message.targetFrame;
    this.transportInUse = message.transport === 'none' ? this.transportInUse : message.transport;
    this.notify();
  }

  /** The target of an epoch known only from its first frame (a keyframe): what this viewer asked for, if that keyframe leads to it. */
  private guessTarget(keyframeIndex: number): number {
    const fps = this.ready?.fps ?? 30;
    const asked = this.requestedFrame;
    return asked !== null && asked >= keyframeIndex && asked < keyframeIndex + fps ? asked : keyframeIndex;
  }

  /** A newer epoch (from a message or a frame, whichever arrives first) resets the buffer. */
  private adoptEpoch(epoch: number, targetFrame: number): void {
    if (epoch === this.epoch) return;
    if (this.epoch >= 0 && ((epoch - this.epoch) & 0xffff) >= 0x8000) return;
    this.epoch = epoch;
    this.targetFrame = targetFrame;
    this.lastReceivedFrame = -1;
    this.playhead = -1;
    this.ended = false;
    this.peerAssembler.reset();
    this.socketAssembler.reset();
  }

  private armFallback(): void {
    const afterMs = this.options.fallbackAfterMs === undefined ? WEBRTC_CONNECT_TIMEOUT_MS : this.options.fallbackAfterMs;
    if (afterMs === null || this.fallbackTimer !== null) return;
    this.fallbackTimer = setTimeout(() => {
      this.fallbackTimer = null;
      if (this.closed || this.peer?.connected === true) return;
      this.transportInUse = 'socket';
      this.askForTransport('socket');
    }, afterMs);
  }

  private askForTransport(transport: TransportKind): void {
    const playheadFrame = Math.max(0, Math.floor(this.playhead));
    this.requestedFrame = playheadFrame;
    this.socket.emit('control', { type: 'transport', transport, playheadFrame });
  }

  private onSignal(message: ServerSignalMessage): void {
    if (this.closed || this.options.blockWebRtc === true) return;
    if (message.peerId !== this.peerId || this.peer === null) {
      this.peer?.destroy();
      this.peerId = message.peerId;
      const peerId = message.peerId;
      const peer = new SimplePeer({ initiator: false, trickle: true, wrtc: wrtc(), config: { iceServers: this.ready?.iceServers ?? [] } });
      this.peer = peer;
      this.peerAssembler.reset();
      peer.on('signal', (data) => this.socket.emit('signal', { peerId, data: data as unknown as PeerSignal }));
      peer.on('connect', () => {
        this.peerConnectedMs ??= this.now();
        this.transportInUse = 'webrtc';
        this.notify();
      });
      peer.on('data', (data: Uint8Array) => this.onFrameMessage(data, 'webrtc'));
      peer.on('error', () => {});
      peer.on('close', () => {
        if (this.peer !== peer) return;
        this.peer = null;
        // The player's recovery: a fresh peer; the server resumes at the playhead's keyframe.
        if (!this.closed && this.transportInUse === 'webrtc' && this.socket.connected) this.askForTransport('webrtc');
        this.notify();
      });
    }
    this.peer!.signal(message.data as SimplePeer.SignalData);
  }

  private onFrameMessage(message: ArrayBuffer | Uint8Array, transport: TransportKind): void {
    if (this.closed) return;
    const frame = (transport === 'webrtc' ? this.peerAssembler : this.socketAssembler).push(message);
    if (frame !== null) this.onFrame(frame, transport);
  }

  private onFrame(frame: StreamFrame, transport: TransportKind): void {
    this.adoptEpoch(frame.epoch, this.guessTarget(frame.frameIndex));
    if (frame.epoch !== this.epoch) return;
    const now = this.now();
    this.firstFrameMs ??= now;
    this.framesReceived++;
    this.bytesReceived += frame.data.byteLength;
    this.lastReceivedFrame = frame.frameIndex;
    if (frame.last) this.ended = true;
    if (this.options.recordFrames !== false) {
      this.frames.push({ epoch: frame.epoch, frameIndex: frame.frameIndex, profile: profileIdAt(frame.profileIndex), key: frame.key, last: frame.last, bytes: frame.data.byteLength, transport, atMs: now, data: frame.data });
    }
    // The first frame at or past the target goes on screen at once, even while paused.
    if (this.playhead < this.targetFrame && frame.frameIndex >= this.targetFrame) this.playhead = this.targetFrame;
    this.notify();
  }

  private tick(): void {
    if (this.closed) return;
    const now = this.now();
    const dt = (now - this.lastTickMs) / 1000;
    this.lastTickMs = now;
    const fps = this.ready?.fps ?? 30;
    if (!this.paused && this.playhead >= this.targetFrame) {
      const wanted = this.playhead + dt * fps * this.rate;
      const next = Math.min(wanted, this.lastReceivedFrame);
      this.framesPlayed += Math.max(0, Math.floor(next) - Math.floor(this.playhead));
      this.playhead = next;
      const atEnd = this.ready !== null && Math.floor(this.playhead) >= this.ready.frameCount - 1;
      const stalled = wanted > this.lastReceivedFrame + 1e-6 && !atEnd;
      if (stalled && !this.stalledNow) this.stalls++;
      this.stalledNow = stalled;
      if (atEnd && this.options.loop === true) this.seek(0);
    }
    if (this.ready !== null && this.epoch >= 0 && this.socket.connected) {
      const playheadFrame = this.playhead < 0 ? -1 : Math.floor(this.playhead);
      this.socket.emit('ack', {
        epoch: this.epoch,
        lastReceivedFrame: this.lastReceivedFrame,
        lastDecodedFrame: this.lastReceivedFrame,
        playheadFrame,
        bufferAheadMs: Math.max(0, ((this.lastReceivedFrame - Math.max(this.playhead, this.targetFrame - 1)) / fps) * 1000),
      });
    }
    this.notify();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
