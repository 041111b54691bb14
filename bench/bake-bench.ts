// Bake speed per quality profile with the real renderer pool: render-only frames/s, full
// bake frames/s (render, encode in the page, move to Node), the bake as a multiple of
// real time, and what encoding and transfer add over rendering.
import { CURATED_ROUTES } from '../scenes/routes/curated/index';
import { PROFILE_IDS, QUALITY_PROFILES } from '../server/bake/quality-profiles';
import { createRendererPool } from '../server/render/renderer-pool';
import { measureRenderThroughput } from '../server/render/render-throughput';
import { median, printTable } from './stats';

const ROUTE_ID = 'hallelujah-flyover';
const SEGMENTS = 2;
/** Alternating render-only and full runs, so a burst of load on the shared machine hits both. */
const ROUNDS = Number(process.env.YUNSHAN_BENCH_ROUNDS ?? 3);

export async function benchBake(): Promise<void> {
  const route = CURATED_ROUTES.find((candidate) => candidate.id === ROUTE_ID) ?? CURATED_ROUTES[0];
  const pool = await createRendererPool({ size: 1, log: () => {} });
  const rows: (string | number)[][] = [];
  try {
    for (const profileId of PROFILE_IDS) {
      const profile = QUALITY_PROFILES[profileId];
      const renderOnlyFps: number[] = [];
      const bakeFps: number[] = [];
      const kbps: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        renderOnlyFps.push((await measureRenderThroughput(pool, route, profile, { segments: SEGMENTS, renderOnly: true })).framesPerSecond);
        const full = await measureRenderThroughput(pool, route, profile, { segments: SEGMENTS });
        bakeFps.push(full.framesPerSecond);
        kbps.push((full.bytes * 8) / 1000 / (full.frames / 30));
      }
      const renderOnly = median(renderOnlyFps);
      const bake = median(bakeFps);
      rows.push([
        `${profileId} (${profile.codec}, ${profile.sceneTier} tier)`,
        renderOnly,
        bake,
        `${(bake / 30).toFixed(2)}×`,
        `${((renderOnly / bake - 1) * 100).toFixed(0)}%`,
        median(kbps),
      ]);
    }
    printTable(
      `Bake speed, route ${route.id}, ${SEGMENTS} segments × median of ${ROUNDS} rounds, 1 renderer on ${pool.backend} (goals: 360p ≥ 0.5× real time; overhead ≤ 25%)`,
      ['profile', 'render-only fps', 'bake fps', 'vs real time', 'encode+transfer overhead', 'kbps'],
      rows,
    );
  } finally {
    await pool.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBake();
