// The encoding ladder a route is baked into. Every profile is rendered at the exact
// poses poseAt(route, i / FPS) with a keyframe every second, so a viewer can start or
// seek at any whole second.
import type { SceneTier } from '../../scenes/world/quality-tiers';

export const BAKE_FPS = 30;
/** One segment is one second: it starts with a keyframe and is encoded independently. */
export const FRAMES_PER_SEGMENT = BAKE_FPS;

export type ProfileCodec = 'vp8' | 'jpeg';

export interface QualityProfile {
  id: ProfileId;
  width: number;
  height: number;
  codec: ProfileCodec;
  /** Target bitrate for video codecs. */
  bitrateKbps: number;
  /** JPEG quality 0–1 for the fallback profile. */
  jpegQuality?: number;
  /** Lower bakes first: a phone can stream the cheapest profile soonest. */
  bakeOrder: number;
  /**
   * The scene detail the profile is drawn with. Detail a resolution cannot show costs
   * render time for nothing (the bake tier's 1.7M triangles at 360p mostly land below a
   * pixel), so small profiles draw lighter tiers; the profile id in the bake key covers it.
   * The cinematic profiles draw the render server's own tier, seconds a frame.
   */
  sceneTier: SceneTier;
}

/**
 * Every profile, in bake order: a phone can stream the cheapest soonest. The one list of
 * profiles; its index is also a profile's number in the stream's binary header, so it is
 * append only: an index never changes meaning.
 */
const PROFILES_IN_BAKE_ORDER = ['360p', '360p-jpeg', '540p', '720p', '1080p', '720p-cinematic', '1080p-cinematic'] as const;
export type ProfileId = (typeof PROFILES_IN_BAKE_ORDER)[number];
export const PROFILE_IDS: ProfileId[] = [...PROFILES_IN_BAKE_ORDER];

// VP8: every browser with WebCodecs decodes it, and Chromium encodes it in software
// on a CPU-only render node. JPEG at 360p serves browsers without WebCodecs.
export const QUALITY_PROFILES: Record<ProfileId, QualityProfile> = inBakeOrder({
  '360p': { id: '360p', width: 640, height: 360, codec: 'vp8', bitrateKbps: 900, sceneTier: 'phone' },
  '360p-jpeg': { id: '360p-jpeg', width: 640, height: 360, codec: 'jpeg', bitrateKbps: 0, jpegQuality: 0.78, sceneTier: 'phone' },
  '540p': { id: '540p', width: 960, height: 540, codec: 'vp8', bitrateKbps: 1600, sceneTier: 'laptop' },
  '720p': { id: '720p', width: 1280, height: 720, codec: 'vp8', bitrateKbps: 2800, sceneTier: 'laptop' },
  '1080p': { id: '1080p', width: 1920, height: 1080, codec: 'vp8', bitrateKbps: 5500, sceneTier: 'bake' },
  // After every standard profile: a new route streams within minutes, and its cinematic bake
  // (seconds a frame on a CPU node) lands later. Soft volumetric gradients and fine foliage
  // need more bits than the standard frames to survive VP8 without banding.
  '720p-cinematic': { id: '720p-cinematic', width: 1280, height: 720, codec: 'vp8', bitrateKbps: 4000, sceneTier: 'cinematic' },
  '1080p-cinematic': { id: '1080p-cinematic', width: 1920, height: 1080, codec: 'vp8', bitrateKbps: 7500, sceneTier: 'cinematic' },
});

/** Each profile's bakeOrder is its place in PROFILE_IDS, so the order is written once. */
function inBakeOrder(table: Record<ProfileId, Omit<QualityProfile, 'bakeOrder'>>): Record<ProfileId, QualityProfile> {
  return Object.fromEntries(PROFILE_IDS.map((id, bakeOrder) => [id, { ...table[id], bakeOrder }])) as Record<ProfileId, QualityProfile>;
}

export function isProfileId(value: unknown): value is ProfileId {
  return typeof value === 'string' && value in QUALITY_PROFILES;
}

export function frameCountFor(durationS: number): number {
  return Math.floor(durationS * BAKE_FPS) + 1;
}

export function segmentCountFor(durationS: number): number {
  return Math.ceil(frameCountFor(durationS) / FRAMES_PER_SEGMENT);
}
