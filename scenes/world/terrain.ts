// The ground of the Wulingyuan scene: forested valley floor, the carved Golden Whip
// valley, the Tianzi plateau cliff in the north and a rim of hills hidden by fog.
// Sampled once into a grid; heightAt interpolates it so queries are cheap and match the mesh.
import { GOLDEN_WHIP_STREAM, TIANZI_PLATEAU } from './landmarks';
import { deriveSeed, fbm2, lerp, smoothstep, valueNoise2 } from './random';
import type { StreamPath } from './stream-path';

/** Grid vertices per side of the finest terrain sampling (the bake tier draws all of them). */
export const TERRAIN_GRID_VERTICES = 513;

export interface TerrainField {
  halfExtentM: number;
  /** Vertices per side. */
  gridVertices: number;
  spacingM: number;
  /** Row-major heights, row = z index (north to south), column = x index (west to east). */
  heights: Float32Array;
  heightAt(x: number, z: number): number;
  /** Unit-free gradient (dh/dx, dh/dz) of the interpolated surface. */
  gradientAt(x: number, z: number): [number, number];
}

/** Where the plateau edge runs at a given x: north (smaller z) of it is plateau top. */
export function plateauEdgeZ(x: number, seed: number): number {
  const s = deriveSeed(seed, 'plateau-edge');
  return TIANZI_PLATEAU.edgeZ + 120 * (fbm2(x / 700, 0.5, s, 3) - 0.5) + 40 * (valueNoise2(x / 110, 3.5, s + 7) - 0.5);
}

function rawHeight(x: number, z: number, seed: number, stream: StreamPath): number {
  const sBase = deriveSeed(seed, 'terrain-base');
  const sDetail = deriveSeed(seed, 'terrain-detail');
  // Rolling forested floor between the pillars, roughly 450–590 m.
  let h = 515 + 130 * (fbm2(x / 1100, z / 1100, sBase, 4) - 0.5) + 50 * (fbm2(x / 180, z / 180, sDetail, 4) - 0.5);

  // A rim of higher hills towards the world edge, so the fogged horizon is not a flat cut.
  const edge = Math.max(Math.abs(x), Math.abs(z));
  h += 260 * smoothstep(1750, 2400, edge) * (0.6 + 0.4 * fbm2(x / 500, z / 500, sBase + 99, 3));

  // The Golden Whip valley: a broad trough with a stream bed at its bottom.
  const floor = GOLDEN_WHIP_STREAM.floorM;
  const dStream = stream.distanceM(x, z);
  const bed = floor - 1.5 + 6 * smoothstep(GOLDEN_WHIP_STREAM.widthM * 0.5, 60, dStream);
  h = lerp(bed, h, smoothstep(30, 300, dStream));

  // Tianzi plateau: a high, gently uneven top ending in a steep cliff.
  const edgeZ = plateauEdgeZ(x, seed);
  const toPlateau = smoothstep(edgeZ + 30, edgeZ - 45, z);
  if (toPlateau > 0) {
    const sTop = deriveSeed(seed, 'plateau-top');
    const summitBump =
      (TIANZI_PLATEAU.highestPointM - TIANZI_PLATEAU.topM - 4) *
      Math.exp(-((x - TIANZI_PLATEAU.viewpointX) ** 2 + (z - (TIANZI_PLATEAU.edgeZ - 160)) ** 2) / (260 * 260));
    const top = TIANZI_PLATEAU.topM + 16 * (fbm2(x / 260, z / 260, sTop, 4) - 0.5) + summitBump;
    h = lerp(h, top, toPlateau);
  }
  return h;
}

export function createTerrain(seed: number, halfExtentM: number, stream: StreamPath, gridVertices = TERRAIN_GRID_VERTICES): TerrainField {
  return sampleTerrainField(halfExtentM, gridVertices, (x, z) => rawHeight(x, z, seed, stream));
}

/** Samples a height function once into a grid; any scene's ground is built this way. */
export function sampleTerrainField(halfExtentM: number, gridVertices: number, heightOf: (x: number, z: number) => number): TerrainField {
  const spacingM = (2 * halfExtentM) / (gridVertices - 1);
  const heights = new Float32Array(gridVertices * gridVertices);
  for (let row = 0; row < gridVertices; row++) {
    const z = -halfExtentM + row * spacingM;
    for (let col = 0; col < gridVertices; col++) {
      const x = -halfExtentM + col * spacingM;
      heights[row * gridVertices + col] = heightOf(x, z);
    }
  }
  const last = gridVertices - 1;

  function cell(x: number, z: number): [number, number, number, number] {
    const gx = Math.min(last, Math.max(0, (x + halfExtentM) / spacingM));
    const gz = Math.min(last, Math.max(0, (z + halfExtentM) / spacingM));
    const col = Math.min(last - 1, Math.floor(gx));
    const row = Math.min(last - 1, Math.floor(gz));
    return [col, row, gx - col, gz - row];
  }

  /** The heights at the four corners of the cell holding (x, z), and where in it the point lies. */
  function cellCorners(x: number, z: number): { h00: number; h10: number; h01: number; h11: number; fx: number; fz: number } {
    const [col, row, fx, fz] = cell(x, z);
    const i = row * gridVertices + col;
    return { h00: heights[i], h10: heights[i + 1], h01: heights[i + gridVertices], h11: heights[i + gridVertices + 1], fx, fz };
  }

  function heightAt(x: number, z: number): number {
    const { h00, h10, h01, h11, fx, fz } = cellCorners(x, z);
    const top = h00 + (h10 - h00) * fx;
    const bottom = h01 + (h11 - h01) * fx;
    return top + (bottom - top) * fz;
  }

  function gradientAt(x: number, z: number): [number, number] {
    const { h00, h10, h01, h11, fx, fz } = cellCorners(x, z);
    const dx = ((h10 - h00) * (1 - fz) + (h11 - h01) * fz) / spacingM;
    const dz = ((h01 - h00) * (1 - fx) + (h11 - h10) * fx) / spacingM;
    return [dx, dz];
  }

  return { halfExtentM, gridVertices, spacingM, heights, heightAt, gradientAt };
}
