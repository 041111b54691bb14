// The probe's shape as a zod schema: a remembered probe or a test's override comes from outside
// the code (localStorage, the page's window), so it is parsed, never trusted.
import { z } from 'zod';
import type { DeviceProbe, GpuTierResult, RenderPreference } from './render-choice-types';

export const GpuTierResultSchema = z.object({
  tier: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  type: z.enum(['BENCHMARK', 'BLOCKLISTED', 'FALLBACK', 'WEBGL_UNSUPPORTED']),
  isMobile: z.boolean(),
  gpu: z.string().nullable(),
  fps: z.number().nonnegative().nullable(),
});

const probeFields = {
  version: z.literal(1),
  webgl2: z.boolean(),
  gpu: GpuTierResultSchema.nullable(),
  deviceMemoryGb: z.number().positive().nullable(),
  cores: z.number().int().positive().nullable(),
  saveData: z.boolean(),
  connectionType: z.string().nullable(),
  effectiveType: z.string().nullable(),
  battery: z.object({ level: z.number().min(0).max(1), charging: z.boolean() }).nullable(),
  coarsePointer: z.boolean(),
  screenShortSidePx: z.number().nonnegative(),
  warmupFrameMs: z.number().positive().nullable(),
  warmupFrames: z.number().int().nonnegative(),
};

export const DeviceProbeSchema = z.object(probeFields);

/** Strict: a misspelt field in a test's override must be reported, not silently dropped. */
export const ProbeOverrideSchema = z.strictObject(probeFields).partial();

export const RenderPreferenceSchema = z.enum(['auto', 'local', 'cloud']);

// The schemas must describe the contract's types exactly; these fail to compile when they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const probeMatches: Same<z.infer<typeof DeviceProbeSchema>, DeviceProbe> = true;
const gpuMatches: Same<z.infer<typeof GpuTierResultSchema>, GpuTierResult> = true;
const overrideMatches: Same<z.infer<typeof ProbeOverrideSchema>, Partial<DeviceProbe>> = true;
const preferenceMatches: Same<z.infer<typeof RenderPreferenceSchema>, RenderPreference> = true;
void [probeMatches, gpuMatches, overrideMatches, preferenceMatches];
