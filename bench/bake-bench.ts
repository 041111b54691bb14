// Bake speed per quality profile with the real renderer pool: render-only frames/s, full
// bake frames/s (render, encode in the page, move to Node), the bake as a multiple of
// real time, and what encoding and transfer add over rendering. Each profile's row is
// printed as soon as it is measured; a renderer that dies mid-measurement is replaced by
// the pool and that measurement is taken again, never the end of the bench.
import { CURATED_ROUTES } from '../scenes/routes/curated/index';
import { PROFILE_IDS, QUALITY_PROFILES, isProfileId, type ProfileId } from '../server/bake/quality-profiles';
import { createRendererPool } from '../server/render/renderer-pool';
import { isRendererFailedError } from '../server/render/renderer-errors';
import { measureRenderThroughput, type RenderThroughput } from '../server/render/render-throughput';
import { median, startTable } from './stats';

const ROUTE_ID = 'hallelujah-flyover';
const SEGMENTS = Number(process.env.YUNSHAN_BENCH_SEGMENTS ?? 2);
/** Alternating render-only and full runs, so a burst of load on the shared machine hits both. */
const ROUNDS = Number(process.env.YUNSHAN_BENCH_ROUNDS ?? 3);
/** Comma-separated profile ids to measure (default: the whole ladder, which takes many minutes). */
const PROFILES: ProfileId[] = profilesToMeasure(process.env.YUNSHAN_BENCH_PROFILES);
/** Tries per measurement: a renderer dying once is an incident; every time, a broken host. */
const MEASURE_TRIES = 3;

function profilesToMeasure(list: string | undefined): ProfileId[] {
  if (list === undefined || list.trim() === '') return [...PROFILE_IDS];
  const ids = list.split(',').map((id) => id.trim());
  const unknown = ids.filter((id) => !isProfileId(id));
  if (unknown.length > 0) throw new Error(`YUNSHAN_BENCH_PROFILES: unknown profile(s) ${unknown.join(', ')}; known: ${PROFILE_IDS.join(', ')}`);
  return ids as ProfileId[];
}

/** One measurement, taken again on a fresh renderer when the one it ran on died. */
async function measureSurvivingRendererDeath(measure: () => Promise<RenderThroughput>, label: string): Promise<RenderThroughput> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measure();
    } catch (error) {
      if (!isRendererFailedError(error) || attempt >= MEASURE_TRIES) throw error;
      console.log(`  (${label}: ${error.message}; measuring again on its replacement)`);
    }
  }
}

export async function benchBake(): Promise<void> {
  const route = CURATED_ROUTES.find((candidate) => candidate.id === ROUTE_ID) ?? CURATED_ROUTES[0];
  const pool = await createRendererPool({ size: 1, log: () => {} });
  try {
    const table = startTable(
      `Bake speed, route ${route.id}, ${SEGMENTS} segments × median of ${ROUNDS} rounds, 1 renderer on ${pool.backend} (goals: 360p ≥ 0.5× real time; overhead ≤ 25%)`,
      ['profile', 'render-only fps', 'bake fps', 'vs real time', 'encode+transfer overhead', 'kbps'],
    );
    for (const profileId of PROFILES) {
      const profile = QUALITY_PROFILES[profileId];
      const renderOnlyFps: number[] = [];
      const bakeFps: number[] = [];
      const kbps: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const renderOnly = await measureSurvivingRendererDeath(() => measureRenderThroughput(pool, route, profile, { segments: SEGMENTS, renderOnly: true }), `${profileId} render-only`);
        renderOnlyFps.push(renderOnly.framesPerSecond);
        const full = await measureSurvivingRendererDeath(() => measureRenderThroughput(pool, route, profile, { segments: SEGMENTS }), `${profileId} bake`);
        bakeFps.push(full.framesPerSecond);
        kbps.push((full.bytes * 8) / 1000 / (full.frames / 30));
      }
      const renderOnly = median(renderOnlyFps);
      const bake = median(bakeFps);
      table.row([
        `${profileId} (${profile.codec}, ${profile.sceneTier} tier)`,
        renderOnly,
        bake,
        `${(bake / 30).toFixed(2)}×`,
        `${((renderOnly / bake - 1) * 100).toFixed(0)}%`,
        median(kbps),
      ]);
    }
  } finally {
    await pool.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBake();
