// POST /api/studio/auth/login: email and password in, session cookie out. Wrong
// password and unknown email get the same status, body and timing class.
import { z } from 'zod';
import { clientAddressOf } from '@/server/staff/client-address';
import { MAX_EMAIL_LENGTH } from '@/server/staff/staff-email';
import { MAX_PASSWORD_LENGTH } from '@/server/staff/password-policy';
import { assertSameOrigin, readJsonBody, studioHandler, studioJson } from '@/app/_server/staff-request-guard';
import { isHttpsRequest, serializeSessionCookie } from '@/server/staff/session-cookie';
import { signIn } from '@/server/staff/staff-login';
import { webServices } from '@/app/_server/web-services';
import { methodRefusals } from '@/app/api/_http/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ALLOWED_METHODS = ['POST', 'OPTIONS'] as const;

// Generous bounds: a too-long email is simply an unknown one, never a hint.
const LoginBodySchema = z.strictObject({
  email: z.string().max(MAX_EMAIL_LENGTH + 64),
  password: z
    .string()
    .min(1)
    .max(MAX_PASSWORD_LENGTH * 4),
});

const INVALID_CREDENTIALS_MESSAGE = 'That email and password do not match a studio account.';

export const POST = studioHandler(async (request: Request) => {
  assertSameOrigin(request);
  const { email, password } = await readJsonBody(request, LoginBodySchema);
  const services = (await webServices()).staff;
  const result = await signIn(services, { email, password, clientAddress: clientAddressOf(request) });

  if (result.kind === 'throttled') {
    return studioJson(
      {
        error: {
          code: 'too_many_attempts',
          message: `Too many sign-in attempts. Try again in ${result.retryAfterS} seconds.`,
          retryAfterS: result.retryAfterS,
        },
      },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterS) } },
    );
  }
  if (result.kind === 'invalid') {
    return studioJson({ error: { code: 'invalid_credentials', message: INVALID_CREDENTIALS_MESSAGE } }, { status: 401 });
  }
  const secure = isHttpsRequest(request);
  const maxAgeS = (result.absoluteExpiresAtMs - services.nowMs()) / 1000;
  return studioJson(
    { staff: result.session.staff, expiresAt: result.session.expiresAt },
    { status: 200, headers: { 'Set-Cookie': serializeSessionCookie(result.token, { secure, maxAgeS }) } },
  );
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = methodRefusals(ALLOWED_METHODS);
