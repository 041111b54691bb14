// A catalogue poster per route revision, rendered by the bake's own pool from the same
// scene: a still a few seconds into the first sight, when the landmark is in view.
import type { Route } from '../../scenes/routes/route-schema';
import type { FrameStore, RendererPool } from './bake-contracts';

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

/** Renders and stores the poster unless the store has one; returns whether it rendered. */
export async function bakePosterIfMissing(route: Route, revision: number, pool: RendererPool, store: FrameStore): Promise<boolean> {
  if ((await store.readPoster(route.id, revision)) !== null) return false;
  const jpeg = await pool.renderStill(route, posterTimeS(route), POSTER_WIDTH_PX, POSTER_HEIGHT_PX);
  await store.writePoster(route.id, revision, jpeg);
  return true;
}
