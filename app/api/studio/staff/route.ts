// GET /api/studio/staff lists staff; POST creates a curator or admin. Admins only.
import { createStaffAccount, NewStaffAccountSchema } from '@/server/staff/staff-accounts';
import { assertSameOrigin, readJsonBody, requireStaff, studioHandler, studioJson } from '@/app/_server/staff-request-guard';
import { webServices } from '@/app/_server/web-services';
import { methodRefusals } from '@/app/api/_http/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'] as const;

export const GET = studioHandler(async (request: Request) => {
  await requireStaff(request, 'admin');
  const services = (await webServices()).staff;
  return studioJson({ staff: await services.members.list(services.nowMs()) });
});

export const POST = studioHandler(async (request: Request) => {
  assertSameOrigin(request);
  await requireStaff(request, 'admin');
  const body = await readJsonBody(request, NewStaffAccountSchema);
  const member = await createStaffAccount((await webServices()).staff, body);
  return studioJson({ staff: member }, { status: 201 });
});

export const { OPTIONS, PUT, PATCH, DELETE } = methodRefusals(ALLOWED_METHODS);
