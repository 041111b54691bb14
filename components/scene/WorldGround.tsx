'use client';
// The unique meshes of the scene: terrain, the landmark pillars with their crowns, the
// First Bridge's slab and the Golden Whip Stream's water.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Group, Mesh } from 'three';
import type { QualityTier } from '@/scenes/world/quality-tiers';
import type { WorldGeometry } from '@/scenes/world/world-geometry';
import { atmosphereUniformsOf } from './atmosphere/atmosphere-uniforms';
import { toBufferGeometry } from './buffer-geometry';
import { createCrownMaterial, createRockMaterial, createTerrainMaterial, createWaterMaterial } from './world-materials';

export function WorldGround({ geometry, tier, timeS }: { geometry: WorldGeometry; tier: QualityTier; timeS?: number }) {
  const scene = useThree((state) => state.scene);
  const built = useMemo(() => {
    const atmosphere = atmosphereUniformsOf(scene);
    const terrainMaterial = createTerrainMaterial(tier, atmosphere);
    const rockMaterial = createRockMaterial(tier, atmosphere);
    const crownMaterial = createCrownMaterial(atmosphere);
    const water = createWaterMaterial(tier, atmosphere);
    const parts: Array<[ReturnType<typeof toBufferGeometry>, typeof rockMaterial]> = [
      [toBufferGeometry(geometry.terrain), terrainMaterial],
      [toBufferGeometry(geometry.landmarkPillars), rockMaterial],
      [toBufferGeometry(geometry.landmarkCrowns), crownMaterial],
      [toBufferGeometry(geometry.bridge), rockMaterial],
      [toBufferGeometry(geometry.stream), water.material],
    ];
    const group = new Group();
    for (const [g, m] of parts) group.add(new Mesh(g, m));
    const dispose = () => {
      for (const [g] of parts) g.dispose();
      for (const m of [terrainMaterial, rockMaterial, crownMaterial, water.material]) m.dispose();
    };
    return { group, water, dispose };
  }, [geometry, tier, scene]);

  useEffect(() => built.dispose, [built]);

  useFrame((state) => {
    built.water.timeS.value = timeS ?? state.clock.elapsedTime;
  });

  return <primitive object={built.group} />;
}
