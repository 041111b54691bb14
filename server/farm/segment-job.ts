// What the farm puts on BullMQ, as plain data: one "assemble manifest" job per bake (route
// revision x profile x scene version) whose children are its segments, one job each. Pure:
// ids, priorities, payload schemas and the flow tree; bullmq-segment-queue.ts does the I/O.
import { z } from 'zod';
import { RouteIdSchema, RouteSchema, type Route } from '@/scenes/routes/route-schema';
import type { BakeKey } from '../bake/bake-contracts';
import { segmentCountFor } from '@/scenes/protocol/frame-timing';
import { ProfileIdSchema } from '@/scenes/protocol/profile-id-schema';
import { QUALITY_PROFILES, type ProfileId } from '@/scenes/protocol/profile-ladder';

export const SEGMENT_QUEUE = 'bake-segments';
export const MANIFEST_QUEUE = 'bake-manifests';
export const SEGMENT_JOB_NAME = 'segment';
export const MANIFEST_JOB_NAME = 'assemble-manifest';

const BakeKeySchema = z.strictObject({
  sceneVersion: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/),
  routeId: RouteIdSchema,
  revision: z.number().int().min(1),
  profileId: ProfileIdSchema,
});

/** A segment job: the route travels with it, so a render node needs no database. */
export const SegmentJobDataSchema = z.strictObject({ key: BakeKeySchema, route: RouteSchema, segmentIndex: z.number().int().min(0) });
export type SegmentJobData = z.infer<typeof SegmentJobDataSchema>;

export const ManifestJobDataSchema = z.strictObject({ key: BakeKeySchema, route: RouteSchema, segmentCount: z.number().int().min(1) });
export type ManifestJobData = z.infer<typeof ManifestJobDataSchema>;

/** What a render node reports for a finished segment; the progress is aggregated from these. */
export const SegmentResultSchema = z.strictObject({
  segmentIndex: z.number().int().min(0),
  frames: z.number().int().min(0),
  outcome: z.enum(['rendered', 'reused', 'rebaked']),
  renderMs: z.number().min(0),
  startedAtMs: z.number(),
  finishedAtMs: z.number(),
  nodeId: z.string(),
});
export type SegmentResult = z.infer<typeof SegmentResultSchema>;

/** BullMQ job ids may not contain ':'; these name the bake with dots and stay stable, so enqueueing twice finds the same jobs. */
export function manifestJobId(key: BakeKey): string {
  return `bake.${key.routeId}.r${key.revision}.${key.profileId}.${key.sceneVersion}`;
}

export function segmentJobId(key: BakeKey, segmentIndex: number): string {
  return `${manifestJobId(key)}.s${segmentIndex}`;
}

/**
 * BullMQ priority (1 is taken first): the profile's place on the ladder, so every standard
 * profile's segments go before any cinematic one, and the cheapest (what a phone streams) first.
 */
export function bakePriority(profileId: ProfileId): number {
  return 1 + QUALITY_PROFILES[profileId].bakeOrder;
}

export interface FlowOptions {
  /** Tries of a segment that throws before the bake fails. */
  segmentAttempts: number;
}

/** The flow BullMQ's FlowProducer adds: the manifest job waits for all of its segment children. */
export function bakeFlow(key: BakeKey, route: Route, options: FlowOptions) {
  if (route.id !== key.routeId) throw new Error(`Route "${route.id}" is not the route of bake ${manifestJobId(key)}`);
  const segmentCount = segmentCountFor(route.durationS);
  const priority = bakePriority(key.profileId);
  const manifest: ManifestJobData = { key, route, segmentCount };
  return {
    name: MANIFEST_JOB_NAME,
    queueName: MANIFEST_QUEUE,
    data: manifest,
    opts: { jobId: manifestJobId(key), priority, attempts: options.segmentAttempts, removeOnFail: false },
    children: Array.from({ length: segmentCount }, (_, segmentIndex) => ({
      name: SEGMENT_JOB_NAME,
      queueName: SEGMENT_QUEUE,
      data: { key, route, segmentIndex } satisfies SegmentJobData,
      opts: {
        jobId: segmentJobId(key, segmentIndex),
        priority,
        attempts: options.segmentAttempts,
        backoff: { type: 'fixed' as const, delay: 1000 },
        // A segment that fails for good fails its bake, instead of leaving the manifest waiting forever.
        failParentOnFailure: true,
        // Its result lives on in the parent's processed list, which is all the progress needs.
        removeOnComplete: true,
        removeOnFail: false,
      },
    })),
  };
}
