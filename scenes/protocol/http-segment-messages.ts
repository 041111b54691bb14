// The HTTP transport's part of the stream protocol: where a route revision's baked segments
// can be fetched over plain HTTP (a manifest URL per profile), told in every 'ready' and in
// 'http-segments', the render server's answer to a join it hands to HTTP instead of WebRTC
// (the node at its WebRTC cap, or an operator's YUNSHAN_STREAM_TRANSPORT=http).
import { z } from 'zod';
import { RouteIdSchema } from '../routes/route-schema';
import { ProfileIdSchema } from './profile-id-schema';
import { ProfileSummarySchema, RevisionSchema } from './stream-fields';

/** A path on the render server (/bakes/…/manifest.json) or an absolute http(s) URL of a CDN in front of it. */
export const HttpManifestUrlSchema = z
  .string()
  .max(2048)
  .refine((url) => url.startsWith('/bakes/') || /^https?:\/\//.test(url), 'a /bakes/ path or an http(s) URL');

export const HttpManifestRefSchema = z.strictObject({ profileId: ProfileIdSchema, url: HttpManifestUrlSchema });
export type HttpManifestRef = z.infer<typeof HttpManifestRefSchema>;

export const HTTP_HANDOFF_REASONS = ['at-cap', 'operator'] as const;
export type HttpHandoffReason = (typeof HTTP_HANDOFF_REASONS)[number];

export const HttpSegmentsMessageSchema = z.strictObject({
  reason: z.enum(HTTP_HANDOFF_REASONS),
  routeId: RouteIdSchema,
  revision: RevisionSchema,
  fps: z.number().positive(),
  frameCount: z.number().int().min(1),
  durationS: z.number().min(0),
  /** Baked profiles this client may play (capped by its capabilities), cheapest first, as in 'ready'. */
  profiles: z.array(ProfileSummarySchema),
  httpManifests: z.array(HttpManifestRefSchema).min(1),
});
export type HttpSegmentsMessage = z.infer<typeof HttpSegmentsMessageSchema>;
