// World generation cost in Node, and each tier's triangles and draw calls computed
// without a GPU (the worst case over every camera position).
import { createWorld, DEFAULT_WORLD_SEED } from '../scenes/world/world';
import { buildWorldGeometry } from '../scenes/world/world-geometry';
import { worstCaseWorldDrawCost } from '../scenes/world/draw-cost';
import { QUALITY_TIERS, TIER_BUDGETS } from '../scenes/world/quality-tiers';
import { median, printTable } from './stats';

const RUNS = 7;

export function benchWorld(): void {
  const generateMs: number[] = [];
  const geometryMs: Record<string, number[]> = {};
  for (let run = 0; run < RUNS; run += 1) {
    // A different seed each run defeats the per-world geometry cache without changing the work.
    const seed = DEFAULT_WORLD_SEED + run;
    const started = performance.now();
    const world = createWorld(seed);
    generateMs.push(performance.now() - started);
    for (const tier of QUALITY_TIERS) {
      const tierStarted = performance.now();
      buildWorldGeometry(world, tier);
      (geometryMs[tier] ??= []).push(performance.now() - tierStarted);
    }
  }
  const world = createWorld(DEFAULT_WORLD_SEED);
  printTable(
    `World (seed ${DEFAULT_WORLD_SEED}, ${world.pillars.length} pillars; median of ${RUNS} runs in Node)`,
    ['step', 'median ms'],
    [['createWorld', median(generateMs)], ...QUALITY_TIERS.map((tier) => [`geometry, ${tier} tier`, median(geometryMs[tier])])],
  );
  printTable(
    'Scene cost per tier (world only, worst case over camera positions; atmosphere adds a few calls)',
    ['tier', 'triangles', 'budget', 'draw calls', 'budget'],
    QUALITY_TIERS.map((tier) => {
      const cost = worstCaseWorldDrawCost(world, tier);
      return [tier, cost.triangles, TIER_BUDGETS[tier].maxTriangles, cost.drawCalls, TIER_BUDGETS[tier].maxDrawCalls];
    }),
  );
}
