// The Wuling ranges beyond the Tianmen world's edge: a coarse ring of forested ridges from the
// heightfield's border out to where the haze swallows everything, so the horizon is a layered
// blue silhouette rather than the end of the map. Drawn only; no route flies there, and it takes
// no part in clearance. Grid points sit on whole metres and heights use only arithmetic noise, so
// Node and Chromium build the same bytes.
import { computeVertexNormals, type MeshData } from './mesh-data';
import { deriveSeed, fbm2, lerp, ridgedNoise2, smoothstep } from './random';
import type { TerrainField } from './terrain';

export interface FarRangesDetail {
  /** Metres between grid points. */
  cellM: number;
}

/** Outer edge of the ring: past about 5 km the haze leaves nothing of a ridge. */
export const FAR_RANGES_EXTENT_M = 6400;
/** The ring's inner border sits this far below the heightfield's edge, so no crack shows sky. */
const SEAM_DROP_M = 25;

/** Height of the far ranges themselves: ridges 500–1,200 m, rising with distance into higher ranges. */
function rangeHeightM(x: number, z: number, seed: number, outwardM: number): number {
  const ridges = 620 * ridgedNoise2(x / 2100 + 0.21, z / 2100 + 0.83, seed, 4) + 160 * (fbm2(x / 900, z / 900, seed + 7, 3) - 0.5);
  return 420 + ridges + 260 * smoothstep(0, 3000, outwardM);
}

export interface FarRanges {
  mesh: MeshData;
  /** Share (0–1) of aerial blue each vertex's colour takes, by how far it lies beyond the world. */
  distanceShare: Float32Array;
}

export function buildFarRanges(terrain: TerrainField, seed: number, detail: FarRangesDetail): FarRanges {
  const s = deriveSeed(seed, 'tianmen-far-ranges');
  const inner = terrain.halfExtentM;
  const cell = detail.cellM;
  const n = Math.round((2 * FAR_RANGES_EXTENT_M) / cell) + 1;
  const positions = new Float32Array(n * n * 3);
  const distanceShare = new Float32Array(n * n);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const x = -FAR_RANGES_EXTENT_M + col * cell;
      const z = -FAR_RANGES_EXTENT_M + row * cell;
      const outwardM = Math.max(0, Math.max(Math.abs(x), Math.abs(z)) - inner);
      const edgeX = Math.max(-inner, Math.min(inner, x));
      const edgeZ = Math.max(-inner, Math.min(inner, z));
      const seam = terrain.heightAt(edgeX, edgeZ) - SEAM_DROP_M;
      const h = lerp(seam, rangeHeightM(x, z, s, outwardM), smoothstep(0, 900, outwardM));
      positions.set([x, h, z], (row * n + col) * 3);
      distanceShare[row * n + col] = smoothstep(0, 3200, outwardM);
    }
  }
  // Cells wholly inside the heightfield are its to draw.
  const cells: number[] = [];
  for (let row = 0; row < n - 1; row++) {
    for (let col = 0; col < n - 1; col++) {
      const x0 = -FAR_RANGES_EXTENT_M + col * cell;
      const z0 = -FAR_RANGES_EXTENT_M + row * cell;
      if (x0 >= -inner && x0 + cell <= inner && z0 >= -inner && z0 + cell <= inner) continue;
      const a = row * n + col;
      cells.push(a, a + n, a + 1, a + 1, a + n, a + n + 1);
    }
  }
  const indices = Uint32Array.from(cells);
  return { mesh: { positions, normals: computeVertexNormals(positions, indices), indices }, distanceShare };
}
