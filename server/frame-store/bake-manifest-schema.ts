// The manifest as stored: parsed and checked on every read, so a damaged or foreign file
// is reported instead of steering a viewer to the wrong bytes. Local disk and object
// storage keep the same bytes.
import { z } from 'zod';
import { BAKE_PICTURE_FIELDS, BakeKeySchema } from '@/scenes/protocol/bake-key';
import type { BakeKey, BakeManifest } from '../bake/bake-contracts';
import { ChunkEntrySchema } from '@/scenes/protocol/chunk-entry';
import { CorruptManifestError } from './frame-store-errors';
import { sameBakeKey } from './segment-file-format';

export const BakeManifestSchema = z
  .strictObject({
    key: BakeKeySchema,
    ...BAKE_PICTURE_FIELDS,
    segmentCount: z.number().int().min(1),
    chunks: z.array(ChunkEntrySchema),
  })
  .check((context) => {
    const manifest = context.value;
    if (manifest.chunks.length !== manifest.frameCount) {
      context.issues.push({
        code: 'custom',
        input: manifest.chunks,
        path: ['chunks'],
        message: `${manifest.chunks.length} chunks for ${manifest.frameCount} frames`,
      });
    }
    const outOfOrder = manifest.chunks.findIndex((chunk, position) => chunk.index !== position);
    if (outOfOrder >= 0) {
      context.issues.push({
        code: 'custom',
        input: manifest.chunks,
        path: ['chunks', outOfOrder, 'index'],
        message: 'chunks must be listed in frame order from 0',
      });
    }
  }) satisfies z.ZodType<BakeManifest>;

/** The manifest's stored bytes: checked first, then JSON in the schema's key order, so one manifest always gives the same bytes. */
export function encodeStoredManifest(manifest: BakeManifest): Buffer {
  const checked = BakeManifestSchema.parse(manifest);
  return Buffer.from(`${JSON.stringify(checked, null, 1)}\n`, 'utf8');
}

/** The manifest in stored bytes, for `key`; anything unreadable, malformed or of another bake is a CorruptManifestError. */
export function decodeStoredManifest(file: Buffer, key: BakeKey): BakeManifest {
  let json: unknown;
  try {
    json = JSON.parse(file.toString('utf8'));
  } catch (error) {
    throw new CorruptManifestError(key, `not JSON (${(error as Error).message})`);
  }
  const parsed = BakeManifestSchema.safeParse(json);
  if (!parsed.success) throw new CorruptManifestError(key, z.prettifyError(parsed.error).replaceAll('\n', ' '));
  if (!sameBakeKey(parsed.data.key, key)) throw new CorruptManifestError(key, 'it names another bake');
  return parsed.data;
}
