// A chunk's manifest entry: where it sits in time, whether it is a keyframe, and the size
// and SHA-256 that every later read is checked against. One schema, shared by the bake
// manifest, the segment file's header and the HTTP manifest's readers.
import { z } from 'zod';

export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const ChunkEntrySchema = z.strictObject({
  index: z.number().int().min(0),
  timestampUs: z.number().min(0),
  key: z.boolean(),
  size: z.number().int().min(0),
  sha256: Sha256HexSchema,
});
export type ChunkEntry = z.infer<typeof ChunkEntrySchema>;
