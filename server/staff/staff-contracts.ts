// Staff access as the studio's route handlers see it. Every studio handler calls
// requireStaff (and assertSameOrigin for writes) itself: a middleware alone is not enough.

export type StaffRole = 'curator' | 'admin';

export interface StaffMember {
  id: number;
  email: string;
  role: StaffRole;
  displayName: string | null;
}

export interface StaffSession {
  staff: StaffMember;
  /** Opaque id of the session row (never the token itself), for logout and audit. */
  sessionId: number;
  expiresAt: string;
}

/** Admins may do everything curators may. */
export function roleAllows(actual: StaffRole, required: StaffRole): boolean {
  return required === 'curator' || actual === 'admin';
}
