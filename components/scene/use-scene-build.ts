'use client';
// A scene build for a component: null until it arrives, then the build. While a new tier loads
// the previous build stays, so a tier change never blanks the picture. The arrival renders as a
// transition: React then yields between the world's components (the ground's meshes, the pillar
// forest's), so making them is several main-thread tasks, not one.
import { startTransition, useEffect, useState } from 'react';
import type { SceneId } from '@/scenes/routes/route-schema';
import type { QualityTier } from '@/scenes/world/quality-tiers';
import type { SceneBuildOf } from '@/scenes/world/scene-build';
import { sceneBuildFor, settledSceneBuild } from './scene-builds';

export function useSceneBuild<S extends SceneId>(scene: S, seed: number, tier: QualityTier): SceneBuildOf<S> | null {
  const [build, setBuild] = useState<SceneBuildOf<S> | null>(() => settledSceneBuild(scene, seed, tier));
  useEffect(() => {
    let current = true;
    sceneBuildFor(scene, seed, tier).then(
      (arrived) => {
        if (current) startTransition(() => setBuild(arrived));
      },
      (error: unknown) => {
        // Thrown in render, so the canvas's error boundary sees it as it sees any drawing failure.
        if (current)
          setBuild(() => {
            throw error;
          });
      },
    );
    return () => {
      current = false;
    };
  }, [scene, seed, tier]);
  return build;
}
