// Which baked profiles a viewer may stream, and which one it starts on: pure rules over
// the route's manifests and what the viewer said it can decode.
import { QUALITY_PROFILES, PROFILE_IDS, type ProfileId } from '@/scenes/protocol/profile-ladder';
import type { JoinMessage } from '@/scenes/protocol/client-messages';
import type { ProfileSummary } from '@/scenes/protocol/server-messages';
import type { BakedRoute } from './baked-route-source';

export function profileSummary(id: ProfileId): ProfileSummary {
  const profile = QUALITY_PROFILES[id];
  return { id, codec: profile.codec, width: profile.width, height: profile.height, bitrateKbps: profile.bitrateKbps };
}

/** Baked profiles the viewer can decode, capped at 360p on data saver or cellular, cheapest first. */
export function allowedProfiles(route: Pick<BakedRoute, 'manifests'>, join: Pick<JoinMessage, 'capabilities'>): ProfileId[] {
  const { webcodecsVp8, saveData, connectionType } = join.capabilities;
  const capHeight = saveData || connectionType === 'cellular' ? 360 : Number.POSITIVE_INFINITY;
  return PROFILE_IDS.filter((id) => {
    const profile = QUALITY_PROFILES[id];
    return route.manifests.has(id) && profile.height <= capHeight && (webcodecsVp8 || profile.codec === 'jpeg');
  });
}

/** The asked-for profile if allowed; else the tallest allowed no taller than it, preferring VP8 where it decodes; else the smallest. */
export function chooseProfile(allowed: readonly ProfileId[], join: Pick<JoinMessage, 'profile' | 'capabilities'>): ProfileId | null {
  if (allowed.includes(join.profile)) return join.profile;
  const codec = join.capabilities.webcodecsVp8 ? 'vp8' : 'jpeg';
  const desiredHeight = QUALITY_PROFILES[join.profile].height;
  const ranked = [...allowed].sort((a, b) => {
    const pa = QUALITY_PROFILES[a];
    const pb = QUALITY_PROFILES[b];
    return Number(pb.codec === codec) - Number(pa.codec === codec) || pb.height - pa.height;
  });
  return (
    ranked.find((id) => QUALITY_PROFILES[id].height <= desiredHeight) ??
    [...allowed].sort((a, b) => QUALITY_PROFILES[a].height - QUALITY_PROFILES[b].height)[0] ??
    null
  );
}
