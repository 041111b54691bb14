// The route audit log: one append-only line per studio action, written inside the same
// transaction as the change it records, so a change and its line land or fail together.
import type Database from 'better-sqlite3';

export const AUDIT_ACTIONS = ['created', 'saved', 'published', 'restored', 'archived', 'unarchived', 'duplicated'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did it, as the studio knows them from their session. */
export interface AuditActor {
  staffId: number;
  email: string;
}

export interface AuditEntryInput {
  actor: AuditActor;
  action: AuditAction;
  routeId: string;
  revision: number | null;
  sourceRouteId?: string | null;
  sourceRevision?: number | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  staffId: number;
  staffEmail: string;
  action: AuditAction;
  routeId: string;
  revision: number | null;
  sourceRouteId: string | null;
  sourceRevision: number | null;
}

export interface AuditQuery {
  routeId?: string;
  /** Entries with an id below this one (for paging back through the log). */
  beforeId?: number;
  /** At most this many, newest first; capped at MAX_AUDIT_PAGE. */
  limit?: number;
}

export const MAX_AUDIT_PAGE = 200;

export interface RouteAuditLog {
  record(entry: AuditEntryInput, at: string): AuditEntry;
  list(query?: AuditQuery): AuditEntry[];
}

const COLUMNS = `id, at, staff_id AS staffId, staff_email AS staffEmail, action, route_id AS routeId, revision,
  source_route_id AS sourceRouteId, source_revision AS sourceRevision`;

/** Binds the log to a migrated database; callers wrap record() in their own write transaction. */
export function createRouteAuditLog(db: Database.Database): RouteAuditLog {
  const insert = db.prepare<[string, number, string, string, string, number | null, string | null, number | null]>(
    `INSERT INTO route_audit_log (at, staff_id, staff_email, action, route_id, revision, source_route_id, source_revision)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectPage = db.prepare<[{ routeId: string | null; beforeId: number; limit: number }], AuditEntry>(
    `SELECT ${COLUMNS} FROM route_audit_log
     WHERE (@routeId IS NULL OR route_id = @routeId) AND id < @beforeId
     ORDER BY id DESC LIMIT @limit`,
  );

  return {
    record(entry, at) {
      const sourceRouteId = entry.sourceRouteId ?? null;
      const sourceRevision = entry.sourceRevision ?? null;
      const { lastInsertRowid } = insert.run(
        at,
        entry.actor.staffId,
        entry.actor.email,
        entry.action,
        entry.routeId,
        entry.revision,
        sourceRouteId,
        sourceRevision,
      );
      return {
        id: Number(lastInsertRowid),
        at,
        staffId: entry.actor.staffId,
        staffEmail: entry.actor.email,
        action: entry.action,
        routeId: entry.routeId,
        revision: entry.revision,
        sourceRouteId,
        sourceRevision,
      };
    },

    list(query = {}) {
      const limit = Math.max(1, Math.min(MAX_AUDIT_PAGE, Math.floor(query.limit ?? 50)));
      return selectPage.all({ routeId: query.routeId ?? null, beforeId: query.beforeId ?? Number.MAX_SAFE_INTEGER, limit });
    },
  };
}
