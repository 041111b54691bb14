// The scene version: one string for everything that decides a baked frame's pixels apart
// from the route and profile. A new version makes every bake new; old frames stay addressable.
import { hashWorldGeometry } from '../../scenes/world/geometry-hash';
import { DEFAULT_WORLD_SEED } from '../../scenes/world/world';

/**
 * Bump when anything the geometry hash cannot see changes the picture: shaders, materials,
 * atmosphere, lighting, tone mapping, the render page, the encoder settings.
 */
export const RENDER_PIPELINE_VERSION = 1;

/** Readable on disk: world geometry fingerprint at the bake tier, then the pipeline version. */
export function computeSceneVersion(worldSeed: number = DEFAULT_WORLD_SEED, pipelineVersion: number = RENDER_PIPELINE_VERSION): string {
  return `w${hashWorldGeometry(worldSeed, 'bake')}-p${pipelineVersion}`;
}

let cached: string | null = null;

/** The current scene version; building the bake-tier world takes about a second, so it is computed once. */
export function currentSceneVersion(): string {
  cached ??= computeSceneVersion();
  return cached;
}
