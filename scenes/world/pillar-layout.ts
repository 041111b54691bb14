// Where the pillars stand: landmark pillars at their fixed places, a few walls split by
// clefts, then a dart-thrown forest denser in some districts, kept off the stream, the
// plateau top and the landmarks' clear zones.
import { FIRST_BRIDGE, GOLDEN_WHIP_STREAM, HALLELUJAH, TIANZI_PLATEAU } from './landmarks';
import type { LandmarkPillarId, Pillar } from './pillar';
import { clamp, createRandom, deriveSeed, fbm2, lerp, smoothstep } from './random';
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

/** Enough pillars for the density of the real forest (~37 per km²) over the usable ground. */
const TARGET_PILLAR_COUNT = 760;
const MAX_DART_ATTEMPTS = 40_000;
const WALL_COUNT = 9;
const GRID_CELL_M = 100;
const MAX_TOP_M = 1110;

interface Candidate {
  x: number;
  z: number;
  /** Largest horizontal reach of the pillar from its foot centre, lean included. */
  reachM: number;
}

export function layoutPillars(input: PillarLayoutInput): Pillar[] {
  const { seed, halfExtentM, terrain, stream, bridge, archetypeCount, landmarkShapes } = input;
  const random = createRandom(deriveSeed(seed, 'pillar-layout'));
  const sDistrict = deriveSeed(seed, 'pillar-district');
  const sCluster = deriveSeed(seed, 'pillar-cluster');
  const sTops = deriveSeed(seed, 'pillar-tops');
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

  function register(p: Pillar): void {
    const height = p.topY - p.baseY;
    const reachM = Math.max(p.radiusXM, p.radiusZM) + Math.hypot(p.leanX, p.leanZ) * height;
    const i = placed.length;
    placed.push({ x: p.x, z: p.z, reachM });
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

  /** Regional top height: ranks of pillars share a level, rising towards the plateau. */
  function regionalTopM(x: number, z: number): number {
    const nearPlateau = 1 - smoothstep(0, 700, z - plateauEdgeZ(x, seed));
    return 790 + 260 * fbm2(x / 900, z / 900, sTops, 3) + 90 * nearPlateau;
  }

  function makePillar(x: number, z: number, topM: number, slenderness: number, archetype: number): Pillar | null {
    const ground = terrain.heightAt(x, z);
    const top = Math.min(MAX_TOP_M, topM);
    if (top - ground < 140) return null;
    const radius = clamp((top - ground) / slenderness, 14, 85);
    const baseY = footBaseY(x, z, radius);
    const leaning = random() < 0.3;
    const leanMag = leaning ? 0.015 + random() * 0.045 : random() * 0.012;
    const leanDir = random() * Math.PI * 2;
    return {
      index: -1,
      x,
      z,
      baseY,
      topY: top,
      radiusXM: radius,
      radiusZM: radius * (0.72 + 0.28 * random()),
      rotationY: random() * Math.PI * 2,
      leanX: Math.cos(leanDir) * leanMag,
      leanZ: Math.sin(leanDir) * leanMag,
      archetype,
      hasCrown: random() < 0.88,
      crownHeightM: 11 + random() * 9,
      tint: random(),
      landmark: null,
    };
  }

  function reachOf(p: Pillar): number {
    return Math.max(p.radiusXM, p.radiusZM) + Math.hypot(p.leanX, p.leanZ) * (p.topY - p.baseY);
  }

  function pickArchetype(slenderness: number): number {
    // Slim pillars favour the spire form; stout ones the blocky and bulging forms.
    if (slenderness > 12 && random() < 0.35) return 3;
    return Math.floor(random() * archetypeCount) % archetypeCount;
  }

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

  const hallelujahCrownM = 12;
  register(
    landmarkPillar('hallelujah', HALLELUJAH.x, HALLELUJAH.z, HALLELUJAH.summitM - hallelujahCrownM, HALLELUJAH.baseRadiusM, landmarkShapes.hallelujah, hallelujahCrownM, 0.3),
  );
  // The bridge pillars stay unrotated so their straight faces line the slot under the arch.
  register(landmarkPillar('bridge-west', bridge.westPillarX, bridge.centreZ, FIRST_BRIDGE.deckTopM + 28, FIRST_BRIDGE.pillarRadiusM, landmarkShapes.bridge, 10, 0));
  register(landmarkPillar('bridge-east', bridge.eastPillarX, bridge.centreZ, FIRST_BRIDGE.deckTopM + 16, FIRST_BRIDGE.pillarRadiusM, landmarkShapes.bridge, 10, 0));
  const rock = GOLDEN_WHIP_STREAM.rock;
  register(landmarkPillar('golden-whip-rock', rock.x, rock.z, rock.topM, rock.radiusM, landmarkShapes.goldenWhipRock, 8, 0.5));

  // Walls: ranks of pillars packed shoulder to shoulder, split only by narrow clefts.
  for (let w = 0; w < WALL_COUNT; w++) {
    let startX = 0;
    let startZ = 0;
    let found = false;
    for (let tries = 0; tries < 200 && !found; tries++) {
      startX = lerp(-halfExtentM + 300, halfExtentM - 300, random());
      startZ = lerp(TIANZI_PLATEAU.edgeZ + 150, halfExtentM - 300, random());
      found = siteOk(startX, startZ, 40) && fbm2(startX / 700, startZ / 700, sDistrict, 3) > 0.5;
    }
    if (!found) continue;
    const angle = random() * Math.PI;
    const dirX = Math.cos(angle);
    const dirZ = Math.sin(angle);
    const members = 4 + Math.floor(random() * 6);
    const wallTop = regionalTopM(startX, startZ) - 20 * random();
    let along = 0;
    let previousRadius = 0;
    for (let m = 0; m < members; m++) {
      const radius = 18 + random() * 16;
      along += previousRadius + radius + 3 + random() * 6;
      previousRadius = radius;
      const x = startX + dirX * along;
      const z = startZ + dirZ * along;
      const ground = terrain.heightAt(x, z);
      const top = wallTop - 30 * random();
      const p = makePillar(x, z, top, (top - ground) / radius, pickArchetype((top - ground) / radius));
      if (!p) continue;
      // Keep wall members upright so neighbours in a wall never cross.
      p.leanX *= 0.2;
      p.leanZ *= 0.2;
      const reach = reachOf(p);
      if (!siteOk(x, z, reach) || !spacingOk(x, z, reach, 2)) continue;
      register(p);
    }
  }

  for (let attempt = 0; attempt < MAX_DART_ATTEMPTS && pillars.length < TARGET_PILLAR_COUNT; attempt++) {
    const x = lerp(-halfExtentM, halfExtentM, random());
    const z = lerp(-halfExtentM, halfExtentM, random());
    const district = fbm2(x / 700, z / 700, sDistrict, 3);
    const nearPlateau = 1 - smoothstep(0, 500, z - plateauEdgeZ(x, seed));
    const density = Math.max(0.08, smoothstep(0.36, 0.62, district), nearPlateau * 0.8);
    if (random() > density) continue;
    const ground = terrain.heightAt(x, z);
    const top = regionalTopM(x, z) - 90 * random() ** 2;
    // A third are massive blocks and broad towers; the rest the slender columns the forest is famous for.
    const slenderness = random() < 0.33 ? 2.4 + random() * 2.6 : 5 + random() * 9;
    const archetype = pickArchetype(slenderness);
    const p = makePillar(x, z, top, slenderness, archetype);
    if (!p || top - ground < 140) continue;
    const reach = reachOf(p);
    if (!siteOk(x, z, reach)) continue;
    // Tight clusters where the cluster field is high, open glades where it is low.
    const gapM = lerp(3, 45, fbm2(x / 300, z / 300, sCluster, 3));
    if (!spacingOk(x, z, reach, gapM)) continue;
    register(p);
  }
  return pillars;
}
