// Staff accounts in SQLite: who may sign in to the studio, with which role, and
// the Argon2id hash of their password. All staff_members SQL lives here.
import type Database from 'better-sqlite3';
import { ConflictError } from '../errors';
import type { StaffMember, StaffRole } from './staff-contracts';

export interface StaffMemberListing extends StaffMember {
  createdAt: string;
  activeSessionCount: number;
}

export interface NewStaffMember {
  /** Already normalised (see staff-email.ts). */
  email: string;
  role: StaffRole;
  displayName?: string | null;
  passwordHash: string;
}

export interface StaffCredentials {
  member: StaffMember;
  passwordHash: string;
}

export interface StaffMemberStore {
  add(member: NewStaffMember): StaffMember;
  getById(id: number): StaffMember | null;
  getByEmail(email: string): StaffMember | null;
  credentialsByEmail(email: string): StaffCredentials | null;
  list(nowMs: number): StaffMemberListing[];
  countAdmins(): number;
  updatePasswordHash(id: number, passwordHash: string): void;
  /** Deletes the member and, by cascade, their sessions. Refuses to remove the last admin. */
  remove(id: number): boolean;
}

interface StaffRow {
  id: number;
  email: string;
  role: StaffRole;
  displayName: string | null;
}

const MEMBER_COLUMNS = 'id, email, role, display_name AS displayName';

export function createStaffMemberStore(db: Database.Database, nowIso: () => string = () => new Date().toISOString()): StaffMemberStore {
  const insert = db.prepare<[string, StaffRole, string | null, string, string, string]>(
    `INSERT INTO staff_members (email, role, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[number], StaffRow>(`SELECT ${MEMBER_COLUMNS} FROM staff_members WHERE id = ?`);
  const byEmail = db.prepare<[string], StaffRow>(`SELECT ${MEMBER_COLUMNS} FROM staff_members WHERE email = ?`);
  const credentials = db.prepare<[string], StaffRow & { passwordHash: string }>(
    `SELECT ${MEMBER_COLUMNS}, password_hash AS passwordHash FROM staff_members WHERE email = ?`,
  );
  const listAll = db.prepare<[number, number], StaffRow & { createdAt: string; activeSessionCount: number }>(
    `SELECT m.id, m.email, m.role, m.display_name AS displayName, m.created_at AS createdAt,
            (SELECT COUNT(*) FROM staff_sessions s
              WHERE s.staff_id = m.id AND s.idle_expires_at_ms > ? AND s.absolute_expires_at_ms > ?) AS activeSessionCount
     FROM staff_members m ORDER BY m.email`,
  );
  const admins = db.prepare<[], number>(`SELECT COUNT(*) FROM staff_members WHERE role = 'admin'`).pluck();
  const setHash = db.prepare<[string, string, number]>('UPDATE staff_members SET password_hash = ?, updated_at = ? WHERE id = ?');
  const deleteById = db.prepare<[number]>('DELETE FROM staff_members WHERE id = ?');

  const removeChecked = db.transaction((id: number): boolean => {
    const member = byId.get(id);
    if (member === undefined) return false;
    if (member.role === 'admin' && admins.get() === 1) {
      throw new ConflictError('This is the only admin; add another admin before removing this one.');
    }
    deleteById.run(id);
    return true;
  });

  return {
    add({ email, role, displayName = null, passwordHash }) {
      const at = nowIso();
      try {
        const { lastInsertRowid } = insert.run(email, role, displayName, passwordHash, at, at);
        return { id: Number(lastInsertRowid), email, role, displayName };
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('A staff member with this email already exists.');
        throw error;
      }
    },
    getById: (id) => byId.get(id) ?? null,
    getByEmail: (email) => byEmail.get(email) ?? null,
    credentialsByEmail(email) {
      const row = credentials.get(email);
      if (row === undefined) return null;
      const { passwordHash, ...member } = row;
      return { member, passwordHash };
    },
    list: (nowMs) => listAll.all(nowMs, nowMs),
    countAdmins: () => admins.get() ?? 0,
    updatePasswordHash(id, passwordHash) {
      setHash.run(passwordHash, nowIso(), id);
    },
    // IMMEDIATE: the last-admin check and the delete must see the same table.
    remove: (id) => removeChecked.immediate(id),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
