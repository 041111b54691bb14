// Whether a flight can be looked around from the cloud: a sphere profile of its published
// revision has finished baking for the render server's current scene version. Read from the
// same bake-state answer as the cloud's "Preparing, N %", so the catalogue's 360° mark and the
// studio's "360° ready" come and go with the bake queue itself, never from a setting.
// Pure, and free of zod: the catalogue and the studio list import it.
import type { CloudReadiness } from '@/server/render-api/render-api-contract';
import { isSphereProfile, type ProfileId } from '@/scenes/protocol/profile-ladder';

/** The sphere profiles among those baked, cheapest first; empty until one has finished. */
export function bakedSphereProfiles(readiness: CloudReadiness | null | undefined): ProfileId[] {
  if (readiness?.state !== 'ready') return [];
  return readiness.profilesReady.filter(isSphereProfile);
}

/** True once any sphere profile of the revision is baked: the cloud can then turn the view without the server. */
export function lookAroundReady(readiness: CloudReadiness | null | undefined): boolean {
  return bakedSphereProfiles(readiness).length > 0;
}
