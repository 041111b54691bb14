'use client';
// The Wulingyuan ground and rock for one quality tier: terrain, pillar forest, landmarks,
// bridge and stream, all built from the deterministic world core.
import { useMemo } from 'react';
import type { QualityTier } from '../../scenes/world/quality-tiers';
import { DEFAULT_WORLD_SEED } from '../../scenes/world/world';
import { PillarForest } from './PillarForest';
import { worldFor, worldGeometryFor } from './world-cache';
import { WorldGround } from './WorldGround';

export interface WulingyuanWorldProps {
  tier: QualityTier;
  seed?: number;
  /** Fixed time for water ripples (baking, reduced motion); follows the R3F clock when left out. */
  timeS?: number;
}

export function WulingyuanWorld({ tier, seed = DEFAULT_WORLD_SEED, timeS }: WulingyuanWorldProps) {
  const world = useMemo(() => worldFor(seed), [seed]);
  const geometry = useMemo(() => worldGeometryFor(world, tier), [world, tier]);
  return (
    <>
      <WorldGround geometry={geometry} tier={tier} timeS={timeS} />
      <PillarForest world={world} geometry={geometry} tier={tier} />
    </>
  );
}
