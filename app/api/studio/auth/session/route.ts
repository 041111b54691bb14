// GET /api/studio/auth/session: who is signed in, and until when (401 when nobody).
import { READ_ONLY_METHODS, allowedMethodsOptions, methodNotAllowed } from '@/app/api/_http/responses';
import { requireStaff, studioHandler, studioJson } from '@/app/_server/staff-request-guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = studioHandler(async (request: Request) => {
  const session = await requireStaff(request, 'curator');
  return studioJson({ staff: session.staff, expiresAt: session.expiresAt });
});

export const OPTIONS = allowedMethodsOptions(READ_ONLY_METHODS);
export const POST = methodNotAllowed(READ_ONLY_METHODS);
export const PUT = methodNotAllowed(READ_ONLY_METHODS);
export const PATCH = methodNotAllowed(READ_ONLY_METHODS);
export const DELETE = methodNotAllowed(READ_ONLY_METHODS);
