// `npm run bench:codec`: VP8 against VP9 on the same rendered frames, per profile. Each run
// draws a route's segments once and encodes them twice in the render page (the bake's one
// render, two encoders), decodes both encodings again with WebCodecs and compares every
// decoded frame with the frame that was drawn (luma PSNR). It prints the bytes and quality of
// VP8 at its ladder bitrate and of VP9 at several bitrates, the VP9 bitrate with quality at
// least VP8's, what the ladder's VP9 bitrate saves, and what the VP9 encoder adds to a bake.
//
// YUNSHAN_BENCH_PROFILES: VP8 profiles (default 360p,540p,720p; 1080p takes minutes a run on a
// CPU host); YUNSHAN_BENCH_SEGMENTS: segments a run (default 2); YUNSHAN_BENCH_VP9_SHARES: VP9
// bitrates to try as shares of the VP8 bitrate (default 0.5,0.6,0.7,0.8,1).
import os from 'node:os';
import { CURATED_ROUTES } from '../scenes/routes/curated/index';
import { BAKE_FPS, QUALITY_PROFILES, isProfileId, vp9TwinOf, type ProfileId } from '@/scenes/protocol/profile-ladder';
import { createRendererPool } from '../server/render/renderer-pool';
import { measureRenderThroughput, type RenderThroughput } from '../server/render/render-throughput';
import { median, startTable } from './stats';

const ROUTE_ID = 'hallelujah-flyover';
const SEGMENTS = Number(process.env.YUNSHAN_BENCH_SEGMENTS ?? 2);
/** Bake-speed runs with and without the VP9 twin, alternating so a burst of load hits both. */
const SPEED_ROUNDS = Number(process.env.YUNSHAN_BENCH_ROUNDS ?? 3);
const SHARES = (process.env.YUNSHAN_BENCH_VP9_SHARES ?? '0.5,0.6,0.7,0.8,1').split(',').map(Number);
const PROFILES = vp8ProfilesToMeasure(process.env.YUNSHAN_BENCH_PROFILES ?? '360p,540p,720p');

function vp8ProfilesToMeasure(list: string): ProfileId[] {
  const ids = list.split(',').map((id) => id.trim());
  const wrong = ids.filter((id) => !isProfileId(id) || vp9TwinOf(id) === null);
  if (wrong.length > 0) throw new Error(`YUNSHAN_BENCH_PROFILES: ${wrong.join(', ')} is not a VP8 profile with a VP9 twin`);
  return ids as ProfileId[];
}

const kbpsOf = (bytes: number, run: RenderThroughput) => (bytes * 8) / 1000 / (run.frames / BAKE_FPS);

export async function benchCodec(): Promise<void> {
  const route = CURATED_ROUTES.find((candidate) => candidate.id === ROUTE_ID) ?? CURATED_ROUTES[0];
  const pool = await createRendererPool({ size: 1, log: () => {} });
  const load = os.loadavg()[0].toFixed(1);
  try {
    const quality = startTable(
      `VP8 and VP9 on the same frames, route ${route.id}, ${SEGMENTS} segments a run, ${pool.backend} (${pool.glRenderer}), load average ${load} on ${os.availableParallelism()} CPUs; luma PSNR of each decoded frame against the drawn frame`,
      ['profile', 'codec', 'target kbps', 'kbps', 'mean PSNR dB', 'worst frame dB'],
    );
    const summary: (string | number)[][] = [];
    for (const profileId of PROFILES) {
      const vp8 = QUALITY_PROFILES[profileId];
      const ladderTwin = QUALITY_PROFILES[vp9TwinOf(profileId)!];
      const tried: { kbps: number; target: number; psnr: number }[] = [];
      let vp8Row: { kbps: number; psnr: number } | null = null;
      const targets = [...new Set([...SHARES.map((share) => Math.round(vp8.bitrateKbps * share)), ladderTwin.bitrateKbps])].sort(
        (a, b) => a - b,
      );
      for (const target of targets) {
        const run = await measureRenderThroughput(pool, route, vp8, {
          segments: SEGMENTS,
          twin: { ...ladderTwin, bitrateKbps: target },
          measureQuality: true,
        });
        const [own, twin] = run.quality;
        if (vp8Row === null) {
          vp8Row = { kbps: kbpsOf(run.bytes, run), psnr: own.meanPsnrDb };
          quality.row([profileId, 'vp8', vp8.bitrateKbps, vp8Row.kbps, own.meanPsnrDb, own.minPsnrDb]);
        }
        tried.push({ kbps: kbpsOf(run.twinBytes, run), target, psnr: twin.meanPsnrDb });
        quality.row([
          ladderTwin.id,
          target === ladderTwin.bitrateKbps ? 'vp9 (ladder)' : 'vp9',
          target,
          kbpsOf(run.twinBytes, run),
          twin.meanPsnrDb,
          twin.minPsnrDb,
        ]);
      }
      const equal = tried.find((row) => row.psnr >= vp8Row!.psnr);
      const ladder = tried.find((row) => row.target === ladderTwin.bitrateKbps)!;
      summary.push([
        profileId,
        vp8Row!.kbps,
        vp8Row!.psnr,
        equal === undefined ? 'none tried' : `${equal.target} (${equal.psnr.toFixed(2)} dB)`,
        ladder.kbps,
        ladder.psnr - vp8Row!.psnr,
        `${(100 * (1 - ladder.kbps / vp8Row!.kbps)).toFixed(0)}%`,
      ]);
    }
    const table = startTable('Bytes saved per profile by the ladder VP9 twin (measured kbps; ΔPSNR ≥ 0 is quality at least VP8’s)', [
      'profile',
      'VP8 kbps',
      'VP8 PSNR dB',
      'lowest VP9 target ≥ VP8 PSNR',
      'ladder VP9 kbps',
      'ΔPSNR dB',
      'bytes saved',
    ]);
    for (const row of summary) table.row(row);

    const speed = startTable(
      `What the VP9 twin adds to a bake: full bake frames/s (render, encode, move to Node), ${SEGMENTS} segments, median of ${SPEED_ROUNDS} rounds`,
      ['profile', 'VP8 only fps', 'VP8 + VP9 fps', 'bake time change'],
    );
    for (const profileId of PROFILES) {
      const vp8 = QUALITY_PROFILES[profileId];
      const twin = QUALITY_PROFILES[vp9TwinOf(profileId)!];
      const alone: number[] = [];
      const both: number[] = [];
      for (let round = 0; round < SPEED_ROUNDS; round++) {
        alone.push((await measureRenderThroughput(pool, route, vp8, { segments: SEGMENTS })).framesPerSecond);
        both.push((await measureRenderThroughput(pool, route, vp8, { segments: SEGMENTS, twin })).framesPerSecond);
      }
      speed.row([profileId, median(alone), median(both), `${((median(alone) / median(both) - 1) * 100).toFixed(0)}%`]);
    }
  } finally {
    await pool.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCodec();
