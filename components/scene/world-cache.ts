// One world and one geometry set per (seed, tier) for the page's lifetime: building them
// takes a few hundred milliseconds, so remounting a flight must not rebuild them.
import type { QualityTier } from '../../scenes/world/quality-tiers';
import { createWorld, DEFAULT_WORLD_SEED, type World } from '../../scenes/world/world';
import { buildWorldGeometry, type WorldGeometry } from '../../scenes/world/world-geometry';

const worlds = new Map<number, World>();

export function worldFor(seed = DEFAULT_WORLD_SEED): World {
  let world = worlds.get(seed);
  if (!world) {
    world = createWorld(seed);
    worlds.set(seed, world);
  }
  return world;
}

export function worldGeometryFor(world: World, tier: QualityTier): WorldGeometry {
  return buildWorldGeometry(world, tier);
}
