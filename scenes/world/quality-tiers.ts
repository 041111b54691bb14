// Quality tiers: what each class of device is asked to draw. The budgets are
// product limits (phones must stay cool and smooth); the bench reports against them.

export type QualityTier = 'phone' | 'laptop' | 'bake';

export const QUALITY_TIERS: readonly QualityTier[] = ['phone', 'laptop', 'bake'];

export interface TierBudget {
  maxTriangles: number;
  maxDrawCalls: number;
}

export const TIER_BUDGETS: Record<QualityTier, TierBudget> = {
  phone: { maxTriangles: 300_000, maxDrawCalls: 60 },
  laptop: { maxTriangles: 1_500_000, maxDrawCalls: 150 },
  // The bake tier renders ahead of time on the server, so it may spend far more.
  bake: { maxTriangles: 6_000_000, maxDrawCalls: 400 },
};

export function isQualityTier(value: unknown): value is QualityTier {
  return typeof value === 'string' && (QUALITY_TIERS as readonly string[]).includes(value);
}
