// How much geometry each quality tier builds and draws: mesh resolutions and the LOD
// caps that keep the worst case inside the tier's triangle budget.
import { tierTable } from './tier-table';

export interface PillarLodDetail {
  radialSegments: number;
  /** Segments along the height. */
  rings: number;
}

export interface CrownLodDetail {
  trees: number;
  /** Umbrella layers per pine. */
  layers: number;
  sides: number;
}

/** A pillar's or a ledge's canopy: its pines, the shrub tufts packed round them, and the dark core under both. */
export interface CanopyLodDetail extends CrownLodDetail {
  /** Shrub tufts over the top and round its rim, the corners of each tuft's rings, and its rings (2 rounds it up close). */
  tufts: number;
  tuftSides: number;
  tuftRings: number;
  /** Corners of the low core that shades the gaps between crowns (0: none). */
  coreAround: number;
}

export interface TierDetail {
  /** Take every n-th vertex of the finest terrain grid. */
  terrainStride: number;
  /** LOD 0 (near) to 2 (far). */
  pillarLods: readonly [PillarLodDetail, PillarLodDetail, PillarLodDetail];
  crownLods: readonly [CanopyLodDetail, CanopyLodDetail, CanopyLodDetail];
  /** At most this many pillars get LOD 0 and LOD 1: the nearest ones within the matching distance. */
  lodMaxCount: readonly [number, number];
  lodMaxDistanceM: readonly [number, number];
  /** Resolution of the unique landmark pillars. */
  landmarkPillar: PillarLodDetail;
  streamStepM: number;
  bridgeSegments: number;
  bridgeAround: number;
}

/** Each field lists its phone, laptop and bake values. */
export const TIER_DETAIL = tierTable<TierDetail>({
  terrainStride: [4, 2, 1],
  // LOD 0 to 2 per tier. The phone pays for its pillars' vegetation with a little less rock: the
  // green caps and ledge clumps say more at phone size than the extra rings did. Most pillars in a
  // phone frame are far ones: five rings let them swell, narrow and carry patches of green down
  // the shaft, where three drew a bare chimney with a green tip.
  pillarLods: [
    [
      { radialSegments: 20, rings: 24 },
      { radialSegments: 10, rings: 9 },
      { radialSegments: 8, rings: 5 },
    ],
    [
      { radialSegments: 48, rings: 72 },
      { radialSegments: 20, rings: 22 },
      { radialSegments: 10, rings: 8 },
    ],
    [
      { radialSegments: 64, rings: 120 },
      { radialSegments: 28, rings: 36 },
      { radialSegments: 12, rings: 10 },
    ],
  ],
  // Many small crowns, not one dome: a third to a half of them crowd the rim, so even a far
  // pillar's top has a broken outline. Each LOD costs no more triangles than the domes did.
  crownLods: [
    [
      { trees: 3, layers: 3, sides: 5, tufts: 20, tuftSides: 5, tuftRings: 2, coreAround: 8 },
      { trees: 1, layers: 2, sides: 4, tufts: 10, tuftSides: 4, tuftRings: 2, coreAround: 6 },
      { trees: 0, layers: 1, sides: 4, tufts: 6, tuftSides: 4, tuftRings: 1, coreAround: 0 },
    ],
    [
      { trees: 5, layers: 3, sides: 6, tufts: 36, tuftSides: 6, tuftRings: 2, coreAround: 10 },
      { trees: 2, layers: 2, sides: 5, tufts: 16, tuftSides: 5, tuftRings: 2, coreAround: 8 },
      { trees: 1, layers: 1, sides: 4, tufts: 12, tuftSides: 5, tuftRings: 1, coreAround: 6 },
    ],
    [
      { trees: 6, layers: 3, sides: 7, tufts: 54, tuftSides: 6, tuftRings: 2, coreAround: 12 },
      { trees: 4, layers: 3, sides: 6, tufts: 26, tuftSides: 5, tuftRings: 2, coreAround: 10 },
      { trees: 2, layers: 2, sides: 5, tufts: 15, tuftSides: 6, tuftRings: 1, coreAround: 6 },
    ],
  ],
  lodMaxCount: [
    [16, 100],
    [40, 260],
    [120, 700],
  ],
  lodMaxDistanceM: [
    [350, 1300],
    [600, 2000],
    [1000, 3500],
  ],
  landmarkPillar: [
    { radialSegments: 40, rings: 60 },
    { radialSegments: 64, rings: 110 },
    { radialSegments: 96, rings: 180 },
  ],
  streamStepM: [20, 10, 5],
  bridgeSegments: [24, 48, 72],
  bridgeAround: [20, 28, 40],
});

export const PILLAR_LOD_COUNT = 3;
