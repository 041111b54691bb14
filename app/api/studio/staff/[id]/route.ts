// DELETE /api/studio/staff/[id]: removes a staff member and ends their sessions. Admins only.
import { ConflictError, NotFoundError } from '@/server/errors';
import { assertSameOrigin, requireStaff, studioHandler } from '@/app/_server/staff-request-guard';
import { webServices } from '@/app/_server/web-services';
import { methodRefusals } from '@/app/api/_http/responses';
import { parseStaffId } from './staff-id';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED_METHODS = ['DELETE', 'OPTIONS'] as const;

export const DELETE = studioHandler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(request);
  const session = await requireStaff(request, 'admin');
  const id = parseStaffId((await params).id);
  // Removing oneself would end this session mid-request; another admin must do it.
  if (id === session.staff.id) throw new ConflictError('You cannot remove your own account.');
  if (!(await (await webServices()).staff.members.remove(id))) throw new NotFoundError('No such staff member.');
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { OPTIONS, GET, POST, PUT, PATCH } = methodRefusals(ALLOWED_METHODS);
