// Errors of the bake queue that a worker acts on.

/** The job is no longer leased to this worker: its lease expired and another took it, or it was removed. Stop working on it. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
  readonly jobId: number;

  constructor(jobId: number, workerId: string) {
    super(`Bake job ${jobId} is no longer leased to worker ${workerId}.`);
    this.jobId = jobId;
  }
}
