// The guard every studio route handler and server action calls itself: who is
// signed in (session cookie checked against the database) and may they do this.
import { ForbiddenError, UnauthorizedError } from '../errors';
import { readSessionToken } from './session-cookie';
import { roleAllows, type StaffRole, type StaffSession } from './staff-contracts';
import type { StaffServices } from './staff-services';

export { assertSameOrigin } from './same-origin';
export { readJsonBody, PayloadTooLargeError, DEFAULT_MAX_BODY_BYTES } from './request-body';

/**
 * The live session of the request's cookie, its idle expiry slid forward.
 * Throws UnauthorizedError (401) without a valid session (missing, unknown,
 * expired, revoked, staff removed) and ForbiddenError (403) when the role
 * does not allow `role`.
 */
export async function requireStaff(request: Request, role: StaffRole, services: StaffServices): Promise<StaffSession> {
  const session = await currentStaffSession(request, services);
  if (session === null) throw new UnauthorizedError('Please sign in to the studio.');
  if (!roleAllows(session.staff.role, role)) {
    throw new ForbiddenError(role === 'admin' ? 'Only admins may do this.' : 'Your role does not allow this.');
  }
  return session;
}

/** The request's session, or null when there is none; for pages that show a login link instead of failing. */
export async function currentStaffSession(request: Request, services: StaffServices): Promise<StaffSession | null> {
  const token = readSessionToken(request);
  return token === null ? null : services.sessions.resolve(token);
}
