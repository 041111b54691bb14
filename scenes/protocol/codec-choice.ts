// Which codec a viewer streams each rung of the ladder in: VP9 where the browser decodes it
// and the route has the VP9 twin baked, VP8 where it does not (an older bake, or a browser
// without VP9), JPEG where there is no WebCodecs at all. One profile per rung reaches the
// player, so its adaptive logic climbs the same ladder whatever the codec. Pure: the server
// runs it on join (WebRTC, socket.io and the HTTP handoff alike), tests run it on tables.
import { PROFILE_IDS, QUALITY_PROFILES, vp9TwinOf, type ProfileCodec, type ProfileId } from './profile-ladder';

/** What a browser said it decodes (VideoDecoder.isConfigSupported); JPEG always decodes. */
export interface DecodableCodecs {
  vp8: boolean;
  vp9: boolean;
}

/** The VideoDecoder codec string of each WebCodecs codec: VP9 profile 0, level 1.0, 8 bit. */
export const WEBCODECS_CODEC_STRINGS = { vp8: 'vp8', vp9: 'vp09.00.10.08' } as const satisfies Record<
  Exclude<ProfileCodec, 'jpeg'>,
  string
>;

export function decodes(codec: ProfileCodec, codecs: DecodableCodecs): boolean {
  return codec === 'jpeg' || codecs[codec];
}

/** Whether WebCodecs decodes a video codec here: JPEG is then only a last resort (it costs more bytes). */
export function decodesVideo(codecs: DecodableCodecs): boolean {
  return codecs.vp8 || codecs.vp9;
}

/**
 * The baked profiles to offer, in ladder order, one per rung: a rung's VP9 twin replaces its
 * VP8 profile when both the browser and the bake have it. The JPEG profile is offered to
 * every browser, as before (the player only picks it without a video codec).
 */
export function streamableProfiles(baked: (id: ProfileId) => boolean, codecs: DecodableCodecs): ProfileId[] {
  const chosen: ProfileId[] = [];
  for (const id of PROFILE_IDS) {
    const profile = QUALITY_PROFILES[id];
    if (profile.encodedBeside !== undefined) continue; // offered in its twin's place, below
    const twin = vp9TwinOf(id);
    if (twin !== null && codecs.vp9 && baked(twin)) chosen.push(twin);
    else if (baked(id) && decodes(profile.codec, codecs)) chosen.push(id);
  }
  return chosen;
}

/**
 * The profile among `offered` that shows the same frames as `requested`: itself, or its VP8
 * or VP9 twin (a player that asks for 720p while it streams VP9 gets 720p-vp9). Null when
 * none is offered.
 */
export function sameRungIn(requested: ProfileId, offered: readonly ProfileId[]): ProfileId | null {
  if (offered.includes(requested)) return requested;
  const rendered = QUALITY_PROFILES[requested].encodedBeside ?? requested;
  return offered.find((id) => id === rendered || QUALITY_PROFILES[id].encodedBeside === rendered) ?? null;
}
