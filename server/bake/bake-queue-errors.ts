// Errors of the bake queue that a worker acts on.

export const LEASE_LOST_CODE = 'bake_lease_lost';

/** The job is no longer leased to this worker: its lease expired and another took it, or it was removed. Stop working on it. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
  readonly code = LEASE_LOST_CODE;
  readonly jobId: number;

  constructor(jobId: number, workerId: string) {
    super(`Bake job ${jobId} is no longer leased to worker ${workerId}.`);
    this.jobId = jobId;
  }
}

/** Why a job fails for good when its route revision is no longer published (not retried). */
export function notPublishedReason(job: { routeId: string; revision: number }): string {
  return `Route "${job.routeId}" revision ${job.revision} is no longer published; nothing to bake.`;
}

/** By code, not `instanceof`: a module loaded twice has two classes, and the queue may come from the other copy. */
export function isLeaseLostError(error: unknown): error is LeaseLostError {
  return error instanceof Error && (error as Partial<LeaseLostError>).code === LEASE_LOST_CODE;
}
