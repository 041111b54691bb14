// How a stream session hands binary frame messages to a viewer. Two implementations: an
// RTCDataChannel through simple-peer (webrtc-frame-transport.ts) and socket.io binary
// events (below), so the same session logic runs over either.
import type { Socket } from 'socket.io';
import type { TransportKind } from '@/scenes/protocol/stream-fields';
import type { MessagePacker } from './message-packer';

export interface FrameTransport {
  readonly kind: TransportKind;
  readonly closed: boolean;
  /** Bytes accepted but not yet handed to the network: the session's backpressure signal. */
  bufferedBytes(): number;
  /** Queues one message (packed with the next ones where the viewer reads packed messages); false when the transport has closed. */
  send(message: Uint8Array): boolean;
  /** Sends what waits to be packed; the session calls it at the end of every pass and before it waits on disk. */
  flush(): boolean;
  close(): void;
}

/** The parts of engine.io's socket the fallback reads its queue from (not in socket.io's public types). */
interface EngineConnection {
  readyState?: string;
  writeBuffer?: ReadonlyArray<{ data?: unknown }>;
  transport?: { socket?: { bufferedAmount?: number } };
}

export class SocketFrameTransport implements FrameTransport {
  readonly kind = 'socket' as const;
  private isClosed = false;

  /** `packer`: where the viewer reads packed messages; null sends each message on its own. */
  constructor(
    private readonly socket: Socket,
    private readonly packer: MessagePacker | null = null,
  ) {}

  get closed(): boolean {
    return this.isClosed || !this.socket.connected;
  }

  bufferedBytes(): number {
    const connection = this.socket.conn as unknown as EngineConnection;
    let bytes = connection.transport?.socket?.bufferedAmount ?? 0;
    // Packets waiting for the transport (long-polling, or a WebSocket busy writing).
    for (const packet of connection.writeBuffer ?? []) {
      const data = packet.data;
      bytes += typeof data === 'string' ? data.length : data instanceof Uint8Array ? data.byteLength : 0;
    }
    return bytes + (this.packer?.pendingBytes ?? 0);
  }

  send(message: Uint8Array): boolean {
    if (this.closed) return false;
    const ready = this.packer === null ? message : this.packer.add(message);
    if (ready !== null) this.socket.emit('frame', ready);
    return true;
  }

  flush(): boolean {
    if (this.closed) return false;
    const packed = this.packer?.take() ?? null;
    if (packed !== null) this.socket.emit('frame', packed);
    return true;
  }

  close(): void {
    this.isClosed = true;
    this.packer?.clear();
  }
}
