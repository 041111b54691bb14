// The route audit log: one append-only line per studio action, written inside the same
// transaction as the change it records, so a change and its line land or fail together.
import type { SqlQueries } from '../db/sql-client';

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
  record(entry: AuditEntryInput, at: string): Promise<AuditEntry>;
  list(query?: AuditQuery): Promise<AuditEntry[]>;
}

const COLUMNS = `id, at, staff_id AS "staffId", staff_email AS "staffEmail", action, route_id AS "routeId", revision,
  source_route_id AS "sourceRouteId", source_revision AS "sourceRevision"`;

/** Binds the log to a migrated database; record() belongs inside the caller's write transaction (pass its `tx`). */
export function createRouteAuditLog(db: SqlQueries): RouteAuditLog {
  return {
    async record(entry, at) {
      const sourceRouteId = entry.sourceRouteId ?? null;
      const sourceRevision = entry.sourceRevision ?? null;
      const inserted = await db.get<{ id: number }>(
        `INSERT INTO route_audit_log (at, staff_id, staff_email, action, route_id, revision, source_route_id, source_revision)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [at, entry.actor.staffId, entry.actor.email, entry.action, entry.routeId, entry.revision, sourceRouteId, sourceRevision],
      );
      return {
        id: inserted!.id,
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

    async list(query = {}) {
      const limit = Math.max(1, Math.min(MAX_AUDIT_PAGE, Math.floor(query.limit ?? 50)));
      const beforeId = query.beforeId ?? Number.MAX_SAFE_INTEGER;
      // Two statements rather than "? IS NULL OR …": Postgres cannot type a parameter that is only compared with NULL.
      return query.routeId === undefined
        ? db.all<AuditEntry>(`SELECT ${COLUMNS} FROM route_audit_log WHERE id < ? ORDER BY id DESC LIMIT ?`, [beforeId, limit])
        : db.all<AuditEntry>(`SELECT ${COLUMNS} FROM route_audit_log WHERE route_id = ? AND id < ? ORDER BY id DESC LIMIT ?`, [
            query.routeId,
            beforeId,
            limit,
          ]);
    },
  };
}
