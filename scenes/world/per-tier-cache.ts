// One geometry per (world, tier), built on first use and kept while the world lives: both
// scenes' geometry builders are wrapped in it, so a tier's meshes are never built twice.
import { getOrCreate } from '../get-or-create';
import type { QualityTier } from './quality-tiers';

export function perTierCache<W extends object, G>(build: (world: W, tier: QualityTier) => G): (world: W, tier: QualityTier) => G {
  const cache = new WeakMap<W, Map<QualityTier, G>>();
  return (world, tier) => {
    const perTier = getOrCreate(cache, world, () => new Map<QualityTier, G>());
    return getOrCreate(perTier, tier, () => build(world, tier));
  };
}
