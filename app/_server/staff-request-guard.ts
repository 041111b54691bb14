// What every studio route handler imports to guard itself: the session and role check of
// server/staff (framework-free) against this process's staff stores, the same-origin check
// for writes, the bounded JSON body reader, and the never-cached JSON answers.
import { currentStaffSession as sessionOfRequest, requireStaff as requireStaffWith } from '@/server/staff/require-staff';
import type { StaffRole, StaffSession } from '@/server/staff/staff-contracts';
import { webServices } from './web-services';

export { assertSameOrigin, readJsonBody } from '@/server/staff/require-staff';
export { studioErrorJson, studioHandler, studioJson } from './studio-responses';

/** The request's live session (idle expiry slid forward); 401 without one, 403 when the role does not allow `role`. */
export async function requireStaff(request: Request, role: StaffRole): Promise<StaffSession> {
  return requireStaffWith(request, role, (await webServices()).staff);
}

/** The request's session, or null when there is none. */
export async function currentStaffSession(request: Request): Promise<StaffSession | null> {
  return sessionOfRequest(request, (await webServices()).staff);
}
