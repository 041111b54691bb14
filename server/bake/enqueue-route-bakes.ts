// Puts bakes on the queue: one job per rendered profile for a route revision, cheapest profile
// first; and the same for every published route, which the render server does at start.
import type { RouteStore, PublishedRoute } from '../routes/route-store';
import type { BakeJob, BakeQueue } from './bake-contracts';
import { frameCountFor } from '@/scenes/protocol/frame-timing';
import { BAKED_PROFILE_IDS, DEFAULT_BAKE_PROFILE_IDS, type ProfileId } from '@/scenes/protocol/profile-ladder';

/** Idempotent: jobs already queued, running, done or failed are returned as they are. */
export async function enqueueRouteBakes(
  queue: BakeQueue,
  published: Pick<PublishedRoute, 'route' | 'revision'>,
  sceneVersion: string,
  profiles: readonly ProfileId[] = DEFAULT_BAKE_PROFILE_IDS,
): Promise<BakeJob[]> {
  const jobs: BakeJob[] = [];
  for (const profileId of inBakeOrder(profiles)) {
    jobs.push(
      await queue.enqueue({
        routeId: published.route.id,
        revision: published.revision,
        profileId,
        sceneVersion,
        framesTotal: frameCountFor(published.route.durationS),
      }),
    );
  }
  return jobs;
}

/** Every published route's latest revision, profile by profile across routes, so every route's cheapest bake is queued first. */
export async function enqueuePublishedRouteBakes(
  queue: BakeQueue,
  routes: Pick<RouteStore, 'listPublished'>,
  sceneVersion: string,
  profiles: readonly ProfileId[] = DEFAULT_BAKE_PROFILE_IDS,
): Promise<BakeJob[]> {
  const published = await routes.listPublished();
  const jobs: BakeJob[] = [];
  for (const profileId of inBakeOrder(profiles)) {
    for (const entry of published) jobs.push(...(await enqueueRouteBakes(queue, entry, sceneVersion, [profileId])));
  }
  return jobs;
}

function inBakeOrder(profiles: readonly ProfileId[]): ProfileId[] {
  // A VP9 profile has no job of its own: its VP8 twin's bake encodes it (profile-ladder.ts).
  return BAKED_PROFILE_IDS.filter((id) => profiles.includes(id));
}
