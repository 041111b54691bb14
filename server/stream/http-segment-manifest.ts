// The manifest a bake is served with over HTTP: the stored manifest's picture facts and,
// per segment, its frames and the content URL, SHA-256 and size of its stored bytes. No
// chunk table: each segment's own header carries it and decoding checks every chunk. Pure;
// the schema lives in scenes/protocol/http-bake-manifest.ts, shared with the browser.
import type { BakeManifest } from '../bake/bake-contracts';
import { FRAMES_PER_SEGMENT } from '@/scenes/protocol/frame-timing';
import { HTTP_BAKE_FORMAT, HttpBakeManifestSchema, type HttpBakeManifest } from '@/scenes/protocol/http-bake-manifest';
import type { BlobRef } from '../frame-store/segment-content';
import { segmentContentPath } from './http-segment-urls';

export { HTTP_BAKE_FORMAT, HttpBakeManifestSchema, type HttpBakeManifest };

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
