// Login throttling per (account, client address) and per client address: a few free
// failures, then a delay that doubles with each further failure. An account is never
// throttled as a whole, or anyone could keep its owner out by failing its logins from
// elsewhere; a guesser at one address meets both limits. Keys are what was typed, so
// an unknown email is throttled exactly like a real one and reveals nothing.
import type Database from 'better-sqlite3';
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
  begin(email: string, clientAddress: string): ThrottleDecision;
  /** Marks a begun attempt as successful: the counter of its account at its address restarts. */
  succeed(attemptId: number): void;
}

interface FailureSummary {
  failures: number;
  lastFailureAtMs: number | null;
}

export function createLoginThrottle(
  db: Database.Database,
  nowMs: NowMs,
  policies: { account: ThrottlePolicy; address: ThrottlePolicy } = { account: ACCOUNT_THROTTLE, address: ADDRESS_THROTTLE },
): LoginThrottle {
  const accountFailures = db.prepare<{ email: string; address: string; sinceMs: number }, FailureSummary>(
    `SELECT COUNT(*) AS failures, MAX(at_ms) AS lastFailureAtMs FROM staff_login_attempts
     WHERE email = @email AND client_address = @address AND succeeded = 0
       AND at_ms > MAX(@sinceMs, COALESCE((SELECT MAX(at_ms) FROM staff_login_attempts
                                           WHERE email = @email AND client_address = @address AND succeeded = 1), 0))`,
  );
  const addressFailures = db.prepare<[string, number], FailureSummary>(
    `SELECT COUNT(*) AS failures, MAX(at_ms) AS lastFailureAtMs FROM staff_login_attempts
     WHERE client_address = ? AND succeeded = 0 AND at_ms > ?`,
  );
  const insert = db.prepare<[string, string, number]>(
    'INSERT INTO staff_login_attempts (email, client_address, succeeded, at_ms) VALUES (?, ?, 0, ?)',
  );
  const markSucceeded = db.prepare<[number]>('UPDATE staff_login_attempts SET succeeded = 1 WHERE id = ?');
  const prune = db.prepare<[number]>('DELETE FROM staff_login_attempts WHERE at_ms < ?');
  const longestWindowMs = Math.max(policies.account.windowMs, policies.address.windowMs);

  const waitMs = (summary: FailureSummary, policy: ThrottlePolicy, now: number): number => {
    if (summary.lastFailureAtMs === null) return 0;
    return Math.max(0, summary.lastFailureAtMs + throttleDelayMs(summary.failures, policy) - now);
  };

  const beginAtomically = db.transaction((email: string, clientAddress: string): ThrottleDecision => {
    const now = nowMs();
    prune.run(now - longestWindowMs);
    const account = accountFailures.get({ email, address: clientAddress, sinceMs: now - policies.account.windowMs })!;
    const address = addressFailures.get(clientAddress, now - policies.address.windowMs)!;
    const retryAfterMs = Math.max(waitMs(account, policies.account, now), waitMs(address, policies.address, now));
    if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
    return { allowed: true, attemptId: Number(insert.run(email, clientAddress, now).lastInsertRowid) };
  });

  return {
    begin: (email, clientAddress) => beginAtomically.immediate(email, clientAddress),
    succeed(attemptId) {
      markSucceeded.run(attemptId);
    },
  };
}
