// The visitor's look setting (ease back or stay), remembered on this device. The gyroscope is
// not remembered: iOS asks for permission on a gesture each visit, so it starts off.
import type { LookRelease } from './look-motion';

const STORAGE_KEY = 'yunshan.look.release';

export function parseLookRelease(value: string | null): LookRelease {
  return value === 'stay' ? 'stay' : 'ease';
}

export function readLookRelease(): LookRelease {
  try {
    return parseLookRelease(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage blocked (private mode, a strict browser): the default serves.
    return 'ease';
  }
}

export function rememberLookRelease(release: LookRelease): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, release);
  } catch {
    // Not remembered, still applied for this visit.
  }
}
