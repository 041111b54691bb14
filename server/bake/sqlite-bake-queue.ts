// The embedded bake queue: a table in the app's SQLite file. A claim leases a job to one
// worker until its lease expires; heartbeats renew the lease and publish progress; a job
// whose worker died is claimed again, ahead of jobs not yet begun, so an interrupted bake
// resumes first. Every state change is one IMMEDIATE transaction.
import type Database from 'better-sqlite3';
import { openDatabase } from '../db/database';
import { DataIntegrityError } from '../errors';
import type { BakeJob, BakeJobStatus, BakeQueue } from './bake-contracts';
import { LeaseLostError } from './bake-queue-errors';
import { isProfileId, PROFILE_IDS } from '@/scenes/protocol/profile-ladder';

export const DEFAULT_MAX_ATTEMPTS = 3;

export interface SqliteBakeQueueOptions {
  /** A job fails for good after this many tries that failed or lost their worker. */
  maxAttempts?: number;
  /** Epoch milliseconds; tests move it to expire leases. */
  now?: () => number;
}

export interface SqliteBakeQueue extends BakeQueue {
  countByStatus(): Promise<Record<BakeJobStatus, number>>;
  /**
   * Takes back at once the running jobs whose lease owner is known dead (a previous run of
   * this node), instead of waiting out their leases; each counts as a lost try. Returns how many.
   */
  reclaimLeases(isLostOwner: (leaseOwner: string) => boolean): Promise<number>;
  close(): void;
}

/** A job as SQLite gives it back: the profile id not yet checked, and the lease beside it. */
type JobRow = Omit<BakeJob, 'profileId'> & {
  profileId: string;
  leaseOwner: string | null;
  leaseExpiresAtMs: number | null;
};

const JOB_COLUMNS = `id, route_id AS routeId, revision, profile_id AS profileId, scene_version AS sceneVersion, status,
  frames_done AS framesDone, frames_total AS framesTotal, frames_per_second AS framesPerSecond, attempts, error,
  updated_at AS updatedAt, lease_owner AS leaseOwner, lease_expires_at_ms AS leaseExpiresAtMs`;

// Built from the profile ladder at run time, so a reordered ladder needs no migration.
const BAKE_ORDER_SQL = `CASE profile_id ${PROFILE_IDS.map((id, order) => `WHEN '${id}' THEN ${order}`).join(' ')} ELSE ${PROFILE_IDS.length} END`;

export function openSqliteBakeQueue(filePath: string, options: SqliteBakeQueueOptions = {}): SqliteBakeQueue {
  return createSqliteBakeQueue(openDatabase(filePath), options);
}

/** Wraps an open, migrated database; the queue owns it from then on and closes it. */
export function createSqliteBakeQueue(db: Database.Database, options: SqliteBakeQueueOptions = {}): SqliteBakeQueue {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error(`maxAttempts must be a positive integer, not ${maxAttempts}`);
  const now = options.now ?? Date.now;

  const selectByKey = db.prepare<[string, number, string, string], JobRow>(
    `SELECT ${JOB_COLUMNS} FROM bake_jobs WHERE route_id = ? AND revision = ? AND profile_id = ? AND scene_version = ?`,
  );
  const selectById = db.prepare<[number], JobRow>(`SELECT ${JOB_COLUMNS} FROM bake_jobs WHERE id = ?`);
  const insertJob = db.prepare<[string, number, string, string, number, string, string]>(
    `INSERT INTO bake_jobs (route_id, revision, profile_id, scene_version, status, frames_total, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'queued', ?, ?, ?)`,
  );
  const nextClaimable = db.prepare<[number], JobRow>(
    `SELECT ${JOB_COLUMNS} FROM bake_jobs
     WHERE status = 'queued' OR (status = 'running' AND lease_expires_at_ms <= ?)
     ORDER BY (started_at IS NULL), ${BAKE_ORDER_SQL}, created_at, id
     LIMIT 1`,
  );
  const markLeased = db.prepare<[string, number, number, string, string, string, number]>(
    `UPDATE bake_jobs SET status = 'running', lease_owner = ?, lease_expires_at_ms = ?, attempts = ?,
       heartbeat_at = ?, updated_at = ?, started_at = COALESCE(started_at, ?)
     WHERE id = ?`,
  );
  const markFailed = db.prepare<[number, string, string, string, number]>(
    `UPDATE bake_jobs SET status = 'failed', attempts = ?, error = ?, lease_owner = NULL, lease_expires_at_ms = NULL,
       updated_at = ?, finished_at = ?
     WHERE id = ?`,
  );
  const markQueued = db.prepare<[number, string | null, string, number]>(
    `UPDATE bake_jobs SET status = 'queued', attempts = ?, error = ?, lease_owner = NULL, lease_expires_at_ms = NULL, updated_at = ?
     WHERE id = ?`,
  );
  const renewLease = db.prepare<[number, number | null, number, string, string, number, string]>(
    `UPDATE bake_jobs SET frames_done = MIN(?, frames_total), frames_per_second = ?, lease_expires_at_ms = ?, heartbeat_at = ?, updated_at = ?
     WHERE id = ? AND status = 'running' AND lease_owner = ?`,
  );
  const markDone = db.prepare<[string, string, number, string]>(
    `UPDATE bake_jobs SET status = 'done', frames_done = frames_total, error = NULL, lease_owner = NULL, lease_expires_at_ms = NULL,
       updated_at = ?, finished_at = ?
     WHERE id = ? AND status = 'running' AND lease_owner = ?`,
  );
  const listAll = db.prepare<[], JobRow>(
    `SELECT ${JOB_COLUMNS} FROM bake_jobs ORDER BY route_id, revision, ${BAKE_ORDER_SQL}, scene_version`,
  );
  const listForRoute = db.prepare<[string], JobRow>(
    `SELECT ${JOB_COLUMNS} FROM bake_jobs WHERE route_id = ? ORDER BY revision, ${BAKE_ORDER_SQL}, scene_version`,
  );
  const selectRunning = db.prepare<[], JobRow>(`SELECT ${JOB_COLUMNS} FROM bake_jobs WHERE status = 'running'`);
  const countStatuses = db.prepare<[], { status: BakeJobStatus; count: number }>(
    'SELECT status, COUNT(*) AS count FROM bake_jobs GROUP BY status',
  );

  const isoNow = () => new Date(now()).toISOString();

  const enqueue = db.transaction((job: Parameters<BakeQueue['enqueue']>[0]): JobRow => {
    const existing = selectByKey.get(job.routeId, job.revision, job.profileId, job.sceneVersion);
    if (existing !== undefined) return existing;
    const timestamp = isoNow();
    const { lastInsertRowid } = insertJob.run(
      job.routeId,
      job.revision,
      job.profileId,
      job.sceneVersion,
      job.framesTotal,
      timestamp,
      timestamp,
    );
    return selectById.get(Number(lastInsertRowid)) as JobRow;
  });

  const claim = db.transaction((workerId: string, leaseMs: number): JobRow | null => {
    const nowMs = now();
    const timestamp = new Date(nowMs).toISOString();
    for (;;) {
      const candidate = nextClaimable.get(nowMs);
      if (candidate === undefined) return null;
      let attempts = candidate.attempts;
      if (candidate.status === 'running') {
        // Its worker stopped renewing the lease: that try is lost, like a failure.
        attempts += 1;
        if (attempts >= maxAttempts) {
          const lastError = candidate.error === null ? '' : ` Last error: ${candidate.error}`;
          markFailed.run(
            attempts,
            `Its worker was lost (lease expired) and it has used all ${maxAttempts} tries.${lastError}`,
            timestamp,
            timestamp,
            candidate.id,
          );
          continue;
        }
      }
      markLeased.run(workerId, nowMs + leaseMs, attempts, timestamp, timestamp, timestamp, candidate.id);
      return selectById.get(candidate.id) as JobRow;
    }
  });

  const heartbeat = db.transaction(
    (jobId: number, workerId: string, framesDone: number, framesPerSecond: number | null, leaseMs: number) => {
      const nowMs = now();
      const timestamp = new Date(nowMs).toISOString();
      const { changes } = renewLease.run(framesDone, framesPerSecond, nowMs + leaseMs, timestamp, timestamp, jobId, workerId);
      if (changes === 0) throw new LeaseLostError(jobId, workerId);
    },
  );

  const complete = db.transaction((jobId: number, workerId: string) => {
    const timestamp = isoNow();
    if (markDone.run(timestamp, timestamp, jobId, workerId).changes === 0) throw new LeaseLostError(jobId, workerId);
  });

  const leasedTo = (jobId: number, workerId: string): JobRow => {
    const row = selectById.get(jobId);
    if (row === undefined || row.status !== 'running' || row.leaseOwner !== workerId) throw new LeaseLostError(jobId, workerId);
    return row;
  };

  const fail = db.transaction((jobId: number, workerId: string, error: string, retry: boolean) => {
    const row = leasedTo(jobId, workerId);
    const attempts = row.attempts + 1;
    const timestamp = isoNow();
    if (retry && attempts < maxAttempts) markQueued.run(attempts, error, timestamp, jobId);
    else markFailed.run(attempts, error, timestamp, timestamp, jobId);
  });

  const reclaimLeases = db.transaction((isLostOwner: (leaseOwner: string) => boolean): number => {
    const timestamp = isoNow();
    let reclaimed = 0;
    for (const row of selectRunning.all()) {
      if (row.leaseOwner === null || !isLostOwner(row.leaseOwner)) continue;
      // Like an expired lease: the try is lost; a job out of tries fails rather than loops.
      const attempts = row.attempts + 1;
      if (attempts >= maxAttempts) {
        const lastError = row.error === null ? '' : ` Last error: ${row.error}`;
        markFailed.run(attempts, `Its worker was lost and it has used all ${maxAttempts} tries.${lastError}`, timestamp, timestamp, row.id);
      } else {
        markQueued.run(attempts, row.error, timestamp, row.id);
      }
      reclaimed++;
    }
    return reclaimed;
  });

  const release = db.transaction((jobId: number, workerId: string) => {
    const row = leasedTo(jobId, workerId);
    markQueued.run(row.attempts, row.error, isoNow(), jobId);
  });

  return {
    async enqueue(job) {
      if (!isProfileId(job.profileId)) throw new Error(`Unknown profile "${String(job.profileId)}"`);
      if (!Number.isInteger(job.framesTotal) || job.framesTotal < 1)
        throw new Error(`framesTotal must be a positive integer, not ${job.framesTotal}`);
      return toBakeJob(enqueue.immediate(job));
    },
    async claim(workerId, leaseMs) {
      assertLease(leaseMs);
      const row = claim.immediate(workerId, leaseMs);
      return row === null ? null : toBakeJob(row);
    },
    async heartbeat(jobId, workerId, progress, leaseMs) {
      assertLease(leaseMs);
      heartbeat.immediate(jobId, workerId, Math.max(0, Math.floor(progress.framesDone)), progress.framesPerSecond, leaseMs);
    },
    async complete(jobId, workerId) {
      complete.immediate(jobId, workerId);
    },
    async fail(jobId, workerId, error, retry) {
      fail.immediate(jobId, workerId, error, retry);
    },
    async release(jobId, workerId) {
      release.immediate(jobId, workerId);
    },
    async list(filter = {}) {
      const rows = filter.routeId === undefined ? listAll.all() : listForRoute.all(filter.routeId);
      return rows.map(toBakeJob);
    },
    async reclaimLeases(isLostOwner) {
      return reclaimLeases.immediate(isLostOwner);
    },
    async countByStatus() {
      const counts: Record<BakeJobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
      for (const { status, count } of countStatuses.all()) counts[status] = count;
      return counts;
    },
    close() {
      db.close();
    },
  };
}

function assertLease(leaseMs: number): void {
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new Error(`A lease lasts a positive number of milliseconds, not ${leaseMs}`);
}

function toBakeJob(row: JobRow): BakeJob {
  if (!isProfileId(row.profileId)) throw new DataIntegrityError(`bake job ${row.id} names an unknown profile "${row.profileId}".`);
  return {
    id: row.id,
    routeId: row.routeId,
    revision: row.revision,
    profileId: row.profileId,
    sceneVersion: row.sceneVersion,
    status: row.status,
    framesDone: row.framesDone,
    framesTotal: row.framesTotal,
    framesPerSecond: row.framesPerSecond,
    attempts: row.attempts,
    error: row.error,
    updatedAt: row.updatedAt,
  };
}
