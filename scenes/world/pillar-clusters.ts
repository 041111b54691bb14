// Where the pillar groups of the forest stand: elongated massifs broken into walls and
// groves by clefts, tight clumps of a few pillars on one foot, and fields of needles, with
// open forested valleys of uneven width between them. Each group has its own height level,
// so tops step up and down from group to group.
import { FIRST_BRIDGE, GOLDEN_WHIP_STREAM, HALLELUJAH, TIANZI_PLATEAU } from './landmarks';
import { clamp, createRandom, deriveSeed, fbm2, lerp, smoothstep } from './random';
import type { StreamPath } from './stream-path';
import { plateauEdgeZ } from './terrain';

/**
 * wall: a ridge of pillars shoulder to shoulder, split only by narrow clefts.
 * grove: a massif dissected into towers of every width, a few massive blocks among needles.
 * needles: slender spires, loosely gathered.
 * clump: three to eight pillars of mixed heights standing on one foot, fused or split by slots.
 */
export type PillarClusterKind = 'wall' | 'grove' | 'needles' | 'clump';

export interface PillarCluster {
  x: number;
  z: number;
  /** Unit vector of the long axis. */
  axisX: number;
  axisZ: number;
  halfLengthM: number;
  halfWidthM: number;
  kind: PillarClusterKind;
  /** Height above the ground of the group's tallest members. */
  levelM: number;
  /** Typical rock-to-rock gap between neighbours: the width of the clefts. */
  gapM: number;
}

const CLUSTER_ATTEMPTS = 4000;
/** Massifs (walls, groves, needle fields) first, then clumps in the room left between them. */
const TARGET_MASSIF_COUNT = 60;
const TARGET_CLUMP_COUNT = 45;
/**
 * Edge-to-edge room kept between groups: the open valleys. Drawn per group from a wide range,
 * so valleys are sometimes narrow gorges and sometimes broad basins, never an even grid.
 */
const VALLEY_GAP_MIN_M = 35;
const VALLEY_GAP_SPREAD_M = 150;

/** Elliptic radius of (x, z) in the cluster's frame: 0 at the centre, 1 on its outline. */
export function clusterRadiusN(c: PillarCluster, x: number, z: number): number {
  const dx = x - c.x;
  const dz = z - c.z;
  const along = dx * c.axisX + dz * c.axisZ;
  const across = -dx * c.axisZ + dz * c.axisX;
  return Math.hypot(along / c.halfLengthM, across / c.halfWidthM);
}

export function planPillarClusters(seed: number, halfExtentM: number, stream: StreamPath): PillarCluster[] {
  const random = createRandom(deriveSeed(seed, 'pillar-clusters'));
  const sDistrict = deriveSeed(seed, 'pillar-district');
  const clusters: PillarCluster[] = [];
  const margin = 260;
  let clumps = 0;
  for (let attempt = 0; attempt < CLUSTER_ATTEMPTS && clumps < TARGET_CLUMP_COUNT; attempt++) {
    const massifPhase = clusters.length < TARGET_MASSIF_COUNT && attempt < CLUSTER_ATTEMPTS / 2;
    const x = lerp(-halfExtentM + margin, halfExtentM - margin, random());
    const z = lerp(TIANZI_PLATEAU.edgeZ - 40, halfExtentM - margin, random());
    const district = fbm2(x / 800, z / 800, sDistrict, 3);
    // Districts thin out rather than end: some groups stand even where the field is low.
    if (random() > 0.25 + smoothstep(0.3, 0.6, district)) continue;
    const kindRoll = random();
    const kind: PillarClusterKind = !massifPhase ? 'clump' : kindRoll < 0.26 ? 'wall' : kindRoll < 0.84 ? 'grove' : 'needles';
    const angle = random() * Math.PI;
    const halfLengthM = kind === 'wall' ? 140 + 220 * random() : kind === 'clump' ? 35 + 40 * random() : 110 + 180 * random();
    const halfWidthM =
      kind === 'wall' ? 30 + 35 * random() : halfLengthM * (kind === 'clump' ? 0.6 + 0.4 * random() : 0.4 + 0.4 * random());
    const candidate: PillarCluster = {
      x,
      z,
      axisX: Math.cos(angle),
      axisZ: Math.sin(angle),
      halfLengthM,
      halfWidthM,
      kind,
      levelM: 0,
      gapM: kind === 'wall' || kind === 'clump' ? 1 + 3 * random() : kind === 'grove' ? 2 + 6 * random() : 10 + 16 * random(),
    };
    const valleyGapM = VALLEY_GAP_MIN_M + VALLEY_GAP_SPREAD_M * random() ** 1.5;
    // The group must leave the stream's valley, the landmarks and the other groups open.
    const plateauEdge = plateauEdgeZ(x, seed);
    if (z < plateauEdge + 30) continue;
    if (stream.distanceM(x, z) < halfWidthM + 40) continue;
    if (Math.hypot(x - HALLELUJAH.x, z - HALLELUJAH.z) < HALLELUJAH.clearRadiusM + halfWidthM + 60) continue;
    if (Math.hypot(x - FIRST_BRIDGE.x, z - FIRST_BRIDGE.z) < FIRST_BRIDGE.clearRadiusM + halfWidthM) continue;
    const rock = GOLDEN_WHIP_STREAM.rock;
    if (Math.hypot(x - rock.x, z - rock.z) < rock.radiusM + halfWidthM + 80) continue;
    // Long axes seldom line up end to end, so most of the half-lengths is room enough.
    if (clusters.some((o) => Math.hypot(o.x - x, o.z - z) < 0.8 * (halfLengthM + o.halfLengthM) + valleyGapM)) continue;
    // Groups near the plateau stand tallest, rising towards its rim; elsewhere levels wander widely.
    const nearPlateau = 1 - smoothstep(0, 900, z - plateauEdge);
    // Levels clear the low cloud sea by a good margin: what shows above it must still read as a pillar.
    // Levels spread wide: some groups are low knuckles of rock, some tower over their neighbours.
    const base = kind === 'needles' ? 220 + 170 * random() : 200 + 260 * random() ** 1.4;
    candidate.levelM = clamp(base + 260 * nearPlateau * (0.6 + 0.4 * random()), 140, 620);
    clusters.push(candidate);
    if (kind === 'clump') clumps++;
  }
  return clusters;
}
