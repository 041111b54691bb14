// The one-time link that creates the first admin when there is none: a random
// token, stored hashed with an expiry, spent by the first (and only) use.
import { inWriteTransaction, type SqlClient, type SqlQueries } from '../db/sql-client';
import { generateSecretToken, hashSecretToken, isWellFormedSecretToken } from './secret-token';
import type { NowMs } from './staff-clock';

export const SETUP_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export interface SetupTokenStore {
  /** A fresh token; any earlier unused ones stop working, so only the latest printed link counts. */
  issue(): Promise<{ token: string; expiresAtMs: number }>;
  /** True when the token is live (unused, unexpired), without spending it. */
  isLive(token: string): Promise<boolean>;
  /** Spends the token; true only for the one call that found it live. Run inside the transaction that creates the admin. */
  spend(token: string): Promise<boolean>;
}

/** On the client itself; inside a transaction, on its `tx` (issue() is then the caller's transaction's). */
export function createSetupTokenStore(db: SqlClient | SqlQueries, nowMs: NowMs): SetupTokenStore {
  return {
    issue: () =>
      inWriteTransaction(db, async (tx) => {
        const now = nowMs();
        const token = generateSecretToken();
        const expiresAtMs = now + SETUP_TOKEN_LIFETIME_MS;
        await tx.run('UPDATE staff_setup_tokens SET used_at_ms = ? WHERE used_at_ms IS NULL', [now]);
        await tx.run('INSERT INTO staff_setup_tokens (token_sha256, created_at_ms, expires_at_ms) VALUES (?, ?, ?)', [
          hashSecretToken(token),
          now,
          expiresAtMs,
        ]);
        return { token, expiresAtMs };
      }),
    async isLive(token) {
      if (!isWellFormedSecretToken(token)) return false;
      const row = await db.get(
        'SELECT 1 AS "live" FROM staff_setup_tokens WHERE token_sha256 = ? AND used_at_ms IS NULL AND expires_at_ms > ?',
        [hashSecretToken(token), nowMs()],
      );
      return row !== undefined;
    },
    async spend(token) {
      if (!isWellFormedSecretToken(token)) return false;
      const now = nowMs();
      const changed = await db.run(
        'UPDATE staff_setup_tokens SET used_at_ms = ? WHERE token_sha256 = ? AND used_at_ms IS NULL AND expires_at_ms > ?',
        [now, hashSecretToken(token), now],
      );
      return changed === 1;
    },
  };
}
