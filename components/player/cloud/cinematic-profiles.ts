// Which streamed profiles carry the cinematic picture (the render server's own tier: volumetric
// cloud sea, sun shadows, vegetation) and which standard ones it supersedes. The cinematic bake
// lands after the standard ladder, so a route gains these profiles some time after it streams.
import { QUALITY_PROFILES, type ProfileId } from '@/scenes/protocol/profile-ladder';

export function isCinematicProfile(id: string): boolean {
  return Object.hasOwn(QUALITY_PROFILES, id) && QUALITY_PROFILES[id as ProfileId].sceneTier === 'cinematic';
}

/** Whether any of these baked profiles is cinematic. */
export function hasCinematicProfile(profileIds: readonly string[]): boolean {
  return profileIds.some(isCinematicProfile);
}

/**
 * Drops the standard profiles as tall as the smallest cinematic one or taller: once the
 * cinematic 720p is there, stepping up from it to the standard 1080p would trade the cloud sea
 * and shadows for pixels. Smaller standard profiles stay as the rungs a thin link steps down to.
 */
export function withoutSupersededProfiles<T extends { id: string; height: number }>(profiles: readonly T[]): T[] {
  const cinematicHeights = profiles.filter((profile) => isCinematicProfile(profile.id)).map((profile) => profile.height);
  if (cinematicHeights.length === 0) return [...profiles];
  const lowest = Math.min(...cinematicHeights);
  return profiles.filter((profile) => isCinematicProfile(profile.id) || profile.height < lowest);
}
