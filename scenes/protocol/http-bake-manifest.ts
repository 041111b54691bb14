// The manifest a bake is served with over plain HTTP (the render server's /bakes URLs, or a
// CDN in front of them): the picture facts and, per segment, its frames and the content URL,
// SHA-256 and size of its stored bytes. One schema for the server that builds it and every
// client that reads it (the Node client, the browser's HTTP transport). Pure.
import { z } from 'zod';
import { FRAMES_PER_SEGMENT } from './frame-timing';
import { BAKE_PICTURE_FIELDS, BakeKeySchema } from './bake-key';

export const HTTP_BAKE_FORMAT = 'yunshan-http-bake/1';

const HttpSegmentSchema = z.strictObject({
  index: z.number().int().min(0),
  firstFrame: z.number().int().min(0),
  frameCount: z.number().int().min(1).max(FRAMES_PER_SEGMENT),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(1),
  /** Absolute path on the server that served the manifest (or a CDN in front of it). */
  url: z.string().startsWith('/segments/sha256/'),
});

export const HttpBakeManifestSchema = z
  .strictObject({
    format: z.literal(HTTP_BAKE_FORMAT),
    key: BakeKeySchema,
    ...BAKE_PICTURE_FIELDS,
    segments: z.array(HttpSegmentSchema).min(1),
  })
  .check((context) => {
    const manifest = context.value;
    const outOfOrder = manifest.segments.findIndex(
      (segment, position) => segment.index !== position || segment.firstFrame !== position * FRAMES_PER_SEGMENT,
    );
    if (outOfOrder >= 0)
      context.issues.push({
        code: 'custom',
        input: manifest.segments,
        path: ['segments', outOfOrder],
        message: 'segments must be listed in play order from 0',
      });
    const frames = manifest.segments.reduce((sum, segment) => sum + segment.frameCount, 0);
    if (frames !== manifest.frameCount)
      context.issues.push({
        code: 'custom',
        input: manifest.segments,
        path: ['segments'],
        message: `segments hold ${frames} frames, not ${manifest.frameCount}`,
      });
  });

export type HttpBakeManifest = z.infer<typeof HttpBakeManifestSchema>;
export type HttpSegment = HttpBakeManifest['segments'][number];
