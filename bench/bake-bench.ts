// Bake speed per quality profile with the real renderer pool: render-only frames/s, full
// bake frames/s (render, encode in the page, move to Node), seconds per baked frame, the
// bake as a multiple of real time, and what encoding and transfer add over rendering. Each
// profile's row is printed as soon as it is measured; a renderer that dies mid-measurement
// is replaced by the pool and that measurement is taken again, never the end of the bench.
//
// The cinematic profiles take seconds a frame on a CPU host (goal: 720p ≤ 4 s on 2 cores),
// so they are measured on the first YUNSHAN_BENCH_CINEMATIC_FRAMES frames (default 10) of
// one segment, in one round; the standard profiles on whole segments as before. The first
// column says how many frames each row rests on. A segment's first frames include the
// cinematic tier's in-segment warm-up, so these rows lean slow, not fast.
//
// The renderers run at the lowest CPU priority, as in a bake, unless YUNSHAN_RENDER_LOW_PRIORITY=0:
// on a machine shared with other work that measures what the rest leaves over, so the title
// states the priority and the load average the rows were taken under.
//
// GPU hosts: the renderers take their GL flags from YUNSHAN_RENDER_GL_FLAGS (space-separated,
// read by server/render/chromium-launch.ts; the default is Mesa llvmpipe through ANGLE on
// EGL). On an NVIDIA host with the proprietary driver, try first
//   YUNSHAN_RENDER_GL_FLAGS='--use-angle=gl-egl --ignore-gpu-blocklist' npm run bench:bake
// (ANGLE on the driver's EGL through glvnd; headless needs no X server), else
//   YUNSHAN_RENDER_GL_FLAGS='--use-angle=vulkan --enable-features=Vulkan --ignore-gpu-blocklist' npm run bench:bake
// Both leave out --enable-unsafe-swiftshader, so a GPU that fails to start fails the bench
// instead of quietly falling back to a software rasteriser. The table's title names the
// WebGL renderer the pages got: it must name the GPU, not llvmpipe or SwiftShader. Golden
// images are per backend, so a GPU host bakes pixels of its own. Not measured yet: the
// machines this was written on have no GPU.
import os from 'node:os';
import { CURATED_ROUTES } from '../scenes/routes/curated/index';
import {
  BAKE_FPS,
  PROFILE_IDS,
  QUALITY_PROFILES,
  isProfileId,
  type ProfileId,
  type QualityProfile,
} from '@/scenes/protocol/profile-ladder';
import { chromiumLaunchDefaults } from '../server/render/chromium-launch';
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
/** Frames per cinematic row, from the start of one segment, in one round: at seconds a frame, the standard plan would take hours. */
const CINEMATIC_FRAMES = Number(process.env.YUNSHAN_BENCH_CINEMATIC_FRAMES ?? 10);
if (!Number.isInteger(CINEMATIC_FRAMES) || CINEMATIC_FRAMES < 1 || CINEMATIC_FRAMES > 30) {
  throw new Error(
    `YUNSHAN_BENCH_CINEMATIC_FRAMES: a whole number of frames from 1 to 30 (one segment), not ${process.env.YUNSHAN_BENCH_CINEMATIC_FRAMES}`,
  );
}

interface MeasurementPlan {
  segments: number;
  framesPerSegment?: number;
  rounds: number;
  /** What the row rests on, for the first column. */
  describe(framesPerRun: number): string;
}

function planFor(profile: QualityProfile): MeasurementPlan {
  if (profile.sceneTier === 'cinematic') {
    return { segments: 1, framesPerSegment: CINEMATIC_FRAMES, rounds: 1, describe: (frames) => `${frames} frames, 1 round` };
  }
  return { segments: SEGMENTS, rounds: ROUNDS, describe: (frames) => `${frames} frames, median of ${ROUNDS}` };
}

function profilesToMeasure(list: string | undefined): ProfileId[] {
  if (list === undefined || list.trim() === '') return [...PROFILE_IDS];
  const ids = list.split(',').map((id) => id.trim());
  const unknown = ids.filter((id) => !isProfileId(id));
  if (unknown.length > 0)
    throw new Error(`YUNSHAN_BENCH_PROFILES: unknown profile(s) ${unknown.join(', ')}; known: ${PROFILE_IDS.join(', ')}`);
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
  // Renderers at nice 19 and SCHED_IDLE measure what a shared machine leaves over, not the renderer.
  const priority = chromiumLaunchDefaults().lowPriority
    ? 'lowest CPU priority (YUNSHAN_RENDER_LOW_PRIORITY=0 for normal)'
    : 'normal CPU priority';
  const load = os.loadavg()[0].toFixed(1);
  try {
    const table = startTable(
      `Bake speed, route ${route.id}, 1 renderer on ${pool.backend} (${pool.glRenderer}) at ${priority}, load average ${load} on ${os.availableParallelism()} CPUs; standard profiles ${SEGMENTS} segments × median of ${ROUNDS} rounds, cinematic ${CINEMATIC_FRAMES} frames × 1 round (goals: 360p ≥ 0.5× real time; overhead ≤ 25%; cinematic 720p ≤ 4 s a frame on 2 CPU cores)`,
      ['profile', 'measured on', 'render-only fps', 'bake fps', 's per frame', 'vs real time', 'encode+transfer overhead', 'kbps'],
    );
    for (const profileId of PROFILES) {
      const profile = QUALITY_PROFILES[profileId];
      const plan = planFor(profile);
      const options = { segments: plan.segments, framesPerSegment: plan.framesPerSegment };
      const renderOnlyFps: number[] = [];
      const bakeFps: number[] = [];
      const kbps: number[] = [];
      let framesPerRun = 0;
      for (let round = 0; round < plan.rounds; round += 1) {
        const renderOnly = await measureSurvivingRendererDeath(
          () => measureRenderThroughput(pool, route, profile, { ...options, renderOnly: true }),
          `${profileId} render-only`,
        );
        renderOnlyFps.push(renderOnly.framesPerSecond);
        const full = await measureSurvivingRendererDeath(() => measureRenderThroughput(pool, route, profile, options), `${profileId} bake`);
        bakeFps.push(full.framesPerSecond);
        kbps.push((full.bytes * 8) / 1000 / (full.frames / BAKE_FPS));
        framesPerRun = full.frames;
      }
      const renderOnly = median(renderOnlyFps);
      const bake = median(bakeFps);
      table.row([
        `${profileId} (${profile.codec}, ${profile.sceneTier} tier)`,
        plan.describe(framesPerRun),
        renderOnly,
        bake,
        1 / bake,
        `${(bake / BAKE_FPS).toFixed(bake / BAKE_FPS < 0.01 ? 4 : 2)}×`,
        `${((renderOnly / bake - 1) * 100).toFixed(0)}%`,
        median(kbps),
      ]);
    }
  } finally {
    await pool.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBake();
