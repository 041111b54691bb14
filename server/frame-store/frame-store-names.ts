// Where a bake's segments, manifest and poster live inside a store, as path parts shared by
// the local folder tree and object-storage keys. Every part comes from a key: anything that
// could climb out of the store's root, or name something else, is refused.
import type { BakeKey } from '../bake/bake-contracts';
import { isProfileId } from '@/scenes/protocol/profile-ladder';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function safeName(value: string, what: string): string {
  if (!SAFE_NAME.test(value) || value.includes('..')) throw new Error(`Unsafe ${what} for a frame store path: "${value.slice(0, 80)}"`);
  return value;
}

export function assertRevision(revision: number): void {
  if (!Number.isInteger(revision) || revision < 1) throw new Error(`A route revision is a positive integer, not ${revision}`);
}

/** One bake: <scene version>/<route id>/r<revision>/<profile>. */
export function bakePathParts(key: BakeKey): string[] {
  if (!isProfileId(key.profileId)) throw new Error(`Unknown profile "${String(key.profileId)}"`);
  assertRevision(key.revision);
  return [safeName(key.sceneVersion, 'scene version'), safeName(key.routeId, 'route id'), `r${key.revision}`, key.profileId];
}

/** segment-000042: six digits keep a listing in play order. */
export function segmentBaseName(segmentIndex: number): string {
  if (!Number.isInteger(segmentIndex) || segmentIndex < 0)
    throw new Error(`A segment index is a non-negative integer, not ${segmentIndex}`);
  return `segment-${String(segmentIndex).padStart(6, '0')}`;
}

/** A route revision's poster: posters/<route id>/r<revision>. */
export function posterPathParts(routeId: string, revision: number): string[] {
  assertRevision(revision);
  return ['posters', safeName(routeId, 'route id'), `r${revision}`];
}
