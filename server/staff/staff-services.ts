// The staff stores over one database client (SQLite or Postgres): opened on their own by
// the CLI and tests; the web app builds them on its shared client (server/web/web-app-services.ts).
import { openDatabase, resolveDatabasePath } from '../db/database';
import { openSqlClient } from '../db/open-sql-client';
import type { SqlClient } from '../db/sql-client';
import { createSqliteSqlClient, type SqliteSqlClient } from '../db/sqlite-sql-client';
import { createLoginThrottle, type LoginThrottle } from './login-throttle';
import { createSessionStore, type SessionStore } from './session-store';
import { createSetupTokenStore, type SetupTokenStore } from './setup-token-store';
import { systemNowMs, type NowMs } from './staff-clock';
import { createStaffMemberStore, type StaffMemberStore } from './staff-member-store';

export interface StaffServices {
  db: SqlClient;
  nowMs: NowMs;
  members: StaffMemberStore;
  sessions: SessionStore;
  throttle: LoginThrottle;
  setupTokens: SetupTokenStore;
  close(): Promise<void>;
}

/** Builds the stores on an open, migrated client; close() closes it. */
export function createStaffServices(db: SqlClient, nowMs: NowMs = systemNowMs): StaffServices {
  return {
    db,
    nowMs,
    members: createStaffMemberStore(db, () => new Date(nowMs()).toISOString()),
    sessions: createSessionStore(db, nowMs),
    throttle: createLoginThrottle(db, nowMs),
    setupTokens: createSetupTokenStore(db, nowMs),
    close: () => db.close(),
  };
}

/** The stores on the SQLite file alone (tests, and a file named outright). */
export function openStaffServices(
  filePath: string = resolveDatabasePath(),
  nowMs: NowMs = systemNowMs,
): StaffServices & { db: SqliteSqlClient } {
  // Accounts, revocations and sessions are security state: a revoked session must not
  // come back after a crash, so every answered write is synced.
  const db = createSqliteSqlClient(openDatabase(filePath, { synchronous: 'FULL' }));
  return { ...createStaffServices(db, nowMs), db };
}

/** The CLI's stores: Postgres when YUNSHAN_DATABASE_URL names one, else the SQLite file (YUNSHAN_DB_PATH or the default). */
export async function openConfiguredStaffServices(
  env: Readonly<Record<string, string | undefined>> = process.env,
  nowMs: NowMs = systemNowMs,
): Promise<StaffServices> {
  return createStaffServices(await openSqlClient({ env, synchronous: 'FULL' }), nowMs);
}
