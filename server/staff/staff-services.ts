// The staff stores over one database connection: opened on their own by the CLI and
// tests; the web app builds them on its shared connection (server/web/web-app-services.ts).
import type Database from 'better-sqlite3';
import { openDatabase, resolveDatabasePath } from '../db/database';
import { createLoginThrottle, type LoginThrottle } from './login-throttle';
import { createSessionStore, type SessionStore } from './session-store';
import { createSetupTokenStore, type SetupTokenStore } from './setup-token-store';
import { systemNowMs, type NowMs } from './staff-clock';
import { createStaffMemberStore, type StaffMemberStore } from './staff-member-store';

export interface StaffServices {
  db: Database.Database;
  nowMs: NowMs;
  members: StaffMemberStore;
  sessions: SessionStore;
  throttle: LoginThrottle;
  setupTokens: SetupTokenStore;
  close(): void;
}

/** Builds the stores on an open, migrated database; close() closes it. */
export function createStaffServices(db: Database.Database, nowMs: NowMs = systemNowMs): StaffServices {
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

export function openStaffServices(filePath: string = resolveDatabasePath(), nowMs: NowMs = systemNowMs): StaffServices {
  // Accounts, revocations and sessions are security state: a revoked session must not
  // come back after a crash, so every answered write is synced.
  return createStaffServices(openDatabase(filePath, { synchronous: 'FULL' }), nowMs);
}
