// Frames over one reliable, ordered RTCDataChannel of a simple-peer connection. Reliable
// and ordered because VP8 delta frames are useless after a lost frame until the next
// keyframe, and the viewer buffers 1–3 s ahead, so a retransmission costs nothing visible;
// unordered delivery would need the same reordering and reliability rebuilt by hand.
//
// Every read of the channel's state (readyState, bufferedAmount) is a blocking call into
// wrtc's signalling thread: a CPU profile of 30 viewers showed those two getters costing as
// much as the sends themselves. So the transport learns that the channel closed from the
// peer's events (and from a send that throws), and reads bufferedAmount only when its own
// tally of bytes sent since the last reading says the queue could be near the session's bound.
import type SimplePeer from 'simple-peer';
import type { FrameTransport } from './frame-transport';
import type { MessagePacker } from './message-packer';
import { DEFAULT_MAX_BUFFERED_BYTES } from './stream-session';

/** Read the channel's real queue again once this long has passed since the last reading, whatever the tally says. */
export const BUFFERED_READING_MAX_AGE_MS = 50;

export class WebRtcFrameTransport implements FrameTransport {
  readonly kind = 'webrtc' as const;
  private ended = false;
  private lastReading = 0;
  private lastReadingMs = Number.NEGATIVE_INFINITY;
  private sentSinceReading = 0;

  constructor(
    private readonly peer: SimplePeer.Instance,
    /** Where the viewer reads packed messages; null sends each message on its own. */
    private readonly packer: MessagePacker | null = null,
    /** Below this the tally stands in for a reading: a quarter of the session's backpressure bound. */
    private readonly readAboveBytes = DEFAULT_MAX_BUFFERED_BYTES / 4,
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    const end = () => {
      this.ended = true;
    };
    peer.once('close', end);
    peer.once('error', end);
  }

  get closed(): boolean {
    return this.ended || this.peer.destroyed;
  }

  /**
   * An upper bound on the channel's queue: the last reading plus everything sent since (the
   * queue only drains in between). Read afresh when that bound reaches readAboveBytes or the
   * reading is older than BUFFERED_READING_MAX_AGE_MS; a session topping up a viewer sends a
   * few hundred milliseconds of frames in one pass and reads the channel about once for them.
   */
  bufferedBytes(): number {
    const now = this.nowMs();
    const bound = this.lastReading + this.sentSinceReading;
    const pending = this.packer?.pendingBytes ?? 0;
    if (bound < this.readAboveBytes && now - this.lastReadingMs < BUFFERED_READING_MAX_AGE_MS) return bound + pending;
    this.lastReading = this.peer.bufferSize;
    this.lastReadingMs = now;
    this.sentSinceReading = 0;
    return this.lastReading + pending;
  }

  send(message: Uint8Array): boolean {
    if (this.closed) return false;
    const ready = this.packer === null ? message : this.packer.add(message);
    return ready === null || this.sendNow(ready);
  }

  flush(): boolean {
    if (this.closed) return false;
    const packed = this.packer?.take() ?? null;
    return packed === null || this.sendNow(packed);
  }

  private sendNow(message: Uint8Array): boolean {
    try {
      this.peer.send(message);
      this.sentSinceReading += message.byteLength;
      return true;
    } catch {
      // The channel closed between the check and the send (readyState 'closing' before the peer's close event).
      this.ended = true;
      return false;
    }
  }

  close(): void {
    this.ended = true;
    this.packer?.clear();
    if (!this.peer.destroyed) this.peer.destroy();
  }
}
