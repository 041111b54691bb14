// POST /api/studio/setup: spends the one-time setup link to create the first admin,
// then signs them in. Refused once any admin exists.
import { z } from 'zod';
import { createFirstAdmin } from '@/server/staff/first-admin-setup';
import { MAX_EMAIL_LENGTH } from '@/server/staff/staff-email';
import { MAX_PASSWORD_LENGTH } from '@/server/staff/password-policy';
import { assertSameOrigin, readJsonBody, studioHandler, studioJson } from '@/app/_server/staff-request-guard';
import { isHttpsRequest, serializeSessionCookie } from '@/server/staff/session-cookie';
import { webServices } from '@/app/_server/web-services';
import { methodRefusals } from '@/app/api/_http/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED_METHODS = ['POST', 'OPTIONS'] as const;

const SetupBodySchema = z.strictObject({
  token: z.string().min(1).max(256),
  email: z.string().max(MAX_EMAIL_LENGTH),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  displayName: z.string().trim().max(120).nullable().optional(),
});

export const POST = studioHandler(async (request: Request) => {
  assertSameOrigin(request);
  const body = await readJsonBody(request, SetupBodySchema);
  const services = (await webServices()).staff;
  const admin = await createFirstAdmin(services, body);
  const session = await services.sessions.create(admin.id);
  const maxAgeS = (session.absoluteExpiresAtMs - services.nowMs()) / 1000;
  return studioJson(
    { staff: admin },
    { status: 201, headers: { 'Set-Cookie': serializeSessionCookie(session.token, { secure: isHttpsRequest(request), maxAgeS }) } },
  );
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = methodRefusals(ALLOWED_METHODS);
