// Studio sessions (SQLite or Postgres): created at login, looked up by the SHA-256 of the
// cookie's token, ended by idle time, absolute age, logout or revocation.
import type { SqlQueries } from '../db/sql-client';
import type { StaffRole, StaffSession } from './staff-contracts';
import { generateSecretToken, hashSecretToken, isWellFormedSecretToken } from './secret-token';
import type { NowMs } from './staff-clock';

/** A session unused this long ends; each authenticated request pushes this back. */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** No session outlives this, however active: a stolen cookie is useful for one working day at most. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Sliding writes at most this often per session, so a busy editor does not write on every request. */
const SLIDE_GRANULARITY_MS = 15 * 1000;

export interface NewSession {
  /** The bearer token for the cookie; only its hash is stored, so this is the one chance to read it. */
  token: string;
  session: StaffSession;
  absoluteExpiresAtMs: number;
}

export interface SessionStore {
  create(staffId: number): Promise<NewSession>;
  /** The live session for a token, its idle expiry slid forward; null when unknown, expired or its staff is gone. */
  resolve(token: string): Promise<StaffSession | null>;
  /** Ends one session (logout). */
  delete(sessionId: number): Promise<void>;
  /** Ends every session of one staff member (revoke); returns how many ended. */
  deleteAllFor(staffId: number): Promise<number>;
  /** Removes rows that can no longer be used. */
  deleteExpired(): Promise<number>;
}

interface SessionRow {
  sessionId: number;
  idleExpiresAtMs: number;
  absoluteExpiresAtMs: number;
  lastSeenAtMs: number;
  staffId: number;
  email: string;
  role: StaffRole;
  displayName: string | null;
}

// The join drops sessions whose staff row is gone (cascade should already have).
const SESSION_BY_TOKEN_HASH = `
  SELECT s.id AS "sessionId", s.idle_expires_at_ms AS "idleExpiresAtMs", s.absolute_expires_at_ms AS "absoluteExpiresAtMs",
         s.last_seen_at_ms AS "lastSeenAtMs", m.id AS "staffId", m.email, m.role, m.display_name AS "displayName"
  FROM staff_sessions s JOIN staff_members m ON m.id = s.staff_id
  WHERE s.token_sha256 = ?`;

const DELETE_BY_ID = 'DELETE FROM staff_sessions WHERE id = ?';

export function createSessionStore(db: SqlQueries, nowMs: NowMs): SessionStore {
  return {
    async create(staffId) {
      const member = await db.get<{ email: string; role: StaffRole; displayName: string | null }>(
        'SELECT email, role, display_name AS "displayName" FROM staff_members WHERE id = ?',
        [staffId],
      );
      if (member === undefined) throw new Error(`No staff member ${staffId} to open a session for.`);
      const token = generateSecretToken();
      const now = nowMs();
      const absoluteExpiresAtMs = now + SESSION_ABSOLUTE_LIFETIME_MS;
      const idleExpiresAtMs = Math.min(now + SESSION_IDLE_TIMEOUT_MS, absoluteExpiresAtMs);
      const inserted = await db.get<{ id: number }>(
        `INSERT INTO staff_sessions (staff_id, token_sha256, created_at_ms, last_seen_at_ms, idle_expires_at_ms, absolute_expires_at_ms)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
        [staffId, hashSecretToken(token), now, now, idleExpiresAtMs, absoluteExpiresAtMs],
      );
      return {
        token,
        absoluteExpiresAtMs,
        session: {
          staff: { id: staffId, ...member },
          sessionId: inserted!.id,
          expiresAt: new Date(idleExpiresAtMs).toISOString(),
        },
      };
    },

    async resolve(token) {
      if (!isWellFormedSecretToken(token)) return null;
      const row = await db.get<SessionRow>(SESSION_BY_TOKEN_HASH, [hashSecretToken(token)]);
      if (row === undefined) return null;
      const now = nowMs();
      if (now >= row.idleExpiresAtMs || now >= row.absoluteExpiresAtMs) {
        await db.run(DELETE_BY_ID, [row.sessionId]);
        return null;
      }
      let idleExpiresAtMs = row.idleExpiresAtMs;
      if (now - row.lastSeenAtMs >= SLIDE_GRANULARITY_MS) {
        idleExpiresAtMs = Math.min(now + SESSION_IDLE_TIMEOUT_MS, row.absoluteExpiresAtMs);
        await db.run('UPDATE staff_sessions SET last_seen_at_ms = ?, idle_expires_at_ms = ? WHERE id = ?', [
          now,
          idleExpiresAtMs,
          row.sessionId,
        ]);
      }
      return {
        staff: { id: row.staffId, email: row.email, role: row.role, displayName: row.displayName },
        sessionId: row.sessionId,
        expiresAt: new Date(idleExpiresAtMs).toISOString(),
      };
    },

    async delete(sessionId) {
      await db.run(DELETE_BY_ID, [sessionId]);
    },
    deleteAllFor: (staffId) => db.run('DELETE FROM staff_sessions WHERE staff_id = ?', [staffId]),
    deleteExpired() {
      const now = nowMs();
      return db.run('DELETE FROM staff_sessions WHERE idle_expires_at_ms <= ? OR absolute_expires_at_ms <= ?', [now, now]);
    },
  };
}
