// Distance from a point above the ground to the terrain surface itself, not just to the
// ground straight below: near a cliff (the Tianzi plateau edge) the wall or the rim may be
// much nearer, or much farther, than a local slope suggests. A min/max height pyramid over the
// terrain grid lets the search skip everything that cannot be nearer than what it has found.
import type { TerrainField } from './terrain';

export interface TerrainDistance {
  /**
   * Metres from (x, y, z) to the nearest point of the ground surface, for a point above it.
   * Never more than the true distance, and at most a metre or two less.
   */
  distanceAboveM(x: number, y: number, z: number): number;
}

/** How far the triangles standing in for a cell's bilinear patch may sit off it. */
const TWIST_TOLERANCE_M = 0.5;
const MAX_CELL_SUBDIVISION = 8;

interface Level {
  /** Blocks per side at this level. */
  size: number;
  /** Cells of the finest grid per block side. */
  cells: number;
  minH: Float32Array;
  maxH: Float32Array;
}

export function createTerrainDistance(terrain: TerrainField): TerrainDistance {
  const { gridVertices: g, spacingM, heights, halfExtentM } = terrain;
  const cellsPerSide = g - 1;
  const levels: Level[] = [];
  // Level 0: one block per grid cell, bounded by its four corner heights (bilinear stays inside them).
  const base: Level = {
    size: cellsPerSide,
    cells: 1,
    minH: new Float32Array(cellsPerSide * cellsPerSide),
    maxH: new Float32Array(cellsPerSide * cellsPerSide),
  };
  for (let row = 0; row < cellsPerSide; row++) {
    for (let col = 0; col < cellsPerSide; col++) {
      const i = row * g + col;
      const a = heights[i];
      const b = heights[i + 1];
      const c = heights[i + g];
      const d = heights[i + g + 1];
      base.minH[row * cellsPerSide + col] = Math.min(a, b, c, d);
      base.maxH[row * cellsPerSide + col] = Math.max(a, b, c, d);
    }
  }
  levels.push(base);
  while (levels[levels.length - 1].size > 1) {
    const child = levels[levels.length - 1];
    const size = Math.ceil(child.size / 2);
    const level: Level = {
      size,
      cells: child.cells * 2,
      minH: new Float32Array(size * size).fill(Infinity),
      maxH: new Float32Array(size * size).fill(-Infinity),
    };
    for (let row = 0; row < child.size; row++) {
      for (let col = 0; col < child.size; col++) {
        const parent = (row >> 1) * size + (col >> 1);
        level.minH[parent] = Math.min(level.minH[parent], child.minH[row * child.size + col]);
        level.maxH[parent] = Math.max(level.maxH[parent], child.maxH[row * child.size + col]);
      }
    }
    levels.push(level);
  }

  /** Lower bound of the distance from the point to anything inside a block's box. */
  function boxDistance(level: Level, row: number, col: number, x: number, y: number, z: number): number {
    const blockM = level.cells * spacingM;
    const x0 = -halfExtentM + col * blockM;
    const z0 = -halfExtentM + row * blockM;
    const dx = Math.max(x0 - x, 0, x - (x0 + blockM));
    const dz = Math.max(z0 - z, 0, z - (z0 + blockM));
    const i = row * level.size + col;
    const dy = Math.max(level.minH[i] - y, 0, y - level.maxH[i]);
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  /**
   * Lower bound of the distance to one cell's bilinear patch: triangles over a sub-grid of the
   * patch, less the patch's bulge off them. The sub-grid is finer where the patch twists more
   * (cliff cells), so the bound stays within about half a metre of the truth.
   */
  function cellDistance(row: number, col: number, x: number, y: number, z: number): number {
    const i = row * g + col;
    const h00 = heights[i];
    const h10 = heights[i + 1];
    const h01 = heights[i + g];
    const h11 = heights[i + g + 1];
    const twist = h00 + h11 - h10 - h01;
    const n = Math.min(MAX_CELL_SUBDIVISION, Math.max(1, Math.ceil(Math.sqrt(Math.abs(twist) / 4 / TWIST_TOLERANCE_M))));
    const x0 = -halfExtentM + col * spacingM;
    const z0 = -halfExtentM + row * spacingM;
    const step = spacingM / n;
    const h = (u: number, v: number) => h00 + (h10 - h00) * u + (h01 - h00) * v + twist * u * v;
    let best = Infinity;
    for (let sv = 0; sv < n; sv++) {
      for (let su = 0; su < n; su++) {
        const u0 = su / n;
        const v0 = sv / n;
        const u1 = (su + 1) / n;
        const v1 = (sv + 1) / n;
        const ax = x0 + su * step;
        const az = z0 + sv * step;
        const a = h(u0, v0);
        const b = h(u1, v0);
        const c = h(u0, v1);
        const d = h(u1, v1);
        best = Math.min(
          best,
          pointTriangleDistance(x, y, z, ax, a, az, ax, c, az + step, ax + step, b, az),
          pointTriangleDistance(x, y, z, ax + step, b, az, ax, c, az + step, ax + step, d, az + step),
        );
      }
    }
    // Within a sub-quad the bilinear surface departs from the split along its diagonal by at most a quarter of its twist.
    return best - Math.abs(twist) / (4 * n * n);
  }

  const stackLevel: number[] = [];
  const stackRow: number[] = [];
  const stackCol: number[] = [];

  function distanceAboveM(x: number, y: number, z: number): number {
    // The ground point straight below is on the surface, so its distance bounds the answer from above.
    let best = y - terrain.heightAt(x, z);
    if (best <= 0) return best;
    stackLevel.length = 0;
    stackRow.length = 0;
    stackCol.length = 0;
    stackLevel.push(levels.length - 1);
    stackRow.push(0);
    stackCol.push(0);
    while (stackLevel.length > 0) {
      const li = stackLevel.pop() as number;
      const row = stackRow.pop() as number;
      const col = stackCol.pop() as number;
      const level = levels[li];
      const boxM = boxDistance(level, row, col, x, y, z);
      if (boxM >= best) continue;
      if (li === 0) {
        best = Math.min(best, Math.max(boxM, cellDistance(row, col, x, y, z)));
        continue;
      }
      const child = levels[li - 1];
      // Push the four children farthest first, so the nearest is searched first and tightens best soonest.
      const order: Array<[number, number, number]> = [];
      for (let dr = 0; dr < 2; dr++) {
        for (let dc = 0; dc < 2; dc++) {
          const r = row * 2 + dr;
          const c = col * 2 + dc;
          if (r >= child.size || c >= child.size) continue;
          order.push([boxDistance(child, r, c, x, y, z), r, c]);
        }
      }
      order.sort((a, b) => b[0] - a[0]);
      for (const [distanceM, r, c] of order) {
        if (distanceM >= best) continue;
        stackLevel.push(li - 1);
        stackRow.push(r);
        stackCol.push(c);
      }
    }
    return best;
  }

  return { distanceAboveM };
}

/** Distance from p to triangle abc (Ericson, Real-Time Collision Detection, 5.1.5). */
function pointTriangleDistance(
  px: number,
  py: number,
  pz: number,
  ax: number,
  ay: number,
  az: number,
  bx: number,
  by: number,
  bz: number,
  cx: number,
  cy: number,
  cz: number,
): number {
  const abx = bx - ax,
    aby = by - ay,
    abz = bz - az;
  const acx = cx - ax,
    acy = cy - ay,
    acz = cz - az;
  const apx = px - ax,
    apy = py - ay,
    apz = pz - az;
  const d1 = abx * apx + aby * apy + abz * apz;
  const d2 = acx * apx + acy * apy + acz * apz;
  let qx: number, qy: number, qz: number;
  if (d1 <= 0 && d2 <= 0) {
    qx = ax;
    qy = ay;
    qz = az;
  } else {
    const bpx = px - bx,
      bpy = py - by,
      bpz = pz - bz;
    const d3 = abx * bpx + aby * bpy + abz * bpz;
    const d4 = acx * bpx + acy * bpy + acz * bpz;
    const cpx = px - cx,
      cpy = py - cy,
      cpz = pz - cz;
    const d5 = abx * cpx + aby * cpy + abz * cpz;
    const d6 = acx * cpx + acy * cpy + acz * cpz;
    const vc = d1 * d4 - d3 * d2;
    const vb = d5 * d2 - d1 * d6;
    const va = d3 * d6 - d5 * d4;
    if (d3 >= 0 && d4 <= d3) {
      qx = bx;
      qy = by;
      qz = bz;
    } else if (vc <= 0 && d1 >= 0 && d3 <= 0) {
      const v = d1 / (d1 - d3);
      qx = ax + v * abx;
      qy = ay + v * aby;
      qz = az + v * abz;
    } else if (d6 >= 0 && d5 <= d6) {
      qx = cx;
      qy = cy;
      qz = cz;
    } else if (vb <= 0 && d2 >= 0 && d6 <= 0) {
      const w = d2 / (d2 - d6);
      qx = ax + w * acx;
      qy = ay + w * acy;
      qz = az + w * acz;
    } else if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
      const w = (d4 - d3) / (d4 - d3 + (d5 - d6));
      qx = bx + w * (cx - bx);
      qy = by + w * (cy - by);
      qz = bz + w * (cz - bz);
    } else {
      const denom = 1 / (va + vb + vc);
      const v = vb * denom;
      const w = vc * denom;
      qx = ax + abx * v + acx * w;
      qy = ay + aby * v + acy * w;
      qz = az + abz * v + acz * w;
    }
  }
  return Math.hypot(px - qx, py - qy, pz - qz);
}
