// Whether a route revision can be streamed from the cloud yet, summarised from its bake
// jobs for the catalogue: ready once the first streamable profile is baked.
import type { BakeJob } from './bake-contracts';
import type { CloudReadiness } from '../render-api/render-api-contract';
import { PROFILE_IDS, QUALITY_PROFILES, type ProfileId } from '@/scenes/protocol/profile-ladder';

/** The profile a phone streams first: the cheapest video profile. */
export const FIRST_STREAMABLE_PROFILE: ProfileId = PROFILE_IDS.find((id) => QUALITY_PROFILES[id].codec === 'vp8') ?? '360p';

// The shape is the render server's API contract, shared with the web app and the browser.
export type { CloudReadiness } from '../render-api/render-api-contract';

export function summarizeCloudReadiness(jobs: readonly BakeJob[], revision: number): CloudReadiness {
  const forRevision = jobs.filter((job) => job.revision === revision);
  if (forRevision.length === 0) return { state: 'none' };
  // Frames of an older scene version no longer match what visitors see: only the newest counts.
  const newest = forRevision.reduce((latest, job) => (job.id > latest.id ? job : latest));
  const current = forRevision.filter((job) => job.sceneVersion === newest.sceneVersion);
  const profilesReady = PROFILE_IDS.filter((id) => current.some((job) => job.profileId === id && job.status === 'done'));
  if (profilesReady.includes(FIRST_STREAMABLE_PROFILE)) return { state: 'ready', profilesReady };
  const first = current.find((job) => job.profileId === FIRST_STREAMABLE_PROFILE);
  if (!first) return { state: 'none' };
  if (first.status === 'failed') return { state: 'failed' };
  if (first.status === 'queued' && first.framesDone === 0) return { state: 'queued' };
  return { state: 'baking', percent: Math.min(99, Math.floor((100 * first.framesDone) / first.framesTotal)) };
}
