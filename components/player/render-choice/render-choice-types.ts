// What the player learns about a device before a flight, and what it decides from it:
// draw the scene here (at a quality tier), stream it from the cloud, or, on a device that
// can do neither, show the route's posters with narration. Shared by the probe (browser
// I/O), the pure decision rules, the remembered choice and the player.
import type { QualityTier } from '@/scenes/world/quality-tiers';

/** The tiers a visitor's device renders at; 'bake' is the render server's. */
export type LocalTier = Exclude<QualityTier, 'bake'>;

/** What detect-gpu says about the GPU, kept as plain data so a probe can be stored and replayed. */
export interface GpuTierResult {
  /** 0: cannot or should not render; 1: ~15 fps or more; 2: ~30 fps or more; 3: ~60 fps or more (detect-gpu's scale). */
  tier: 0 | 1 | 2 | 3;
  type: 'BENCHMARK' | 'BLOCKLISTED' | 'FALLBACK' | 'WEBGL_UNSUPPORTED';
  isMobile: boolean;
  /** The renderer string detect-gpu matched, e.g. "apple a15 gpu"; null when unknown. */
  gpu: string | null;
  /** detect-gpu's benchmark frame rate for this GPU at this screen size; null when unknown. */
  fps: number | null;
}

/** One measurement of a device; JSON-safe so it can be remembered and replayed in tests. */
export interface DeviceProbe {
  version: 1;
  /** A WebGL2 context could be created. */
  webgl2: boolean;
  /** null when detection failed or timed out (it must never hold the flight). */
  gpu: GpuTierResult | null;
  /** navigator.deviceMemory (GB, rounded by the browser); null where the browser does not say. */
  deviceMemoryGb: number | null;
  /** navigator.hardwareConcurrency; null where unknown. */
  cores: number | null;
  /** The visitor asked the browser to save data (navigator.connection.saveData). */
  saveData: boolean;
  /** navigator.connection.type ('cellular', 'wifi', 'ethernet', ...); null where unknown. */
  connectionType: string | null;
  /** navigator.connection.effectiveType ('slow-2g', '2g', '3g', '4g'); null where unknown. */
  effectiveType: string | null;
  /** Battery level 0–1 and whether it charges; null where the Battery API is absent. */
  battery: { level: number; charging: boolean } | null;
  /** Touch-first device (pointer: coarse). */
  coarsePointer: boolean;
  /** The screen's short side in CSS px. */
  screenShortSidePx: number;
  /** Median wall ms per frame of a short warm-up render of the phone tier; null when it could not run. */
  warmupFrameMs: number | null;
  /** Frames the median was taken over (0 when the warm-up did not run). */
  warmupFrames: number;
}

export type RenderPathDecision = 'local' | 'cloud' | 'posters';

/** Why a decision went the way it did: short codes for the stats panel, tests and logs. */
export type DecisionReason =
  | 'no-webgl2'
  | 'gpu-blocklisted'
  | 'warmup-failed'
  | 'warmup-smooth'
  | 'warmup-slow'
  | 'warmup-too-slow'
  | 'gpu-strong'
  | 'low-memory'
  | 'save-data'
  | 'slow-network'
  | 'low-battery'
  | 'no-cloud'
  /** The route is still baking, so the cloud has no picture: the device draws at the phone tier. */
  | 'cloud-baking'
  /** The route has a cinematic bake and the network can carry it: the cloud's picture beats this device's. */
  | 'cinematic-cloud'
  /** The route has a cinematic bake, but the browser's own estimate of the link is too thin for it. */
  | 'cinematic-network-short';

export interface RenderDecision {
  path: RenderPathDecision;
  /** The tier to draw at locally, now or after a handover from the cloud; null: this device cannot draw the scene. */
  localTier: LocalTier | null;
  reasons: DecisionReason[];
}

/** The visitor's own choice in the player; 'auto' lets the probe and the watches decide. */
export type RenderPreference = 'auto' | 'local' | 'cloud';
