// Quality tiers: what each class of device is asked to draw. The budgets are
// product limits (phones must stay cool and smooth); the bench reports against them.

export type QualityTier = 'phone' | 'laptop' | 'bake';

export const QUALITY_TIERS: readonly QualityTier[] = ['phone', 'laptop', 'bake'];

/**
 * What a renderer may be asked to draw: a device's quality tier, or 'cinematic', the bake
 * tier's geometry with effects only the render server can afford (volumetric cloud sea,
 * sun shadows, ambient occlusion, accumulated anti-aliasing). It is deliberately not a
 * QualityTier: nothing that picks a visitor's tier (probe, URL override, downgrade) can
 * name it, and the world builders never see it (geometryTierOf).
 */
export type SceneTier = QualityTier | 'cinematic';

export const SCENE_TIERS: readonly SceneTier[] = [...QUALITY_TIERS, 'cinematic'];

export interface TierBudget {
  maxTriangles: number;
  maxDrawCalls: number;
}

export const TIER_BUDGETS: Record<SceneTier, TierBudget> = {
  phone: { maxTriangles: 300_000, maxDrawCalls: 60 },
  laptop: { maxTriangles: 1_500_000, maxDrawCalls: 150 },
  // The bake tier renders ahead of time on the server, so it may spend far more.
  bake: { maxTriangles: 6_000_000, maxDrawCalls: 400 },
  // The bake tier's world drawn twice (sun's shadow map, then the view) plus a handful of
  // full-screen passes; sub-frames repeat the view, not the budget.
  cinematic: { maxTriangles: 12_000_000, maxDrawCalls: 820 },
};

export function isQualityTier(value: unknown): value is QualityTier {
  return typeof value === 'string' && (QUALITY_TIERS as readonly string[]).includes(value);
}

export function isSceneTier(value: unknown): value is SceneTier {
  return typeof value === 'string' && (SCENE_TIERS as readonly string[]).includes(value);
}

/** The tier whose geometry, materials and atmosphere numbers a scene tier draws. */
export function geometryTierOf(tier: SceneTier): QualityTier {
  return tier === 'cinematic' ? 'bake' : tier;
}
