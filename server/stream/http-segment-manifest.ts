// The manifest a bake is served with over HTTP: the stored manifest's picture facts and,
// per segment, its frames and the content URL, SHA-256 and size of its stored bytes. No
// chunk table: each segment's own header carries it and decoding checks every chunk. Pure;
// checked with zod where it is read (the Node client, later the browser).
import { z } from 'zod';
import type { BakeManifest } from '../bake/bake-contracts';
import { FRAMES_PER_SEGMENT } from '@/scenes/protocol/frame-timing';
import { ProfileIdSchema } from '@/scenes/protocol/profile-ladder';
import type { BlobRef } from '../frame-store/segment-content';
import { segmentContentPath } from './http-segment-urls';

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
    key: z.strictObject({
      sceneVersion: z.string().min(1),
      routeId: z.string().min(1),
      revision: z.number().int().min(1),
      profileId: ProfileIdSchema,
    }),
    codec: z.enum(['vp8', 'jpeg']),
    width: z.number().int().min(1),
    height: z.number().int().min(1),
    fps: z.number().int().min(1),
    frameCount: z.number().int().min(1),
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

/** The HTTP manifest of a stored bake, given the content of each of its segments in order. */
export function buildHttpBakeManifest(manifest: BakeManifest, contents: readonly BlobRef[]): HttpBakeManifest {
  if (contents.length !== manifest.segmentCount)
    throw new Error(`${contents.length} segment contents for ${manifest.segmentCount} segments`);
  return HttpBakeManifestSchema.parse({
    format: HTTP_BAKE_FORMAT,
    key: manifest.key,
    codec: manifest.codec,
    width: manifest.width,
    height: manifest.height,
    fps: manifest.fps,
    frameCount: manifest.frameCount,
    segments: contents.map((content, index) => ({
      index,
      firstFrame: index * FRAMES_PER_SEGMENT,
      frameCount: Math.min(FRAMES_PER_SEGMENT, manifest.frameCount - index * FRAMES_PER_SEGMENT),
      sha256: content.sha256,
      size: content.size,
      url: segmentContentPath(content.sha256),
    })),
  });
}
