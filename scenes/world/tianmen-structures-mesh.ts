// The man-made things on Tianmen as one thin, cheap mesh: the cableway (stations, masts, two
// cables, cabins hanging from them) and the glass skywalk on the west face (deck, glass railing,
// brackets into the rock). Vertex-coloured, drawn double-sided in one call.
import { linearFromSrgb } from './colour';
import { mergeMeshes, type MeshData } from './mesh-data';
import { beamMesh, boxMesh } from './solid-primitives';
import { CABLEWAY_LAYOUT, type TianmenCableway } from './tianmen-cableway';
import type { TianmenSkywalk } from './tianmen-skywalk';

export interface StructuresDetail {
  /** Cable pieces per span between masts. */
  cableSegmentsPerSpan: number;
  /** Every n-th skywalk station gets a railing post and a bracket. */
  postEvery: number;
}

const CABLE = linearFromSrgb([0.16, 0.16, 0.17]);
const STEEL = linearFromSrgb([0.56, 0.58, 0.6]);
const CABIN = linearFromSrgb([0.72, 0.18, 0.12]);
const CABIN_ROOF = linearFromSrgb([0.86, 0.86, 0.84]);
const STATION = linearFromSrgb([0.8, 0.77, 0.7]);
const ROOF = linearFromSrgb([0.35, 0.27, 0.22]);
const GLASS = linearFromSrgb([0.62, 0.74, 0.78]);
const RAIL = linearFromSrgb([0.82, 0.84, 0.85]);
const BRACKET = linearFromSrgb([0.3, 0.3, 0.31]);

/** Cables are far thinner in life; this keeps them a visible line at a few hundred metres. */
const CABLE_HALF_WIDTH_M = 0.45;

function cablewayParts(cableway: TianmenCableway, detail: StructuresDetail): MeshData[] {
  const L = CABLEWAY_LAYOUT;
  const parts: MeshData[] = [];
  const [sx, sz] = cableway.side;
  const masts = cableway.masts;
  for (let i = 0; i < masts.length; i++) {
    const m = masts[i];
    const station = i === 0 || i === masts.length - 1;
    if (station) {
      parts.push(boxMesh([m.x, m.footM + 6, m.z], [14, 7, 18], STATION), boxMesh([m.x, m.footM + 13.5, m.z], [16, 0.8, 20], ROOF));
    } else {
      // A tapering mast of two legs and a crossarm carrying both cables.
      for (const s of [-1, 1])
        parts.push(
          beamMesh([m.x + sx * s * 4, m.footM - 2, m.z + sz * s * 4], [m.x + sx * s * 1.2, m.topM, m.z + sz * s * 1.2], 0.7, STEEL),
        );
      parts.push(
        beamMesh(
          [m.x - sx * (L.cableHalfGapM + 1), m.topM, m.z - sz * (L.cableHalfGapM + 1)],
          [m.x + sx * (L.cableHalfGapM + 1), m.topM, m.z + sz * (L.cableHalfGapM + 1)],
          0.6,
          STEEL,
        ),
      );
    }
  }
  const spanCount = masts.length - 1;
  const totalSegments = spanCount * detail.cableSegmentsPerSpan;
  for (const s of [-1, 1]) {
    const off = (p: [number, number, number]): [number, number, number] => [
      p[0] + sx * s * L.cableHalfGapM,
      p[1],
      p[2] + sz * s * L.cableHalfGapM,
    ];
    let prev = off(cableway.pointAt(0));
    for (let k = 1; k <= totalSegments; k++) {
      const next = off(cableway.pointAt(k / totalSegments));
      parts.push(beamMesh(prev, next, CABLE_HALF_WIDTH_M, CABLE));
      prev = next;
    }
    // Cabins spread along each cable, the two lines out of step as they pass each other.
    for (let c = 0; c < L.cabinsPerCable; c++) {
      const t = (c + (s === 1 ? 0.35 : 0.85)) / L.cabinsPerCable;
      const grip = off(cableway.pointAt(t));
      const cabin: [number, number, number] = [grip[0], grip[1] - 5.5, grip[2]];
      parts.push(
        beamMesh(grip, [cabin[0], cabin[1] + 1.8, cabin[2]], 0.2, CABLE),
        boxMesh(cabin, [1.9, 1.8, 1.9], CABIN),
        boxMesh([cabin[0], cabin[1] + 1.9, cabin[2]], [2, 0.15, 2], CABIN_ROOF),
      );
    }
  }
  return parts;
}

function skywalkParts(skywalk: TianmenSkywalk, detail: StructuresDetail): MeshData[] {
  const parts: MeshData[] = [];
  const st = skywalk.stations;
  const y = skywalk.deckM;
  const n = st.length;
  // Deck and railing as strips: one vertex pair per station.
  const strip = (
    a: (i: number) => readonly [number, number, number],
    b: (i: number) => readonly [number, number, number],
    colour: readonly number[],
  ): MeshData => {
    const positions = new Float32Array(n * 6);
    const colors = new Float32Array(n * 6);
    const normals = new Float32Array(n * 6);
    const indices = new Uint32Array((n - 1) * 6);
    for (let i = 0; i < n; i++) {
      positions.set(a(i), i * 6);
      positions.set(b(i), i * 6 + 3);
      colors.set(colour, i * 6);
      colors.set(colour, i * 6 + 3);
      // Deck and railing normals face up and out: the lighting of a thin strip needs no more.
      const r = st[i].rim;
      normals.set([r.nx * 0.3, 0.95, r.nz * 0.3], i * 6);
      normals.set([r.nx * 0.3, 0.95, r.nz * 0.3], i * 6 + 3);
      if (i + 1 < n) indices.set([i * 2, i * 2 + 1, i * 2 + 2, i * 2 + 1, i * 2 + 3, i * 2 + 2], i * 6);
    }
    return { positions, normals, colors, indices };
  };
  parts.push(
    strip(
      (i) => st[i].inner,
      (i) => st[i].outer,
      GLASS,
    ),
    strip(
      (i) => [st[i].inner[0], y - 0.5, st[i].inner[2]],
      (i) => [st[i].outer[0], y - 0.5, st[i].outer[2]],
      BRACKET,
    ),
    strip(
      (i) => st[i].outer,
      (i) => [st[i].outer[0], y + 1.2, st[i].outer[2]],
      GLASS,
    ),
    strip(
      (i) => [st[i].outer[0], y + 1.15, st[i].outer[2]],
      (i) => [st[i].outer[0], y + 1.3, st[i].outer[2]],
      RAIL,
    ),
  );
  for (let i = 0; i < n; i += detail.postEvery) {
    const { inner, outer } = st[i];
    parts.push(
      beamMesh(outer, [outer[0], y + 1.3, outer[2]], 0.08, RAIL),
      beamMesh(
        [outer[0], y - 0.5, outer[2]],
        [inner[0] - (outer[0] - inner[0]) * 0.3, y - 5, inner[2] - (outer[2] - inner[2]) * 0.3],
        0.15,
        BRACKET,
      ),
    );
  }
  return parts;
}

export function buildStructuresMesh(cableway: TianmenCableway, skywalk: TianmenSkywalk, detail: StructuresDetail): MeshData {
  return mergeMeshes([...cablewayParts(cableway, detail), ...skywalkParts(skywalk, detail)]);
}
