// Where the pillars stand: landmark pillars at their fixed places, then groups of pillars
// (walls, groves, clumps, needle fields; see pillar-clusters.ts) with open valleys between them
// and a few lone pillars in those valleys, all kept off the stream, the plateau top and the
// landmarks' clear zones. Inside a group pillars gather again into knots around a shared foot,
// so the forest is clustered at every scale and never evenly spaced.
import { FIRST_BRIDGE, GOLDEN_WHIP_STREAM, HALLELUJAH } from './landmarks';
import { ARCHETYPE } from './pillar-archetypes';
import type { LandmarkPillarId, Pillar } from './pillar';
import { clusterRadiusN, planPillarClusters, type PillarCluster } from './pillar-clusters';
import { clamp, createRandom, deriveSeed, lerp, valueNoise2 } from './random';
import type { StoneBridge } from './stone-bridge';
import type { StreamPath } from './stream-path';
import { plateauEdgeZ, type TerrainField } from './terrain';

export interface LandmarkShapeIndices {
  hallelujah: number;
  bridge: number;
  goldenWhipRock: number;
}

export interface PillarLayoutInput {
  seed: number;
  halfExtentM: number;
  terrain: TerrainField;
  stream: StreamPath;
  bridge: StoneBridge;
  archetypeCount: number;
  landmarkShapes: LandmarkShapeIndices;
}

const GRID_CELL_M = 100;
const MAX_TOP_M = 1110;
/** Shortest pillar worth the name: more than 120 m from its foot. */
const MIN_HEIGHT_M = 125;
/** Lone pillars in the open valleys between groups: few, so the valleys stay open. */
const LONE_PILLAR_ATTEMPTS = 1400;

/**
 * Highest top allowed for an ordinary pillar this far (metres) from Hallelujah Mountain's
 * axis: its neighbours stay clearly lower so the column reads as alone and tall.
 */
export function hallelujahNeighbourTopCapM(distanceM: number): number {
  const cap = 830 + 0.2 * Math.max(0, distanceM - HALLELUJAH.clearRadiusM);
  // Within its near surroundings no neighbour, crown included, comes within 190 m of its summit.
  return distanceM < 720 ? Math.min(cap, HALLELUJAH.summitM - 210) : cap;
}

interface Candidate {
  x: number;
  z: number;
  /** Largest horizontal reach of the pillar from its foot centre, lean included. */
  reachM: number;
}

interface PillarBuild {
  heightM: number;
  radiusM: number;
  /** Cross-section depth over width, ≤ 1. */
  aspect: number;
  archetype: number;
  /** Scales the random lean: tight groups stand straighter so neighbours never cross. */
  leanScale: number;
  rotationY?: number;
}

export function layoutPillars(input: PillarLayoutInput): Pillar[] {
  const { seed, halfExtentM, terrain, stream, bridge, archetypeCount, landmarkShapes } = input;
  const random = createRandom(deriveSeed(seed, 'pillar-layout'));
  const pillars: Pillar[] = [];
  const placed: Candidate[] = [];
  const cellsPerSide = Math.ceil((2 * halfExtentM) / GRID_CELL_M);
  const grid: number[][] = Array.from({ length: cellsPerSide * cellsPerSide }, () => []);

  const cellOf = (v: number) => clamp(Math.floor((v + halfExtentM) / GRID_CELL_M), 0, cellsPerSide - 1);

  function footBaseY(x: number, z: number, r: number): number {
    let lowest = terrain.heightAt(x, z);
    for (let k = 0; k < 8; k++) {
      const a = (k / 8) * Math.PI * 2;
      lowest = Math.min(lowest, terrain.heightAt(x + Math.cos(a) * r * 1.1, z + Math.sin(a) * r * 1.1));
    }
    return lowest - 8;
  }

  function reachOf(p: Pillar): number {
    return Math.max(p.radiusXM, p.radiusZM) + Math.hypot(p.leanX, p.leanZ) * (p.topY - p.baseY);
  }

  function register(p: Pillar): void {
    const i = placed.length;
    placed.push({ x: p.x, z: p.z, reachM: reachOf(p) });
    grid[cellOf(p.z) * cellsPerSide + cellOf(p.x)].push(i);
    pillars.push({ ...p, index: i });
  }

  function spacingOk(x: number, z: number, reachM: number, gapM: number): boolean {
    const cx = cellOf(x);
    const cz = cellOf(z);
    for (let gz = Math.max(0, cz - 2); gz <= Math.min(cellsPerSide - 1, cz + 2); gz++) {
      for (let gx = Math.max(0, cx - 2); gx <= Math.min(cellsPerSide - 1, cx + 2); gx++) {
        for (const j of grid[gz * cellsPerSide + gx]) {
          const o = placed[j];
          if (Math.hypot(o.x - x, o.z - z) < reachM + o.reachM + gapM) return false;
        }
      }
    }
    return true;
  }

  /** Ground rules every non-landmark pillar obeys, whatever placed it. */
  function siteOk(x: number, z: number, reachM: number): boolean {
    const margin = 180;
    if (Math.abs(x) > halfExtentM - margin || Math.abs(z) > halfExtentM - margin) return false;
    if (z < plateauEdgeZ(x, seed) + reachM + 25) return false;
    if (stream.distanceM(x, z) < reachM + 45) return false;
    if (Math.hypot(x - HALLELUJAH.x, z - HALLELUJAH.z) < HALLELUJAH.clearRadiusM + reachM) return false;
    if (Math.hypot(x - FIRST_BRIDGE.x, z - FIRST_BRIDGE.z) < FIRST_BRIDGE.clearRadiusM + reachM) return false;
    const rock = GOLDEN_WHIP_STREAM.rock;
    if (Math.hypot(x - rock.x, z - rock.z) < rock.radiusM + reachM + 60) return false;
    return true;
  }

  /** Builds an ordinary pillar standing heightM above the ground at (x, z), or null where it cannot stand. */
  function makePillar(x: number, z: number, build: PillarBuild): Pillar | null {
    const ground = terrain.heightAt(x, z);
    const capM = Math.min(MAX_TOP_M, hallelujahNeighbourTopCapM(Math.hypot(x - HALLELUJAH.x, z - HALLELUJAH.z)));
    const top = Math.min(capM, ground + build.heightM);
    if (top - ground < MIN_HEIGHT_M) return null;
    // No poles: even the slenderest column is some 25 m across and at most eight times as tall as
    // it is wide, as in the photographs.
    const radius = clamp(Math.max(build.radiusM, (top - ground) / 16), 11, 88);
    const baseY = footBaseY(x, z, radius);
    const leaning = random() < 0.28;
    const leanMag = (leaning ? 0.015 + random() * 0.05 : random() * 0.01) * build.leanScale;
    const leanDir = random() * Math.PI * 2;
    const rotationJitter = random() * Math.PI * 2;
    return {
      index: -1,
      x,
      z,
      baseY,
      topY: top,
      radiusXM: radius,
      radiusZM: radius * build.aspect,
      rotationY: build.rotationY ?? rotationJitter,
      leanX: Math.cos(leanDir) * leanMag,
      leanZ: Math.sin(leanDir) * leanMag,
      archetype: build.archetype % archetypeCount,
      // Broad tops always carry pines; a few needles are bare rock.
      hasCrown: radius > 16 || random() < 0.8,
      // A broad top carries a forest, not a mat: its mound stands taller the wider it is (at 0.12 of
      // the radius a wide top's canopy was a flat disc, and read from below as a column's capital).
      crownHeightM: 12 + random() * 10 + 0.22 * radius,
      tint: random(),
      landmark: null,
    };
  }

  function tryPlace(x: number, z: number, build: PillarBuild, gapM: number): boolean {
    const p = makePillar(x, z, build);
    if (!p) return false;
    const reach = reachOf(p);
    if (!siteOk(x, z, reach) || !spacingOk(x, z, reach, gapM)) return false;
    register(p);
    return true;
  }

  function anyArchetype(): number {
    return Math.floor(random() * archetypeCount);
  }

  /** Width and form for a pillar of this height: massive blocks, broad towers or slender needles. */
  function proportions(heightM: number, massiveShare: number, slenderShare: number): Omit<PillarBuild, 'heightM' | 'leanScale'> {
    const roll = random();
    if (roll < massiveShare) {
      // A broad block: the heights of its neighbours, several times as wide.
      const roll = random();
      return {
        radiusM: 45 + 40 * random(),
        aspect: 0.55 + 0.4 * random(),
        archetype: roll < 0.35 ? ARCHETYPE.blocky : roll < 0.7 ? ARCHETYPE.splitBlock : ARCHETYPE.squareBulging,
      };
    }
    if (roll < massiveShare + slenderShare) {
      // Height over radius: a "slender" Wulingyuan column is still 3 to 4 times as tall as it is
      // wide; twice that read as a pole at thumbnail size.
      const slenderness = 6 + 3 * random();
      return {
        radiusM: heightM / slenderness,
        aspect: 0.65 + 0.35 * random(),
        archetype: random() < 0.35 ? ARCHETYPE.spire : anyArchetype(),
      };
    }
    const slenderness = 3 + 2.6 * random();
    // Tall towers stay towers: past about 100 m across, a pillar is a massive block's business.
    return { radiusM: Math.min(heightM / slenderness, 42 + 14 * random()), aspect: 0.6 + 0.4 * random(), archetype: anyArchetype() };
  }

  /** Height of a member at elliptic radius e of its group: the middle of a massif stands tallest. */
  function memberHeightM(cluster: PillarCluster, e: number): number {
    const profile = 0.6 + 0.4 * (1 - clamp(e, 0, 1) ** 2);
    const jitter = 0.72 + 0.42 * random();
    // Now and then one pillar outgrows its group by far.
    const standout = random() < 0.06 ? 1.3 + 0.25 * random() : 1;
    return cluster.levelM * profile * jitter * standout;
  }

  function placeWall(cluster: PillarCluster): void {
    const rotationY = Math.atan2(-cluster.axisZ, cluster.axisX);
    // The crest rises and falls along the wall in a few long steps, not member by member.
    const crestPhase = random() * 10;
    const crestAt = (along: number) => 0.78 + 0.4 * valueNoise2(crestPhase + along / 140, 0.5, seed + 41);
    let along = -cluster.halfLengthM;
    while (along < cluster.halfLengthM) {
      // Slabs of every thickness: thin fins between broad buttresses.
      const radius = 15 + 32 * random() ** 1.4;
      along += radius;
      // One rank, sometimes two abreast, wandering a little across the ridge line.
      const ranks = cluster.halfWidthM > 50 && random() < 0.5 ? 2 : 1;
      for (let rank = 0; rank < ranks; rank++) {
        const across = ranks === 1 ? (random() - 0.5) * cluster.halfWidthM * 0.5 : (rank === 0 ? -1 : 1) * (radius + cluster.gapM * 0.5);
        const x = cluster.x + cluster.axisX * along - cluster.axisZ * across;
        const z = cluster.z + cluster.axisZ * along + cluster.axisX * across;
        const e = Math.abs(along) / cluster.halfLengthM;
        tryPlace(
          x,
          z,
          {
            heightM: memberHeightM(cluster, e) * crestAt(along),
            radiusM: radius,
            // Long across the wall's line? No: the section is long along it, so slabs read as one fin split by clefts.
            aspect: 0.4 + 0.45 * random(),
            archetype: random() < 0.5 ? (random() < 0.5 ? ARCHETYPE.splitBlock : ARCHETYPE.blocky) : anyArchetype(),
            leanScale: 0.2,
            rotationY: rotationY + (random() - 0.5) * 0.5,
          },
          // Now and then two slabs stand fused at the foot, the cleft between them opening higher up.
          random() < 0.45 ? -Math.min(16, 0.45 * radius) : cluster.gapM,
        );
      }
      along += radius + cluster.gapM + 4 * random() ** 2 * 10;
    }
  }

  /** A point at (along, across) metres in the cluster's frame. */
  function clusterPoint(cluster: PillarCluster, along: number, across: number): [number, number] {
    return [cluster.x + cluster.axisX * along - cluster.axisZ * across, cluster.z + cluster.axisZ * along + cluster.axisX * across];
  }

  /**
   * A group gathers into knots: each knot a few pillars round a shared foot with its own height
   * level, slots between its members and wider gaps between knots. Placing members by
   * rejection alone would space them evenly, like a poured bag of marbles.
   */
  function placeGroup(cluster: PillarCluster): void {
    const areaM2 = Math.PI * cluster.halfLengthM * cluster.halfWidthM;
    const knotCount = Math.max(1, Math.round(areaM2 / (cluster.kind === 'needles' ? 14000 : 2000)));
    const massiveShare = cluster.kind === 'grove' ? 0.2 : 0.06;
    // Needles are the exception even in a needle field: a forest of them reads as chimneys.
    const slenderShare = cluster.kind === 'grove' ? 0.3 : 0.55;
    for (let k = 0; k < knotCount; k++) {
      const u = random() * 2 - 1;
      const v = random() * 2 - 1;
      if (Math.hypot(u, v) > 1) continue;
      const [kx, kz] = clusterPoint(cluster, u * cluster.halfLengthM, v * cluster.halfWidthM);
      // Knot levels step widely, so the tops of one group stand at several heights.
      const knotLevel = 0.62 + 0.55 * random() ** 1.3;
      const spreadM = cluster.kind === 'needles' ? 40 + 35 * random() : 18 + 26 * random();
      const members = cluster.kind === 'needles' ? 2 + Math.floor(random() * 4) : 3 + Math.floor(random() * 6);
      let placedCount = 0;
      for (let attempt = 0; attempt < members * 14 && placedCount < members; attempt++) {
        // Members crowd the knot's middle: a triangular fall-off, not an even disc.
        const r = spreadM * Math.abs(random() - random());
        const a = random() * Math.PI * 2;
        const x = kx + Math.cos(a) * r;
        const z = kz + Math.sin(a) * r;
        const heightM =
          memberHeightM(cluster, clusterRadiusN(cluster, x, z)) * knotLevel * (placedCount === 0 ? 1.12 : 0.7 + 0.35 * random());
        const form = proportions(heightM, massiveShare, slenderShare);
        // Massive blocks stay squat: a block as tall as a needle would read as a mesa wall.
        const height = form.radiusM > 44 ? Math.min(heightM, form.radiusM * 4) : heightM;
        const gapM =
          cluster.kind === 'needles'
            ? cluster.gapM * (0.5 + random())
            : random() < 0.45
              ? -Math.min(18, 0.5 * form.radiusM)
              : cluster.gapM * (0.3 + 0.8 * random());
        if (tryPlace(x, z, { ...form, heightM: height, leanScale: cluster.kind === 'needles' ? 1 : 0.6 }, gapM)) placedCount++;
      }
    }
  }

  /** Three to eight pillars of mixed heights and widths on one foot: the tallest first, the rest leaning on it. */
  function placeClump(cluster: PillarCluster): void {
    const members = 3 + Math.floor(random() * 6);
    let placedCount = 0;
    for (let attempt = 0; attempt < members * 14 && placedCount < members; attempt++) {
      const r = placedCount === 0 ? 0 : random() ** 0.7;
      const a = random() * Math.PI * 2;
      const [x, z] = clusterPoint(cluster, Math.cos(a) * r * cluster.halfLengthM, Math.sin(a) * r * cluster.halfWidthM);
      const heightM = cluster.levelM * (placedCount === 0 ? 1 + 0.15 * random() : 0.5 + 0.45 * random());
      const form = proportions(heightM, placedCount === 0 ? 0 : 0.12, 0.3);
      const height = form.radiusM > 44 ? Math.min(heightM, form.radiusM * 4) : heightM;
      const gapM = random() < 0.4 ? -Math.min(14, 0.45 * form.radiusM) : cluster.gapM;
      if (tryPlace(x, z, { ...form, heightM: height, leanScale: 0.5 }, gapM)) placedCount++;
    }
  }

  // Pines at their true size (15–20 m) on a broad forested head, not a tuft on a shaft.
  const hallelujahCrownM = 20;
  register(
    landmarkPillar(
      'hallelujah',
      HALLELUJAH.x,
      HALLELUJAH.z,
      HALLELUJAH.summitM - hallelujahCrownM,
      HALLELUJAH.baseRadiusM,
      landmarkShapes.hallelujah,
      hallelujahCrownM,
      0.3,
    ),
  );
  // The bridge's walls stay unrotated, long along the cleft, so their flat faces line it; their
  // forest tops stand a little above the slab, as the real bridge joins two summits.
  const wall = (id: LandmarkPillarId, x: number, topY: number): Pillar => ({
    ...landmarkPillar(id, x, bridge.wallCentreZ, topY, FIRST_BRIDGE.wallHalfThicknessM, landmarkShapes.bridge, 12, 0),
    radiusZM: FIRST_BRIDGE.wallHalfLengthM,
    baseY: footBaseY(x, bridge.wallCentreZ, FIRST_BRIDGE.wallHalfLengthM),
  });
  register(wall('bridge-west', bridge.westPillarX, FIRST_BRIDGE.deckTopM + 24));
  register(wall('bridge-east', bridge.eastPillarX, FIRST_BRIDGE.deckTopM + 12));
  const rock = GOLDEN_WHIP_STREAM.rock;
  register(landmarkPillar('golden-whip-rock', rock.x, rock.z, rock.topM, rock.radiusM, landmarkShapes.goldenWhipRock, 8, 0.5));

  function landmarkPillar(
    id: LandmarkPillarId,
    x: number,
    z: number,
    topY: number,
    radius: number,
    shape: number,
    crownHeightM: number,
    rotationY: number,
  ): Pillar {
    return {
      index: -1,
      x,
      z,
      baseY: footBaseY(x, z, radius),
      topY,
      radiusXM: radius,
      radiusZM: radius,
      rotationY,
      leanX: 0,
      leanZ: 0,
      archetype: shape,
      hasCrown: true,
      crownHeightM,
      tint: 0.6,
      landmark: id,
    };
  }

  for (const cluster of planPillarClusters(seed, halfExtentM, stream)) {
    if (cluster.kind === 'wall') placeWall(cluster);
    else if (cluster.kind === 'clump') placeClump(cluster);
    else placeGroup(cluster);
  }

  // Lone pillars in the valleys between groups: mostly needles and towers of modest height.
  for (let attempt = 0; attempt < LONE_PILLAR_ATTEMPTS; attempt++) {
    const x = lerp(-halfExtentM, halfExtentM, random());
    const z = lerp(-halfExtentM, halfExtentM, random());
    if (random() > 0.03) continue;
    const heightM = 150 + 200 * random() ** 1.5;
    const form = proportions(heightM, 0, 0.35);
    tryPlace(x, z, { ...form, heightM, leanScale: 1 }, 30 + 40 * random());
  }
  return pillars;
}
