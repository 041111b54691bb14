// How a flight starts, from the tour page's query: `?t=` seconds, `?autoplay=0|1`, `?tier=`.
// Pure, so the server page and the unit tests read the query the same way.
import { isQualityTier, type QualityTier } from '@/scenes/world/quality-tiers';

export type QueryValue = string | string[] | undefined;

export interface FlightStartOptions {
  /** Route time to open at, within [0, durationS]. */
  startS: number;
  /** Start playing as soon as the scene is up; otherwise wait for the visitor's tap. */
  autoplay: boolean;
  /** A tier forced by the URL; null means the player guesses from the device. */
  tierOverride: QualityTier | null;
}

function first(value: QueryValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseStartTimeS(value: QueryValue, durationS: number): number {
  const raw = first(value);
  if (raw === undefined || raw.trim() === '') return 0;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds)) return 0;
  return Math.min(durationS, Math.max(0, seconds));
}

/** Phones should not start moving without consent, so anything but an explicit yes means no. */
export function parseAutoplay(value: QueryValue): boolean {
  const raw = first(value)?.trim().toLowerCase();
  return raw === '1' || raw === 'true';
}

export function parseTierOverride(value: QueryValue): QualityTier | null {
  const raw = first(value);
  return isQualityTier(raw) ? raw : null;
}

export function parseFlightStartOptions(query: Record<string, QueryValue>, durationS: number): FlightStartOptions {
  return {
    startS: parseStartTimeS(query.t, durationS),
    autoplay: parseAutoplay(query.autoplay),
    tierOverride: parseTierOverride(query.tier),
  };
}
