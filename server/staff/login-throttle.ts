// Login throttling per (account, client address) and per client address: a few free
// failures, then a delay that doubles with each further failure. An account is never
// throttled as a whole, or anyone could keep its owner out by failing its logins from
// elsewhere; a guesser at one address meets both limits. Keys are what was typed, so
// an unknown email is throttled exactly like a real one and reveals nothing.
import type { SqlClient } from '../db/sql-client';
import type { NowMs } from './staff-clock';

export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  freeFailures: number;
  /** Delay after the first failure beyond the free ones; doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

/** Per account at one address; that pair's counter restarts at each successful login. */
export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  freeFailures: 5,
  baseDelayMs: 2_000,
  maxDelayMs: 15 * 60 * 1000,
  windowMs: 24 * 60 * 60 * 1000,
};

/**
 * An address may be an office sharing one public IP, so it gets more free tries;
 * its counter does not restart on success, or one valid account would reset it.
 */
export const ADDRESS_THROTTLE: ThrottlePolicy = {
  freeFailures: 20,
  baseDelayMs: 2_000,
  maxDelayMs: 15 * 60 * 1000,
  windowMs: 60 * 60 * 1000,
};

/** How long to wait after the latest of `failures` consecutive failures. */
export function throttleDelayMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = failures - policy.freeFailures;
  // 2^40 ms is decades: every larger exponent is capped anyway.
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(doublings, 40));
}

export type ThrottleDecision = { allowed: true; attemptId: number } | { allowed: false; retryAfterMs: number };

export interface LoginThrottle {
  /**
   * Checks the (account, address) and the address keys and, when allowed, records the attempt as a failure in the
   * same transaction, so parallel guesses cannot all slip past one check.
   */
  begin(email: string, clientAddress: string): Promise<ThrottleDecision>;
  /** Marks a begun attempt as successful: the counter of its account at its address restarts. */
  succeed(attemptId: number): Promise<void>;
}

interface FailureSummary {
  failures: number;
  lastFailureAtMs: number | null;
}

// A pair's failures since the later of the window's start and its last success ("at_ms > both"
// rather than SQLite's two-argument MAX, which Postgres spells GREATEST).
const ACCOUNT_FAILURES = `
  SELECT COUNT(*) AS failures, MAX(at_ms) AS "lastFailureAtMs" FROM staff_login_attempts
  WHERE email = ? AND client_address = ? AND succeeded = 0 AND at_ms > ?
    AND at_ms > COALESCE((SELECT MAX(at_ms) FROM staff_login_attempts WHERE email = ? AND client_address = ? AND succeeded = 1), 0)`;

const ADDRESS_FAILURES = `
  SELECT COUNT(*) AS failures, MAX(at_ms) AS "lastFailureAtMs" FROM staff_login_attempts
  WHERE client_address = ? AND succeeded = 0 AND at_ms > ?`;

export function createLoginThrottle(
  db: SqlClient,
  nowMs: NowMs,
  policies: { account: ThrottlePolicy; address: ThrottlePolicy } = { account: ACCOUNT_THROTTLE, address: ADDRESS_THROTTLE },
): LoginThrottle {
  const longestWindowMs = Math.max(policies.account.windowMs, policies.address.windowMs);

  const waitMs = (summary: FailureSummary, policy: ThrottlePolicy, now: number): number => {
    if (summary.lastFailureAtMs === null) return 0;
    return Math.max(0, summary.lastFailureAtMs + throttleDelayMs(summary.failures, policy) - now);
  };

  return {
    begin: (email, clientAddress) =>
      db.transaction(async (tx): Promise<ThrottleDecision> => {
        const now = nowMs();
        await tx.run('DELETE FROM staff_login_attempts WHERE at_ms < ?', [now - longestWindowMs]);
        const account = (await tx.get<FailureSummary>(ACCOUNT_FAILURES, [
          email,
          clientAddress,
          now - policies.account.windowMs,
          email,
          clientAddress,
        ]))!;
        const address = (await tx.get<FailureSummary>(ADDRESS_FAILURES, [clientAddress, now - policies.address.windowMs]))!;
        const retryAfterMs = Math.max(waitMs(account, policies.account, now), waitMs(address, policies.address, now));
        if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
        const inserted = await tx.get<{ id: number }>(
          'INSERT INTO staff_login_attempts (email, client_address, succeeded, at_ms) VALUES (?, ?, 0, ?) RETURNING id',
          [email, clientAddress, now],
        );
        return { allowed: true, attemptId: inserted!.id };
      }),
    async succeed(attemptId) {
      await db.run('UPDATE staff_login_attempts SET succeeded = 1 WHERE id = ?', [attemptId]);
    },
  };
}
