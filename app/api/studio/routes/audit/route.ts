// GET /api/studio/routes/audit: the whole studio's audit log, newest first. Admins only:
// it shows every staff member's actions. ("audit" is a reserved route id.)
import { studioRouteStore } from '@/app/_server/web-services';
import { methodRefusals } from '@/app/api/_http/responses';
import { auditQueryOf, guardStudioRequest, studioJson, studioRouteHandler } from '../_http/studio-route-http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED = ['GET'] as const;

export const GET = studioRouteHandler(async (request: Request) => {
  await guardStudioRequest(request, 'admin');
  return studioJson({ entries: await (await studioRouteStore()).auditLog(auditQueryOf(request)) });
});

export const { POST, PUT, PATCH, DELETE } = methodRefusals(ALLOWED);
