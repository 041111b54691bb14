// Pines and scrub on Tianmen's rock as one merged mesh: clumps along the plateau's rim and the
// gate wall's top, and small ones on the cliffs' scrubby ledges, the same stacked-umbrella pine
// clusters as Wulingyuan's pillar tops, placed from the seeded PRNG on the faces' own ledges.
import { buildCrownMesh } from './crown-mesh';
import type { GateWall } from './gate-wall';
import { limestoneLedgeGreen } from './limestone-face';
import { mergeMeshes, transformMesh, type MeshData } from './mesh-data';
import { createRandom, deriveSeed } from './random';
import { CLIFF_FACE_OFFSET_M, type TianmenCliffs } from './tianmen-cliffs';
import type { CrownLodDetail } from './world-detail';

export interface PineDetail {
  crown: CrownLodDetail;
  /** Metres between clumps along the rim. */
  rimSpacingM: number;
  /** Metres between the ledge positions tried along the cliffs. */
  ledgeSpacingM: number;
}

function placed(units: readonly MeshData[], x: number, y: number, z: number, radiusM: number, heightM: number, turn: number): MeshData {
  const c = Math.cos(turn) * radiusM;
  const s = Math.sin(turn) * radiusM;
  // Column-major: rotate about y and scale, then move to the foot.
  // The turn also picks which stand grows here, so neighbours differ in form, not only in bearing.
  return transformMesh(units[Math.floor(turn * 7) % units.length], [c, 0, -s, 0, 0, heightM, 0, 0, s, 0, c, 0, x, y, z, 1]);
}

export function buildTianmenPineMesh(cliffs: TianmenCliffs, wall: GateWall, detail: PineDetail, seed: number): MeshData {
  const units = [0, 1, 2].map((k) => buildCrownMesh(detail.crown, seed + k * 101));
  const random = createRandom(deriveSeed(seed, 'tianmen-pines'));
  const parts: MeshData[] = [];
  // The rim: clumps just inside the edge, some gaps where the rock shows.
  for (let u = 0; u < cliffs.lengthM; u += detail.rimSpacingM) {
    const jitter = random();
    const keep = random() < 0.75;
    const r = cliffs.rimAt(u + jitter * detail.rimSpacingM * 0.6);
    const inset = 2 + random() * 6;
    const radius = 7 + random() * 6;
    const height = 9 + random() * 8;
    const turn = random() * Math.PI * 2;
    if (keep) parts.push(placed(units, r.x - r.nx * inset, r.topM + 1.5, r.z - r.nz * inset, radius, height, turn));
  }
  // Ledges: where the face's colour puts scrub, a small pine clings on, standing on the jutting bed.
  for (let u = 0; u < cliffs.lengthM; u += detail.ledgeSpacingM) {
    const r = cliffs.rimAt(u);
    const y = 1260 + random() * (r.topM - 1290);
    const turn = random() * Math.PI * 2;
    const size = random();
    if (limestoneLedgeGreen(u, y, cliffs.faceSeed) < 0.8) continue;
    const out = CLIFF_FACE_OFFSET_M + cliffs.reliefM(u, y, r.topM) - 1;
    parts.push(placed(units, r.x + r.nx * out, y + 1.5, r.z + r.nz * out, 3 + size * 3, 4 + size * 4, turn));
  }
  // The gate wall's top, and its south face's ledges beside the opening.
  const wallZ = (wall.southZ + wall.northZ) / 2;
  const centreX = (wall.outline[0][0] + wall.outline[wall.outline.length - 1][0]) / 2;
  for (let x = centreX - wall.halfWidthM + 8; x <= centreX + wall.halfWidthM - 8; x += detail.rimSpacingM * 0.8) {
    const dz = (random() - 0.5) * (wall.southZ - wall.northZ) * 0.7;
    const radius = 7 + random() * 5;
    const height = 8 + random() * 7;
    parts.push(placed(units, x, wall.crestAtM(x) + 1, wallZ + dz, radius, height, random() * Math.PI * 2));
  }
  for (let x = centreX - wall.halfWidthM + 20; x <= centreX + wall.halfWidthM - 20; x += detail.ledgeSpacingM * 0.5) {
    const y = wall.baseM + 200 + random() * (wall.crestAtM(x) - wall.baseM - 220);
    const turn = random() * Math.PI * 2;
    const size = random();
    if (wall.openingDistanceM(x, y) < 20 || limestoneLedgeGreen(x - centreX, y, wall.faceSeed) < 0.8) continue;
    parts.push(placed(units, x, y + 1.5, wall.southZ + wall.reliefM(x, y) - 1, 3 + size * 3, 4 + size * 4, turn));
  }
  return mergeMeshes(parts);
}
