// POST /api/studio/auth/logout: ends this browser's session (the row is deleted,
// so the token is useless even if copied) and clears the cookie.
import { assertSameOrigin, currentStaffSession, studioHandler } from '@/app/_server/staff-request-guard';
import { isHttpsRequest, serializeClearedSessionCookie } from '@/server/staff/session-cookie';
import { webServices } from '@/app/_server/web-services';
import { methodRefusals } from '@/app/api/_http/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED_METHODS = ['POST', 'OPTIONS'] as const;

// Signing out without a session is not an error: the outcome is the same.
export const POST = studioHandler(async (request: Request) => {
  assertSameOrigin(request);
  const services = (await webServices()).staff;
  const session = await currentStaffSession(request);
  if (session !== null) await services.sessions.delete(session.sessionId);
  return new Response(null, {
    status: 204,
    headers: { 'Set-Cookie': serializeClearedSessionCookie(isHttpsRequest(request)), 'Cache-Control': 'no-store' },
  });
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = methodRefusals(ALLOWED_METHODS);
