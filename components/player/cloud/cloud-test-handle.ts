// What the cloud view puts on window for end-to-end tests and the bench: live counters
// read straight from the stream client (getters, so a test never reads a stale copy).
import type { CloudState, CloudStats, CloudStreamClient } from './stream-client';
import type { PlayerTransport } from './stream-client/cloud-snapshot';
import type { LookAroundStatus } from './look-around-demand';
import type { SpherePresenter } from './sphere-presenter';

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
  /** What the view says of looking around: off, loading the sphere, showing it, or why it cannot. */
  readonly lookAround: LookAroundStatus;
  /** Messages sent to the server so far, by event name ('join', 'ack', 'stats', …; 'control:profile', 'control:play', … for controls). */
  readonly sentMessages: Record<string, number>;
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
  /**
   * The look-around view (null until the visitor first looks away): views drawn, redraws of a
   * frame already shown because the look turned, when the last one was drawn and with what
   * (the frame's time, the look, the view's axes), whether a sphere frame is on screen, and
   * the headset frames drawn from it (null while no headset session is bound).
   */
  readonly sphere:
    (SpherePresenter['counters'] & Pick<SpherePresenter, 'lastDrawnAtMs' | 'lastDrawn' | 'showing' | 'immersiveFrames'>) | null;
  stats(): CloudStats;
}

declare global {
  interface Window {
    __yunshanCloud?: YunshanCloudHandle;
  }
}

/** Fields read live from the client's snapshot and from its picture counters. */
const SNAPSHOT_FIELDS = ['state', 'transport', 'profile', 'problem', 'lookAround'] as const;
const COUNTER_FIELDS = ['framesDecoded', 'framesByCodec', 'framesShown', 'dropped', 'lastShownFrameIndex'] as const;
type CopiedField = 'httpRequests' | 'renderUrl' | 'marks' | 'stats' | 'sphere' | 'sentMessages';
// Fails to compile if the handle grows a field that none of the lists above serves.
const EVERY_FIELD_SERVED: Record<
  Exclude<keyof YunshanCloudHandle, (typeof SNAPSHOT_FIELDS)[number] | (typeof COUNTER_FIELDS)[number] | CopiedField>,
  never
> = {};

function liveGetters<S extends object, K extends keyof S>(read: () => S, fields: readonly K[]): PropertyDescriptorMap {
  return Object.fromEntries(fields.map((field) => [field, { get: () => read()[field], enumerable: true }]));
}

/** The handle for a running client: every field a getter, so a test never reads a stale copy. */
export function cloudTestHandle(client: CloudStreamClient): YunshanCloudHandle {
  void EVERY_FIELD_SERVED;
  return Object.defineProperties(
    { stats: () => client.stats() },
    {
      ...liveGetters(() => client.snapshot, SNAPSHOT_FIELDS),
      ...liveGetters(() => client.counters, COUNTER_FIELDS),
      httpRequests: { get: () => ({ ...client.httpRequests }), enumerable: true },
      renderUrl: { get: () => client.renderUrl, enumerable: true },
      sentMessages: { get: () => client.sentMessages, enumerable: true },
      marks: { get: () => ({ ...client.marks }), enumerable: true },
      sphere: {
        get: () => {
          const sphere = client.sphere;
          return sphere
            ? {
                ...sphere.counters,
                lastDrawnAtMs: sphere.lastDrawnAtMs,
                lastDrawn: sphere.lastDrawn,
                showing: sphere.showing,
                immersiveFrames: sphere.immersiveFrames,
              }
            : null;
        },
        enumerable: true,
      },
    },
  ) as YunshanCloudHandle;
}
