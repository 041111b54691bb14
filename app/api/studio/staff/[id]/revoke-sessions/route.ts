// POST /api/studio/staff/[id]/revoke-sessions: signs a staff member out everywhere. Admins only.
import { NotFoundError } from '@/server/errors';
import { assertSameOrigin, requireStaff, studioHandler, studioJson } from '@/app/_server/staff-request-guard';
import { webServices } from '@/app/_server/web-services';
import { methodRefusals } from '@/app/api/_http/responses';
import { parseStaffId } from '../staff-id';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED_METHODS = ['POST', 'OPTIONS'] as const;

export const POST = studioHandler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(request);
  await requireStaff(request, 'admin');
  const id = parseStaffId((await params).id);
  const services = (await webServices()).staff;
  if ((await services.members.getById(id)) === null) throw new NotFoundError('No such staff member.');
  return studioJson({ endedSessions: await services.sessions.deleteAllFor(id) });
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = methodRefusals(ALLOWED_METHODS);
