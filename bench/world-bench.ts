// World generation cost in Node, and each tier's triangles and draw calls computed
// without a GPU (the worst case over every camera position), for Wulingyuan and Tianmen.
import { createWorld, DEFAULT_WORLD_SEED } from '../scenes/world/world';
import { buildWorldGeometry } from '../scenes/world/world-geometry';
import { worstCaseWorldDrawCost } from '../scenes/world/draw-cost';
import { QUALITY_TIERS, TIER_BUDGETS, type QualityTier } from '../scenes/world/quality-tiers';
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

interface BuildTimes {
  generateMs: number[];
  geometryMs: Record<string, number[]>;
}

/** Builds a scene's world `runs` times, then each tier's geometry of it, timing every step. */
function timeBuilds<W>(
  runs: number,
  firstSeed: number,
  createWorld: (seed: number) => W,
  buildGeometry: (world: W, tier: QualityTier) => unknown,
): BuildTimes {
  const times: BuildTimes = { generateMs: [], geometryMs: {} };
  for (let run = 0; run < runs; run += 1) {
    // A different seed each run defeats the per-world geometry cache without changing the work.
    const started = performance.now();
    const world = createWorld(firstSeed + run);
    times.generateMs.push(performance.now() - started);
    for (const tier of QUALITY_TIERS) {
      const tierStarted = performance.now();
      buildGeometry(world, tier);
      (times.geometryMs[tier] ??= []).push(performance.now() - tierStarted);
    }
  }
  return times;
}

function printBuildTimes(title: string, createStep: string, { generateMs, geometryMs }: BuildTimes): void {
  printTable(
    title,
    ['step', 'median ms'],
    [[createStep, median(generateMs)], ...QUALITY_TIERS.map((tier) => [`geometry, ${tier} tier`, median(geometryMs[tier])])],
  );
}

function printSceneCost(title: string, costOf: (tier: QualityTier) => { triangles: number; drawCalls: number }): void {
  printTable(
    title,
    ['tier', 'triangles', 'budget', 'draw calls', 'budget'],
    QUALITY_TIERS.map((tier) => {
      const cost = costOf(tier);
      return [tier, cost.triangles, TIER_BUDGETS[tier].maxTriangles, cost.drawCalls, TIER_BUDGETS[tier].maxDrawCalls];
    }),
  );
}

export function benchWorld(): void {
  const times = timeBuilds(RUNS, DEFAULT_WORLD_SEED, createWorld, buildWorldGeometry);
  const world = createWorld(DEFAULT_WORLD_SEED);
  const clearanceUs = measureClearanceUs(world);
  printBuildTimes(
    `World (seed ${DEFAULT_WORLD_SEED}, ${world.pillars.length} pillars; median of ${RUNS} runs in Node)`,
    'createWorld',
    times,
  );
  console.log(`clearanceAt: median ${clearanceUs.toFixed(1)} µs per query (route validation samples every 2 m)`);
  printSceneCost('Scene cost per tier (world only, worst case over camera positions; atmosphere adds a few calls)', (tier) =>
    worstCaseWorldDrawCost(world, tier),
  );
  benchTianmen();
}

/** Tianmen draws the same meshes from every camera: its cost per tier is exact, not a worst case. */
function benchTianmen(): void {
  const times = timeBuilds(3, DEFAULT_TIANMEN_SEED, createTianmenWorld, buildTianmenGeometry);
  const world = createTianmenWorld(DEFAULT_TIANMEN_SEED);
  printBuildTimes(`Tianmen (seed ${DEFAULT_TIANMEN_SEED}; median of 3 runs in Node)`, 'createTianmenWorld', times);
  printSceneCost('Tianmen scene cost per tier (world only, the same from every camera; atmosphere adds a few calls)', (tier) =>
    tianmenDrawCost(world, tier),
  );
}
