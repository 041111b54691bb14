// The handful of pillar forms every ordinary pillar is drawn from (instancing shares
// one mesh per form), plus the unique forms of the landmark pillars.
import type { PillarShapeSpec } from './pillar-shape';

export const PILLAR_ARCHETYPE_SPECS: readonly PillarShapeSpec[] = [
  // Squarish column with a mid-height bulge: the commonest Wulingyuan silhouette.
  {
    squareness: 6.3,
    taper: 0.18,
    footFlare: 0.25,
    bulges: [{ yN: 0.55, amp: 0.12, widthN: 0.2 }],
    crackCount: 4,
    crackDepth: 0.192,
    beddingCount: 16,
    beddingDepth: 0.025,
    bedRelief: 0.09,
    roughness: 0.14,
    salt: 1,
  },
  // Rounded tower with a waist below a heavier head.
  {
    squareness: 3.64,
    taper: 0.05,
    footFlare: 0.3,
    bulges: [
      { yN: 0.38, amp: -0.14, widthN: 0.14 },
      { yN: 0.8, amp: 0.1, widthN: 0.12 },
    ],
    crackCount: 3,
    crackDepth: 0.224,
    beddingCount: 22,
    beddingDepth: 0.03,
    bedRelief: 0.1,
    roughness: 0.168,
    salt: 2,
  },
  // Blocky, deeply jointed pillar: looks like several columns fused.
  {
    squareness: 8.4,
    taper: 0.25,
    footFlare: 0.2,
    bulges: [{ yN: 0.25, amp: 0.08, widthN: 0.18 }],
    crackCount: 6,
    crackDepth: 0.3,
    beddingCount: 12,
    beddingDepth: 0.025,
    bedRelief: 0.12,
    roughness: 0.112,
    salt: 3,
  },
  // Slender spire that narrows steadily, with stepped ledges.
  {
    squareness: 4.76,
    taper: 0.42,
    footFlare: 0.35,
    bulges: [{ yN: 0.7, amp: 0.06, widthN: 0.08 }],
    crackCount: 3,
    crackDepth: 0.16,
    beddingCount: 28,
    beddingDepth: 0.045,
    bedRelief: 0.08,
    roughness: 0.14,
    salt: 4,
  },
  // Top-heavy mushroom-like pillar: wider head over an eroded neck.
  {
    squareness: 5.6,
    taper: -0.12,
    footFlare: 0.28,
    bulges: [
      { yN: 0.6, amp: -0.18, widthN: 0.16 },
      { yN: 0.92, amp: 0.08, widthN: 0.06 },
    ],
    crackCount: 5,
    crackDepth: 0.208,
    beddingCount: 18,
    beddingDepth: 0.035,
    bedRelief: 0.1,
    roughness: 0.154,
    salt: 5,
  },
  // A block split into slabs: two or three clefts cut a third of the way in, so from most sides
  // it reads as pillars fused at the foot; its head steps down in broken tiers.
  {
    squareness: 7.4,
    taper: 0.1,
    footFlare: 0.22,
    bulges: [
      { yN: 0.45, amp: 0.07, widthN: 0.22 },
      { yN: 0.88, amp: -0.07, widthN: 0.07 },
    ],
    crackCount: 3,
    crackDepth: 0.42,
    beddingCount: 14,
    beddingDepth: 0.03,
    bedRelief: 0.11,
    roughness: 0.13,
    salt: 6,
  },
];

/** The archetypes the layout asks for by name (particular builds suit them): indices into the list above. */
export const ARCHETYPE = { squareBulging: 0, blocky: 2, spire: 3, splitBlock: 5 } as const;

/**
 * Hallelujah Mountain: slim, squarish, waisted so the crowned head seems to float; fractured
 * quartz sandstone, so its width comes and goes in blocks down the height and deep joints split
 * its faces into slabs, never the even taper of a chimney.
 */
export const HALLELUJAH_SHAPE_SPEC: PillarShapeSpec = {
  squareness: 5.32,
  taper: 0.2,
  footFlare: 0.35,
  bulges: [
    { yN: 0.18, amp: -0.06, widthN: 0.07 },
    { yN: 0.45, amp: -0.1, widthN: 0.12 },
    { yN: 0.63, amp: 0.06, widthN: 0.06 },
    { yN: 0.85, amp: 0.08, widthN: 0.1 },
  ],
  crackCount: 6,
  crackDepth: 0.27,
  beddingCount: 30,
  beddingDepth: 0.03,
  bedRelief: 0.22,
  roughness: 0.126,
  salt: 101,
};

/**
 * The two walls the First Bridge joins: drawn long along the cleft, their flat sides line it; deep
 * joints split each into slabs, and they hardly taper, so the cleft stays deep and sheer.
 */
export const BRIDGE_PILLAR_SHAPE_SPEC: PillarShapeSpec = {
  squareness: 7.0,
  taper: 0.06,
  footFlare: 0.12,
  bulges: [
    { yN: 0.3, amp: -0.05, widthN: 0.2 },
    { yN: 0.75, amp: 0.04, widthN: 0.12 },
  ],
  crackCount: 7,
  crackDepth: 0.2,
  beddingCount: 12,
  beddingDepth: 0.015,
  bedRelief: 0.08,
  roughness: 0.12,
  salt: 102,
};

/** Golden Whip Rock: a sheer, blade-like square column beside the stream. */
export const GOLDEN_WHIP_ROCK_SHAPE_SPEC: PillarShapeSpec = {
  squareness: 8.4,
  taper: 0.12,
  footFlare: 0.2,
  bulges: [],
  crackCount: 3,
  crackDepth: 0.144,
  beddingCount: 20,
  beddingDepth: 0.02,
  bedRelief: 0.1,
  roughness: 0.084,
  salt: 103,
};
