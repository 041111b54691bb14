'use client';
// The Tianmen Mountain ground and rock for one quality tier: forested hills, the cliff-girt
// plateau, and the wall of Heaven's Gate with the stair below, from the deterministic world core.
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Group, Mesh } from 'three';
import type { QualityTier } from '../../scenes/world/quality-tiers';
import { buildTianmenGeometry } from '../../scenes/world/tianmen-geometry';
import { atmosphereUniformsOf } from './atmosphere/atmosphere-uniforms';
import { toBufferGeometry } from './buffer-geometry';
import { tianmenWorldFor } from './world-cache';
import { createRockMaterial, createTerrainMaterial } from './world-materials';

export function TianmenWorld({ tier }: { tier: QualityTier }) {
  const scene = useThree((state) => state.scene);
  const built = useMemo(() => {
    const geometry = buildTianmenGeometry(tianmenWorldFor(), tier);
    const atmosphere = atmosphereUniformsOf(scene);
    const terrainMaterial = createTerrainMaterial(tier, atmosphere);
    const rockMaterial = createRockMaterial(tier, atmosphere);
    const terrain = toBufferGeometry(geometry.terrain);
    const rock = toBufferGeometry(geometry.rock);
    const group = new Group();
    group.add(new Mesh(terrain, terrainMaterial), new Mesh(rock, rockMaterial));
    const dispose = () => {
      terrain.dispose();
      rock.dispose();
      terrainMaterial.dispose();
      rockMaterial.dispose();
    };
    return { group, dispose };
  }, [tier, scene]);

  useEffect(() => built.dispose, [built]);

  return <primitive object={built.group} />;
}
