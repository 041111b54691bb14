// What per-frame instancing reads of a Wulingyuan world, as plain data: the pillars, the crowns'
// top radii, the ledge pines and the floor's groves, with no functions in it, so a worker that built the world can
// post it to the renderer, which then plans instances without ever building the world itself.
import { getOrCreate } from '../get-or-create';
import { footGrovesOf, type FootGroves } from './foot-groves';
import { ledgePinesOf, type LedgePines } from './ledge-pines';
import type { Pillar } from './pillar';
import { crownTopFraction } from './pillar-transform';
import type { World } from './world';

export interface PillarInstancing {
  pillars: readonly Pillar[];
  /** Shapes below this index are the shared, instanced archetypes. */
  archetypeCount: number;
  /** Per shape (indexed as World.shapes): the radius fraction of its top, which scales a crown. */
  crownTopFractions: readonly number[];
  ledges: LedgePines;
  /** The floor's trees round each ordinary pillar's foot. */
  groves: FootGroves;
}

/** Either a whole world or its instancing data: callers in Node pass the world, the renderer the posted data. */
export type InstancingSource = World | PillarInstancing;

const cache = new WeakMap<World, PillarInstancing>();

export function pillarInstancingOf(world: World): PillarInstancing {
  return getOrCreate(cache, world, () => ({
    pillars: world.pillars,
    archetypeCount: world.archetypeCount,
    crownTopFractions: world.shapes.map(crownTopFraction),
    ledges: ledgePinesOf(world),
    groves: footGrovesOf(world),
  }));
}

export function asPillarInstancing(source: InstancingSource): PillarInstancing {
  return 'crownTopFractions' in source ? source : pillarInstancingOf(source);
}
