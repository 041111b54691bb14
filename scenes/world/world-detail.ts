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

export interface TierDetail {
  /** Take every n-th vertex of the finest terrain grid. */
  terrainStride: number;
  /** LOD 0 (near) to 2 (far). */
  pillarLods: readonly [PillarLodDetail, PillarLodDetail, PillarLodDetail];
  crownLods: readonly [CrownLodDetail, CrownLodDetail, CrownLodDetail];
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
  // The bake's many small crowns make the rounded, dense cap of a pillar top seen from a few hundred metres.
  crownLods: [
    [
      { trees: 12, layers: 3, sides: 6 },
      { trees: 6, layers: 2, sides: 5 },
      { trees: 3, layers: 1, sides: 4 },
    ],
    [
      { trees: 22, layers: 3, sides: 7 },
      { trees: 10, layers: 2, sides: 6 },
      { trees: 6, layers: 1, sides: 5 },
    ],
    [
      { trees: 30, layers: 3, sides: 8 },
      { trees: 16, layers: 3, sides: 6 },
      { trees: 7, layers: 2, sides: 5 },
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
