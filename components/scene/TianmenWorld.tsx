'use client';
// The Tianmen Mountain ground and rock for one quality tier: forested hills, the cliff-girt
// plateau, the wall of Heaven's Gate with the stair below, pines on the rock, the cableway and
// the skywalk, from a build of the deterministic world core made off the main thread.
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Group, Mesh } from 'three';
import type { QualityTier } from '@/scenes/world/quality-tiers';
import type { TianmenGeometry } from '@/scenes/world/tianmen-geometry';
import { DEFAULT_TIANMEN_SEED } from '@/scenes/world/tianmen-world';
import { atmosphereUniformsOf } from './atmosphere/atmosphere-uniforms';
import { toBufferGeometry } from './buffer-geometry';
import { CompiledGroup } from './CompiledGroup';
import { useSceneBuild } from './use-scene-build';
import { createCrownMaterial, createRockMaterial, createTerrainMaterial } from './world-materials';

export interface TianmenWorldProps {
  tier: QualityTier;
  /** Called once the world's meshes are in the scene and compiled (nothing of it is drawn before). */
  onLoaded?: () => void;
}

export function TianmenWorld({ tier, onLoaded }: TianmenWorldProps) {
  const build = useSceneBuild('tianmen', DEFAULT_TIANMEN_SEED, tier);
  if (!build) return null;
  return (
    <CompiledGroup onCompiled={onLoaded}>
      <TianmenMeshes geometry={build.geometry} />
    </CompiledGroup>
  );
}

function TianmenMeshes({ geometry }: { geometry: TianmenGeometry }) {
  const scene = useThree((state) => state.scene);
  const built = useMemo(() => {
    const { tier } = geometry;
    const atmosphere = atmosphereUniformsOf(scene);
    const terrainMaterial = createTerrainMaterial(tier, atmosphere, 'limestone');
    const rockMaterial = createRockMaterial(tier, atmosphere);
    const terrain = toBufferGeometry(geometry.terrain);
    // Pines and the thin built things share the double-sided Lambert of Wulingyuan's crowns.
    const thinMaterial = createCrownMaterial(atmosphere);
    const rock = toBufferGeometry(geometry.rock);
    const pines = toBufferGeometry(geometry.pines);
    const structures = toBufferGeometry(geometry.structures);
    const group = new Group();
    group.add(
      new Mesh(terrain, terrainMaterial),
      new Mesh(rock, rockMaterial),
      new Mesh(pines, thinMaterial),
      new Mesh(structures, thinMaterial),
    );
    const dispose = () => {
      for (const g of [terrain, rock, pines, structures]) g.dispose();
      terrainMaterial.dispose();
      rockMaterial.dispose();
      thinMaterial.dispose();
    };
    return { group, dispose };
  }, [geometry, scene]);

  useEffect(() => built.dispose, [built]);

  return <primitive object={built.group} />;
}
