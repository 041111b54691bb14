// Everything a renderer needs to draw one scene at one tier, built from its seed: the meshes as
// typed arrays and, for Wulingyuan, the plain instancing data. Built wherever the caller likes
// (a Web Worker in the browser, Node in tests); byte-identical wherever it is built.
import { getOrCreate } from '../get-or-create';
import type { SceneId } from '../routes/route-schema';
import { pillarInstancingOf, type PillarInstancing } from './pillar-instancing';
import type { QualityTier } from './quality-tiers';
import { createSceneWorld, type SceneWorlds } from './scene-worlds';
import { buildTianmenGeometry, listTianmenMeshes, type TianmenGeometry } from './tianmen-geometry';
import { buildWorldGeometry, listWorldMeshes, type WorldGeometry } from './world-geometry';

export interface SceneBuildRequest {
  scene: SceneId;
  seed: number;
  tier: QualityTier;
}

export interface WulingyuanBuild {
  scene: 'wulingyuan';
  geometry: WorldGeometry;
  instancing: PillarInstancing;
}

export interface TianmenBuild {
  scene: 'tianmen';
  geometry: TianmenGeometry;
}

export type SceneBuild = WulingyuanBuild | TianmenBuild;
export type SceneBuildOf<S extends SceneId> = Extract<SceneBuild, { scene: S }>;

export function sceneBuildKey({ scene, seed, tier }: SceneBuildRequest): string {
  return `${scene}:${seed}:${tier}`;
}

/** Keeps each world so a second tier of the same scene skips generation. */
export class SceneBuilder {
  private readonly worlds = new Map<string, SceneWorlds[SceneId]>();

  private worldOf<S extends SceneId>(scene: S, seed: number): SceneWorlds[S] {
    return getOrCreate(this.worlds, `${scene}:${seed}`, () => createSceneWorld(scene, seed)) as SceneWorlds[S];
  }

  build(request: SceneBuildRequest): SceneBuild {
    if (request.scene === 'tianmen') {
      return { scene: 'tianmen', geometry: buildTianmenGeometry(this.worldOf('tianmen', request.seed), request.tier) };
    }
    const world = this.worldOf('wulingyuan', request.seed);
    return { scene: 'wulingyuan', geometry: buildWorldGeometry(world, request.tier), instancing: pillarInstancingOf(world) };
  }
}

/**
 * The mesh buffers of a build, each once (a buffer may back several arrays), to hand over
 * without copying. The instancing data is left out: the builder keeps using it for other
 * tiers, and a transferred buffer is gone from the sender.
 */
export function meshBuffersOf(build: SceneBuild): ArrayBuffer[] {
  const meshes = build.scene === 'tianmen' ? listTianmenMeshes(build.geometry) : listWorldMeshes(build.geometry);
  const buffers = new Set<ArrayBuffer>();
  for (const mesh of meshes) {
    for (const array of [mesh.positions, mesh.normals, mesh.colors, mesh.uvs, mesh.indices]) {
      if (array && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
    }
  }
  return [...buffers];
}
