// A catalogue poster per route revision, rendered by the bake's own pool from the same
// scene: a still a few seconds into the first sight, when the landmark is in view. The first
// bake of a revision (the cheapest profile) leaves a poster at the pool's tier, so the card has
// a picture within minutes; when the revision's cinematic bake lands, the poster is drawn again
// at the cinematic tier (the same scene, pose and sub-frame accumulation as the cinematic bake's
// frame at that moment) and replaces it, so the catalogue shows the better picture.
import type { Route } from '@/scenes/routes/route-schema';
import type { SceneTier } from '@/scenes/world/quality-tiers';
import type { FrameStore, RendererPool } from './bake-contracts';
import { QUALITY_PROFILES, type ProfileId } from '@/scenes/protocol/profile-ladder';

/** The catalogue card's picture size (components/catalogue/RouteCard). */
export const POSTER_WIDTH_PX = 960;
export const POSTER_HEIGHT_PX = 540;

/**
 * A few seconds into the sight named after the route's landmark (the showpiece), else into
 * the first sight, else a third of the way: the landmark is in view and the flight is under way.
 */
export function posterTimeS(route: Route): number {
  const sight = route.pointsOfInterest.find((poi) => poi.id === route.landmark) ?? route.pointsOfInterest[0];
  return sight ? Math.min(route.durationS, sight.timeS + Math.min(4, sight.dwellS / 2)) : route.durationS / 3;
}

/**
 * The tier a poster is drawn at after a bake of this profile, or null to keep whatever poster
 * is stored: after a cinematic bake, the cinematic tier, always (it replaces the standard
 * poster); after a standard one, the pool's own tier, and only where there is no poster yet
 * (a standard re-bake must not overwrite a cinematic poster).
 */
export function posterTierAfter(profileId: ProfileId, hasPoster: boolean): SceneTier | 'pool' | null {
  if (QUALITY_PROFILES[profileId].sceneTier === 'cinematic') return 'cinematic';
  return hasPoster ? null : 'pool';
}

/** Renders and stores the poster a finished bake of `profileId` calls for; returns the tier drawn, or null when it kept the stored one. */
export async function bakePosterAfter(
  route: Route,
  revision: number,
  profileId: ProfileId,
  pool: RendererPool,
  store: FrameStore,
): Promise<SceneTier | 'pool' | null> {
  const tier = posterTierAfter(profileId, (await store.readPoster(route.id, revision)) !== null);
  if (tier === null) return null;
  const jpeg = await pool.renderStill(
    route,
    posterTimeS(route),
    POSTER_WIDTH_PX,
    POSTER_HEIGHT_PX,
    'jpeg',
    tier === 'pool' ? undefined : tier,
  );
  await store.writePoster(route.id, revision, jpeg);
  return tier;
}
