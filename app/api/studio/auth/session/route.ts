// GET /api/studio/auth/session: who is signed in, and until when (401 when nobody).
import { READ_ONLY_METHODS, methodRefusals } from '@/app/api/_http/responses';
import { requireStaff, studioHandler, studioJson } from '@/app/_server/staff-request-guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = studioHandler(async (request: Request) => {
  const session = await requireStaff(request, 'curator');
  return studioJson({ staff: session.staff, expiresAt: session.expiresAt });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = methodRefusals(READ_ONLY_METHODS);
