'use client';
// The Tianmen Mountain ground and rock for one quality tier: forested hills, the cliff-girt
// plateau, the wall of Heaven's Gate with the stair below, pines on the rock, the cableway and
// the skywalk, from the deterministic world core.
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Group, Mesh } from 'three';
import type { QualityTier } from '../../scenes/world/quality-tiers';
import { buildTianmenGeometry } from '../../scenes/world/tianmen-geometry';
import { atmosphereUniformsOf } from './atmosphere/atmosphere-uniforms';
import { toBufferGeometry } from './buffer-geometry';
import { tianmenWorldFor } from './world-cache';
import { createCrownMaterial, createRockMaterial, createTerrainMaterial } from './world-materials';

export function TianmenWorld({ tier }: { tier: QualityTier }) {
  const scene = useThree((state) => state.scene);
  const built = useMemo(() => {
    const geometry = buildTianmenGeometry(tianmenWorldFor(), tier);
    const atmosphere = atmosphereUniformsOf(scene);
    const terrainMaterial = createTerrainMaterial(tier, atmosphere);
    const rockMaterial = createRockMaterial(tier, atmosphere);
    const terrain = toBufferGeometry(geometry.terrain);
    // Pines and the thin built things share the double-sided Lambert of Wulingyuan's crowns.
    const thinMaterial = createCrownMaterial(atmosphere);
    const rock = toBufferGeometry(geometry.rock);
    const pines = toBufferGeometry(geometry.pines);
    const structures = toBufferGeometry(geometry.structures);
    const group = new Group();
    group.add(new Mesh(terrain, terrainMaterial), new Mesh(rock, rockMaterial), new Mesh(pines, thinMaterial), new Mesh(structures, thinMaterial));
    const dispose = () => {
      for (const g of [terrain, rock, pines, structures]) g.dispose();
      terrainMaterial.dispose();
      rockMaterial.dispose();
      thinMaterial.dispose();
    };
    return { group, dispose };
  }, [tier, scene]);

  useEffect(() => built.dispose, [built]);

  return <primitive object={built.group} />;
}
