// Where the pillar groups of the forest stand: elongated massifs broken into walls and
// groves by clefts, and fields of lone needles, with open forested valleys between them.
// Each group has its own height level, so tops step up and down from group to group.
import { FIRST_BRIDGE, GOLDEN_WHIP_STREAM, HALLELUJAH, TIANZI_PLATEAU } from './landmarks';
import { clamp, createRandom, deriveSeed, fbm2, lerp, smoothstep } from './random';
import type { StreamPath } from './stream-path';
import { plateauEdgeZ } from './terrain';

/**
 * wall: a ridge of pillars shoulder to shoulder, split only by narrow clefts.
 * grove: a massif dissected into towers of every width, a few massive blocks among needles.
 * needles: slender, widely spaced spires.
 */
export type PillarClusterKind = 'wall' | 'grove' | 'needles';

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
const TARGET_CLUSTER_COUNT = 58;
/** Edge-to-edge room kept between groups: the open valleys. */
const VALLEY_GAP_M = 70;

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
  for (let attempt = 0; attempt < CLUSTER_ATTEMPTS && clusters.length < TARGET_CLUSTER_COUNT; attempt++) {
    const x = lerp(-halfExtentM + margin, halfExtentM - margin, random());
    const z = lerp(TIANZI_PLATEAU.edgeZ - 40, halfExtentM - margin, random());
    const district = fbm2(x / 800, z / 800, sDistrict, 3);
    // Districts thin out rather than end: some groups stand even where the field is low.
    if (random() > 0.25 + smoothstep(0.3, 0.6, district)) continue;
    const kindRoll = random();
    const kind: PillarClusterKind = kindRoll < 0.22 ? 'wall' : kindRoll < 0.78 ? 'grove' : 'needles';
    const angle = random() * Math.PI;
    const halfLengthM = kind === 'wall' ? 170 + 190 * random() : 120 + 170 * random();
    const halfWidthM = kind === 'wall' ? 35 + 30 * random() : halfLengthM * (0.4 + 0.4 * random());
    const candidate: PillarCluster = {
      x,
      z,
      axisX: Math.cos(angle),
      axisZ: Math.sin(angle),
      halfLengthM,
      halfWidthM,
      kind,
      levelM: 0,
      gapM: kind === 'wall' ? 2 + 3 * random() : kind === 'grove' ? 2 + 6 * random() : 12 + 18 * random(),
    };
    // The group must leave the stream's valley, the landmarks and the other groups open.
    const plateauEdge = plateauEdgeZ(x, seed);
    if (z < plateauEdge + 30) continue;
    if (stream.distanceM(x, z) < halfWidthM + 40) continue;
    if (Math.hypot(x - HALLELUJAH.x, z - HALLELUJAH.z) < HALLELUJAH.clearRadiusM + halfWidthM + 60) continue;
    if (Math.hypot(x - FIRST_BRIDGE.x, z - FIRST_BRIDGE.z) < FIRST_BRIDGE.clearRadiusM + halfWidthM) continue;
    const rock = GOLDEN_WHIP_STREAM.rock;
    if (Math.hypot(x - rock.x, z - rock.z) < rock.radiusM + halfWidthM + 80) continue;
    // Long axes seldom line up end to end, so most of the half-lengths is room enough.
    if (clusters.some((o) => Math.hypot(o.x - x, o.z - z) < 0.8 * (halfLengthM + o.halfLengthM) + VALLEY_GAP_M)) continue;
    // Groups near the plateau stand tallest, rising towards its rim; elsewhere levels wander widely.
    const nearPlateau = 1 - smoothstep(0, 900, z - plateauEdge);
    // Levels clear the low cloud sea by a good margin: what shows above it must still read as a pillar.
    const base = kind === 'needles' ? 230 + 150 * random() : 250 + 190 * random() ** 1.3;
    candidate.levelM = clamp(base + 260 * nearPlateau * (0.6 + 0.4 * random()), 140, 620);
    clusters.push(candidate);
  }
  return clusters;
}
