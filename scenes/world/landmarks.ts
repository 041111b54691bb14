// Fixed positions of the named sights in both scenes (the Tianmen ones live in tianmen-landmarks.ts). The world generator
// builds around them and curated routes aim at them, so they are design constants,
// not generator output. One unit is one metre; y is up, -z is north.

import { CLIFF_WALKWAY, HEAVENS_GATE } from './tianmen-landmarks';

export const WORLD_HALF_EXTENT_M = 2400;

export type LandmarkId =
  'hallelujah-mountain' | 'first-bridge' | 'tianzi-plateau' | 'golden-whip-stream' | 'heavens-gate' | 'tianmen-cliff-walkway';

/** The scene a landmark stands in (the same ids as the route schema's SceneId). */
export type LandmarkScene = 'wulingyuan' | 'tianmen';

export interface Landmark {
  id: LandmarkId;
  scene: LandmarkScene;
  name: { zh: string; en: string };
  /** Ground-plane anchor of the sight (x east, z south). */
  x: number;
  z: number;
}

/** Avatar Hallelujah Mountain (Southern Sky Column): a lone slender pillar, summit ~1,080 m. */
export const HALLELUJAH = {
  x: -650,
  z: -350,
  summitM: 1080,
  baseRadiusM: 42,
  /** No other pillar stands closer than this, so the column reads as alone. */
  clearRadiusM: 170,
} as const;

/**
 * First Bridge Under Heaven: a thick, flat slab of rock, forested on top, spanning a deep cleft
 * ~40 m wide between two great rock walls, ~350 m above the valley floor. The cleft runs north
 * to south, so a flight up it passes under the slab.
 */
export const FIRST_BRIDGE = {
  /** Centre of the span. The two walls stand east and west of it. */
  x: 700,
  z: -650,
  spanM: 40,
  /** The slab's flat underside at mid-span; it only thickens where it grows out of the walls. */
  slabUndersideM: 846,
  deckTopM: 880,
  /** Width of the slab across the cleft's line (north-south). */
  deckWidthM: 16,
  /** The walls: their length along the cleft and thickness across it (bounding half-widths), and their centre along the cleft. */
  wallHalfLengthM: 96,
  wallHalfThicknessM: 85,
  wallCentreZ: -660,
  clearRadiusM: 120,
} as const;

/** Tianzi Mountain: a high plateau across the north of the scene, its edge looking south over the pillar sea. */
export const TIANZI_PLATEAU = {
  /** The plateau edge runs roughly east-west along this z; north of it the land is plateau top. */
  edgeZ: -1650,
  topM: 1230,
  highestPointM: 1262,
  viewpointX: 150,
} as const;

/** Golden Whip Stream: winds along the valley floor across the south of the scene, west to east. */
export const GOLDEN_WHIP_STREAM = {
  /** Centre line control points [x, z], west to east; the generator smooths between them. */
  path: [
    [-2300, 1150],
    [-1700, 950],
    [-1150, 1080],
    [-600, 880],
    [-100, 960],
    [450, 760],
    [1000, 860],
    [1550, 700],
    [2300, 820],
  ] as ReadonlyArray<readonly [number, number]>,
  floorM: 440,
  widthM: 14,
  /** Golden Whip Rock, a sheer pillar beside the stream. */
  rock: { x: 300, z: 700, topM: 830, radiusM: 30 },
} as const;

export const LANDMARKS: Record<LandmarkId, Landmark> = {
  'hallelujah-mountain': {
    id: 'hallelujah-mountain',
    scene: 'wulingyuan',
    name: { zh: '哈利路亚山（乾坤柱）', en: 'Avatar Hallelujah Mountain' },
    x: HALLELUJAH.x,
    z: HALLELUJAH.z,
  },
  'first-bridge': {
    id: 'first-bridge',
    scene: 'wulingyuan',
    name: { zh: '天下第一桥', en: 'First Bridge Under Heaven' },
    x: FIRST_BRIDGE.x,
    z: FIRST_BRIDGE.z,
  },
  'tianzi-plateau': {
    id: 'tianzi-plateau',
    scene: 'wulingyuan',
    name: { zh: '天子山', en: 'Tianzi Mountain' },
    x: TIANZI_PLATEAU.viewpointX,
    z: TIANZI_PLATEAU.edgeZ,
  },
  'golden-whip-stream': {
    id: 'golden-whip-stream',
    scene: 'wulingyuan',
    name: { zh: '金鞭溪', en: 'Golden Whip Stream' },
    x: GOLDEN_WHIP_STREAM.rock.x,
    z: GOLDEN_WHIP_STREAM.rock.z,
  },
  'heavens-gate': {
    id: 'heavens-gate',
    scene: 'tianmen',
    name: { zh: '天门洞', en: 'Heaven’s Gate (Tianmen Cave)' },
    x: HEAVENS_GATE.x,
    z: HEAVENS_GATE.z,
  },
  'tianmen-cliff-walkway': {
    id: 'tianmen-cliff-walkway',
    scene: 'tianmen',
    name: { zh: '天门山玻璃栈道', en: 'Tianmen Glass Skywalk' },
    x: CLIFF_WALKWAY.x,
    z: CLIFF_WALKWAY.z,
  },
};

export const LANDMARK_IDS = Object.keys(LANDMARKS) as LandmarkId[];
