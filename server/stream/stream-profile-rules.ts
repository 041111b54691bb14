// Which baked profiles a viewer may stream, and which one it starts on: pure rules over
// the route's manifests and what the viewer said it can decode.
import { QUALITY_PROFILES, type ProfileId } from '@/scenes/protocol/profile-ladder';
import { decodesVideo, sameRungIn, streamableProfiles, type DecodableCodecs } from '@/scenes/protocol/codec-choice';
import type { JoinMessage } from '@/scenes/protocol/client-messages';
import type { ProfileSummary } from '@/scenes/protocol/server-messages';
import type { BakedRoute } from './baked-route-source';

export function profileSummary(id: ProfileId): ProfileSummary {
  const profile = QUALITY_PROFILES[id];
  return { id, codec: profile.codec, width: profile.width, height: profile.height, bitrateKbps: profile.bitrateKbps };
}

/**
 * Baked profiles the viewer can decode, one per rung (its VP9 twin where it decodes VP9 and
 * the bake has one: codec-choice.ts), capped at 360p on data saver or cellular, cheapest first.
 */
export function allowedProfiles(route: Pick<BakedRoute, 'manifests'>, join: Pick<JoinMessage, 'capabilities'>): ProfileId[] {
  const { saveData, connectionType } = join.capabilities;
  const capHeight = saveData || connectionType === 'cellular' ? 360 : Number.POSITIVE_INFINITY;
  return streamableProfiles((id) => route.manifests.has(id), decodableCodecs(join)).filter(
    (id) => QUALITY_PROFILES[id].height <= capHeight,
  );
}

/**
 * The asked-for profile (or its twin in the other codec) if allowed; else the tallest allowed
 * no taller than it, preferring a video codec where one decodes; else the smallest.
 */
export function chooseProfile(allowed: readonly ProfileId[], join: Pick<JoinMessage, 'profile' | 'capabilities'>): ProfileId | null {
  const sameRung = sameRungIn(join.profile, allowed);
  if (sameRung !== null) return sameRung;
  const video = decodesVideo(decodableCodecs(join));
  const preferred = (id: ProfileId) => Number((QUALITY_PROFILES[id].codec !== 'jpeg') === video);
  const desiredHeight = QUALITY_PROFILES[join.profile].height;
  const ranked = [...allowed].sort((a, b) => {
    const pa = QUALITY_PROFILES[a];
    const pb = QUALITY_PROFILES[b];
    return preferred(b) - preferred(a) || pb.height - pa.height;
  });
  return (
    ranked.find((id) => QUALITY_PROFILES[id].height <= desiredHeight) ??
    [...allowed].sort((a, b) => QUALITY_PROFILES[a].height - QUALITY_PROFILES[b].height)[0] ??
    null
  );
}

/** What the viewer's join says WebCodecs decodes (an older player says nothing of VP9). */
function decodableCodecs(join: Pick<JoinMessage, 'capabilities'>): DecodableCodecs {
  return { vp8: join.capabilities.webcodecsVp8, vp9: join.capabilities.webcodecsVp9 === true };
}
