// The scene version: one string for everything that decides a baked frame's pixels apart
// from the route and profile. A new version makes every bake new; old frames stay addressable.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hashWorldGeometry } from '@/scenes/world/geometry-hash';
import { DEFAULT_WORLD_SEED } from '@/scenes/world/world';

/**
 * The source that draws and encodes a frame: the scene code (shaders, materials, atmosphere
 * included), the render page and the encoding ladder. Hashing it means no one has to
 * remember to bump a version when a shader changes.
 */
export const PIXEL_SOURCE_PATHS: readonly string[] = [
  'scenes',
  'components/scene',
  'server/render/page',
  'scenes/protocol/profile-ladder.ts',
];

/**
 * Folders inside those that decide no pixels: the stream protocol's messages, codec and
 * frame maths change how frames travel, not how they look. Its profile ladder (sizes,
 * bitrates, scene tiers, the frame rate) does, and is listed above by itself.
 */
export const NON_PIXEL_SOURCE_PATHS: readonly string[] = ['scenes/protocol'];

function listSourceFiles(root: string, relative: string): string[] {
  const full = path.join(root, relative);
  const stat = fs.statSync(full, { throwIfNoEntry: false });
  if (!stat) throw new Error(`Cannot compute the scene version: ${full} is missing (run from the repository root).`);
  if (stat.isFile()) return /\.(ts|tsx|glsl)$/.test(relative) ? [relative] : [];
  if (NON_PIXEL_SOURCE_PATHS.includes(relative)) return [];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => listSourceFiles(root, path.posix.join(relative, name)));
}

/** SHA-256 over the pixel-deciding source files, in path order, with their paths. */
export function hashPixelSource(root: string = process.cwd()): string {
  const hash = createHash('sha256');
  for (const file of PIXEL_SOURCE_PATHS.flatMap((relative) => listSourceFiles(root, relative))) {
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

/** Readable on disk: world geometry fingerprint at the bake tier, then the source fingerprint. */
export function computeSceneVersion(worldSeed: number = DEFAULT_WORLD_SEED, root: string = process.cwd()): string {
  return `w${hashWorldGeometry(worldSeed, 'bake')}-s${hashPixelSource(root)}`;
}

let cached: string | null = null;

/** The current scene version; building the bake-tier world takes about a second, so it is computed once per process. */
export function currentSceneVersion(): string {
  cached ??= computeSceneVersion();
  return cached;
}
