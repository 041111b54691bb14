// Several small frame messages in one transport message. Every message a node sends costs
// it a fixed amount of work (a blocking call into wrtc's signalling thread, an SCTP message;
// a socket.io packet), and a 360p frame is only a few kilobytes: a session topping a viewer
// up sends a few hundred milliseconds of frames at once, so packing them cuts that cost by
// the number of frames per message. Only for viewers that said they read packed messages
// (the join's `packedFrames`); the chunk codec's headers say where each fragment ends
// (decodeChunkMessages). Pure.

export class MessagePacker {
  private parts: Uint8Array[] = [];
  private bytes = 0;

  constructor(private readonly maxMessageBytes: number) {}

  /** Bytes waiting to be packed and sent. */
  get pendingBytes(): number {
    return this.bytes;
  }

  /** Adds one message; returns the packed message to send first when this one would not fit beside the others. */
  add(message: Uint8Array): Uint8Array | null {
    const full = this.bytes > 0 && this.bytes + message.byteLength > this.maxMessageBytes ? this.take() : null;
    this.parts.push(message);
    this.bytes += message.byteLength;
    return full;
  }

  /** Everything added since the last take, as one message; null when nothing waits. */
  take(): Uint8Array | null {
    if (this.parts.length === 0) return null;
    const parts = this.parts;
    const bytes = this.bytes;
    this.parts = [];
    this.bytes = 0;
    if (parts.length === 1) return parts[0];
    const packed = new Uint8Array(bytes);
    let offset = 0;
    for (const part of parts) {
      packed.set(part, offset);
      offset += part.byteLength;
    }
    return packed;
  }

  clear(): void {
    this.parts = [];
    this.bytes = 0;
  }
}
