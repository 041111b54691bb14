// `npm run bake -- <routeId> [--profile 540p]`: bakes a route's latest published revision
// in this process with its own renderer pool, one profile after another (cheapest first),
// into the frame store, with a progress bar. Stored segments are kept, so a rerun resumes.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { openRouteStore } from '../server/routes/open-route-store';
import { openFrameStore, parseFrameStoreSettings, type FrameStoreSettings } from '../server/frame-store/open-frame-store';
import { bakeRoute, type BakeProgress } from '../server/bake/bake-route';
import { bakePosterAfter } from '../server/bake/bake-poster';
import { formatBakeProgress, formatDuration } from '../server/bake/bake-progress-line';
import { currentSceneVersion } from '../server/bake/scene-version';
import {
  isProfileId,
  BAKED_PROFILE_IDS,
  DEFAULT_BAKE_PROFILE_IDS,
  QUALITY_PROFILES,
  type ProfileId,
} from '@/scenes/protocol/profile-ladder';
import { createRendererPool } from '../server/render/renderer-pool';

const USAGE = `Usage: npm run bake -- <routeId> [--profile <${BAKED_PROFILE_IDS.join('|')}>] [--frames-dir <dir>] [--renderers <n>] [--no-poster]
  Bakes the route's latest published revision (all profiles, or the one named) into the frame store:
  the folder --frames-dir, else the store the environment names (YUNSHAN_FRAME_STORE=s3 and YUNSHAN_S3_*
  for object storage, else the folder YUNSHAN_FRAMES_DIR or data/frames). The database is env YUNSHAN_DB_PATH or data/yunshan.sqlite.`;
/** How often a non-terminal output (a log file, a pipe) gets a progress line. */
const PLAIN_LINE_INTERVAL_MS = 5_000;

class UsageError extends Error {}

interface CliOptions {
  routeId: string;
  profiles: ProfileId[];
  frameStore: FrameStoreSettings;
  renderers: number;
  poster: boolean;
}

function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        profile: { type: 'string' },
        'frames-dir': { type: 'string' },
        renderers: { type: 'string' },
        'no-poster': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? 'Name the route to bake.' : `One route at a time, not ${positionals.length}.`);
  const profile = values.profile;
  if (profile !== undefined && !(isProfileId(profile) && BAKED_PROFILE_IDS.includes(profile)))
    throw new UsageError(
      `Unknown profile "${profile}". Profiles: ${BAKED_PROFILE_IDS.join(', ')} (a VP9 profile is baked with its VP8 twin).`,
    );
  const renderers = values.renderers === undefined ? 1 : Number(values.renderers);
  if (!Number.isInteger(renderers) || renderers < 1 || renderers > 16)
    throw new UsageError(`--renderers takes a whole number from 1 to 16, not "${values.renderers}".`);
  return {
    routeId: positionals[0],
    profiles: profile === undefined ? [...DEFAULT_BAKE_PROFILE_IDS] : [profile],
    frameStore:
      values['frames-dir'] !== undefined ? { kind: 'local', framesDir: path.resolve(values['frames-dir']) } : parseFrameStoreSettings(),
    renderers,
    poster: !values['no-poster'],
  };
}

/** Redraws one line in place on a terminal; elsewhere prints a line every few seconds. */
function progressPrinter(label: string) {
  const tty = process.stdout.isTTY === true;
  let lastPlainMs = 0;
  return {
    update(progress: BakeProgress) {
      const line = formatBakeProgress(label, progress);
      if (tty) {
        process.stdout.write(`\r\x1b[2K${line}`);
      } else if (Date.now() - lastPlainMs >= PLAIN_LINE_INTERVAL_MS || progress.framesDone === progress.framesTotal) {
        lastPlainMs = Date.now();
        console.log(line);
      }
    },
    end() {
      if (tty) process.stdout.write('\n');
    },
  };
}

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bake: ${error.message}\n${USAGE}`);
    return 2;
  }

  const routes = await openRouteStore();
  let published;
  let knownIds: string[];
  try {
    published = await routes.getPublished(options.routeId);
    knownIds = published === null ? (await routes.listPublished()).map((entry) => entry.route.id) : [];
  } finally {
    routes.close();
  }
  if (published === null) {
    console.error(`bake: no published route "${options.routeId}". Published routes: ${knownIds.join(', ') || '(none)'}.`);
    return 2;
  }

  const frames = await openFrameStore(options.frameStore);
  const store = frames.store;
  const sceneVersion = currentSceneVersion();
  console.log(`Baking ${published.route.id} r${published.revision} (${published.route.durationS} s) at ${options.profiles.join(', ')}`);
  console.log(`  scene ${sceneVersion}, frames in ${frames.location}`);

  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => abort.abort(new Error(`stopped by ${signal}`));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const pool = await createRendererPool({ size: options.renderers, log: (line) => console.error(`  [renderer] ${line}`) });
  try {
    console.log(`  ${pool.size} renderer(s) on ${pool.backend}`);
    for (const profileId of options.profiles) {
      const printer = progressPrinter(profileId.padEnd(9));
      const result = await bakeRoute(
        { route: published.route, revision: published.revision, profile: QUALITY_PROFILES[profileId], sceneVersion },
        {
          pool,
          store,
          signal: abort.signal,
          concurrency: pool.size,
          onProgress: (progress) => printer.update(progress),
          log: { warn: (line: string) => console.error(`  ${line}`) },
        },
      );
      printer.end();
      const bytes = result.manifest.chunks.reduce((sum, chunk) => sum + chunk.size, 0);
      console.log(
        `  ${profileId}: ${result.manifest.frameCount} frames, ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${formatDuration(result.elapsedMs / 1000)}` +
          ` (rendered ${result.renderedSegments}, kept ${result.reusedSegments}, re-baked ${result.rebakedSegments} of ${result.manifest.segmentCount} segments)`,
      );
    }
    if (options.poster) {
      // The best profile baked in this run decides: a cinematic bake leaves a cinematic poster.
      const best = options.profiles.find((id) => QUALITY_PROFILES[id].sceneTier === 'cinematic') ?? options.profiles[0];
      const tier = await bakePosterAfter(published.route, published.revision, best, pool, store);
      if (tier !== null)
        console.log(
          `  poster (${tier === 'pool' ? pool.tier : tier} tier): ${frames.posterLocation(published.route.id, published.revision)}`,
        );
    }
    console.log(`  renderer restarts: ${pool.restarts}`);
    return 0;
  } finally {
    await pool.close();
    await frames.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\nbake: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
