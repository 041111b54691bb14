// Picks the quality profile a viewer streams: what the browser can decode, capped by a
// data-saver wish and the screen, then up or down the ladder by buffer, measured
// throughput and late frames. Pure: the stream client feeds it numbers once a second
// and asks for a switch, which the server makes at the next keyframe. A cinematic profile
// replaces the standard ones of its size and above, so Auto climbs to the better picture.
// A sphere profile is its own ladder: a flat view never climbs onto it, a look-around view
// climbs nothing else.
import { decodes, decodesVideo } from '@/scenes/protocol/codec-choice';
import { QUALITY_PROFILES, type ProfileId, type ProfileProjection } from '@/scenes/protocol/profile-ladder';
import { withoutSupersededProfiles } from './cinematic-profiles';

export interface StreamProfileInfo {
  id: string;
  width: number;
  height: number;
  codec: 'vp8' | 'vp9' | 'jpeg';
  /** Target bitrate; 0 where unknown (JPEG). */
  bitrateKbps: number;
}

export interface ProfileCaps {
  /** WebCodecs can decode VP8 here; without it only JPEG profiles play. */
  vp8Supported: boolean;
  /** WebCodecs can decode VP9 here: the server then offers a rung's VP9 twin in its VP8 profile's place. */
  vp9Supported?: boolean;
  /** Data saver (the player's setting, `saveData`, or a cellular link): nothing above 360p. */
  dataSaver: boolean;
  /** Device pixels across the picture; a profile much wider is wasted bytes. Null: no limit. */
  maxUsefulWidthPx: number | null;
  /** What the view draws: the route's camera (default) or a look-around sampled from the whole sphere. */
  projection?: ProfileProjection;
}

/** A streamed profile's projection; an id this build does not know is taken for flat. */
export function projectionOfProfile(id: string): ProfileProjection {
  return Object.hasOwn(QUALITY_PROFILES, id) ? QUALITY_PROFILES[id as ProfileId].projection : 'flat';
}

/** The caps of what the browser told the server it decodes and wants (its join capabilities), and its screen. */
export function profileCapsOf(
  capabilities: { webcodecsVp8: boolean; webcodecsVp9?: boolean; saveData: boolean },
  maxUsefulWidthPx: number | null,
): ProfileCaps {
  return {
    vp8Supported: capabilities.webcodecsVp8,
    vp9Supported: capabilities.webcodecsVp9 === true,
    dataSaver: capabilities.saveData,
    maxUsefulWidthPx,
  };
}

export interface AdaptiveInputs {
  /** Profiles baked for this route. */
  available: readonly StreamProfileInfo[];
  currentId: string;
  caps: ProfileCaps;
  /** A profile the viewer picked by hand; null means automatic. */
  manualId: string | null;
  /** Best recent burst (see ThroughputMeter.capacityKbps); null when not yet known. */
  capacityKbps: number | null;
  bufferAheadS: number;
  playing: boolean;
  /** Share of frames dropped as late over the last few seconds, 0–1. */
  lateFrameRatio: number;
  secondsSinceSwitch: number;
}

export type AdaptiveReason = 'hold' | 'up' | 'probe-up' | 'down' | 'cap' | 'manual' | 'codec';

export interface AdaptiveDecision {
  profileId: string;
  reason: AdaptiveReason;
}

export const DATA_SAVER_MAX_HEIGHT = 360;
/** Below this much buffered while playing, the link or the decoder is not keeping up. */
export const LOW_BUFFER_S = 0.8;
/**
 * A step up needs this much in hand, so a failed step does not stall at once. The server
 * keeps about two seconds ahead (TARGET_AHEAD_MS), so a healthy stream reads 1.6–2 s here.
 */
export const HIGH_BUFFER_S = 1.5;
/** Measured capacity must exceed the next profile's bitrate by this factor. */
export const UP_HEADROOM = 1.3;
/** No switch right after the last: the server refills from a keyframe and the numbers settle. */
export const MIN_SECONDS_BETWEEN_SWITCHES = 3;
/** With a full buffer for this long, try one step up even without a burst to prove capacity. */
export const PROBE_UP_AFTER_S = 12;
export const PROBE_BUFFER_S = 1.7;
/** More late frames than this and the device cannot decode the profile in time. */
export const LATE_FRAME_LIMIT = 0.08;

/**
 * Profiles this viewer may stream, cheapest first. `includeSuperseded` keeps the standard
 * profiles a cinematic one replaces: the viewer may still pick them by hand.
 */
export function allowedProfiles(
  available: readonly StreamProfileInfo[],
  caps: ProfileCaps,
  { includeSuperseded = false } = {},
): StreamProfileInfo[] {
  // JPEG costs more bytes than VP8 or VP9 at the same size: it is only for browsers without WebCodecs.
  const codecs = { vp8: caps.vp8Supported, vp9: caps.vp9Supported === true };
  const video = decodesVideo(codecs);
  const decodableHere = available.filter((profile) => (profile.codec === 'jpeg' ? !video : decodes(profile.codec, codecs)));
  const spheres = decodableHere.filter((profile) => projectionOfProfile(profile.id) === 'equirect');
  // Looking around where no sphere is baked (yet) streams the flat picture, which then cannot turn.
  const matching =
    caps.projection === 'equirect' && spheres.length > 0
      ? spheres
      : decodableHere.filter((profile) => projectionOfProfile(profile.id) === 'flat');
  const decodable = (includeSuperseded ? matching : withoutSupersededProfiles(matching)).sort(byCost);
  if (decodable.length === 0) return [];
  const smallest = decodable[0];
  return decodable.filter((profile) => {
    if (profile === smallest) return true;
    if (caps.dataSaver && profile.height > DATA_SAVER_MAX_HEIGHT) return false;
    // A half-step larger than the screen still sharpens; beyond that it only costs bytes.
    if (caps.maxUsefulWidthPx !== null && profile.width > caps.maxUsefulWidthPx * 1.5) return false;
    return true;
  });
}

/**
 * Whether a look-around view can stream a sphere: 'data-saver' under the data-saver cap
 * (the player's setting, saveData, a cellular or slow link), which keeps streams at 360p:
 * the server then lists no sphere at all, baked or not, so this comes first; else 'ready'
 * where a sphere profile is listed that decodes here, and 'not-baked' where none is (a route
 * not yet baked at 360°, or a browser that decodes only JPEG).
 */
export type SphereAvailability = 'ready' | 'data-saver' | 'not-baked';

export function sphereAvailability(available: readonly StreamProfileInfo[], caps: ProfileCaps): SphereAvailability {
  if (caps.dataSaver) return 'data-saver';
  const spheres = allowedProfiles(available, { ...caps, maxUsefulWidthPx: null, projection: 'equirect' }).filter(
    (profile) => projectionOfProfile(profile.id) === 'equirect',
  );
  return spheres.length === 0 ? 'not-baked' : 'ready';
}

/** Where a stream starts: the cheapest allowed profile, so the first frame comes soonest. */
export function startingProfile(
  available: readonly StreamProfileInfo[],
  caps: ProfileCaps,
  manualId: string | null = null,
): StreamProfileInfo | null {
  const allowed = allowedProfiles(available, caps);
  const manual = allowedProfiles(available, caps, { includeSuperseded: true }).find((profile) => profile.id === manualId);
  return manual ?? allowed[0] ?? null;
}

export function chooseProfile(inputs: AdaptiveInputs): AdaptiveDecision {
  const allowed = allowedProfiles(inputs.available, inputs.caps);
  if (allowed.length === 0) return { profileId: inputs.currentId, reason: 'hold' };
  const position = allowed.findIndex((profile) => profile.id === inputs.currentId);

  if (inputs.manualId !== null) {
    const manual = allowedProfiles(inputs.available, inputs.caps, { includeSuperseded: true }).find(
      (profile) => profile.id === inputs.manualId,
    );
    if (manual) return { profileId: manual.id, reason: manual.id === inputs.currentId ? 'hold' : 'manual' };
  }
  if (position < 0) {
    const current = inputs.available.find((profile) => profile.id === inputs.currentId);
    if (current && (current.codec === 'jpeg') !== (allowed[0].codec === 'jpeg')) return { profileId: allowed[0].id, reason: 'codec' };
    // Over a cap: the largest allowed profile not above the current one.
    const fitting = current ? allowed.filter((profile) => byCost(profile, current) <= 0) : [];
    return { profileId: (fitting[fitting.length - 1] ?? allowed[0]).id, reason: 'cap' };
  }
  if (inputs.secondsSinceSwitch < MIN_SECONDS_BETWEEN_SWITCHES) return { profileId: inputs.currentId, reason: 'hold' };

  const current = allowed[position];
  const starving = inputs.playing && inputs.bufferAheadS < LOW_BUFFER_S;
  const decoderBehind = inputs.playing && inputs.lateFrameRatio > LATE_FRAME_LIMIT;
  if ((starving || decoderBehind) && position > 0) {
    // Straight down to what the link has shown it carries, at least one step.
    let target = position - 1;
    if (starving && inputs.capacityKbps !== null) {
      while (target > 0 && allowed[target].bitrateKbps * UP_HEADROOM > inputs.capacityKbps) target -= 1;
    }
    return { profileId: allowed[target].id, reason: 'down' };
  }

  const next = allowed[position + 1];
  if (next && !decoderBehind && inputs.lateFrameRatio <= LATE_FRAME_LIMIT / 2) {
    if (inputs.bufferAheadS >= HIGH_BUFFER_S && inputs.capacityKbps !== null && inputs.capacityKbps >= next.bitrateKbps * UP_HEADROOM) {
      return { profileId: next.id, reason: 'up' };
    }
    if (inputs.bufferAheadS >= PROBE_BUFFER_S && inputs.secondsSinceSwitch >= PROBE_UP_AFTER_S) {
      return { profileId: next.id, reason: 'probe-up' };
    }
  }
  return { profileId: current.id, reason: 'hold' };
}

function byCost(a: StreamProfileInfo, b: StreamProfileInfo): number {
  return a.width * a.height - b.width * b.height || a.bitrateKbps - b.bitrateKbps;
}

export interface ConnectionHints {
  saveData?: boolean;
  effectiveType?: string;
  type?: string;
}

/** effectiveType values on which a 720p stream stalls or eats a data plan: the one list (the render choice reads it too). */
export const SLOW_EFFECTIVE_TYPES: readonly string[] = ['slow-2g', '2g', '3g'];

/**
 * saveData, a cellular link or a slow one (3G and below) all ask for the data-saver cap.
 * The render choice (decide-render-path) keeps the device for saveData or a slow link, the
 * same two, but not for cellular alone: a cellular link caps what is streamed, it does not
 * make streaming as such too costly.
 */
export function connectionAsksToSaveData(hints: ConnectionHints | null | undefined): boolean {
  if (!hints) return false;
  if (hints.saveData === true) return true;
  if (hints.type === 'cellular') return true;
  return hints.effectiveType !== undefined && SLOW_EFFECTIVE_TYPES.includes(hints.effectiveType);
}
