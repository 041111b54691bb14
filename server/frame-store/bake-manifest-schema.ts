// The manifest as stored: parsed and checked on every read, so a damaged or foreign file
// is reported instead of steering a viewer to the wrong bytes.
import { z } from 'zod';
import { PROFILE_IDS, type ProfileId } from '../bake/quality-profiles';
import type { BakeManifest } from '../bake/bake-contracts';

const BakeKeySchema = z.strictObject({
  sceneVersion: z.string().min(1),
  routeId: z.string().min(1),
  revision: z.number().int().min(1),
  profileId: z.enum(PROFILE_IDS as [ProfileId, ...ProfileId[]]),
});

const ChunkEntrySchema = z.strictObject({
  index: z.number().int().min(0),
  timestampUs: z.number().min(0),
  key: z.boolean(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const BakeManifestSchema = z
  .strictObject({
    key: BakeKeySchema,
    codec: z.enum(['vp8', 'jpeg']),
    width: z.number().int().min(1),
    height: z.number().int().min(1),
    fps: z.number().int().min(1),
    frameCount: z.number().int().min(1),
    segmentCount: z.number().int().min(1),
    chunks: z.array(ChunkEntrySchema),
  })
  .check((context) => {
    const manifest = context.value;
    if (manifest.chunks.length !== manifest.frameCount) {
      context.issues.push({ code: 'custom', input: manifest.chunks, path: ['chunks'], message: `${manifest.chunks.length} chunks for ${manifest.frameCount} frames` });
    }
    const outOfOrder = manifest.chunks.findIndex((chunk, position) => chunk.index !== position);
    if (outOfOrder >= 0) {
      context.issues.push({ code: 'custom', input: manifest.chunks, path: ['chunks', outOfOrder, 'index'], message: 'chunks must be listed in frame order from 0' });
    }
  }) satisfies z.ZodType<BakeManifest>;
