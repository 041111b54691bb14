// The Wulingyuan world from one seed: terrain, pillars, the First Bridge and the Golden
// Whip Stream, plus the clearance query routes are checked against. Pure and deterministic.
import type { Vec3 } from '../routes/route-schema';
import { createClearanceField } from './clearance-field';
import { WORLD_HALF_EXTENT_M } from './landmarks';
import type { Pillar } from './pillar';
import { BRIDGE_PILLAR_SHAPE_SPEC, GOLDEN_WHIP_ROCK_SHAPE_SPEC, HALLELUJAH_SHAPE_SPEC, PILLAR_ARCHETYPE_SPECS } from './pillar-archetypes';
import { layoutPillars } from './pillar-layout';
import { createPillarShape, sectionFaceFraction, type PillarShape } from './pillar-shape';
import { createStoneBridge, type StoneBridge } from './stone-bridge';
import { createStreamPath, type StreamPath } from './stream-path';
import { createTerrain, type TerrainField } from './terrain';

export const DEFAULT_WORLD_SEED = 20261126;

export interface World {
  seed: number;
  halfExtentM: number;
  /** Height of the ground surface at (x, z), metres. */
  heightAt(x: number, z: number): number;
  terrain: TerrainField;
  stream: StreamPath;
  pillars: readonly Pillar[];
  /** Unit pillar shapes: the first archetypeCount are shared by instanced pillars, the rest belong to landmarks. */
  shapes: readonly PillarShape[];
  archetypeCount: number;
  bridge: StoneBridge;
  /** Metres from p to the nearest solid (ground, pillar, crown, bridge); negative inside. */
  clearanceAt(p: Vec3): number;
}

export function createWorld(seed = DEFAULT_WORLD_SEED): World {
  const halfExtentM = WORLD_HALF_EXTENT_M;
  const stream = createStreamPath();
  const terrain = createTerrain(seed, halfExtentM, stream);
  const bridge = createStoneBridge(sectionFaceFraction(BRIDGE_PILLAR_SHAPE_SPEC.squareness));
  const archetypes = PILLAR_ARCHETYPE_SPECS.map((spec) => createPillarShape(spec, seed));
  const shapes: PillarShape[] = [
    ...archetypes,
    createPillarShape(HALLELUJAH_SHAPE_SPEC, seed),
    createPillarShape(BRIDGE_PILLAR_SHAPE_SPEC, seed),
    createPillarShape(GOLDEN_WHIP_ROCK_SHAPE_SPEC, seed),
  ];
  const archetypeCount = archetypes.length;
  const pillars = layoutPillars({
    seed,
    halfExtentM,
    terrain,
    stream,
    bridge,
    archetypeCount,
    landmarkShapes: { hallelujah: archetypeCount, bridge: archetypeCount + 1, goldenWhipRock: archetypeCount + 2 },
  });
  const field = createClearanceField(halfExtentM, terrain, pillars, shapes, bridge);
  return {
    seed,
    halfExtentM,
    heightAt: terrain.heightAt,
    terrain,
    stream,
    pillars,
    shapes,
    archetypeCount,
    bridge,
    clearanceAt: field.clearanceAt,
  };
}
