// Staff accounts (SQLite or Postgres): who may sign in to the studio, with which role, and
// the Argon2id hash of their password. All staff_members SQL lives here.
import { inWriteTransaction, type SqlClient, type SqlQueries } from '../db/sql-client';
import { isUniqueViolation } from '../db/unique-violation';
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
  add(member: NewStaffMember): Promise<StaffMember>;
  getById(id: number): Promise<StaffMember | null>;
  getByEmail(email: string): Promise<StaffMember | null>;
  credentialsByEmail(email: string): Promise<StaffCredentials | null>;
  list(nowMs: number): Promise<StaffMemberListing[]>;
  countAdmins(): Promise<number>;
  updatePasswordHash(id: number, passwordHash: string): Promise<void>;
  /** Deletes the member and, by cascade, their sessions. Refuses to remove the last admin. */
  remove(id: number): Promise<boolean>;
}

interface StaffRow {
  id: number;
  email: string;
  role: StaffRole;
  displayName: string | null;
}

const MEMBER_COLUMNS = 'id, email, role, display_name AS "displayName"';

const LIST_ALL = `
  SELECT m.id, m.email, m.role, m.display_name AS "displayName", m.created_at AS "createdAt",
         (SELECT COUNT(*) FROM staff_sessions s
           WHERE s.staff_id = m.id AND s.idle_expires_at_ms > ? AND s.absolute_expires_at_ms > ?) AS "activeSessionCount"
  FROM staff_members m ORDER BY m.email`;
const COUNT_ADMINS = `SELECT COUNT(*) AS admins FROM staff_members WHERE role = 'admin'`;

/** On the client itself; inside a transaction, on its `tx` (remove() then joins the caller's transaction). */
export function createStaffMemberStore(
  db: SqlClient | SqlQueries,
  nowIso: () => string = () => new Date().toISOString(),
): StaffMemberStore {
  const byId = (id: number) => db.get<StaffRow>(`SELECT ${MEMBER_COLUMNS} FROM staff_members WHERE id = ?`, [id]);
  const countAdmins = async (on: SqlQueries = db) => (await on.get<{ admins: number }>(COUNT_ADMINS))?.admins ?? 0;

  return {
    async add({ email, role, displayName = null, passwordHash }) {
      const at = nowIso();
      try {
        const inserted = await db.get<{ id: number }>(
          'INSERT INTO staff_members (email, role, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
          [email, role, displayName, passwordHash, at, at],
        );
        return { id: inserted!.id, email, role, displayName };
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('A staff member with this email already exists.');
        throw error;
      }
    },
    getById: async (id) => (await byId(id)) ?? null,
    getByEmail: async (email) => (await db.get<StaffRow>(`SELECT ${MEMBER_COLUMNS} FROM staff_members WHERE email = ?`, [email])) ?? null,
    async credentialsByEmail(email) {
      const row = await db.get<StaffRow & { passwordHash: string }>(
        `SELECT ${MEMBER_COLUMNS}, password_hash AS "passwordHash" FROM staff_members WHERE email = ?`,
        [email],
      );
      if (row === undefined) return null;
      const { passwordHash, ...member } = row;
      return { member, passwordHash };
    },
    list: (nowMs) => db.all<StaffMemberListing>(LIST_ALL, [nowMs, nowMs]),
    countAdmins: () => countAdmins(),
    async updatePasswordHash(id, passwordHash) {
      await db.run('UPDATE staff_members SET password_hash = ?, updated_at = ? WHERE id = ?', [passwordHash, nowIso(), id]);
    },
    // One writer: the last-admin check and the delete must see the same table.
    remove: (id) =>
      inWriteTransaction(db, async (tx) => {
        const member = await tx.get<StaffRow>(`SELECT ${MEMBER_COLUMNS} FROM staff_members WHERE id = ?`, [id]);
        if (member === undefined) return false;
        if (member.role === 'admin' && (await countAdmins(tx)) === 1) {
          throw new ConflictError('This is the only admin; add another admin before removing this one.');
        }
        await tx.run('DELETE FROM staff_members WHERE id = ?', [id]);
        return true;
      }),
  };
}
