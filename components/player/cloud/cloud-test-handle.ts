// What the cloud view puts on window for end-to-end tests and the bench: live counters
// read straight from the stream client (getters, so a test never reads a stale copy).
import type { CloudState, CloudStats } from './stream-client';
import type { PlayerTransport } from './stream-client/cloud-snapshot';

export interface YunshanCloudHandle {
  readonly state: CloudState;
  readonly transport: PlayerTransport | null;
  readonly profile: string | null;
  readonly framesDecoded: number;
  /** Frames handed to the decoder per codec: which codec the server chose for this browser. */
  readonly framesByCodec: { vp8: number; vp9: number; jpeg: number };
  readonly framesShown: number;
  readonly dropped: number;
  readonly lastShownFrameIndex: number;
  /** A short technical reason when the stream is unavailable or had to change course. */
  readonly problem: string | null;
  /** Manifest and segment requests of the HTTP transport (zero while on WebRTC or the socket). */
  readonly httpRequests: { manifest: number; segment: number };
  /** The render node streaming now: the page's, or the one a draining node sent the session to. */
  readonly renderUrl: string;
  /** performance.now() marks: client start, server ready, first frame decoded and shown. */
  readonly marks: {
    startedAtMs: number;
    readyAtMs: number | null;
    firstFrameDecodedAtMs: number | null;
    firstFrameShownAtMs: number | null;
  };
  stats(): CloudStats;
}

declare global {
  interface Window {
    __yunshanCloud?: YunshanCloudHandle;
  }
}
