// Streaming signalling on the render server's HTTP server: socket.io with an origin
// allow-list, 64 KiB messages, per-socket rate limits and strict schemas for every
// message; caps on concurrent sessions, and per remote address (beyond this machine) on
// sockets and sessions, so one client cannot take them all; sockets that never join are closed; one simple-peer (wrtc)
// per viewer, or the socket.io fallback; sessions that outlive a reconnect for a grace period.
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import type SimplePeer from 'simple-peer';
import { Server } from 'socket.io';
import {
  parseClientMessage,
  type ClientEventName,
  type ClientToServerEvents,
  type ControlMessage,
  type JoinMessage,
  type SignalMessage,
} from '@/scenes/protocol/client-messages';
import type { DrainTarget } from '@/scenes/protocol/drain-messages';
import type { ServerToClientEvents, StreamErrorCode } from '@/scenes/protocol/server-messages';
import { MAX_MESSAGE_BYTES, STREAM_SOCKET_PATH } from '@/scenes/protocol/stream-limits';
import { clientAddressOf, isLoopbackAddress, requestClientAddress } from '../http/peer-address';
import { silentLogger, type Logger } from '../log';
import type { MetricsRegistry } from '../metrics';
import type { BakedRouteSource } from './baked-route-source';
import { bakeProgressRoom, isBakeProgressRoom } from './bake-progress-room';
import type { IceServerSettings } from './ice-servers';
import { httpHandoffReason, httpSegmentsMessage, type StreamTransportMode } from './http-handoff';
import { SessionBindings, type SessionBinding, type TypedSocket } from './session-bindings';
import { allowedProfiles, chooseProfile } from './stream-profile-rules';
import { StreamDrain, type DrainOutcome } from './stream-drain';
import { StreamSession, type StreamCounters } from './stream-session';
import { TokenBucket } from './token-bucket';

/** A viewer told 'busy' may try again after this long. */
export const BUSY_RETRY_AFTER_MS = 5_000;
/** A page holds one socket; a few tabs or a household behind one NAT share an address. */
export const DEFAULT_MAX_SOCKETS_PER_ADDRESS = 8;
export const DEFAULT_MAX_SESSIONS_PER_ADDRESS = 4;
/** Longer than any wait between a viewer's joins ('busy' and 'not-baked' retries), so only idle sockets are closed. */
export const DEFAULT_IDLE_SOCKET_MS = 60_000;

/** Messages per socket: acks at 10/s, stats at 1/s, a burst of ICE candidates and seeks while scrubbing. */
const MESSAGE_BURST = 60;
const MESSAGES_PER_S = 30;
/** Violations (over the rate, invalid, unknown) a socket may commit before it is cut off. */
const STRIKE_BURST = 30;
const STRIKES_FORGIVEN_PER_S = 1;
/** Error replies per socket: a flood of bad messages must not become a flood of replies. */
const ERROR_REPLY_BURST = 20;
const ERROR_REPLIES_PER_S = 5;

export interface StreamSignallingOptions {
  source: BakedRouteSource;
  allowedOrigins: readonly string[];
  maxSessions: number;
  /** Sockets one remote address may hold at once; one more is refused at the handshake. Loopback peers are exempt. */
  maxSocketsPerAddress?: number;
  /** Stream sessions one remote address may hold at once (those waiting for a reconnect included). */
  maxSessionsPerAddress?: number;
  /** A socket with no stream that has not asked for one for this long is closed. */
  idleSocketMs?: number;
  /** Reverse proxies whose X-Forwarded-For names the client (default 0: the socket's peer is the client). */
  trustedProxyHops?: number;
  resumeGraceMs: number;
  ice: IceServerSettings;
  metrics: MetricsRegistry;
  /** The node's wrtc implementation; loaded lazily so a node without it still serves the socket fallback. */
  wrtc?: SimplePeer.Options['wrtc'];
  targetAheadMs?: number;
  /** auto (default): HTTP segments beyond the cap; http: every join; webrtc: never ('busy' at the cap). */
  transportMode?: StreamTransportMode;
  /** The public base URL of /bakes and /segments (a CDN); unset: this node's own. */
  segmentBaseUrl?: string;
  /** Called as a stream session starts on this node (not for viewers sent to HTTP segments): the bake holds for it. */
  onStreamStart?: () => void;
  /** Each socket logs through a child carrying its id (and its stream session's, once it has one). */
  log?: Logger;
}

export interface StreamSignalling {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents>;
  sessionCount(): number;
  peerCount(): number;
  readonly counters: StreamCounters;
  /** Whether a drain has begun: new viewers are refused. */
  isDraining(): boolean;
  /** Refuses new viewers, tells each viewer 'draining' with where to go (targets in turn, then HTTP), and waits (at most closeAfterMs) for them to leave. */
  drain(targets: readonly DrainTarget[], closeAfterMs: number): Promise<DrainOutcome>;
  close(): Promise<void>;
}

export function attachStreamSignalling(httpServer: http.Server, options: StreamSignallingOptions): StreamSignalling {
  const log = options.log ?? silentLogger();
  const allowed = new Set(options.allowedOrigins);
  const maxSocketsPerAddress = options.maxSocketsPerAddress ?? DEFAULT_MAX_SOCKETS_PER_ADDRESS;
  const maxSessionsPerAddress = options.maxSessionsPerAddress ?? DEFAULT_MAX_SESSIONS_PER_ADDRESS;
  const idleSocketMs = options.idleSocketMs ?? DEFAULT_IDLE_SOCKET_MS;
  const trustedProxyHops = options.trustedProxyHops ?? 0;
  /** engine.io connections open per address, counted from open to close. */
  const socketsByAddress = new Map<string, number>();
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    path: STREAM_SOCKET_PATH,
    serveClient: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    cors: { origin: [...allowed], methods: ['GET', 'POST'] },
    // Browsers do not apply CORS to WebSockets: check the Origin of every handshake. A
    // request without one is not from a page (a Node viewer, a probe) and cannot ride on
    // a visitor's browser, so it is let in; any page origin must be on the list.
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      if (origin !== undefined && !allowed.has(origin)) {
        callback('origin not allowed', false);
        return;
      }
      // Upgrades of an open connection are no new socket; a handshake is.
      const isHandshake = new URL(request.url ?? '/', 'http://stream.invalid').searchParams.get('sid') === null;
      const address = requestClientAddress(request, trustedProxyHops);
      const open = socketsByAddress.get(address) ?? 0;
      if (isHandshake && !isLoopbackAddress(address) && open >= maxSocketsPerAddress) {
        refusedSockets++;
        callback(`at most ${maxSocketsPerAddress} connections per address`, false);
        return;
      }
      callback(null, true);
    },
  });
  io.engine.on('connection', (connection: { request: http.IncomingMessage; once(event: 'close', listener: () => void): void }) => {
    const key = requestClientAddress(connection.request, trustedProxyHops);
    socketsByAddress.set(key, (socketsByAddress.get(key) ?? 0) + 1);
    connection.once('close', () => {
      const left = (socketsByAddress.get(key) ?? 1) - 1;
      if (left > 0) socketsByAddress.set(key, left);
      else socketsByAddress.delete(key);
    });
  });

  const bindings = new SessionBindings({
    ice: options.ice,
    resumeGraceMs: options.resumeGraceMs,
    maxSessionsPerAddress,
    wrtc: options.wrtc,
    segmentBaseUrl: options.segmentBaseUrl,
  });
  const counters: StreamCounters = { bytesSent: 0, framesSent: 0, stalls: 0 };
  let busyReplies = 0;
  let httpHandoffs = 0;
  const transportMode = options.transportMode ?? 'auto';
  let refusedSockets = 0;
  let idleSocketsClosed = 0;
  let rejectedMessages = 0;
  let drain: StreamDrain | null = null;

  options.metrics.collected(
    'yunshan_stream_sessions',
    'Stream sessions held by this node (streaming or waiting for a reconnect).',
    'gauge',
    () => [{ value: bindings.size }],
  );
  options.metrics.collected('yunshan_stream_peers', 'WebRTC peers open on this node.', 'gauge', () => [{ value: bindings.peers }]);
  const counterMetrics: [name: string, help: string, read: () => number][] = [
    ['yunshan_stream_bytes_sent_total', 'Frame bytes sent to viewers, headers included.', () => counters.bytesSent],
    ['yunshan_stream_frames_sent_total', 'Frames sent to viewers.', () => counters.framesSent],
    ['yunshan_stream_stalls_total', 'Times a playing viewer reported an empty buffer.', () => counters.stalls],
    ['yunshan_stream_busy_total', 'Joins refused because the node was at its session cap.', () => busyReplies],
    ['yunshan_stream_http_handoffs_total', 'Joins handed to HTTP segments instead of a stream of their own.', () => httpHandoffs],
    ['yunshan_stream_refused_sockets_total', 'Socket handshakes refused because their address held its cap.', () => refusedSockets],
    ['yunshan_stream_idle_sockets_closed_total', 'Sockets closed because they never asked for a stream.', () => idleSocketsClosed],
    ['yunshan_stream_rejected_messages_total', 'Signalling messages refused (invalid, unknown or over the rate).', () => rejectedMessages],
  ];
  for (const [name, help, read] of counterMetrics) options.metrics.collected(name, help, 'counter', () => [{ value: read() }]);

  io.on('connection', (rawSocket) => {
    const socket = rawSocket as TypedSocket;
    const messages = new TokenBucket(MESSAGE_BURST, MESSAGES_PER_S);
    const strikes = new TokenBucket(STRIKE_BURST, STRIKES_FORGIVEN_PER_S);
    const errorReplies = new TokenBucket(ERROR_REPLY_BURST, ERROR_REPLIES_PER_S);
    let binding: SessionBinding | null = null;
    let joining = false;
    const address = clientAddressOf(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], trustedProxyHops);
    let idleTimer: NodeJS.Timeout | null = null;
    const socketLog = log.child({ socketId: socket.id });
    /** This socket's logger, with its stream session once it has joined one. */
    const connectionLog = () => (binding === null ? socketLog : socketLog.child({ sessionId: binding.session.id }));
    /** (Re)starts the idle clock; it closes the socket only if it still has no stream when it runs out. */
    const armIdle = () => {
      if (idleTimer !== null) clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        // A join in progress re-arms the clock when it ends without a stream.
        if (binding !== null || joining) return;
        idleSocketsClosed++;
        socket.disconnect(true);
      }, idleSocketMs);
    };
    armIdle();

    const reply = (code: StreamErrorCode, message: string) => {
      if (errorReplies.take()) socket.emit('error', { code, message });
    };
    const refuse = (code: StreamErrorCode, message: string) => {
      rejectedMessages++;
      reply(code, message);
      if (!strikes.take()) {
        connectionLog().warn('disconnecting: too many refused messages');
        socket.disconnect(true);
      }
    };

    const handlers: { [E in ClientEventName]: (message: Parameters<ClientToServerEvents[E]>[0]) => void | Promise<void> } = {
      join: (message) => join(message),
      signal: (message) => signal(message),
      control: (message) => control(message),
      ack: (message) => {
        binding?.session.ack(message);
      },
      stats: () => {
        // Validated for the rate limit's sake; the overlay's figures stay with the client.
      },
    };

    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (!messages.take()) {
        refuse('rate-limited', `more than ${MESSAGES_PER_S} messages a second`);
        return;
      }
      const parsed = parseClientMessage(event, args);
      if (!parsed.ok) {
        refuse(parsed.code, parsed.reason);
        return;
      }
      const { name, message } = parsed;
      if (name !== 'join' && binding === null) {
        refuse('not-joined', `send join before ${name}`);
        return;
      }
      try {
        const handler = handlers[name] as (message: unknown) => void | Promise<void>;
        void Promise.resolve(handler(message)).catch((error: unknown) => {
          connectionLog().error({ err: error }, `${name} failed`);
          reply('internal', 'the server could not handle that message');
        });
      } catch (error) {
        connectionLog().error({ err: error }, `${name} failed`);
        reply('internal', 'the server could not handle that message');
      }
    });

    socket.on('disconnect', () => {
      if (idleTimer !== null) clearTimeout(idleTimer);
      // While draining, a viewer that leaves has moved on: its session need not wait for a reconnect.
      if (binding !== null && binding.socket === socket) {
        if (drain !== null) bindings.endSession(binding);
        else bindings.detachSocket(binding);
      }
      binding = null;
    });

    function busy(reason: string): void {
      busyReplies++;
      socket.emit('busy', { retryAfterMs: BUSY_RETRY_AFTER_MS, reason });
    }

    async function join(message: JoinMessage): Promise<void> {
      if (joining) {
        refuse('invalid-message', 'a join is already in progress');
        return;
      }
      joining = true;
      armIdle();
      for (const room of socket.rooms) if (isBakeProgressRoom(room)) void socket.leave(room);
      try {
        const resumed = message.resume === undefined ? null : bindings.findResumable(message.resume, message.routeId, message.revision);
        if (binding !== null && binding !== resumed) {
          // A new join replaces this socket's session (another route, or a fresh start).
          bindings.endSession(binding);
          binding = null;
        }
        if (resumed !== null) {
          const previousSocket = resumed.socket;
          if (previousSocket !== null && previousSocket !== socket) previousSocket.disconnect(true);
          bindings.bindSocket(resumed, socket);
          binding = resumed;
          const { session } = resumed;
          session.restartAtPlayhead(message.startS === undefined ? undefined : message.startS * session.route.fps);
          socket.emit('ready', bindings.readyMessage(session, true, message.transport));
          bindings.switchTransport(resumed, socket, message.transport);
          if (drain !== null) socket.emit('draining', drain.messageFor(resumed));
          return;
        }
        if (drain !== null) {
          busy('this node is shutting down (draining)');
          return;
        }
        const atCap = () => bindings.size >= options.maxSessions;
        const capReason = `this node streams to at most ${options.maxSessions} viewers at once`;
        if (atCap() && httpHandoffReason(transportMode, true) === null) return busy(capReason);
        const lookup = await options.source.lookup(message.routeId, message.revision);
        if (!socket.connected) return;
        if (lookup.kind === 'unknown') {
          reply('unknown-route', `no published route ${message.routeId}`);
          return;
        }
        if (lookup.kind === 'not-baked') {
          void socket.join(bakeProgressRoom(message.routeId, message.revision));
          socket.emit('not-baked', lookup.progress);
          return;
        }
        if (lookup.kind === 'revision-gone') {
          socket.emit('revision-gone', lookup.gone);
          return;
        }
        const profiles = allowedProfiles(lookup.route, message);
        const profile = chooseProfile(profiles, message);
        if (profile === null) {
          reply(
            'profile-unavailable',
            message.capabilities.webcodecsVp8
              ? 'no profile of this route is baked yet'
              : 'this route has no JPEG profile baked, and this browser cannot decode VP8',
          );
          return;
        }
        // Checked after the lookup: other joins may have filled the node while this one read manifests.
        // Beyond the cap (or always, if the operator says so) the viewer plays the same bake over HTTP.
        const handoff = httpHandoffReason(transportMode, atCap());
        if (handoff !== null) {
          httpHandoffs++;
          socket.emit('http-segments', httpSegmentsMessage(lookup.route, profiles, handoff, options.segmentBaseUrl));
          return;
        }
        if (atCap()) return busy(capReason);
        if (!bindings.makeRoomForAddress(address)) return busy(`one address may hold at most ${maxSessionsPerAddress} streams at once`);
        const session = new StreamSession({
          id: randomBytes(16).toString('base64url'),
          resumeToken: randomBytes(32).toString('base64url'),
          route: lookup.route,
          source: options.source,
          profiles,
          profile,
          startS: message.startS ?? 0,
          packedFrames: message.capabilities.packedFrames === true,
          counters,
          targetAheadMs: options.targetAheadMs,
        });
        const created = bindings.add(session, address, socket);
        binding = created;
        options.onStreamStart?.();
        socket.emit('ready', bindings.readyMessage(session, false, message.transport));
        bindings.switchTransport(created, socket, message.transport);
      } finally {
        joining = false;
        // A join that left no stream (not baked yet, busy) starts the idle clock again.
        if (binding === null) armIdle();
      }
    }

    function signal(message: SignalMessage): void {
      const current = binding;
      if (current === null) return;
      try {
        bindings.signal(current, message.peerId, message.data);
      } catch (error) {
        reply('invalid-message', `signal refused: ${(error as Error).message}`);
      }
    }

    function control(message: ControlMessage): void {
      const current = binding;
      if (current === null) return;
      if (message.type === 'transport') {
        if (message.playheadFrame !== undefined) current.session.notePlayhead(message.playheadFrame);
        bindings.switchTransport(current, socket, message.transport);
      } else current.session.control(message);
    }
  });

  return {
    io,
    counters,
    sessionCount: () => bindings.size,
    peerCount: () => bindings.peers,
    isDraining: () => drain !== null,
    async drain(targets, closeAfterMs) {
      if (drain !== null) throw new Error('this node is already draining');
      drain = new StreamDrain(targets, closeAfterMs);
      return drain.run(bindings);
    },
    async close() {
      for (const binding of bindings.all()) bindings.endSession(binding);
      io.disconnectSockets(true);
      // Closes engine.io's clients but, unlike io.close(), leaves the HTTP server to its owner.
      io.engine.close();
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
  };
}
