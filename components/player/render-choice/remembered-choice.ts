// What this device remembers between visits: its last probe (so the next flight starts without
// a warm-up) and the visitor's own render preference. Pure parse/serialize/freshness rules, and
// thin localStorage wrappers that never throw (private mode, storage disabled, quota). The
// preference and the storage wrappers live in device-storage.ts, free of zod.
import { z } from 'zod';
import { DeviceProbeSchema } from './device-probe-schema';
import type { DeviceProbe } from './render-choice-types';
import { readItem, REMEMBERED_PROBE_KEY, writeItem } from './device-storage';

export {
  DEFAULT_RENDER_PREFERENCE,
  loadRenderPreference,
  parseRenderPreference,
  REMEMBERED_PROBE_KEY,
  RENDER_PREFERENCE_KEY,
  saveRenderPreference,
} from './device-storage';

/**
 * Drivers, browsers and thermal habits change; two weeks keeps repeat visits instant while a
 * changed device is measured again soon enough. A new user agent (browser update) re-measures at once.
 */
export const REMEMBERED_PROBE_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

export interface RememberedProbe {
  probe: DeviceProbe;
  measuredAtMs: number;
  userAgent: string;
}

const RememberedProbeSchema = z.object({
  probe: DeviceProbeSchema,
  measuredAtMs: z.number().finite().nonnegative(),
  userAgent: z.string(),
});

export function serializeRememberedProbe(remembered: RememberedProbe): string {
  return JSON.stringify(remembered);
}

/** The stored value, or null when absent, corrupt or written by something else. */
export function parseRememberedProbe(stored: string | null): RememberedProbe | null {
  if (stored === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return null;
  }
  const parsed = RememberedProbeSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** Still valid: measured by this same browser build, less than REMEMBERED_PROBE_MAX_AGE_MS ago and not in the future. */
export function isRememberedProbeFresh(remembered: RememberedProbe, nowMs: number, userAgent: string): boolean {
  const ageMs = nowMs - remembered.measuredAtMs;
  // A clock set back makes the age negative: the stamp cannot be trusted, so measure again.
  return remembered.userAgent === userAgent && ageMs >= 0 && ageMs < REMEMBERED_PROBE_MAX_AGE_MS;
}

/** This device's fresh remembered probe, or null (then the player measures). */
export function loadRememberedProbe(nowMs: number = Date.now(), userAgent: string = navigator.userAgent): DeviceProbe | null {
  const remembered = parseRememberedProbe(readItem(REMEMBERED_PROBE_KEY));
  return remembered !== null && isRememberedProbeFresh(remembered, nowMs, userAgent) ? remembered.probe : null;
}

export function saveRememberedProbe(probe: DeviceProbe, nowMs: number = Date.now(), userAgent: string = navigator.userAgent): void {
  writeItem(REMEMBERED_PROBE_KEY, serializeRememberedProbe({ probe, measuredAtMs: nowMs, userAgent }));
}

/** Forgets the probe, e.g. after a local flight had to hand over: the device is measured again next time. */
export function forgetRememberedProbe(): void {
  writeItem(REMEMBERED_PROBE_KEY, null);
}
