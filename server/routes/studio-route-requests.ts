// The bodies studio route requests carry, as strict zod schemas: the API parses every
// body with these, and the editor builds its requests from the same types.
import { z } from 'zod';
import { LocalizedTextSchema, RouteSchema } from '@/scenes/routes/route-schema';

/** Big enough for the largest sensible route (200 keyframes, 50 narrated sights), small enough to refuse floods. */
export const MAX_ROUTE_BODY_BYTES = 512 * 1024;

const RevisionNumberSchema = z.number().int().min(1).max(1_000_000);

export const RouteIdSchema = RouteSchema.shape.id;

export const CreateRouteBodySchema = z.strictObject({ route: RouteSchema });
export type CreateRouteBody = z.input<typeof CreateRouteBodySchema>;

export const SaveRouteBodySchema = z.strictObject({ baseRevision: RevisionNumberSchema, route: RouteSchema });
export type SaveRouteBody = z.input<typeof SaveRouteBodySchema>;

export const PublishRouteBodySchema = z.strictObject({ revision: RevisionNumberSchema });
export type PublishRouteBody = z.input<typeof PublishRouteBodySchema>;

export const RestoreRevisionBodySchema = z.strictObject({ revision: RevisionNumberSchema, baseRevision: RevisionNumberSchema });
export type RestoreRevisionBody = z.input<typeof RestoreRevisionBodySchema>;

export const DuplicateRouteBodySchema = z.strictObject({ newId: RouteIdSchema, title: LocalizedTextSchema });
export type DuplicateRouteBody = z.input<typeof DuplicateRouteBodySchema>;

export const ArchiveRouteBodySchema = z.strictObject({ archived: z.boolean() });
export type ArchiveRouteBody = z.input<typeof ArchiveRouteBodySchema>;

/** Query of the audit log pages: newest first, optionally before an entry id. */
export const AuditQuerySchema = z.strictObject({
  beforeId: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
