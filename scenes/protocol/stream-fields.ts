// Field schemas both directions of the stream share.
import { z } from 'zod';
import { ProfileIdSchema } from './profile-id-schema';

export const SessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
export const ResumeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/);
export const FrameIndexSchema = z.number().int().min(-1).max(10_000_000);
/** Bumped on seek, resume and transport change; a chunk carries the epoch it was sent in. */
export const EpochSchema = z.number().int().min(0).max(0xffff);
/** A route revision as the route store numbers them (1 upwards). */
export const RevisionSchema = z.number().int().min(1).max(1_000_000_000);

/** A baked profile as the server offers it to a client ('ready', 'http-segments'). */
export const ProfileSummarySchema = z.strictObject({
  id: ProfileIdSchema,
  codec: z.enum(['vp8', 'vp9', 'jpeg']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bitrateKbps: z.number().min(0),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

export const TransportKindSchema = z.enum(['webrtc', 'socket']);
export type TransportKind = z.infer<typeof TransportKindSchema>;

/** The first issue of a failed parse, short enough for a log line or an error reply. */
export function describeIssue(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  return `invalid ${what}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'malformed'}`.slice(0, 300);
}
