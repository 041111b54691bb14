// What this device keeps in localStorage for the player, read and written without zod: the
// visitor's render preference (a plain word) and whether a probe is remembered at all. The tour
// reads these as it hydrates, so the poster held before play waits for no schema code; the
// remembered probe itself is parsed by remembered-choice.ts, loaded only when there is one.
import type { RenderPreference } from './render-choice-types';

export const REMEMBERED_PROBE_KEY = 'yunshan.deviceProbe.v1';
export const RENDER_PREFERENCE_KEY = 'yunshan.renderPreference';
export const DEFAULT_RENDER_PREFERENCE: RenderPreference = 'auto';

const RENDER_PREFERENCES: readonly RenderPreference[] = ['auto', 'local', 'cloud'];

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Reading localStorage itself throws where the visitor blocks site data.
    return null;
  }
}

export function readItem(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeItem(key: string, value: string | null): void {
  try {
    const store = storage();
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    // Private mode or a full quota: the choice is simply not remembered.
  }
}

/** A stored preference, or the default for anything else (absent, or written by something else). */
export function parseRenderPreference(stored: string | null): RenderPreference {
  return RENDER_PREFERENCES.find((preference) => preference === stored) ?? DEFAULT_RENDER_PREFERENCE;
}

export function loadRenderPreference(): RenderPreference {
  return parseRenderPreference(readItem(RENDER_PREFERENCE_KEY));
}

export function saveRenderPreference(preference: RenderPreference): void {
  // 'auto' is the default: storing nothing keeps a later default change effective.
  writeItem(RENDER_PREFERENCE_KEY, preference === DEFAULT_RENDER_PREFERENCE ? null : preference);
}

/** Something is stored under the probe's key (fresh, stale or corrupt: remembered-choice.ts decides). */
export function hasStoredProbe(): boolean {
  return readItem(REMEMBERED_PROBE_KEY) !== null;
}
