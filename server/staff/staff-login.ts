// Signing in: throttle check, password verification, session creation. Unknown
// emails take the same path and the same time as wrong passwords (a dummy
// Argon2id verification), and both end in the same 'invalid' result.
import { needsRehash, hashPassword, verifyAgainstDummy, verifyPassword } from './password-hash';
import type { StaffSession } from './staff-contracts';
import { normaliseEmail } from './staff-email';
import type { StaffServices } from './staff-services';

export type LoginResult =
  | { kind: 'signed_in'; token: string; session: StaffSession; absoluteExpiresAtMs: number }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfterS: number };

export interface LoginInput {
  email: string;
  password: string;
  clientAddress: string;
}

export async function signIn(services: StaffServices, { email, password, clientAddress }: LoginInput): Promise<LoginResult> {
  const normalisedEmail = normaliseEmail(email);
  const decision = await services.throttle.begin(normalisedEmail, clientAddress);
  if (!decision.allowed) return { kind: 'throttled', retryAfterS: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)) };

  const credentials = await services.members.credentialsByEmail(normalisedEmail);
  const passwordMatches =
    credentials === null ? await verifyAgainstDummy(password) : await verifyPassword(credentials.passwordHash, password);
  if (credentials === null || !passwordMatches) return { kind: 'invalid' };

  await services.throttle.succeed(decision.attemptId);
  if (needsRehash(credentials.passwordHash)) {
    await services.members.updatePasswordHash(credentials.member.id, await hashPassword(password));
  }
  const created = await services.sessions.create(credentials.member.id);
  return { kind: 'signed_in', token: created.token, session: created.session, absoluteExpiresAtMs: created.absoluteExpiresAtMs };
}
