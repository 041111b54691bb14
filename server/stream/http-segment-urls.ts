// Where a bake lives over plain HTTP, built and parsed in one place for the render server,
// the Node client and (later) the browser. Pure.
//   /bakes/<scene version>/<route id>/r<revision>/<profile>/manifest.json  names each segment's
//       content URL; short-lived-cacheable (a re-bake of the revision may change it)
//   /segments/sha256/<hex>  one segment's stored bytes, named by their SHA-256: immutable
import { RouteIdSchema } from '@/scenes/routes/route-schema';
import type { BakeKey } from '../bake/bake-contracts';
import { isProfileId } from '@/scenes/protocol/profile-ladder';
import { safeName } from '../frame-store/frame-store-names';
import { isSha256Hex } from '../frame-store/segment-content';

export const SEGMENT_CONTENT_PREFIX = '/segments/';
export const BAKE_MANIFEST_PREFIX = '/bakes/';

export type ParsedPath<T> = { kind: 'ok'; value: T } | { kind: 'bad'; reason: string };

export function segmentContentPath(sha256: string): string {
  if (!isSha256Hex(sha256)) throw new Error(`Not a SHA-256: "${sha256.slice(0, 80)}"`);
  return `${SEGMENT_CONTENT_PREFIX}sha256/${sha256}`;
}

export function bakeManifestPath(key: BakeKey): string {
  return `${BAKE_MANIFEST_PREFIX}${key.sceneVersion}/${key.routeId}/r${key.revision}/${key.profileId}/manifest.json`;
}

/** The SHA-256 named by a path under /segments/, or why it names none. */
export function parseSegmentContentPath(pathname: string): ParsedPath<string> {
  const match = /^\/segments\/sha256\/([^/]*)$/.exec(pathname);
  if (match === null) return { kind: 'bad', reason: 'segment URLs are /segments/sha256/<64 hex digits>' };
  const sha256 = match[1];
  if (!isSha256Hex(sha256)) return { kind: 'bad', reason: `"${sha256.slice(0, 80)}" is not a SHA-256 (64 lowercase hex digits)` };
  return { kind: 'ok', value: sha256 };
}

/** The bake named by a path under /bakes/, or why it names none. */
export function parseBakeManifestPath(pathname: string): ParsedPath<BakeKey> {
  const match = /^\/bakes\/([^/]+)\/([^/]+)\/r([0-9]{1,9})\/([^/]+)\/manifest\.json$/.exec(pathname);
  if (match === null)
    return { kind: 'bad', reason: 'manifest URLs are /bakes/<scene version>/<route id>/r<revision>/<profile>/manifest.json' };
  const [, sceneVersion, routeId, revisionText, profileId] = match;
  try {
    safeName(sceneVersion, 'scene version');
  } catch (error) {
    return { kind: 'bad', reason: (error as Error).message };
  }
  if (!RouteIdSchema.safeParse(routeId).success) return { kind: 'bad', reason: `"${routeId.slice(0, 80)}" is not a route id` };
  const revision = Number(revisionText);
  if (revision < 1) return { kind: 'bad', reason: 'revisions start at 1' };
  if (!isProfileId(profileId)) return { kind: 'bad', reason: `"${profileId.slice(0, 80)}" is not a quality profile` };
  return { kind: 'ok', value: { sceneVersion, routeId, revision, profileId } };
}
