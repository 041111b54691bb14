// The cloud sea that fills the valleys and the thin mist drifting between pillar ranks,
// as a list of horizontal layers. Richer tiers slice the same cloud sea more finely.
import type { QualityTier } from '../world/quality-tiers';
import type { CloudSeaBand } from './cloud-sea';
import { seedFromName } from './lattice-hash';

/** Height band of the thin mist layers between pillar ranks. */
export const MIST_BASE_M = 670;
export const MIST_TOP_M = 840;

export type CloudLayerKind = 'sea' | 'mist';

export interface CloudLayer {
  id: string;
  kind: CloudLayerKind;
  heightM: number;
  /** Share of the layer's area the cloud covers, 0–1, before the time of day scales it. */
  coverage: number;
  /** Opacity where the layer is thickest. */
  opacity: number;
  /** Size of the largest cloud features, metres. */
  featureSizeM: number;
  /** Features are this many times longer along the wind than across it (mist streaks). */
  stretch: number;
  /** Drift, metres per second, along x (east) and z (south). */
  windMps: [number, number];
  /** Seed of the large-scale pattern. Sea slices share it, so a thick patch or a gap runs through every slice. */
  patternSeed: number;
  /** Seed of the fine detail, different per layer so stacked slices do not repeat each other. */
  detailSeed: number;
}

/** How many slices of cloud sea and mist each tier draws; each layer is one draw call. */
export const LAYER_COUNTS: Record<QualityTier, { sea: number; mist: number }> = {
  phone: { sea: 1, mist: 1 },
  laptop: { sea: 4, mist: 3 },
  bake: { sea: 6, mist: 4 },
};

// The sea drifts slowly west-north-west, up the valleys; mist moves a little faster.
const SEA_WIND_MPS: [number, number] = [-2.2, -0.7];
const MIST_WIND_MPS: [number, number] = [-3.4, -1.2];

const MIST_OPACITY = 0.3;
const SEA_FEATURE_SIZE_M = 600;

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

interface BandSlice {
  id: string;
  kind: CloudLayerKind;
  heightM: number;
  /** Where the slice sits in its band: 0 at the base, 1 at the top. */
  t: number;
}

/** `count` slices from a band's base to its top (a lone slice at loneT), each named for its place in the stack. */
function sliceBand(kind: CloudLayerKind, count: number, band: { baseM: number; topM: number }, loneT: number): BandSlice[] {
  return Array.from({ length: count }, (_, i) => {
    const t = count === 1 ? loneT : i / (count - 1);
    return { id: `${kind}-${i}-of-${count}`, kind, heightM: lerp(band.baseM, band.topM, t), t };
  });
}

function seaLayers(count: number, band: CloudSeaBand): CloudLayer[] {
  // Slice centres run bottom to top; the lowest slice is the blanket hiding the valley floor,
  // the upper ones are the billowing tops, thinner and more broken. Each slice takes a share
  // of the sea's optical depth, more at the bottom, so the stack sums to the same opacity on
  // every tier.
  // A lone slice (phone) sits low and nearly closed: a blanket with few holes.
  const slices = sliceBand('sea', count, band, 0.2);
  const weights = slices.map(({ t }) => lerp(1.2, 0.7, t));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  return slices.map(({ t, ...slice }, i) => ({
    ...slice,
    coverage: lerp(0.72, 0.3, t),
    // The band's combined opacity, split across slices so every tier reads alike.
    opacity: 1 - Math.pow(1 - band.opacity, weights[i] / totalWeight),
    // One feature size for every slice: the slices cut one cloud body at rising thresholds,
    // so the upper slices show only its thickest cores, the billows on top of the sea.
    featureSizeM: SEA_FEATURE_SIZE_M,
    stretch: 1.3,
    windMps: SEA_WIND_MPS,
    patternSeed: seedFromName('cloud-sea'),
    detailSeed: seedFromName(slice.id),
  }));
}

function mistLayers(count: number, mist: { baseM: number; topM: number }): CloudLayer[] {
  return sliceBand('mist', count, mist, 0.35).map(({ t, ...slice }) => ({
    ...slice,
    coverage: lerp(0.4, 0.26, t),
    opacity: lerp(MIST_OPACITY, MIST_OPACITY * 0.7, t),
    featureSizeM: lerp(520, 760, t),
    stretch: 3.2,
    windMps: [MIST_WIND_MPS[0] * lerp(1, 1.4, t), MIST_WIND_MPS[1] * lerp(1, 0.6, t)],
    patternSeed: seedFromName(slice.id),
    detailSeed: seedFromName(`${slice.id}-detail`),
  }));
}

/** The layers of one time of day's sea and a scene's mist band (Wulingyuan's unless given). */
export function cloudLayersFor(tier: QualityTier, band: CloudSeaBand, mist = { baseM: MIST_BASE_M, topM: MIST_TOP_M }): CloudLayer[] {
  const counts = LAYER_COUNTS[tier];
  return [...seaLayers(counts.sea, band), ...mistLayers(counts.mist, mist)];
}

/**
 * The thin mist between pillar ranks as a faint band of density: seen edge-on across
 * kilometres it lays a pale stripe over the far ranks, without the hard line a mist
 * plane would cut into a nearby pillar. Density rises from baseM to peakM and falls to topM.
 */
export const MIST_BAND = {
  baseM: MIST_BASE_M,
  peakM: 740,
  topM: MIST_TOP_M,
  peakDensityPerM: 0.0003,
} as const;
