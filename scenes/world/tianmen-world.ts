// The Tianmen Mountain world from one seed: the massif and its hills as a heightfield, its
// fluted cliff face, the wall of Heaven's Gate as its own solid with a real passage through it,
// the cableway and the cliff skywalk, and the clearance query routes are checked against.
// Pure and deterministic.
import type { Vec3 } from '../routes/route-schema';
import { createGateWall, type GateWall } from './gate-wall';
import { WORLD_HALF_EXTENT_M } from './landmarks';
import type { TerrainField } from './terrain';
import { createTerrainDistance } from './terrain-distance';
import { createTianmenCableway, type TianmenCableway } from './tianmen-cableway';
import { createTianmenCliffs, type TianmenCliffs } from './tianmen-cliffs';
import { createTianmenSkywalk, type TianmenSkywalk } from './tianmen-skywalk';
import { createTianmenTerrain } from './tianmen-terrain';

export const DEFAULT_TIANMEN_SEED = 19991999;

export interface TianmenWorld {
  scene: 'tianmen';
  seed: number;
  halfExtentM: number;
  heightAt(x: number, z: number): number;
  terrain: TerrainField;
  gateWall: GateWall;
  /** The fluted cliff face round the plateau's rim. */
  cliffs: TianmenCliffs;
  cableway: TianmenCableway;
  skywalk: TianmenSkywalk;
  /** Metres from p to the nearest solid (ground, cliffs, the gate's rock); negative inside. */
  clearanceAt(p: Vec3): number;
}

export function createTianmenWorld(seed = DEFAULT_TIANMEN_SEED): TianmenWorld {
  const halfExtentM = WORLD_HALF_EXTENT_M;
  const terrain = createTianmenTerrain(seed, halfExtentM);
  const gateWall = createGateWall(seed);
  const cliffs = createTianmenCliffs(seed, terrain);
  const cableway = createTianmenCableway(terrain, cliffs);
  const skywalk = createTianmenSkywalk(cliffs);
  const terrainDistance = createTerrainDistance(terrain);
  function clearanceAt([x, y, z]: Vec3): number {
    const wallM = gateWall.signedDistanceM(x, y, z);
    const groundM = terrainDistance.distanceAboveM(x, y, z);
    const builtM = Math.min(cableway.distanceM(x, y, z), skywalk.distanceM(x, y, z));
    return Math.min(wallM, groundM, cliffs.distanceM(x, y, z), builtM);
  }
  return { scene: 'tianmen', seed, halfExtentM, heightAt: terrain.heightAt, terrain, gateWall, cliffs, cableway, skywalk, clearanceAt };
}
