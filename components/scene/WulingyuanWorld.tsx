'use client';
// The Wulingyuan ground and rock for one quality tier: terrain, pillar forest, landmarks,
// bridge and stream, from a build of the deterministic world core made off the main thread.
import type { QualityTier } from '@/scenes/world/quality-tiers';
import { DEFAULT_WORLD_SEED } from '@/scenes/world/world';
import { CompiledGroup } from './CompiledGroup';
import { PillarForest } from './PillarForest';
import { useSceneBuild } from './use-scene-build';
import { WorldGround } from './WorldGround';

export interface WulingyuanWorldProps {
  tier: QualityTier;
  seed?: number;
  /** Fixed time for water ripples (baking, reduced motion); follows the R3F clock when left out. */
  timeS?: number;
  /** Called once the world's meshes are in the scene and compiled (nothing of it is drawn before). */
  onLoaded?: () => void;
}

export function WulingyuanWorld({ tier, seed = DEFAULT_WORLD_SEED, timeS, onLoaded }: WulingyuanWorldProps) {
  const build = useSceneBuild('wulingyuan', seed, tier);
  if (!build) return null;
  // The build's own tier: while a new tier loads, the previous build is drawn as it was built.
  return (
    <CompiledGroup onCompiled={onLoaded}>
      <WorldGround geometry={build.geometry} tier={build.geometry.tier} timeS={timeS} />
      <PillarForest instancing={build.instancing} geometry={build.geometry} tier={build.geometry.tier} />
    </CompiledGroup>
  );
}
