// The massif's cliff face as a mesh: columns along the rim, rows from the buried foot to the
// plateau, pushed out by the fluted, bedded relief, then a scrubby cap over to the plateau.
// Built in chunks so each chunk's winding is decided by its own outward direction.
import { linearFromSrgb } from './colour';
import { gridMesh } from './gate-wall-mesh';
import { limestoneColour } from './limestone-face';
import { mergeMeshes, type MeshData } from './mesh-data';
import { deriveSeed, valueNoise2 } from './random';
import { CAP_INSET_M, CLIFF_FACE_BOTTOM_M, CLIFF_FACE_OFFSET_M, type TianmenCliffs } from './tianmen-cliffs';

export interface CliffDetail {
  /** Metres between columns along the rim. */
  columnM: number;
  /** Rows from the buried foot to the top. */
  rows: number;
}

const COLUMNS_PER_CHUNK = 48;
const SCRUB = linearFromSrgb([0.17, 0.28, 0.11]);

export function buildCliffMesh(cliffs: TianmenCliffs, detail: CliffDetail): MeshData {
  const s = deriveSeed(cliffs.seed, 'tianmen-cliff-colour');
  const columns = Math.max(2, Math.round(cliffs.lengthM / detail.columnM));
  const us: number[] = [];
  for (let c = 0; c <= columns; c++) us.push((cliffs.lengthM * c) / columns);
  const facePoint = (u: number, t: number): [number, number, number] => {
    const r = cliffs.rimAt(u);
    const y = CLIFF_FACE_BOTTOM_M + (r.topM - CLIFF_FACE_BOTTOM_M) * t;
    const out = CLIFF_FACE_OFFSET_M + cliffs.reliefM(u, y, r.topM);
    return [r.x + r.nx * out, y, r.z + r.nz * out];
  };
  const parts: MeshData[] = [];
  for (let start = 0; start < columns; start += COLUMNS_PER_CHUNK) {
    const end = Math.min(columns, start + COLUMNS_PER_CHUNK);
    const mid = cliffs.rimAt(us[(start + end) >> 1]);
    const outward: [number, number, number] = [mid.nx, 0, mid.nz];
    const chunkColumns = end - start;
    parts.push(
      gridMesh(
        detail.rows,
        chunkColumns,
        (row, col) => facePoint(us[start + col], row / detail.rows),
        outward,
        (p, _row, col) => {
          const u = us[start + col];
          return limestoneColour(u, p[1], cliffs.rimAt(u).topM, cliffs.faceSeed);
        },
      ),
      gridMesh(
        1,
        chunkColumns,
        (row, col) => {
          const u = us[start + col];
          if (row === 0) return facePoint(u, 1);
          const r = cliffs.rimAt(u);
          return [r.x - r.nx * CAP_INSET_M, r.topM, r.z - r.nz * CAP_INSET_M];
        },
        [0, 1, 0],
        (p) => {
          const g = 0.8 + 0.4 * valueNoise2(p[0] / 11, p[2] / 11, s + 1);
          return [SCRUB[0] * g, SCRUB[1] * g, SCRUB[2] * g];
        },
      ),
    );
  }
  return mergeMeshes(parts);
}
