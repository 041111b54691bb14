// A route revision's bakes as the studio shows them while a curator waits: one line per
// profile of the newest scene version, and the catalogue's readiness summary. The render
// server computes it from its bake table and answers it over HTTP (render-api-contract.ts).
import type { RouteBakeProgress } from '../render-api/render-api-contract';
import type { BakeJob } from './bake-contracts';
import { summarizeCloudReadiness } from './cloud-readiness';
import { PROFILE_IDS } from '@/scenes/protocol/profile-ladder';

export type { ProfileBakeProgress, RouteBakeProgress } from '../render-api/render-api-contract';

export function routeBakeProgress(jobs: readonly BakeJob[], revision: number): RouteBakeProgress {
  const forRevision = jobs.filter((job) => job.revision === revision);
  const newest = forRevision.reduce<BakeJob | null>((latest, job) => (latest === null || job.id > latest.id ? job : latest), null);
  const current = newest === null ? [] : forRevision.filter((job) => job.sceneVersion === newest.sceneVersion);
  const profiles = PROFILE_IDS.flatMap((profileId) => {
    const job = current.find((candidate) => candidate.profileId === profileId);
    return job === undefined
      ? []
      : [{ profileId, status: job.status, framesDone: job.framesDone, framesTotal: job.framesTotal, framesPerSecond: job.framesPerSecond }];
  });
  return { revision, readiness: summarizeCloudReadiness(jobs, revision), profiles };
}
