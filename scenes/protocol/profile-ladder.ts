// The encoding ladder a route is baked into, and the frame rate of every bake and stream.
// Every profile is rendered at the exact poses poseAt(route, i / BAKE_FPS) with a keyframe
// every second, so a viewer can start or seek at any whole second. This file decides
// pixels (resolution, bitrate, scene tier): it is part of the scene version's hash.
import type { SceneTier } from '../world/quality-tiers';

/** Frames per second of every bake, segment and stream: defined here only. */
export const BAKE_FPS = 30;

export type ProfileCodec = 'vp8' | 'vp9' | 'jpeg';

/**
 * What a frame shows: the route's own camera ('flat'), or the whole sphere around the pose's
 * position ('equirect': longitude across, latitude down, world-aligned with the horizon level;
 * sphere-mapping.ts), from which a player samples any look direction without asking the server.
 */
export type ProfileProjection = 'flat' | 'equirect';

/**
 * Every profile, in bake order: a phone can stream the cheapest soonest. The one list of
 * profiles; its index is also a profile's number in the chunk codec's header, so it is
 * append only: an index never changes meaning.
 */
const PROFILES_IN_BAKE_ORDER = [
  '360p',
  '360p-jpeg',
  '540p',
  '720p',
  '1080p',
  '720p-cinematic',
  '1080p-cinematic',
  '360p-vp9',
  '540p-vp9',
  '720p-vp9',
  '1080p-vp9',
  'sphere-2k',
  'sphere-4k',
  '720p-cinematic-vp9',
  '1080p-cinematic-vp9',
] as const;
export type ProfileId = (typeof PROFILES_IN_BAKE_ORDER)[number];
export const PROFILE_IDS: readonly ProfileId[] = PROFILES_IN_BAKE_ORDER;

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
  /**
   * Set on a VP9 profile: the VP8 profile whose rendered frames it encodes, in the same
   * pass (one render, two encoders). It has no bake job of its own and shares its twin's
   * size and tier; its segments land beside its twin's.
   */
  encodedBeside?: ProfileId;
  projection: ProfileProjection;
  /**
   * Baked only when asked for (npm run bake -- <route> --profile <id>, or a bake request that
   * names it), not for every published route: see the sphere profiles below.
   */
  onRequestOnly?: true;
}

// VP8: every browser with WebCodecs decodes it, and Chromium encodes it in software
// on a CPU-only render node. JPEG at 360p serves browsers without WebCodecs.
export const QUALITY_PROFILES: Readonly<Record<ProfileId, QualityProfile>> = inBakeOrder({
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
  // VP9 beside each standard VP8 rung, for browsers that decode it (codec-choice.ts): the
  // same frames at fewer bits. Luma PSNR against the rendered frames (npm run bench:codec):
  // 720p matches its VP8 rung; 360p and 540p still sit 1.5 and 0.4 dB below theirs.
  '360p-vp9': { id: '360p-vp9', width: 640, height: 360, codec: 'vp9', bitrateKbps: 600, sceneTier: 'phone', encodedBeside: '360p' },
  '540p-vp9': { id: '540p-vp9', width: 960, height: 540, codec: 'vp9', bitrateKbps: 1050, sceneTier: 'laptop', encodedBeside: '540p' },
  '720p-vp9': { id: '720p-vp9', width: 1280, height: 720, codec: 'vp9', bitrateKbps: 1850, sceneTier: 'laptop', encodedBeside: '720p' },
  '1080p-vp9': { id: '1080p-vp9', width: 1920, height: 1080, codec: 'vp9', bitrateKbps: 3600, sceneTier: 'bake', encodedBeside: '1080p' },
  // The cinematic rungs' VP9 twins, at the standard twins' share of their VP8 bitrate (about
  // 0.65). A cinematic frame takes seconds to draw, so its VP9 encode adds little to the bake;
  // the bytes a viewer saves are what a holiday crowd pays for.
  '720p-cinematic-vp9': {
    id: '720p-cinematic-vp9',
    width: 1280,
    height: 720,
    codec: 'vp9',
    bitrateKbps: 2600,
    sceneTier: 'cinematic',
    encodedBeside: '720p-cinematic',
  },
  '1080p-cinematic-vp9': {
    id: '1080p-cinematic-vp9',
    width: 1920,
    height: 1080,
    codec: 'vp9',
    bitrateKbps: 4900,
    sceneTier: 'cinematic',
    encodedBeside: '1080p-cinematic',
  },
  // The whole sphere per frame, for looking around without a round trip (issue 14). Equirect
  // rather than a cube layout: one seam (behind, where the wrap sampler joins it) instead of
  // twelve face edges that VP8's blocks smear differently on each side, a format every 360°
  // tool and WebXR's equirect layer take as is, and a two-line sampler; it spends about a third
  // more pixels than a 3×2 cube at the same density on the horizon, mostly near the poles,
  // which a level, pitch-clamped look rarely sees. 2048×1024 puts 5.7 px per degree on the
  // horizon (a 90° view about 512 px across), and decodes on phones that decode 1080p;
  // 3840×1920 (10.7 px/°) is for laptops and headsets. Drawn from a cube of six 90° renders at
  // the pose (width / 4 a face). Six views see the whole world where one sees a sixth of it, so
  // a CPU rasteriser's sphere costs about six flat frames of geometry whatever its size: each
  // sphere draws the tier whose detail its pixels per degree can show, the phone tier for 2k
  // (as 360p, at about the same 6 px/°) and the laptop tier for 4k (as 720p); on the bake tier
  // a 2k sphere took 8–11 s a frame on llvmpipe. Not the cinematic tier: its effects are
  // screen-space passes over one view at seconds a frame already; six times that is not sane.
  // The 2k sphere bakes for every route, last (after the cinematic rungs), so the flat stream
  // is never kept waiting; the 4k one, about 3.5 times the pixels, only on request.
  'sphere-2k': { id: 'sphere-2k', width: 2048, height: 1024, codec: 'vp8', bitrateKbps: 4500, sceneTier: 'phone', projection: 'equirect' },
  'sphere-4k': {
    id: 'sphere-4k',
    width: 3840,
    height: 1920,
    codec: 'vp8',
    bitrateKbps: 12000,
    sceneTier: 'laptop',
    projection: 'equirect',
    onRequestOnly: true,
  },
});

/** Profiles that are rendered by a bake job of their own: every profile but the VP9 ones, which ride along. */
export const BAKED_PROFILE_IDS: readonly ProfileId[] = PROFILE_IDS.filter((id) => QUALITY_PROFILES[id].encodedBeside === undefined);

/** Profiles every published route is baked into: the baked ones that are not on request only. */
export const DEFAULT_BAKE_PROFILE_IDS: readonly ProfileId[] = BAKED_PROFILE_IDS.filter((id) => !QUALITY_PROFILES[id].onRequestOnly);

/** Profiles that carry the whole sphere, cheapest first. */
export const SPHERE_PROFILE_IDS: readonly ProfileId[] = PROFILE_IDS.filter((id) => QUALITY_PROFILES[id].projection === 'equirect');

export function isSphereProfile(profileId: ProfileId): boolean {
  return QUALITY_PROFILES[profileId].projection === 'equirect';
}

/** The VP9 profile encoded beside a VP8 profile, or null when it has none. */
export function vp9TwinOf(profileId: ProfileId): ProfileId | null {
  return PROFILE_IDS.find((id) => QUALITY_PROFILES[id].encodedBeside === profileId) ?? null;
}

/** The profile a stream starts on before it knows better: the cheapest the device can decode. */
export function cheapestProfileFor(webcodecsVp8: boolean): ProfileId {
  return webcodecsVp8 ? '360p' : '360p-jpeg';
}

/** Each profile's bakeOrder is its place in PROFILE_IDS, so the order is written once. */
function inBakeOrder(
  table: Record<ProfileId, Omit<QualityProfile, 'bakeOrder' | 'projection'> & { projection?: ProfileProjection }>,
): Record<ProfileId, QualityProfile> {
  return Object.fromEntries(PROFILE_IDS.map((id, bakeOrder) => [id, { projection: 'flat' as const, ...table[id], bakeOrder }])) as Record<
    ProfileId,
    QualityProfile
  >;
}

export function isProfileId(value: unknown): value is ProfileId {
  return typeof value === 'string' && Object.hasOwn(QUALITY_PROFILES, value);
}

/** A profile's number in the chunk codec's header: its place in PROFILE_IDS. */
export function profileIndexOf(profileId: ProfileId): number {
  return PROFILE_IDS.indexOf(profileId);
}

export function profileIdAt(index: number): ProfileId | null {
  return PROFILE_IDS[index] ?? null;
}
