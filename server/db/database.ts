// Opens the embedded SQLite database: resolves its file, applies the pragmas the
// app relies on, and migrates the schema before anyone queries it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from './migrations';

export const DEFAULT_DB_PATH = 'data/yunshan.sqlite';
const BUSY_TIMEOUT_MS = 5000;

/** The database file: env YUNSHAN_DB_PATH, else data/yunshan.sqlite, relative to the process cwd. */
export function resolveDatabasePath(env: Readonly<Record<string, string | undefined>> = process.env, cwd: string = process.cwd()): string {
  const configured = env.YUNSHAN_DB_PATH?.trim();
  return path.resolve(cwd, configured ? configured : DEFAULT_DB_PATH);
}

export interface OpenDatabaseOptions {
  /**
   * FULL syncs the WAL on every commit, so an answered write survives a crash or power
   * loss right after it; NORMAL (the default) may lose the last commits, which only
   * reads and re-runnable work (the published-route cache, bake progress) can afford.
   */
  synchronous?: 'NORMAL' | 'FULL';
}

export function openDatabase(filePath: string, options: OpenDatabaseOptions = {}): Database.Database {
  const synchronous = options.synchronous ?? 'NORMAL';
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const db = new Database(filePath);
  try {
    // busy_timeout first: the WAL switch and the migrations may wait on another process.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    applyMigrations(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
