// The Tianmen Mountain world from one seed: the massif and its hills as a heightfield, the wall
// of Heaven's Gate as its own solid with a real passage through it, and the clearance query
// routes are checked against. Pure and deterministic.
import type { Vec3 } from '../routes/route-schema';
import { createGateWall, type GateWall } from './gate-wall';
import { WORLD_HALF_EXTENT_M } from './landmarks';
import type { TerrainField } from './terrain';
import { createTerrainDistance } from './terrain-distance';
import { createTianmenTerrain } from './tianmen-terrain';

export const DEFAULT_TIANMEN_SEED = 19991999;

export interface TianmenWorld {
  scene: 'tianmen';
  seed: number;
  halfExtentM: number;
  heightAt(x: number, z: number): number;
  terrain: TerrainField;
  gateWall: GateWall;
  /** Metres from p to the nearest solid (ground, cliffs, the gate's rock); negative inside. */
  clearanceAt(p: Vec3): number;
}

export function createTianmenWorld(seed = DEFAULT_TIANMEN_SEED): TianmenWorld {
  const halfExtentM = WORLD_HALF_EXTENT_M;
  const terrain = createTianmenTerrain(seed, halfExtentM);
  const gateWall = createGateWall(seed);
  const terrainDistance = createTerrainDistance(terrain);
  function clearanceAt([x, y, z]: Vec3): number {
    const wallM = gateWall.signedDistanceM(x, y, z);
    const groundM = terrainDistance.distanceAboveM(x, y, z);
    return Math.min(wallM, groundM);
  }
  return { scene: 'tianmen', seed, halfExtentM, heightAt: terrain.heightAt, terrain, gateWall, clearanceAt };
}
