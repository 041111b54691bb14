// The stream protocol client: runs the session reducer against a socket.io socket and a
// WebRTC peer, and hands frames and epoch changes to whoever plays them. Shared by the
// browser's CloudStreamClient (simple-peer on the page's RTCPeerConnection) and the Node
// test viewer (simple-peer on @roamhq/wrtc): only the socket, the peer factory and the
// media side differ. Every decision is the reducer's; this file only does what it says.
import type { Socket } from 'socket.io-client';
import { ChunkAssembler } from '@/scenes/protocol/chunk-assembler';
import type { LabelledChunk } from '@/scenes/protocol/chunk-codec';
import type { ClientToServerEvents } from '@/scenes/protocol/client-messages';
import { parseServerMessage, type IceServerConfig, type ServerMessage, type ServerToClientEvents } from '@/scenes/protocol/server-messages';
import type { TransportKind } from '@/scenes/protocol/stream-fields';
import type { PeerLinkEvents } from '../peer-link';
import { nextDeadlineMs, reduceSession } from './session-reducer';
import type {
  ClockReading,
  HttpPlan,
  MediaSession,
  SessionCommand,
  SessionEventBody,
  SessionState,
  ServerEventName,
} from './session-state';

export type StreamSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The parts of a peer (PeerLink) the client uses. */
export interface StreamPeer {
  readonly peerId: number;
  readonly connected: boolean;
  signal(data: unknown): void;
  destroy(): void;
}

export type PeerFactory = (peerId: number, iceServers: readonly IceServerConfig[], events: PeerLinkEvents) => StreamPeer;

/** The side that plays what arrives: a decoder and a canvas, or a counting playhead. */
export interface StreamMedia {
  /** A new session (first ready or resume). */
  session(media: MediaSession): void;
  /** A new epoch: drop what is queued. The target is known when a message named the epoch. */
  epoch(epoch: number, targetFrame: number | null): void;
  seek(targetFrame: number, flush: boolean): void;
  frame(frame: LabelledChunk, transport: TransportKind): void;
  /** Every frame message as it arrives (before reassembly), for throughput. */
  bytes?(byteLength: number, nowMs: number): void;
}

export interface StreamProtocolClientOptions {
  socket: StreamSocket;
  initialState: SessionState;
  createPeer: PeerFactory;
  media: StreamMedia;
  readClock: () => ClockReading;
  now: () => number;
  onChange?: (state: SessionState) => void;
  /** Every valid server message, after the session took it in. */
  onServerMessage?: (message: ServerMessage) => void;
  /** Every message sent to the server. */
  onSent?: (command: Extract<SessionCommand, { type: 'emit' }>) => void;
  onPeerConnected?: () => void;
  /** The session moves to HTTP segments (the browser fetches them; the Node viewer has no HTTP transport). */
  openHttp?: (plan: HttpPlan) => void;
  /** A socket to another render node (a drain names it); needed where the config follows drains to a node. */
  openSocket?: (renderUrl: string) => StreamSocket;
}

const SERVER_EVENTS: readonly ServerEventName[] = [
  'ready',
  'not-baked',
  'revision-gone',
  'busy',
  'error',
  'signal',
  'state',
  'http-segments',
  'draining',
];

export class StreamProtocolClient {
  #socket: StreamSocket;
  readonly #options: StreamProtocolClientOptions;
  #state: SessionState;
  #peer: StreamPeer | null = null;
  readonly #assemblers: Record<TransportKind, ChunkAssembler> = { webrtc: new ChunkAssembler(), socket: new ChunkAssembler() };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAtMs: number | null = null;

  constructor(options: StreamProtocolClientOptions) {
    this.#options = options;
    this.#socket = options.socket;
    this.#state = options.initialState;
  }

  /** The socket to the node now streaming (replaced when a drain moves the session). */
  get socket(): StreamSocket {
    return this.#socket;
  }

  get state(): SessionState {
    return this.#state;
  }

  get peer(): StreamPeer | null {
    return this.#peer;
  }

  start(webrtcAvailable: boolean): void {
    this.#listen(this.#socket);
    this.dispatch({ type: 'start', webrtcAvailable });
    if (this.#socket.connected) this.dispatch({ type: 'socket-connected' });
  }

  #listen(socket: StreamSocket): void {
    socket.on('connect', () => this.dispatch({ type: 'socket-connected' }));
    socket.on('disconnect', (reason) => this.dispatch({ type: 'socket-disconnected', reason }));
    socket.on('connect_error', (error) => this.dispatch({ type: 'socket-connect-error', message: error.message }));
    for (const event of SERVER_EVENTS) {
      socket.on(event, (payload: unknown) => this.#onServerEvent(event, payload));
    }
    socket.on('frame', (message) => this.#onFrameMessage('socket', message));
  }

  dispatch(body: SessionEventBody): void {
    const before = this.#state;
    if (before.phase === 'closed') return;
    const { state, commands } = reduceSession(before, { ...body, nowMs: this.#options.now(), clock: this.#options.readClock() } as never);
    this.#state = state;
    for (const command of commands) this.#run(command);
    if (state !== before) {
      this.#armTimer();
      this.#options.onChange?.(state);
    }
  }

  /** Drops the peer as a network failure would, without telling the server (tests). */
  breakPeer(): void {
    this.#peer?.destroy();
  }

  close(): void {
    this.dispatch({ type: 'close' });
  }

  #onServerEvent(event: ServerEventName, payload: unknown): void {
    this.dispatch({ type: 'server-message', event, payload });
    if (this.#options.onServerMessage === undefined) return;
    const parsed = parseServerMessage(event, payload);
    if (parsed.ok) this.#options.onServerMessage(parsed);
  }

  #onFrameMessage(transport: TransportKind, message: ArrayBuffer | Uint8Array): void {
    if (this.#state.phase === 'closed' || this.#state.session === null) return;
    this.#options.media.bytes?.(message.byteLength, this.#options.now());
    let frames: LabelledChunk[];
    try {
      frames = this.#assemblers[transport].pushPacked(message);
    } catch {
      // A malformed message is dropped; the next keyframe starts a clean run.
      return;
    }
    for (const frame of frames) this.dispatch({ type: 'frame', transport, frame });
  }

  #run(command: SessionCommand): void {
    const media = this.#options.media;
    switch (command.type) {
      case 'emit':
        (this.socket.emit as (event: string, message: unknown) => void)(command.event, command.message);
        this.#options.onSent?.(command);
        return;
      case 'connect-socket':
        this.socket.connect();
        return;
      case 'close-socket':
        clearTimeout(this.#timer);
        // Re-armed after this step if the session still has a deadline (a move to HTTP keeps its first-frame one).
        this.#timerAtMs = null;
        this.socket.removeAllListeners();
        this.socket.disconnect();
        return;
      case 'move-socket': {
        if (this.#options.openSocket === undefined) throw new Error('move-socket: this client opens no socket to another node');
        this.#socket.removeAllListeners();
        this.#socket.disconnect();
        this.#assemblers.socket.reset();
        this.#socket = this.#options.openSocket(command.renderUrl);
        this.#listen(this.#socket);
        return;
      }
      case 'open-peer':
        this.#openPeer(command.peerId, command.iceServers);
        return;
      case 'signal-peer':
        if (this.#peer?.peerId === command.peerId) this.#peer.signal(command.data);
        return;
      case 'destroy-peer': {
        const peer = this.#peer;
        this.#peer = null;
        peer?.destroy();
        return;
      }
      case 'reset-assembler':
        this.#assemblers[command.transport].reset();
        return;
      case 'media-session':
        media.session(command.media);
        return;
      case 'media-epoch':
        this.#assemblers.webrtc.reset();
        this.#assemblers.socket.reset();
        media.epoch(command.epoch, command.targetFrame);
        return;
      case 'media-seek':
        media.seek(command.targetFrame, command.flush);
        return;
      case 'deliver-frame':
        media.frame(command.frame, command.transport);
        return;
      case 'open-http':
        this.#options.openHttp?.(command.http);
        return;
    }
  }

  #openPeer(peerId: number, iceServers: readonly IceServerConfig[]): void {
    this.#peer?.destroy();
    this.#assemblers.webrtc.reset();
    const peer = this.#options.createPeer(peerId, iceServers, {
      signal: (data) => this.dispatch({ type: 'peer-signal-out', peerId, data }),
      connect: () => {
        this.dispatch({ type: 'peer-connected', peerId });
        this.#options.onPeerConnected?.();
      },
      data: (bytes) => {
        if (this.#peer === peer) this.#onFrameMessage('webrtc', bytes);
      },
      closed: (reason) => {
        if (this.#peer !== peer) return;
        this.#peer = null;
        this.dispatch({ type: 'peer-closed', peerId, reason });
      },
    });
    this.#peer = peer;
  }

  #armTimer(): void {
    const atMs = nextDeadlineMs(this.#state);
    if (atMs === this.#timerAtMs) return;
    clearTimeout(this.#timer);
    this.#timerAtMs = atMs;
    if (atMs === null) return;
    this.#timer = setTimeout(
      () => {
        this.#timerAtMs = null;
        this.dispatch({ type: 'timer' });
        this.#armTimer();
      },
      Math.max(0, atMs - this.#options.now()),
    );
  }
}
