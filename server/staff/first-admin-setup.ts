// The first admin without a default password: when the database has no admin, a
// one-time link (printed at start) lets whoever runs the server create one.
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import { hashPassword } from './password-hash';
import { createSetupTokenStore } from './setup-token-store';
import { assertPasswordAcceptable, NewStaffAccountSchema } from './staff-accounts';
import type { StaffMember } from './staff-contracts';
import { createStaffMemberStore } from './staff-member-store';
import type { StaffServices } from './staff-services';

export const SETUP_PATH = '/studio/setup';

const SETUP_LINK_DEAD_MESSAGE = 'This setup link has expired or was already used. Run `npm run staff -- setup-link` for a new one.';

/** A fresh setup link when there is no admin yet, otherwise null (earlier links stop working). */
export async function issueSetupLinkIfNoAdmin(
  services: StaffServices,
  baseUrl: string,
): Promise<{ url: string; expiresAtMs: number } | null> {
  if ((await services.members.countAdmins()) > 0) return null;
  const { token, expiresAtMs } = await services.setupTokens.issue();
  const url = new URL(SETUP_PATH, baseUrl);
  url.searchParams.set('token', token);
  return { url: url.toString(), expiresAtMs };
}

export interface FirstAdminInput {
  token: string;
  email: string;
  password: string;
  displayName?: string | null;
}

/**
 * Creates the first admin and spends the token in one transaction, so two people
 * racing with the same link cannot both succeed, and a refused password keeps the link alive.
 */
export async function createFirstAdmin(services: StaffServices, input: FirstAdminInput): Promise<StaffMember> {
  const parsed = NewStaffAccountSchema.safeParse({
    email: input.email,
    role: 'admin',
    displayName: input.displayName ?? null,
    password: input.password,
  });
  if (!parsed.success) throw new ValidationError('The new admin is not valid.', parsed.error.issues);
  const { email, displayName, password } = parsed.data;
  await assertPasswordAcceptable(password, email);
  // The token first: without a live one, a stranger gets the same answer whether or
  // not an admin exists, so the endpoint does not tell them.
  if (!(await services.setupTokens.isLive(input.token))) throw new ForbiddenError(SETUP_LINK_DEAD_MESSAGE);
  if ((await services.members.countAdmins()) > 0) throw new ConflictError('An admin exists already: sign in instead.');
  const passwordHash = await hashPassword(password);
  return services.db.transaction(async (tx): Promise<StaffMember> => {
    const members = createStaffMemberStore(tx, () => new Date(services.nowMs()).toISOString());
    if ((await members.countAdmins()) > 0) throw new ConflictError('An admin exists already: sign in instead.');
    if (!(await createSetupTokenStore(tx, services.nowMs).spend(input.token))) throw new ForbiddenError(SETUP_LINK_DEAD_MESSAGE);
    return members.add({ email, role: 'admin', displayName: displayName ?? null, passwordHash });
  });
}
