// The one-time link that creates the first admin when there is none: a random
// token, stored hashed with an expiry, spent by the first (and only) use.
import type Database from 'better-sqlite3';
import { generateSecretToken, hashSecretToken, isWellFormedSecretToken } from './secret-token';
import type { NowMs } from './staff-clock';

export const SETUP_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export interface SetupTokenStore {
  /** A fresh token; any earlier unused ones stop working, so only the latest printed link counts. */
  issue(): { token: string; expiresAtMs: number };
  /** True when the token is live (unused, unexpired), without spending it. */
  isLive(token: string): boolean;
  /** Spends the token; true only for the one call that found it live. Run inside the transaction that creates the admin. */
  spend(token: string): boolean;
}

export function createSetupTokenStore(db: Database.Database, nowMs: NowMs): SetupTokenStore {
  const retireUnused = db.prepare<[number]>('UPDATE staff_setup_tokens SET used_at_ms = ? WHERE used_at_ms IS NULL');
  const insert = db.prepare<[string, number, number]>(
    'INSERT INTO staff_setup_tokens (token_sha256, created_at_ms, expires_at_ms) VALUES (?, ?, ?)',
  );
  const live = db.prepare<[string, number], 1>(
    'SELECT 1 FROM staff_setup_tokens WHERE token_sha256 = ? AND used_at_ms IS NULL AND expires_at_ms > ?',
  ).pluck();
  const spendRow = db.prepare<[number, string, number]>(
    'UPDATE staff_setup_tokens SET used_at_ms = ? WHERE token_sha256 = ? AND used_at_ms IS NULL AND expires_at_ms > ?',
  );
  const issueAtomically = db.transaction(() => {
    const now = nowMs();
    const token = generateSecretToken();
    const expiresAtMs = now + SETUP_TOKEN_LIFETIME_MS;
    retireUnused.run(now);
    insert.run(hashSecretToken(token), now, expiresAtMs);
    return { token, expiresAtMs };
  });

  return {
    issue: () => issueAtomically.immediate(),
    isLive: (token) => isWellFormedSecretToken(token) && live.get(hashSecretToken(token), nowMs()) !== undefined,
    spend(token) {
      if (!isWellFormedSecretToken(token)) return false;
      const now = nowMs();
      return spendRow.run(now, hashSecretToken(token), now).changes === 1;
    },
  };
}
