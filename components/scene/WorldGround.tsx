'use client';
// The unique meshes of the scene: terrain, the landmark pillars with their crowns, the
// First Bridge's slab and the Golden Whip Stream's water.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Color, Fog, FogExp2, Group, Mesh } from 'three';
import type { QualityTier } from '../../scenes/world/quality-tiers';
import type { WorldGeometry } from '../../scenes/world/world-geometry';
import { toBufferGeometry } from './buffer-geometry';
import { createCrownMaterial, createRockMaterial, createTerrainMaterial, createWaterMaterial } from './world-materials';

const SKY_TINT = new Color(0.82, 0.88, 0.95);

export function WorldGround({ geometry, tier, timeS }: { geometry: WorldGeometry; tier: QualityTier; timeS?: number }) {
  const scene = useThree((state) => state.scene);
  const built = useMemo(() => {
    const terrainMaterial = createTerrainMaterial(tier);
    const rockMaterial = createRockMaterial(tier);
    const crownMaterial = createCrownMaterial();
    const water = createWaterMaterial(tier);
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
  }, [geometry, tier]);

  useEffect(() => built.dispose, [built]);

  useFrame((state) => {
    built.water.timeS.value = timeS ?? state.clock.elapsedTime;
    // The water mirrors the haze: whatever colour the atmosphere gave the fog, brightened towards the sky.
    const fog = scene.fog;
    if (fog instanceof FogExp2 || fog instanceof Fog) built.water.reflectedColor.copy(fog.color).lerp(SKY_TINT, 0.25);
  });

  return <primitive object={built.group} />;
}
