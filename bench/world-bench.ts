// World generation cost in Node, and each tier's triangles and draw calls computed
// without a GPU (the worst case over every camera position), for Wulingyuan and Tianmen.
import { createWorld, DEFAULT_WORLD_SEED } from '../scenes/world/world';
import { buildWorldGeometry } from '../scenes/world/world-geometry';
import { worstCaseWorldDrawCost } from '../scenes/world/draw-cost';
import { QUALITY_TIERS, TIER_BUDGETS } from '../scenes/world/quality-tiers';
import { buildTianmenGeometry, tianmenDrawCost } from '../scenes/world/tianmen-geometry';
import { createTianmenWorld, DEFAULT_TIANMEN_SEED } from '../scenes/world/tianmen-world';
import { median, printTable } from './stats';

const RUNS = 7;
const CLEARANCE_QUERIES = 20_000;

/** Median over batches of the time per clearance query, at points spread over the world. */
function measureClearanceUs(world: ReturnType<typeof createWorld>): number {
  const perQueryUs: number[] = [];
  let sink = 0;
  for (let batch = 0; batch < 5; batch += 1) {
    const started = performance.now();
    for (let i = 0; i < CLEARANCE_QUERIES; i += 1) {
      sink += world.clearanceAt([((i * 37 + batch) % 4600) - 2300, 500 + (i % 700), ((i * 91) % 4600) - 2300]);
    }
    perQueryUs.push(((performance.now() - started) * 1000) / CLEARANCE_QUERIES);
  }
  if (!Number.isFinite(sink)) throw new Error('clearanceAt returned a non-finite distance');
  return median(perQueryUs);
}

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
  const clearanceUs = measureClearanceUs(world);
  printTable(
    `World (seed ${DEFAULT_WORLD_SEED}, ${world.pillars.length} pillars; median of ${RUNS} runs in Node)`,
    ['step', 'median ms'],
    [['createWorld', median(generateMs)], ...QUALITY_TIERS.map((tier) => [`geometry, ${tier} tier`, median(geometryMs[tier])])],
  );
  console.log(`clearanceAt: median ${clearanceUs.toFixed(1)} µs per query (route validation samples every 2 m)`);
  printTable(
    'Scene cost per tier (world only, worst case over camera positions; atmosphere adds a few calls)',
    ['tier', 'triangles', 'budget', 'draw calls', 'budget'],
    QUALITY_TIERS.map((tier) => {
      const cost = worstCaseWorldDrawCost(world, tier);
      return [tier, cost.triangles, TIER_BUDGETS[tier].maxTriangles, cost.drawCalls, TIER_BUDGETS[tier].maxDrawCalls];
    }),
  );
  benchTianmen();
}

/** Tianmen draws the same meshes from every camera: its cost per tier is exact, not a worst case. */
function benchTianmen(): void {
  const generateMs: number[] = [];
  const geometryMs: Record<string, number[]> = {};
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    const world = createTianmenWorld(DEFAULT_TIANMEN_SEED + run);
    generateMs.push(performance.now() - started);
    for (const tier of QUALITY_TIERS) {
      const tierStarted = performance.now();
      buildTianmenGeometry(world, tier);
      (geometryMs[tier] ??= []).push(performance.now() - tierStarted);
    }
  }
  const world = createTianmenWorld(DEFAULT_TIANMEN_SEED);
  printTable(
    `Tianmen (seed ${DEFAULT_TIANMEN_SEED}; median of 3 runs in Node)`,
    ['step', 'median ms'],
    [['createTianmenWorld', median(generateMs)], ...QUALITY_TIERS.map((tier) => [`geometry, ${tier} tier`, median(geometryMs[tier])])],
  );
  printTable(
    'Tianmen scene cost per tier (world only, the same from every camera; atmosphere adds a few calls)',
    ['tier', 'triangles', 'budget', 'draw calls', 'budget'],
    QUALITY_TIERS.map((tier) => {
      const cost = tianmenDrawCost(world, tier);
      return [tier, cost.triangles, TIER_BUDGETS[tier].maxTriangles, cost.drawCalls, TIER_BUDGETS[tier].maxDrawCalls];
    }),
  );
}
