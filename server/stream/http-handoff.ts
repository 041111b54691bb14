// The render server's side of the HTTP transport: where a route revision's baked segments are
// fetched over plain HTTP (named in every 'ready'), and the decision to hand a joining viewer
// to them instead of opening a WebRTC stream: the node is at its stream cap, or the operator
// said so (YUNSHAN_STREAM_TRANSPORT=http). 'webrtc' keeps the old answer at the cap: 'busy'.
// Pure; stream-signalling.ts asks and sends.
import type { HttpHandoffReason, HttpManifestRef, HttpSegmentsMessage } from '@/scenes/protocol/http-segment-messages';
import type { ProfileId } from '@/scenes/protocol/profile-ladder';
import type { BakedRoute } from './baked-route-source';
import { bakeManifestPath } from './http-segment-urls';
import { profileSummary } from './stream-profile-rules';

export const STREAM_TRANSPORT_MODES = ['auto', 'http', 'webrtc'] as const;
/** auto: WebRTC while the node has room, HTTP segments beyond its cap; http: always HTTP; webrtc: never HTTP ('busy' at the cap). */
export type StreamTransportMode = (typeof STREAM_TRANSPORT_MODES)[number];

/** Why this join goes to HTTP segments, or null for a stream of its own (or 'busy' at the cap in 'webrtc' mode). */
export function httpHandoffReason(mode: StreamTransportMode, atCap: boolean): HttpHandoffReason | null {
  if (mode === 'http') return 'operator';
  if (mode === 'auto' && atCap) return 'at-cap';
  return null;
}

/**
 * Each profile's manifest URL: a path on this node, or under `segmentBaseUrl` (a CDN or cache
 * in front of the nodes, YUNSHAN_STREAM_SEGMENT_URL), which keeps serving while a node drains.
 */
export function httpManifestRefs(
  route: Pick<BakedRoute, 'keyFor'>,
  profiles: readonly ProfileId[],
  segmentBaseUrl?: string,
): HttpManifestRef[] {
  return profiles.map((profileId) => {
    const path = bakeManifestPath(route.keyFor(profileId));
    return { profileId, url: segmentBaseUrl ? new URL(path, segmentBaseUrl).toString() : path };
  });
}

export function httpSegmentsMessage(
  route: BakedRoute,
  profiles: readonly ProfileId[],
  reason: HttpHandoffReason,
  segmentBaseUrl?: string,
): HttpSegmentsMessage {
  return {
    reason,
    routeId: route.routeId,
    revision: route.revision,
    fps: route.fps,
    frameCount: route.frameCount,
    durationS: route.durationS,
    profiles: profiles.map(profileSummary),
    httpManifests: httpManifestRefs(route, profiles, segmentBaseUrl),
  };
}
