// Distance from any point to the nearest solid (ground, pillar, bridge), for route
// validation that samples thousands of points: pillars are bucketed in a grid and the
// search widens ring by ring only until nothing farther can be nearer.
import type { Vec3 } from '../routes/route-schema';
import { CROWN_OVERHANG, pillarSignedDistanceM, type Pillar } from './pillar';
import type { PillarShape } from './pillar-shape';
import { bridgeSignedDistanceM, type StoneBridge } from './stone-bridge';
import type { TerrainField } from './terrain';
import { createTerrainDistance } from './terrain-distance';

const CELL_M = 80;

export interface ClearanceField {
  clearanceAt(p: Vec3): number;
  terrainClearanceM(x: number, y: number, z: number): number;
}

export function createClearanceField(
  halfExtentM: number,
  terrain: TerrainField,
  pillars: readonly Pillar[],
  shapes: readonly PillarShape[],
  bridge: StoneBridge,
): ClearanceField {
  const cellsPerSide = Math.ceil((2 * halfExtentM) / CELL_M);
  const buckets: number[][] = Array.from({ length: cellsPerSide * cellsPerSide }, () => []);
  for (const p of pillars) {
    const height = p.topY - p.baseY;
    // Wide enough for the crown, which overhangs the top.
    const r = Math.max(p.radiusXM, p.radiusZM) * CROWN_OVERHANG;
    const topX = p.x + p.leanX * height;
    const topZ = p.z + p.leanZ * height;
    const x0 = Math.floor((Math.min(p.x, topX) - r + halfExtentM) / CELL_M);
    const x1 = Math.floor((Math.max(p.x, topX) + r + halfExtentM) / CELL_M);
    const z0 = Math.floor((Math.min(p.z, topZ) - r + halfExtentM) / CELL_M);
    const z1 = Math.floor((Math.max(p.z, topZ) + r + halfExtentM) / CELL_M);
    for (let gz = Math.max(0, z0); gz <= Math.min(cellsPerSide - 1, z1); gz++) {
      for (let gx = Math.max(0, x0); gx <= Math.min(cellsPerSide - 1, x1); gx++) buckets[gz * cellsPerSide + gx].push(p.index);
    }
  }
  const terrainDistance = createTerrainDistance(terrain);
  // A query may visit a pillar from several cells; a stamp per query skips repeats without allocating.
  const visitedStamp = new Uint32Array(pillars.length);
  let stamp = 0;

  function terrainClearanceM(x: number, y: number, z: number): number {
    return terrainDistance.distanceAboveM(x, y, z);
  }

  function clearanceAt(point: Vec3): number {
    const [x, y, z] = point;
    let best = terrainClearanceM(x, y, z);
    best = Math.min(best, bridgeSignedDistanceM(bridge, x, y, z));
    stamp = (stamp + 1) >>> 0;
    if (stamp === 0) {
      visitedStamp.fill(0);
      stamp = 1;
    }
    const fx = (x + halfExtentM) / CELL_M;
    const fz = (z + halfExtentM) / CELL_M;
    const cx = Math.floor(fx);
    const cz = Math.floor(fz);
    // Distance from the point to the edge of its own cell: a pillar first met in ring k is at least this plus (k-1) cells away.
    const inset = Math.min(fx - cx, cx + 1 - fx, fz - cz, cz + 1 - fz) * CELL_M;
    for (let ring = 0; ring <= cellsPerSide; ring++) {
      const ringNearestM = ring === 0 ? 0 : inset + (ring - 1) * CELL_M;
      if (ringNearestM >= best) break;
      for (let gz = cz - ring; gz <= cz + ring; gz++) {
        if (gz < 0 || gz >= cellsPerSide) continue;
        const onEdgeRow = gz === cz - ring || gz === cz + ring;
        for (let gx = cx - ring; gx <= cx + ring; gx += onEdgeRow ? 1 : 2 * ring) {
          if (gx >= 0 && gx < cellsPerSide) {
            for (const i of buckets[gz * cellsPerSide + gx]) {
              if (visitedStamp[i] === stamp) continue;
              visitedStamp[i] = stamp;
              const p = pillars[i];
              const d = pillarSignedDistanceM(p, shapes[p.archetype], x, y, z);
              if (d < best) best = d;
            }
          }
          if (ring === 0) break;
        }
      }
    }
    return best;
  }

  return { clearanceAt, terrainClearanceM };
}
