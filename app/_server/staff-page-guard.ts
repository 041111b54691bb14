// The studio guard for server components and server actions, which see request
// headers but no Request: a missing session sends the visitor to the login page.
// Next-specific (next/headers, redirect, forbidden), so it lives on the web app's side;
// the session check itself is server/staff's.
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { readSessionTokenFromHeaders } from '@/server/staff/session-cookie';
import { roleAllows, type StaffRole, type StaffSession } from '@/server/staff/staff-contracts';
import { webServices } from './web-services';

export const STUDIO_LOGIN_PATH = '/studio/login';

/** The signed-in staff member's session, or null; slides the idle expiry like requireStaff. */
export async function currentStaffSessionForPage(): Promise<StaffSession | null> {
  const requestHeaders = await headers();
  // Next sets x-forwarded-proto from the socket when no proxy did.
  const secure = requestHeaders.get('x-forwarded-proto')?.split(',')[0].trim().toLowerCase() === 'https';
  const token = readSessionTokenFromHeaders(requestHeaders, secure);
  return token === null ? null : await (await webServices()).staff.sessions.resolve(token);
}

/**
 * For studio pages and server actions: redirects to the login page without a
 * session; when the role does not allow `role`, Next answers 403 with
 * app/forbidden.tsx (a thrown error would be a 500).
 */
export async function requireStaffForPage(role: StaffRole): Promise<StaffSession> {
  const session = await currentStaffSessionForPage();
  if (session === null) redirect(STUDIO_LOGIN_PATH);
  if (!roleAllows(session.staff.role, role)) forbidden();
  return session;
}
