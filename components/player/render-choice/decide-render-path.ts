// The decision rules: from one device probe, draw here (and at which tier), stream from the
// cloud, or show posters. Pure, so recorded probes of real devices replay in unit tests.
import { QUALITY_PROFILES } from '@/scenes/protocol/profile-ladder';
import { SLOW_EFFECTIVE_TYPES, UP_HEADROOM } from '../cloud/adaptive-profile';
import type { DecisionReason, DeviceProbe, LocalTier, RenderDecision, RenderPathDecision } from './render-choice-types';

/**
 * At or above this warm-up rate (phone tier, median, each frame forced to finish) local drawing
 * is smooth. The warm-up draws a still scene without the player's UI, input or decode work, so
 * a live flight runs somewhat slower: 30 leaves room above the watch's LOW_FPS of 20.
 */
export const SMOOTH_WARMUP_FPS = 30;
/**
 * Below this the live flight would sink under the watch's LOW_FPS and be handed over within
 * seconds, so the device only draws where nothing better is to be had.
 */
export const MIN_LOCAL_WARMUP_FPS = 20;
/** Below this even a slow picture is a slideshow: posters with narration read better. */
export const MIN_WATCHABLE_WARMUP_FPS = 8;
/**
 * The laptop tier draws about five times the phone tier's triangles, more than twice its draw
 * calls, with antialiasing and a higher pixel ratio. Only a GPU that finishes phone frames in
 * 20 ms or less has the headroom; a wrong guess costs a few seconds before the watch lowers it.
 */
export const LAPTOP_WARMUP_FPS = 50;
/** detect-gpu tier 2: ~30 fps or more in its own benchmark at this screen size. */
export const LAPTOP_MIN_GPU_TIER = 2;
/** The laptop tier's geometry and textures; browsers report 0.25–8 GB, so below 4 means 2 or less. */
export const LAPTOP_MIN_MEMORY_GB = 4;
/** Drawing keeps the GPU busy for minutes; under a fifth of a charge the visitor needs the rest. */
export const LOW_BATTERY_LEVEL = 0.2;
/**
 * The cinematic 720p stream's bitrate with the adaptive ladder's headroom (5.2 Mbit/s): on a
 * link the browser estimates below this the ladder would stay at 540p or less, the laptop
 * tier's look at a lower resolution than the device draws itself.
 */
export const CINEMATIC_MIN_DOWNLINK_KBPS = QUALITY_PROFILES['720p-cinematic'].bitrateKbps * UP_HEADROOM;

export interface DecisionContext {
  /** A render server is configured and this route can be streamed. */
  cloudAvailable: boolean;
  /** The route's bake is queued or under way: the cloud has nothing to stream yet. */
  cloudBaking?: boolean;
  /** The route has a finished cinematic bake that this browser can decode (VP8). */
  cinematicReady?: boolean;
  /**
   * The browser's own estimate of the link (navigator.connection.downlink, in kbit/s; Chromium
   * rounds it and caps it at 10 Mbit/s); null where the browser does not say. Read per visit,
   * never remembered with the probe: the same laptop roams between links.
   */
  downlinkKbps?: number | null;
}

/** The warm-up's median rate; null when it did not run or reported nonsense. */
export function warmupFps(probe: DeviceProbe): number | null {
  const frameMs = probe.warmupFrameMs;
  if (frameMs === null || !Number.isFinite(frameMs) || frameMs < 0) return null;
  // A sub-millisecond median (a tiny stage on a fast GPU) is "very fast", not infinite.
  return 1000 / Math.max(frameMs, 0.1);
}

export function isSlowNetwork(probe: DeviceProbe): boolean {
  return probe.effectiveType !== null && SLOW_EFFECTIVE_TYPES.includes(probe.effectiveType);
}

export function isLowBattery(probe: DeviceProbe): boolean {
  return probe.battery !== null && !probe.battery.charging && probe.battery.level < LOW_BATTERY_LEVEL;
}

/** Why this device cannot draw the scene at all, or null when it can try. */
function incapableReason(probe: DeviceProbe): DecisionReason | null {
  if (!probe.webgl2) return 'no-webgl2';
  if (probe.gpu?.type === 'BLOCKLISTED') return 'gpu-blocklisted';
  // detect-gpu could not create even a WebGL1 context: whatever WebGL2 promised, it will not draw.
  if (probe.gpu?.type === 'WEBGL_UNSUPPORTED') return 'no-webgl2';
  if (warmupFps(probe) === null) return 'warmup-failed';
  return null;
}

function chooseTier(probe: DeviceProbe, fps: number, reasons: DecisionReason[]): LocalTier {
  const lowMemory = probe.deviceMemoryGb !== null && probe.deviceMemoryGb < LAPTOP_MIN_MEMORY_GB;
  if (lowMemory) {
    reasons.push('low-memory');
    return 'phone';
  }
  const gpu = probe.gpu;
  // detect-gpu's software fallbacks (llvmpipe, SwiftShader behind ANGLE) come back as tier 1
  // FALLBACK, so the tier check also keeps CPU rendering at the phone tier.
  const strongGpu = gpu !== null && gpu.tier >= LAPTOP_MIN_GPU_TIER && !gpu.isMobile;
  if (strongGpu && fps >= LAPTOP_WARMUP_FPS) {
    reasons.push('gpu-strong');
    return 'laptop';
  }
  return 'phone';
}

/**
 * Reasons come in the order the rules ran: capability and warm-up band first, then what makes
 * streaming costly (save-data, slow network; listed only when the device could draw, since only
 * then do they sway anything), then the cloud's absence, battery, and last the tier.
 */
export function decideRenderPath(probe: DeviceProbe, context: DecisionContext): RenderDecision {
  const reasons: DecisionReason[] = [];
  const { cloudAvailable, cloudBaking = false, cinematicReady = false, downlinkKbps = null } = context;

  const incapable = incapableReason(probe);
  if (incapable !== null) {
    reasons.push(incapable);
    if (!cloudAvailable) reasons.push('no-cloud');
    return { path: cloudAvailable ? 'cloud' : 'posters', localTier: null, reasons };
  }
  const fps = warmupFps(probe) as number;

  let path: RenderPathDecision;
  let canDraw = true;
  if (fps >= SMOOTH_WARMUP_FPS) {
    reasons.push('warmup-smooth');
    path = 'local';
  } else if (fps >= MIN_LOCAL_WARMUP_FPS) {
    reasons.push('warmup-slow');
    path = 'cloud';
  } else {
    reasons.push('warmup-too-slow');
    path = 'cloud';
    canDraw = fps >= MIN_WATCHABLE_WARMUP_FPS;
  }

  const capable = fps >= MIN_LOCAL_WARMUP_FPS;
  const streamingCostly = capable && (probe.saveData || isSlowNetwork(probe));
  if (capable && probe.saveData) reasons.push('save-data');
  if (capable && isSlowNetwork(probe)) reasons.push('slow-network');
  if (streamingCostly) path = 'local';

  // The cinematic bake draws what no visitor's device can (volumetric cloud sea, shadows,
  // vegetation), so where it exists and the link can carry it the cloud wins even over a device
  // that draws smoothly. Save-data and slow networks still keep the device (above); a stream
  // that fails later hands back to the device at the tier chosen below.
  if (path === 'local' && cloudAvailable && cinematicReady && !cloudBaking && !streamingCostly) {
    if (downlinkKbps !== null && downlinkKbps < CINEMATIC_MIN_DOWNLINK_KBPS) {
      reasons.push('cinematic-network-short');
    } else {
      reasons.push('cinematic-cloud');
      path = 'cloud';
    }
  }

  if (!cloudAvailable) {
    reasons.push('no-cloud');
    // Without a cloud, a slow picture beats none; a slideshow does not.
    path = canDraw ? 'local' : 'posters';
  }

  // A stream that cannot arrive (slow network) or that the visitor asked to spare (save-data)
  // saves no battery: then the device draws anyway.
  if (path === 'local' && cloudAvailable && isLowBattery(probe) && !streamingCostly) {
    reasons.push('low-battery');
    path = 'cloud';
  }

  // While the route bakes the cloud can only say how far it is: a device that can draw at
  // all draws, at the lightest tier, however slow its warm-up was. A slow flight with its
  // narration beats still pictures (the incapable returned above, to the cloud's card).
  if (cloudAvailable && cloudBaking && path !== 'local') {
    reasons.push('cloud-baking');
    return { path: 'local', localTier: 'phone', reasons };
  }

  const localTier = canDraw ? chooseTier(probe, fps, reasons) : null;
  return { path, localTier, reasons };
}
