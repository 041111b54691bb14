// What this device remembers between visits: its last probe (so the next flight starts without
// a warm-up) and the visitor's own render preference. Pure parse/serialize/freshness rules, and
// thin localStorage wrappers that never throw (private mode, storage disabled, quota).
import { z } from 'zod';
import { DeviceProbeSchema, RenderPreferenceSchema } from './device-probe-schema';
import type { DeviceProbe, RenderPreference } from './render-choice-types';

export const REMEMBERED_PROBE_KEY = 'yunshan.deviceProbe.v1';
export const RENDER_PREFERENCE_KEY = 'yunshan.renderPreference';
/**
 * Drivers, browsers and thermal habits change; two weeks keeps repeat visits instant while a
 * changed device is measured again soon enough. A new user agent (browser update) re-measures at once.
 */
export const REMEMBERED_PROBE_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;
export const DEFAULT_RENDER_PREFERENCE: RenderPreference = 'auto';

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

export function parseRenderPreference(stored: string | null): RenderPreference {
  const parsed = RenderPreferenceSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_RENDER_PREFERENCE;
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Reading localStorage itself throws where the visitor blocks site data.
    return null;
  }
}

function readItem(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writeItem(key: string, value: string | null): void {
  try {
    const store = storage();
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    // Private mode or a full quota: the choice is simply not remembered.
  }
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

export function loadRenderPreference(): RenderPreference {
  return parseRenderPreference(readItem(RENDER_PREFERENCE_KEY));
}

export function saveRenderPreference(preference: RenderPreference): void {
  // 'auto' is the default: storing nothing keeps a later default change effective.
  writeItem(RENDER_PREFERENCE_KEY, preference === DEFAULT_RENDER_PREFERENCE ? null : preference);
}
