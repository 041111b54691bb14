// One headless Chromium renderer: a browser with the render page loaded, which draws and
// encodes segments and stills on request. Any crash, disconnect, hang or in-page failure
// kills the browser, marks the renderer failed and rejects the job with RendererFailedError.
import type { Page } from 'playwright-core';
import type { RenderedSegment, SegmentRequest } from '../bake/bake-contracts';
import type { EncodedChunk, LabelledChunk } from '@/scenes/protocol/chunk-codec';
import { BAKE_FPS, type ProfileCodec, type ProfileProjection } from '@/scenes/protocol/profile-ladder';
import type { Route } from '@/scenes/routes/route-schema';
import type { SceneTier } from '@/scenes/world/quality-tiers';
import { launchChromium, type ChromiumLaunchOptions, type LaunchedChromium } from './chromium-launch';
import type { RenderPageInfo, SegmentJob } from './page/render-page-api';
import { renderBackendName } from './render-backend';
import type { RenderPageHost } from './render-page-host';
import { RendererFailedError, WebGL2UnavailableError } from './renderer-errors';

export type StillFormat = 'jpeg' | 'png';

export interface ChromiumRendererOptions extends ChromiumLaunchOptions {
  /** The scene's quality tier for stills (posters); segments use their profile's tier. */
  tier: SceneTier;
  /** Milliseconds the bake has been held so far (bake-yield.ts): time held is not time hung. */
  heldMs?: () => number;
}

const STILL_JPEG_QUALITY = 0.9;
const INITIAL_VIEWPORT = { width: 640, height: 360 };

interface PendingRequest {
  requestId: number;
  chunks: LabelledChunk[];
  end: Promise<number>;
  resolveEnd(chunkCount: number): void;
}

export class ChromiumRenderer {
  readonly id: string;
  readonly info: RenderPageInfo;
  /** e.g. 'llvmpipe': goldens and timings are per backend. */
  readonly backend: string;
  private readonly launched: LaunchedChromium;
  private readonly page: Page;
  private readonly host: RenderPageHost;
  /** Scene set-up and stills time out after options.timeoutMs; stills default to options.tier. */
  private readonly options: ChromiumRendererOptions;
  private sceneKey: string | null = null;
  private nextRequestId = 1;
  private pending: PendingRequest | null = null;
  private failure: RendererFailedError | null = null;
  private readonly failureListeners = new Set<(error: RendererFailedError) => void>();
  private rejectCurrentJob: ((error: RendererFailedError) => void) | null = null;
  private closing = false;

  private constructor(
    id: string,
    launched: LaunchedChromium,
    page: Page,
    host: RenderPageHost,
    info: RenderPageInfo,
    options: ChromiumRendererOptions,
  ) {
    this.id = id;
    this.launched = launched;
    this.page = page;
    this.host = host;
    this.info = info;
    this.backend = renderBackendName(info.glRenderer);
    this.options = options;
  }

  static async start(id: string, host: RenderPageHost, options: ChromiumRendererOptions): Promise<ChromiumRenderer> {
    const launched = await launchChromium(options, INITIAL_VIEWPORT);
    let renderer: ChromiumRenderer | null = null;
    const pageErrors: string[] = [];
    try {
      const page = launched.context.pages()[0] ?? (await launched.context.newPage());
      page.on('pageerror', (error) => pageErrors.push(error.message));
      host.attach(id, {
        onChunk: (frame) => renderer?.acceptChunk(frame),
        onRequestEnd: (message) => renderer?.acceptRequestEnd(message.requestId, message.chunkCount),
        onSocketClosed: () => renderer?.fail('its page closed the chunk socket'),
      });
      await page.goto(host.pageUrl(id), { timeout: options.timeoutMs });
      await page.waitForFunction(() => window.__yunshanRender !== undefined || window.__yunshanRenderError !== undefined, null, {
        timeout: options.timeoutMs,
      });
      const startError = await page.evaluate(() => window.__yunshanRenderError);
      if (startError !== undefined) throw new Error(`The render page failed to start: ${startError}`);
      const info = await page.evaluate(() => window.__yunshanRender!.info());
      if (!info.webgl2) throw new WebGL2UnavailableError(options.glFlags, 'canvas.getContext("webgl2") returned null');
      renderer = new ChromiumRenderer(id, launched, page, host, info, options);
      const started = renderer;
      launched.context.on('close', () => started.fail('the browser disconnected'));
      page.on('crash', () => started.fail('the page crashed'));
      return renderer;
    } catch (error) {
      host.detach(id);
      await launched.kill();
      if (pageErrors.length > 0 && error instanceof Error && !(error instanceof WebGL2UnavailableError)) {
        error.message += ` (page errors: ${pageErrors.join('; ')})`;
      }
      throw error;
    }
  }

  get processId(): number | null {
    return this.launched.processId;
  }

  lowerPriorityNow(): Promise<void> {
    return this.launched.lowerPriorityNow();
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  onFailure(listener: (error: RendererFailedError) => void): void {
    this.failureListeners.add(listener);
  }

  renderSegment(
    request: SegmentRequest,
    timeoutMs: number,
    options: { renderOnly?: boolean; measureQuality?: boolean } = {},
  ): Promise<RenderedSegment> {
    const { profile } = request;
    return this.run(`segment ${request.segmentIndex} of ${request.route.id} at ${profile.id}`, async (pending) => {
      await this.ensureScene(request.route, profile.width, profile.height, profile.sceneTier, profile.projection);
      const job: SegmentJob = {
        requestId: pending.requestId,
        fps: BAKE_FPS,
        firstFrame: request.firstFrame,
        frameCount: request.frameCount,
        codec: asPageCodec(profile.codec),
        bitrateKbps: profile.bitrateKbps,
        vp9BitrateKbps: request.twin?.bitrateKbps ?? null,
        jpegQuality: profile.jpegQuality ?? 0.8,
        renderOnly: options.renderOnly ?? false,
        measureQuality: options.measureQuality ?? false,
      };
      const startMs = performance.now();
      const result = await this.withTimeout(
        this.page.evaluate((segmentJob) => window.__yunshanRender!.renderSegment(segmentJob), job),
        timeoutMs,
      );
      const chunkCount = await this.withTimeout(pending.end, timeoutMs);
      const encodings = job.renderOnly ? 0 : job.vp9BitrateKbps === null ? 1 : 2;
      if (chunkCount !== pending.chunks.length || chunkCount !== encodings * request.frameCount) {
        throw new Error(
          `expected ${encodings * request.frameCount} chunks, the page announced ${chunkCount} and sent ${pending.chunks.length}`,
        );
      }
      // Each encoding's chunks carry its place in the job (0 the profile's own, 1 the VP9 twin).
      const ofEncoding = (encoding: number) => pending.chunks.filter((chunk) => chunk.profileIndex === encoding);
      const expected = job.renderOnly ? 0 : request.frameCount;
      const chunks = collectChunks(ofEncoding(0), expected, expected, request.firstFrame);
      const totalMs = performance.now() - startMs;
      const measured = result.quality === undefined ? {} : { quality: result.quality };
      const timings = { renderMs: result.renderMs, totalMs, heldMs: result.heldMs };
      if (encodings < 2) return { chunks, ...timings, ...measured };
      const twinChunks = collectChunks(ofEncoding(1), expected, expected, request.firstFrame);
      return { chunks, twinChunks, ...timings, ...measured };
    });
  }

  /** At the renderer's own tier unless `tier` names another (a cinematic poster from a phone-tier pool). */
  renderStill(
    route: Route,
    timeS: number,
    width: number,
    height: number,
    format: StillFormat,
    tier: SceneTier = this.options.tier,
    projection: ProfileProjection = 'flat',
  ): Promise<Uint8Array> {
    return this.run(`still of ${route.id} at ${timeS} s`, async (pending) => {
      await this.ensureScene(route, width, height, tier, projection);
      const job = { requestId: pending.requestId, timeS, format, jpegQuality: STILL_JPEG_QUALITY };
      await this.withTimeout(
        this.page.evaluate((stillJob) => window.__yunshanRender!.renderStill(stillJob), job),
        this.options.timeoutMs,
      );
      await this.withTimeout(pending.end, this.options.timeoutMs);
      const [still] = collectChunks(pending.chunks, 1, 1, 0);
      return still.data;
    });
  }

  /** Holds (or releases) the page's segments between frames; a renderer that is gone has nothing to hold. */
  setHeld(held: boolean): void {
    if (this.failure || this.closing) return;
    this.page.evaluate((hold) => window.__yunshanRender!.setHeld(hold), held).catch(() => undefined);
  }

  /** Kills the browser now; used for crashes and hangs, and by tests. */
  kill(reason: string): void {
    this.fail(reason);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.host.detach(this.id);
    await this.launched.kill();
  }

  private async ensureScene(route: Route, width: number, height: number, tier: SceneTier, projection: ProfileProjection): Promise<void> {
    const key = `${width}x${height}:${tier}:${projection}:${JSON.stringify(route)}`;
    if (this.sceneKey === key) return;
    this.sceneKey = null;
    await this.withTimeout(this.page.setViewportSize({ width, height }), this.options.timeoutMs);
    await this.withTimeout(
      this.page.evaluate(([r, w, h, t, p]) => window.__yunshanRender!.setScene(r, w, h, t, p), [
        route,
        width,
        height,
        tier,
        projection,
      ] as const),
      this.options.timeoutMs,
    );
    this.sceneKey = key;
  }

  /** One job at a time; whatever goes wrong leaves the browser in an unknown state, so it is killed. */
  private async run<T>(label: string, work: (pending: PendingRequest) => Promise<T>): Promise<T> {
    if (this.failure) throw this.failure;
    if (this.pending) throw new Error(`Renderer ${this.id} is busy; the pool gives each renderer one job at a time`);
    let resolveEnd: (chunkCount: number) => void = () => undefined;
    const end = new Promise<number>((resolve) => (resolveEnd = resolve));
    const pending: PendingRequest = { requestId: this.nextRequestId++, chunks: [], end, resolveEnd };
    this.pending = pending;
    const failed = new Promise<never>((_, reject) => (this.rejectCurrentJob = reject));
    try {
      return await Promise.race([work(pending), failed]);
    } catch (error) {
      if (!this.failure) this.fail(`${label} failed: ${error instanceof Error ? error.message : String(error)}`, error);
      throw this.failure ?? error;
    } finally {
      this.pending = null;
      this.rejectCurrentJob = null;
    }
  }

  /** Rejects once the work has had timeoutMs of time not held for the machine's foreground. */
  private withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const startMs = performance.now();
    const heldMs = this.options.heldMs ?? (() => 0);
    const heldAtStartMs = heldMs();
    const timeout = new Promise<never>((_, reject) => {
      const armFor = (ms: number) => {
        timer = setTimeout(() => {
          const workingMs = performance.now() - startMs - (heldMs() - heldAtStartMs);
          if (workingMs < timeoutMs) armFor(timeoutMs - workingMs);
          else reject(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s: the renderer is hung`));
        }, ms);
      };
      armFor(timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  private fail(reason: string, cause?: unknown): void {
    if (this.failure || this.closing) return;
    this.failure = new RendererFailedError(`Renderer ${this.id} failed: ${reason}`, { cause });
    this.host.detach(this.id);
    void this.launched.kill();
    this.rejectCurrentJob?.(this.failure);
    for (const listener of this.failureListeners) listener(this.failure);
    this.failureListeners.clear();
  }

  private acceptChunk(chunk: LabelledChunk): void {
    if (this.pending?.requestId === chunk.epoch) this.pending.chunks.push(chunk);
  }

  private acceptRequestEnd(requestId: number, chunkCount: number): void {
    if (this.pending?.requestId === requestId) this.pending.resolveEnd(chunkCount);
  }
}

/** Every frame of the request exactly once, in order: anything else is a broken renderer, not a result to store. */
function collectChunks(frames: readonly LabelledChunk[], announced: number, expected: number, firstFrame: number): EncodedChunk[] {
  if (frames.length !== announced || announced !== expected) {
    throw new Error(`expected ${expected} chunks, the page announced ${announced} and sent ${frames.length}`);
  }
  const chunks = [...frames].sort((a, b) => a.index - b.index);
  chunks.forEach((chunk, i) => {
    if (chunk.index !== firstFrame + i) throw new Error(`chunk ${i} has frame index ${chunk.index}, expected ${firstFrame + i}`);
  });
  return chunks.map(({ index, timestampUs, key, data }) => ({ index, timestampUs, key, data }));
}

/** The page encodes a profile's own frames as VP8 or JPEG; VP9 only ever rides along as a twin. */
function asPageCodec(codec: ProfileCodec): SegmentJob['codec'] {
  if (codec === 'vp9') throw new Error('a VP9 profile is encoded beside its VP8 twin, never rendered by itself');
  return codec;
}
