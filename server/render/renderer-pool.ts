// A pool of headless Chromium renderers behind the RendererPool seam: hands each job to an
// idle renderer, and replaces a renderer that crashed or hung so the orchestrator can retry.
import { existsSync } from 'node:fs';
import os from 'node:os';
import type { RenderedSegment, RendererPool, SegmentRequest } from '../bake/bake-contracts';
import type { ProfileProjection, QualityProfile } from '@/scenes/protocol/profile-ladder';
import type { Route } from '@/scenes/routes/route-schema';
import type { SceneTier } from '@/scenes/world/quality-tiers';
import { chromiumLaunchDefaults } from './chromium-launch';
import { ChromiumRenderer, type StillFormat } from './chromium-renderer';
import { startRenderPageHost, type RenderPageHost } from './render-page-host';
import { ChromiumMissingError, RendererFailedError } from './renderer-errors';
import type { BakeYieldSettings } from './bake-yield-policy';
import { startBakeYield, type BakeYield, type BakeYieldStatus } from './bake-yield';

export interface RendererPoolOptions {
  /** Renderers (browsers) at once; each takes about 1.2 GB and a core or more. Default: one per two cores. */
  size?: number;
  /** Default: YUNSHAN_CHROMIUM_PATH, CHROMIUM_PATH or /usr/bin/chromium. */
  executablePath?: string;
  /** Default: YUNSHAN_RENDER_GL_FLAGS (space-separated) or the llvmpipe flags for CPU hosts. */
  glFlags?: readonly string[];
  /** Run the browsers at the lowest CPU priority (default: on unless YUNSHAN_RENDER_LOW_PRIORITY=0). */
  lowPriority?: boolean;
  /** Browser start, page load and scene set-up (which compiles shaders). */
  startupTimeoutMs?: number;
  /** How long one segment may take before its renderer counts as hung. */
  segmentTimeoutMs?: (request: SegmentRequest) => number;
  /** The scene's quality tier (default 'bake'). It decides the pixels: a bake's scene version must name it. */
  tier?: SceneTier;
  /**
   * Hold every renderer between frames while the machine's foreground (the web app, streams,
   * a browser) needs the CPU; null (the default) draws whenever the scheduler lets it. The
   * render server turns it on (YUNSHAN_BAKE_YIELD_CORES).
   */
  yieldToForeground?: BakeYieldSettings | null;
  /** Pause between attempts to start a replacement renderer (default 2 s). */
  replaceRetryDelayMs?: number;
  log?: (line: string) => void;
}

export interface ChromiumRendererPool extends RendererPool {
  renderSegment(request: SegmentRequest, options?: { renderOnly?: boolean; measureQuality?: boolean }): Promise<RenderedSegment>;
  /** JPEG by default (posters); PNG for lossless comparisons. */
  renderStill(
    route: Route,
    timeS: number,
    width: number,
    height: number,
    format?: StillFormat,
    tier?: SceneTier,
    projection?: ProfileProjection,
  ): Promise<Uint8Array>;
  readonly size: number;
  readonly tier: SceneTier;
  /** The GL backend the renderers draw with, e.g. 'llvmpipe', and its full WebGL renderer string. */
  readonly backend: string;
  readonly glRenderer: string;
  /** Browser process ids of the live renderers (tests kill one to check recovery). */
  rendererProcessIds(): number[];
  /** Lowers every live renderer's process tree to the lowest priority now, as its keeper does every few seconds. */
  lowerRendererPriorityNow(): Promise<void>;
  /** Renderers running now: fewer than `size` while a replacement starts, 0 when none could. */
  readonly liveRenderers: number;
  /** Why the pool can render nothing (every renderer died and none could be restarted); null while it can. */
  readonly failure: string | null;
  /** A viewer is starting a stream from this machine: renderers hold now (when the pool yields at all). */
  holdForStreamStart(): void;
  /** Whether the renderers are held for the machine's foreground now; null where the pool does not yield. */
  yieldStatus(): BakeYieldStatus | null;
}

const MIN_SEGMENT_TIMEOUT_MS = 30_000;
/**
 * A first guess at one 640×360 frame drawn and encoded on a busy CPU host (measured 0.3–1.3 s
 * for the bake tier on 2 shared cores); replaced by what the pool observes.
 */
const GUESS_MS_PER_360P_FRAME = 400;
/** Weight of the newest segment in the running per-frame cost. */
const COST_SMOOTHING = 0.3;
const REPLACE_ATTEMPTS = 3;
const REPLACE_RETRY_DELAY_MS = 2_000;

/** max(30 s, 4 × the expected time), expected from a per-frame cost scaled by pixel count. */
export function segmentTimeoutFor(request: SegmentRequest, msPer360pFrame: number): number {
  return Math.max(MIN_SEGMENT_TIMEOUT_MS, 4 * request.frameCount * msPer360pFrame * pixelScale(request.profile));
}

function pixelScale(profile: QualityProfile): number {
  const frame = (profile.width * profile.height) / (640 * 360);
  // A sphere frame is six scene passes (one per cube face) before its resample and encode.
  return profile.projection === 'equirect' ? frame + 6 * Math.max(1, (profile.width / 4) ** 2 / (640 * 360)) : frame;
}

interface Waiter {
  resolve(renderer: ChromiumRenderer): void;
  reject(error: Error): void;
}

export async function createRendererPool(options: RendererPoolOptions = {}): Promise<ChromiumRendererPool> {
  const defaults = chromiumLaunchDefaults();
  const log = options.log ?? (() => undefined);
  // Started once there is a page host to render with; until then nothing is held.
  let bakeYield: BakeYield | null = null;
  const launchOptions = {
    executablePath: options.executablePath ?? defaults.executablePath,
    glFlags: options.glFlags ?? defaults.glFlags,
    lowPriority: options.lowPriority ?? defaults.lowPriority,
    timeoutMs: options.startupTimeoutMs ?? 120_000,
    tier: options.tier ?? 'bake',
    heldMs: () => bakeYield?.heldMs() ?? 0,
  };
  const size = Math.max(1, options.size ?? Math.floor(os.availableParallelism() / 2));
  // Adapts to the host: a machine that is slow (or shared) is not mistaken for a hung renderer.
  let msPer360pFrame = GUESS_MS_PER_360P_FRAME;
  const segmentTimeoutMs = options.segmentTimeoutMs ?? ((request: SegmentRequest) => segmentTimeoutFor(request, msPer360pFrame));
  const observeCost = (request: SegmentRequest, segment: RenderedSegment) => {
    const observed = (segment.totalMs - (segment.heldMs ?? 0)) / request.frameCount / pixelScale(request.profile);
    msPer360pFrame = Math.max(observed, (1 - COST_SMOOTHING) * msPer360pFrame + COST_SMOOTHING * observed);
  };

  // Before bundling anything: the one error a host without a browser should see.
  if (!existsSync(launchOptions.executablePath)) throw new ChromiumMissingError(launchOptions.executablePath);
  const host: RenderPageHost = await startRenderPageHost();
  if (options.yieldToForeground) bakeYield = await startBakeYield(options.yieldToForeground);
  const idle: ChromiumRenderer[] = [];
  const live = new Set<ChromiumRenderer>();
  const waiters: Waiter[] = [];
  let restarts = 0;
  let nextRendererId = 1;
  let closed = false;
  let brokenBy: Error | null = null;

  async function startRenderer(): Promise<ChromiumRenderer> {
    const renderer = await ChromiumRenderer.start(`r${nextRendererId++}`, host, launchOptions);
    if (closed) {
      await renderer.close();
      throw new Error('The renderer pool is closed');
    }
    live.add(renderer);
    if (bakeYield?.held) renderer.setHeld(true);
    renderer.onFailure((error) => {
      live.delete(renderer);
      const at = idle.indexOf(renderer);
      if (at >= 0) idle.splice(at, 1);
      if (closed) return;
      restarts++;
      log(`${error.message}; starting a replacement (restart ${restarts})`);
      void replace();
    });
    return renderer;
  }

  async function replace(): Promise<void> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= REPLACE_ATTEMPTS && !closed; attempt++) {
      try {
        release(await startRenderer());
        return;
      } catch (error) {
        lastError = error;
        log(`Replacement renderer failed to start (attempt ${attempt}): ${error instanceof Error ? error.message : String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, options.replaceRetryDelayMs ?? REPLACE_RETRY_DELAY_MS));
      }
    }
    if (closed || live.size > 0) return;
    // No renderer left and none will start: fail what waits rather than let it hang.
    brokenBy = new RendererFailedError('No renderer could be restarted', { cause: lastError });
    for (const waiter of waiters.splice(0)) waiter.reject(brokenBy);
  }

  function release(renderer: ChromiumRenderer): void {
    if (renderer.failed || closed) return;
    const waiter = waiters.shift();
    if (waiter) waiter.resolve(renderer);
    else idle.push(renderer);
  }

  function acquire(): Promise<ChromiumRenderer> {
    if (closed) return Promise.reject(new Error('The renderer pool is closed'));
    if (brokenBy) return Promise.reject(brokenBy);
    const renderer = idle.shift();
    if (renderer) return Promise.resolve(renderer);
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  }

  async function withRenderer<T>(work: (renderer: ChromiumRenderer) => Promise<T>): Promise<T> {
    const renderer = await acquire();
    try {
      return await work(renderer);
    } finally {
      release(renderer);
    }
  }

  bakeYield?.onChange((held, cause) => {
    if (cause === 'stream-start') log('Holding the bake: a stream is starting');
    else if (cause === 'reading') {
      log(
        held
          ? `Holding the bake: the foreground uses ${bakeYield.foregroundCores?.toFixed(2)} cores`
          : 'The machine is calm again: baking on',
      );
    }
    for (const renderer of live) renderer.setHeld(held);
  });

  let first: ChromiumRenderer;
  try {
    // All at once: a missing browser or missing WebGL2 shows up here, at start, with its own error.
    const started = await Promise.all(Array.from({ length: size }, () => startRenderer()));
    started.forEach(release);
    first = started[0];
  } catch (error) {
    closed = true;
    bakeYield?.stop();
    await Promise.all([...live].map((renderer) => renderer.close()));
    await host.close();
    throw error;
  }

  return {
    size,
    tier: launchOptions.tier,
    backend: first.backend,
    glRenderer: first.info.glRenderer,
    get restarts() {
      return restarts;
    },
    get liveRenderers() {
      return live.size;
    },
    get failure() {
      return brokenBy === null
        ? null
        : `${brokenBy.message}: ${brokenBy.cause instanceof Error ? brokenBy.cause.message : String(brokenBy.cause)}`;
    },
    holdForStreamStart: () => bakeYield?.holdForStreamStart(),
    yieldStatus: () => bakeYield?.status() ?? null,
    rendererProcessIds: () => [...live].map((renderer) => renderer.processId).filter((pid): pid is number => pid !== null),
    async lowerRendererPriorityNow() {
      await Promise.all([...live].map((renderer) => renderer.lowerPriorityNow()));
    },
    renderSegment(request, renderOptions = {}) {
      if (request.frameCount < 1) return Promise.reject(new RangeError(`A segment needs at least one frame, got ${request.frameCount}`));
      return withRenderer(async (renderer) => {
        const segment = await renderer.renderSegment(request, segmentTimeoutMs(request), renderOptions);
        observeCost(request, segment);
        return segment;
      });
    },
    renderStill(route, timeS, width, height, format = 'jpeg', tier, projection) {
      return withRenderer((renderer) => renderer.renderStill(route, timeS, width, height, format, tier, projection));
    },
    async close() {
      if (closed) return;
      closed = true;
      bakeYield?.stop();
      for (const waiter of waiters.splice(0)) waiter.reject(new Error('The renderer pool is closed'));
      await Promise.all([...live].map((renderer) => renderer.close()));
      live.clear();
      await host.close();
    },
  };
}
