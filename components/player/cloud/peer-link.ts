// One WebRTC data channel to the render server through simple-peer. The server offers
// (it is the initiator); this side answers, trickles candidates back over socket.io and
// hands every binary message on. Closing, an ICE failure or an ICE disconnect that does
// not heal ends the link; the stream client then asks for a fresh one. In the browser
// simple-peer uses the page's RTCPeerConnection; the Node test viewer passes @roamhq/wrtc.
import SimplePeer from 'simple-peer';
import type { IceServerConfig } from '@/scenes/protocol/server-messages';

/** ICE 'disconnected' often heals by itself within a second or two; longer is a dead path. */
const ICE_DISCONNECT_GRACE_MS = 2500;

export interface PeerLinkEvents {
  signal(data: unknown): void;
  connect(): void;
  data(message: Uint8Array): void;
  /** Fired once, when the link is gone for any reason after it was created. */
  closed(reason: string): void;
}

export function webRtcAvailable(): boolean {
  return typeof globalThis.RTCPeerConnection === 'function';
}

export class PeerLink {
  readonly peerId: number;
  readonly #peer: SimplePeer.Instance;
  readonly #events: PeerLinkEvents;
  #connected = false;
  #ended = false;
  #disconnectTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(peerId: number, iceServers: readonly IceServerConfig[], events: PeerLinkEvents, wrtc?: SimplePeer.Options['wrtc']) {
    this.peerId = peerId;
    this.#events = events;
    this.#peer = new SimplePeer({
      initiator: false,
      trickle: true,
      config: { iceServers: iceServers.map((server) => ({ ...server })) },
      ...(wrtc === undefined ? {} : { wrtc }),
    });
    this.#peer.on('signal', (data: unknown) => {
      if (!this.#ended) this.#events.signal(data);
    });
    this.#peer.on('connect', () => {
      if (this.#ended) return;
      this.#connected = true;
      this.#events.connect();
    });
    this.#peer.on('data', (message: Uint8Array) => {
      if (!this.#ended) this.#events.data(message);
    });
    this.#peer.on('iceStateChange', (state: RTCIceConnectionState) => this.#onIceState(state));
    this.#peer.on('error', (error: Error) => this.#end(`error: ${error.message}`));
    this.#peer.on('close', () => this.#end('closed'));
  }

  get connected(): boolean {
    return this.#connected && !this.#ended;
  }

  signal(data: unknown): void {
    if (this.#ended) return;
    try {
      this.#peer.signal(data as SimplePeer.SignalData);
    } catch (error) {
      this.#end(`bad signal: ${(error as Error).message}`);
    }
  }

  /** Round-trip time of the selected candidate pair, from the browser's own statistics. */
  async rttMs(): Promise<number | null> {
    // simple-peer keeps its RTCPeerConnection in _pc; its own getStats flattens away the selected pair.
    const connection = (this.#peer as unknown as { _pc?: RTCPeerConnection })._pc;
    if (!connection || this.#ended) return null;
    try {
      const report = await connection.getStats();
      let rttS: number | null = null;
      report.forEach((entry: { type?: string; nominated?: boolean; state?: string; currentRoundTripTime?: number }) => {
        if (
          entry.type === 'candidate-pair' &&
          entry.nominated &&
          entry.state === 'succeeded' &&
          typeof entry.currentRoundTripTime === 'number'
        ) {
          rttS = entry.currentRoundTripTime;
        }
      });
      return rttS === null ? null : rttS * 1000;
    } catch {
      return null;
    }
  }

  destroy(): void {
    this.#end('destroyed');
  }

  #onIceState(state: RTCIceConnectionState): void {
    if (state === 'disconnected') {
      clearTimeout(this.#disconnectTimer);
      this.#disconnectTimer = setTimeout(() => this.#end('ice disconnected'), ICE_DISCONNECT_GRACE_MS);
    } else if (state === 'connected' || state === 'completed') {
      clearTimeout(this.#disconnectTimer);
    } else if (state === 'failed' || state === 'closed') {
      this.#end(`ice ${state}`);
    }
  }

  #end(reason: string): void {
    if (this.#ended) return;
    this.#ended = true;
    clearTimeout(this.#disconnectTimer);
    this.#peer.removeAllListeners();
    // simple-peer may emit a late 'error' while tearing down; with no listener it would throw.
    this.#peer.on('error', () => {});
    this.#peer.destroy();
    this.#events.closed(reason);
  }
}
