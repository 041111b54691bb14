// Per-tier settings written as columns: each field gives its phone, laptop and bake values once,
// side by side, where three records would repeat every field name and let the tiers drift apart.
import { QUALITY_TIERS, type QualityTier } from './quality-tiers';

/** One value for each quality tier, in QUALITY_TIERS order. */
export type PerTier<T> = readonly [phone: T, laptop: T, bake: T];

/** The record of each tier's settings, read off the columns (fields keep the columns' order). */
export function tierTable<T extends object>(columns: { readonly [K in keyof T]: PerTier<T[K]> }): Record<QualityTier, T> {
  const entries = Object.entries(columns) as [string, PerTier<unknown>][];
  return Object.fromEntries(
    QUALITY_TIERS.map((tier, i) => [tier, Object.fromEntries(entries.map(([field, values]) => [field, values[i]]))]),
  ) as Record<QualityTier, T>;
}
