// The stream sessions a render node holds, and what ties each to its viewer: the socket it
// answers on, its current WebRTC peer (simple-peer over wrtc) or the socket.io fallback,
// and the grace period a session outlives its socket by so a reconnect can resume it.
import { timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import SimplePeer from 'simple-peer';
import type { Socket } from 'socket.io';
import type { ClientToServerEvents, PeerSignal } from '@/scenes/protocol/client-messages';
import type { ReadyMessage, ServerSignalMessage, ServerToClientEvents } from '@/scenes/protocol/server-messages';
import { SocketFrameTransport } from './frame-transport';
import { MessagePacker } from './message-packer';
import { MAX_MESSAGE_BYTES } from '@/scenes/protocol/stream-limits';
import { httpManifestRefs } from './http-handoff';
import { iceServersFor, type IceServerSettings } from './ice-servers';
import { isLoopbackAddress } from '../http/peer-address';
import { profileSummary } from './stream-profile-rules';
import type { StreamSession } from './stream-session';
import { WebRtcFrameTransport } from './webrtc-frame-transport';

/** A data channel that has not opened by then is given up; the client falls back to the socket well before. */
export const PEER_CONNECT_TIMEOUT_MS = 15_000;

export type TypedSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** A session and what ties it to a viewer: the socket it answers on and its current peer. */
export interface SessionBinding {
  session: StreamSession;
  /** The remote address that opened it: per-address caps count sessions by it. */
  address: string;
  socket: TypedSocket | null;
  peer: SimplePeer.Instance | null;
  peerId: number;
  peerTimer: NodeJS.Timeout | null;
  graceTimer: NodeJS.Timeout | null;
}

export interface SessionBindingsOptions {
  ice: IceServerSettings;
  resumeGraceMs: number;
  maxSessionsPerAddress: number;
  /** The node's wrtc implementation; loaded lazily so a node without it still serves the socket fallback. */
  wrtc?: SimplePeer.Options['wrtc'];
  /** Where viewers fetch segments over HTTP (a CDN in front of the nodes); unset: this node's own /bakes paths. */
  segmentBaseUrl?: string;
}

let cachedWrtc: SimplePeer.Options['wrtc'] | undefined;
function loadWrtc(): SimplePeer.Options['wrtc'] {
  // A native module: required on first use, so importing this file never needs it.
  cachedWrtc ??= createRequire(import.meta.url)('@roamhq/wrtc') as SimplePeer.Options['wrtc'];
  return cachedWrtc;
}

/** A packer for a viewer that reads packed messages: up to the largest message a viewer accepts. */
function packerFor(session: StreamSession): MessagePacker | null {
  return session.packedFrames ? new MessagePacker(MAX_MESSAGE_BYTES) : null;
}

export class SessionBindings {
  private readonly bindings = new Map<string, SessionBinding>();
  /** WebRTC peers open now. */
  peers = 0;

  constructor(private readonly options: SessionBindingsOptions) {}

  get size(): number {
    return this.bindings.size;
  }

  all(): SessionBinding[] {
    return [...this.bindings.values()];
  }

  add(session: StreamSession, address: string, socket: TypedSocket): SessionBinding {
    const binding: SessionBinding = { session, address, socket: null, peer: null, peerId: 0, peerTimer: null, graceTimer: null };
    this.bindings.set(session.id, binding);
    this.bindSocket(binding, socket);
    return binding;
  }

  destroyPeer(binding: SessionBinding): void {
    if (binding.peerTimer !== null) clearTimeout(binding.peerTimer);
    binding.peerTimer = null;
    const peer = binding.peer;
    binding.peer = null;
    if (peer !== null && !peer.destroyed) peer.destroy();
  }

  endSession(binding: SessionBinding): void {
    if (binding.graceTimer !== null) clearTimeout(binding.graceTimer);
    binding.graceTimer = null;
    this.destroyPeer(binding);
    binding.session.close();
    this.bindings.delete(binding.session.id);
  }

  switchTransport(binding: SessionBinding, socket: TypedSocket, kind: 'webrtc' | 'socket'): void {
    if (kind === 'socket') {
      this.destroyPeer(binding);
      binding.session.attachTransport(new SocketFrameTransport(socket, packerFor(binding.session)));
    } else {
      // The old transport stops now; frames resume from a keyframe once the new channel opens.
      binding.session.detachTransport();
      this.openPeer(binding);
    }
  }

  bindSocket(binding: SessionBinding, socket: TypedSocket): void {
    if (binding.graceTimer !== null) clearTimeout(binding.graceTimer);
    binding.graceTimer = null;
    binding.socket = socket;
    binding.session.listener = {
      state: (message) => binding.socket?.emit('state', message),
      error: (message) => binding.socket?.emit('error', message),
    };
  }

  detachSocket(binding: SessionBinding): void {
    binding.socket = null;
    binding.session.listener = null;
    this.destroyPeer(binding);
    binding.session.detachTransport();
    if (this.options.resumeGraceMs <= 0) {
      this.endSession(binding);
      return;
    }
    binding.graceTimer = setTimeout(() => this.endSession(binding), this.options.resumeGraceMs);
  }

  /** Passes a viewer's signal to the peer it names; a replaced peer's late signals are dropped. */
  signal(binding: SessionBinding, peerId: number, data: PeerSignal): void {
    if (binding.peer === null || peerId !== binding.peerId) return;
    // simple-peer's typings ask for an RTCIceCandidate object; it builds one itself from the init dictionary a client sends.
    binding.peer.signal(data as unknown as SimplePeer.SignalData);
  }

  /**
   * True when the address may open one more session. At its cap, the oldest of its sessions
   * that only waits for a reconnect gives way (a reloaded page's old session); live ones never do.
   */
  makeRoomForAddress(address: string): boolean {
    // This machine (the operator, tests, the bench) answers to the node-wide cap alone. A reverse
    // proxy on this machine is told apart by YUNSHAN_TRUSTED_PROXY_HOPS: its visitors then count by their own address.
    if (isLoopbackAddress(address)) return true;
    const held = this.all().filter((candidate) => candidate.address === address);
    if (held.length < this.options.maxSessionsPerAddress) return true;
    const waiting = held.find((candidate) => candidate.socket === null);
    if (waiting === undefined) return false;
    this.endSession(waiting);
    return held.length - 1 < this.options.maxSessionsPerAddress;
  }

  findResumable(resume: { sessionId: string; resumeToken: string }, routeId: string, revision: number): SessionBinding | null {
    const binding = this.bindings.get(resume.sessionId);
    // A session streams one revision: a page on another one starts afresh.
    if (binding === undefined || binding.session.route.routeId !== routeId || binding.session.route.revision !== revision) return null;
    const expected = Buffer.from(binding.session.resumeToken);
    const presented = Buffer.from(resume.resumeToken);
    return expected.length === presented.length && timingSafeEqual(expected, presented) ? binding : null;
  }

  readyMessage(session: StreamSession, resumed: boolean, transport: 'webrtc' | 'socket'): ReadyMessage {
    const state = session.state();
    return {
      sessionId: session.id,
      resumeToken: session.resumeToken,
      resumed,
      routeId: session.route.routeId,
      revision: session.route.revision,
      fps: session.route.fps,
      frameCount: session.route.frameCount,
      durationS: session.route.durationS,
      profiles: session.profiles.map(profileSummary),
      profile: session.profile,
      transport,
      iceServers: iceServersFor(this.options.ice, session.id),
      startFrame: state.startFrame,
      epoch: state.epoch,
      paused: state.paused,
      rate: state.rate,
      httpManifests: httpManifestRefs(session.route, session.profiles, this.options.segmentBaseUrl),
    };
  }

  private openPeer(binding: SessionBinding): void {
    this.destroyPeer(binding);
    const peerId = ++binding.peerId;
    const peer = new SimplePeer({
      initiator: true,
      trickle: true,
      wrtc: this.options.wrtc ?? loadWrtc(),
      config: { iceServers: iceServersFor(this.options.ice, binding.session.id) },
      channelConfig: { ordered: true },
    });
    binding.peer = peer;
    this.peers++;
    const current = () => binding.peer === peer;
    peer.on('signal', (data) => {
      // simple-peer's SignalData, passed to the viewer's peer as it is.
      if (current()) binding.socket?.emit('signal', { peerId, data: data as unknown as ServerSignalMessage['data'] });
    });
    peer.on('connect', () => {
      if (!current()) return;
      if (binding.peerTimer !== null) clearTimeout(binding.peerTimer);
      binding.peerTimer = null;
      binding.session.attachTransport(new WebRtcFrameTransport(peer, packerFor(binding.session)));
    });
    // The client sends nothing on the channel; read and drop whatever arrives so the stream never backs up.
    peer.on('data', () => {});
    peer.on('error', (error) => {
      if (current()) binding.socket?.emit('error', { code: 'peer-failed', message: `WebRTC peer failed: ${error.message}` });
    });
    peer.once('close', () => {
      this.peers--;
      if (!current()) return;
      binding.peer = null;
      if (binding.peerTimer !== null) clearTimeout(binding.peerTimer);
      binding.peerTimer = null;
      if (binding.session.transport?.kind === 'webrtc') binding.session.detachTransport();
    });
    binding.peerTimer = setTimeout(() => {
      if (!current() || peer.connected) return;
      binding.socket?.emit('error', {
        code: 'peer-failed',
        message: `the data channel did not open within ${PEER_CONNECT_TIMEOUT_MS} ms; ask for transport 'socket'`,
      });
      this.destroyPeer(binding);
    }, PEER_CONNECT_TIMEOUT_MS);
  }
}
