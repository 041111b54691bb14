// Frames over one reliable, ordered RTCDataChannel of a simple-peer connection. Reliable
// and ordered because VP8 delta frames are useless after a lost frame until the next
// keyframe, and the viewer buffers 1–3 s ahead, so a retransmission costs nothing visible;
// unordered delivery would need the same reordering and reliability rebuilt by hand.
import type SimplePeer from 'simple-peer';
import type { FrameTransport } from './frame-transport';

export class WebRtcFrameTransport implements FrameTransport {
  readonly kind = 'webrtc' as const;

  constructor(private readonly peer: SimplePeer.Instance) {}

  get closed(): boolean {
    return this.peer.destroyed || !this.peer.connected;
  }

  /** The channel's bufferedAmount: wrtc never fires bufferedamountlow, so the session polls this. */
  bufferedBytes(): number {
    return this.peer.bufferSize;
  }

  send(message: Uint8Array): boolean {
    if (this.closed) return false;
    try {
      this.peer.send(message);
      return true;
    } catch {
      // The channel closed between the check and the send; the peer's close event follows.
      return false;
    }
  }

  close(): void {
    if (!this.peer.destroyed) this.peer.destroy();
  }
}
