// One geometry per (world, tier), built on first use and kept while the world lives: both
// scenes' geometry builders are wrapped in it, so a tier's meshes are never built twice.
import type { QualityTier } from './quality-tiers';

export function perTierCache<W extends object, G>(build: (world: W, tier: QualityTier) => G): (world: W, tier: QualityTier) => G {
  const cache = new WeakMap<W, Map<QualityTier, G>>();
  return (world, tier) => {
    let perTier = cache.get(world);
    if (!perTier) {
      perTier = new Map();
      cache.set(world, perTier);
    }
    const cached = perTier.get(tier);
    if (cached) return cached;
    const built = build(world, tier);
    perTier.set(tier, built);
    return built;
  };
}
