// Measures the visitor's device in the browser: WebGL2, the GPU's detect-gpu tier, memory,
// cores, network, battery, pointer and screen, then a short warm-up render. Never throws and
// never waits long: every part that can fail or hang reports "unknown" instead.
import { getGPUTier, type TierResult } from 'detect-gpu';
import { readDeviceHints } from '../guess-quality-tier';
import { ProbeOverrideSchema } from './device-probe-schema';
import type { DeviceProbe, GpuTierResult } from './render-choice-types';

declare global {
  interface Window {
    /**
     * The end-to-end tests' seam: set before the player loads (Playwright's addInitScript), its
     * fields replace what the probe measures. Headless Chromium draws with software GL (llvmpipe
     * or SwiftShader), which detect-gpu honestly rates as a fallback and which warms up slowly,
     * so without this a test could never see the local path chosen or a tier lowered.
     * Validated by readProbeOverride; an invalid value is ignored with a warning.
     */
    __yunshanProbeOverride?: Partial<DeviceProbe>;
  }
}

/** Where public/detect-gpu/benchmarks is served: our own origin, never detect-gpu's default CDN. */
export const GPU_BENCHMARKS_URL = '/detect-gpu/benchmarks';
/** detect-gpu fetches one small table from our origin; past this it must not hold the flight. */
export const GPU_TIER_TIMEOUT_MS = 3000;
export const BATTERY_TIMEOUT_MS = 500;
/** Building the phone-tier world, compiling shaders and the warm-up's own 2 s budget. */
export const WARMUP_TIMEOUT_MS = 8000;

export interface WarmupResult {
  frameMs: number | null;
  frames: number;
}

export interface ProbeDeviceOptions {
  /** Draws a few phone-tier frames (the player mounts WarmupRender) and reports their median. */
  warmup: () => Promise<WarmupResult>;
  benchmarksUrl?: string;
  /** Limit for the GPU tier lookup (at most GPU_TIER_TIMEOUT_MS). */
  timeoutMs?: number;
  warmupTimeoutMs?: number;
  /** Fields that replace measured ones; with warmupFrameMs the warm-up is skipped. */
  override?: Partial<DeviceProbe>;
}

// The parts of Navigator that TypeScript's DOM library does not (yet) describe.
interface NetworkInformationLike {
  saveData?: boolean;
  type?: string;
  effectiveType?: string;
}
interface BatteryManagerLike {
  level: number;
  charging: boolean;
}
interface NavigatorExtras {
  deviceMemory?: number;
  connection?: NetworkInformationLike;
  getBattery?: () => Promise<BatteryManagerLike>;
}

/** Resolves with the promise's value, or with fallback once timeoutMs passes or it rejects. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

/** detect-gpu's answer as the contract's plain data; 'SSR' (no window) cannot happen here. */
export function toGpuTierResult(result: TierResult): GpuTierResult | null {
  if (result.type === 'SSR') return null;
  const tier = Math.min(3, Math.max(0, Math.round(result.tier))) as GpuTierResult['tier'];
  return {
    tier,
    type: result.type,
    isMobile: result.isMobile ?? false,
    gpu: result.gpu ?? null,
    fps: typeof result.fps === 'number' && Number.isFinite(result.fps) ? result.fps : null,
  };
}

/** A throwaway WebGL2 context, or null; the caller must release it with releaseContext. */
function createWebGl2Context(): WebGL2RenderingContext | null {
  try {
    return document.createElement('canvas').getContext('webgl2');
  } catch {
    return null;
  }
}

function releaseContext(gl: WebGL2RenderingContext | null): void {
  // Browsers cap live contexts (about 16); the scene's own canvas comes next and must not evict one.
  try {
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    // A context that is already lost has nothing to release.
  }
}

async function readGpuTier(gl: WebGL2RenderingContext | null, benchmarksUrl: string, timeoutMs: number): Promise<GpuTierResult | null> {
  const lookup = getGPUTier({
    benchmarksURL: benchmarksUrl,
    // Reusing the probe's context saves creating a second one; without WebGL2, detect-gpu tries WebGL1.
    glContext: gl ?? undefined,
    // Software GL must still answer (as a FALLBACK): the warm-up judges its speed.
    failIfMajorPerformanceCaveat: false,
  }).then(toGpuTierResult);
  return withTimeout(lookup, Math.min(timeoutMs, GPU_TIER_TIMEOUT_MS), null);
}

async function readBattery(nav: NavigatorExtras): Promise<DeviceProbe['battery']> {
  if (typeof nav.getBattery !== 'function') return null;
  const battery = nav
    .getBattery()
    .then((manager) =>
      Number.isFinite(manager.level) ? { level: Math.min(1, Math.max(0, manager.level)), charging: Boolean(manager.charging) } : null,
    );
  return withTimeout(battery, BATTERY_TIMEOUT_MS, null);
}

function positiveOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

function readWarmup(warmup: () => Promise<WarmupResult>, timeoutMs: number): Promise<WarmupResult> {
  const failed: WarmupResult = { frameMs: null, frames: 0 };
  let started: Promise<WarmupResult>;
  try {
    started = warmup();
  } catch {
    return Promise.resolve(failed);
  }
  return withTimeout(
    started.then((result) => (positiveOrNull(result.frameMs) === null ? failed : result)),
    timeoutMs,
    failed,
  );
}

/** Call only in the browser. Resolves within about GPU tier + battery + warm-up timeouts. */
export async function probeDevice(options: ProbeDeviceOptions): Promise<DeviceProbe> {
  const override = options.override ?? {};
  const nav = navigator as Navigator & NavigatorExtras;

  const gl = createWebGl2Context();
  const measuredWebgl2 = gl !== null;
  let gpu: GpuTierResult | null;
  let battery: DeviceProbe['battery'];
  try {
    [gpu, battery] = await Promise.all([
      readGpuTier(gl, options.benchmarksUrl ?? GPU_BENCHMARKS_URL, options.timeoutMs ?? GPU_TIER_TIMEOUT_MS),
      readBattery(nav),
    ]);
  } finally {
    releaseContext(gl);
  }

  const hints = readDeviceHints();
  const connection = nav.connection;
  const measured: DeviceProbe = {
    version: 1,
    webgl2: measuredWebgl2,
    gpu,
    deviceMemoryGb: positiveOrNull(nav.deviceMemory),
    cores: positiveOrNull(nav.hardwareConcurrency),
    saveData: connection?.saveData === true,
    connectionType: typeof connection?.type === 'string' ? connection.type : null,
    effectiveType: typeof connection?.effectiveType === 'string' ? connection.effectiveType : null,
    battery,
    coarsePointer: hints.coarsePointer,
    screenShortSidePx: hints.screenShortSidePx,
    warmupFrameMs: null,
    warmupFrames: 0,
  };
  const probe: DeviceProbe = { ...measured, ...override, version: 1 };

  // The warm-up costs up to two seconds of drawing: skip it where its result cannot matter.
  const blocklisted = probe.gpu?.type === 'BLOCKLISTED' || probe.gpu?.type === 'WEBGL_UNSUPPORTED';
  if (override.warmupFrameMs === undefined && probe.webgl2 && !blocklisted) {
    const warmup = await readWarmup(options.warmup, options.warmupTimeoutMs ?? WARMUP_TIMEOUT_MS);
    probe.warmupFrameMs = warmup.frameMs;
    probe.warmupFrames = override.warmupFrames ?? warmup.frames;
  }
  return probe;
}

/** The end-to-end tests' override from window.__yunshanProbeOverride, or null when absent or invalid. */
export function readProbeOverride(): Partial<DeviceProbe> | null {
  if (typeof window === 'undefined') return null;
  const raw: unknown = window.__yunshanProbeOverride;
  if (raw === undefined || raw === null) return null;
  const parsed = ProbeOverrideSchema.safeParse(raw);
  if (!parsed.success) {
    console.warn('Ignoring window.__yunshanProbeOverride: it does not describe a device probe.', parsed.error.issues);
    return null;
  }
  return parsed.data;
}
