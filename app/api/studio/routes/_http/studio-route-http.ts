// Shared by the studio route handlers: the guard every handler runs first, the route id
// from the URL, and error answers that carry what the editor needs (409's current
// revision, 422's route issues).
import { z } from 'zod';
import {
  requireStaff,
  assertSameOrigin,
  readJsonBody,
  studioErrorJson,
  studioHandler,
  studioJson,
} from '@/app/_server/staff-request-guard';
import { studioRouteStore } from '@/app/_server/web-services';
import type { StaffRole, StaffSession } from '@/server/staff/staff-contracts';
import type { AuditActor, AuditQuery } from '@/server/audit/route-audit-log';
import { ValidationError } from '@/server/errors';
import { isRevisionConflictError } from '@/server/routes/route-write-errors';
import { isRouteNotPublishableError } from '@/server/routes/route-publish-errors';
import { AuditQuerySchema, RouteIdSchema } from '@/server/routes/studio-route-requests';
import type { StudioRouteStore } from '@/server/routes/studio-route-contracts';

export { studioJson };

export interface RouteParamsContext {
  params: Promise<{ id: string }>;
}

/**
 * The session for this request, checked here in the handler itself: the staff role,
 * and for writes the Origin, before anything is read or changed.
 */
export async function guardStudioRequest(request: Request, role: StaffRole = 'curator'): Promise<StaffSession> {
  const session = await requireStaff(request, role);
  assertSameOrigin(request);
  return session;
}

export function actorOf(session: StaffSession): AuditActor {
  return { staffId: session.staff.id, email: session.staff.email };
}

const RouteParamsSchema = z.strictObject({ id: RouteIdSchema });

export async function routeIdOf(context: RouteParamsContext): Promise<string> {
  const parsed = RouteParamsSchema.safeParse(await context.params);
  if (!parsed.success) throw new ValidationError('The route id in the address is malformed.', parsed.error.issues);
  return parsed.data.id;
}

export function studioRouteErrorJson(error: unknown): Response {
  if (isRevisionConflictError(error)) {
    const { revision, route, createdAt } = error.current;
    return studioJson({ error: { code: error.code, message: error.message, current: { revision, route, createdAt } } }, { status: 409 });
  }
  if (isRouteNotPublishableError(error)) {
    return studioJson({ error: { code: error.code, message: error.message, issues: error.issues } }, { status: 422 });
  }
  return studioErrorJson(error);
}

/** Runs a handler and answers anything it throws as JSON, conflicts and unpublishable routes included. */
export function studioRouteHandler<Context>(
  handler: (request: Request, context: Context) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return studioHandler(handler, studioRouteErrorJson);
}

/** The address's query read by `schema`; 400 when malformed. */
export function queryOf<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const query = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new ValidationError('The query is not valid.', query.error.issues);
  return query.data;
}

/** The audit log's paging from the address (?beforeId, ?limit); 400 when malformed. */
export function auditQueryOf(request: Request): AuditQuery {
  return queryOf(request, AuditQuerySchema);
}

/**
 * A studio request on one route (/api/studio/routes/:id…): the guard first, then the route id
 * from the address, then `handle`; anything thrown is answered as JSON.
 */
export function studioRouteRequest(
  handle: (call: { request: Request; id: string; session: StaffSession }) => Promise<Response>,
): (request: Request, context: RouteParamsContext) => Promise<Response> {
  return studioRouteHandler(async (request: Request, context: RouteParamsContext) => {
    const session = await guardStudioRequest(request);
    const id = await routeIdOf(context);
    return handle({ request, id, session });
  });
}

/**
 * A studio write on one route (POST /api/studio/routes/:id/<action>): the guard, the route id,
 * the body read by `schema`, then `act` on the studio store as the signed-in staff member.
 */
export function studioRouteAction<S extends z.ZodType>(
  schema: S,
  act: (write: { id: string; body: z.output<S>; actor: AuditActor; store: StudioRouteStore }) => Promise<Response>,
): (request: Request, context: RouteParamsContext) => Promise<Response> {
  return studioRouteRequest(async ({ request, id, session }) => {
    const body = await readJsonBody(request, schema);
    return act({ id, body, actor: actorOf(session), store: await studioRouteStore() });
  });
}
