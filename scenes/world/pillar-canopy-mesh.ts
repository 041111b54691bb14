// Unit vegetation for the pillars (disc of radius about 1 at y = 0, canopy up to y = 1): a
// rounded, lumpy dome of shrubs and small pine crowns that covers the whole top and hangs over
// its edge, with many small Masson pines half sunk in it and a few taller ones standing out
// against the sky, the outer ones lower and leaning out over the drop. Photographs of Wulingyuan
// show every top as a dense, rounded, dark-green cap, never bare rock with a few trees; a ring of
// separate tall pines over a low mat read, against the sky, as a castle's battlements.
// Also used, rounder and smaller, for the clumps on ledges.
import { linearFromSrgb } from './colour';
import { computeVertexNormals, type MeshData } from './mesh-data';
import { addPine, arrayMeshWriter, needleColours, pineTriangleCount, pineVertexCount } from './pine-tree';
import { createRandom, deriveSeed } from './random';
import type { CrownLodDetail } from './world-detail';

const GOLDEN_ANGLE = 2.399963229728653;
/** The shrub dome: lit tops of crowns, their shaded sides, and the darker hanging skirt (not near black: see pine-tree.ts). */
const SHRUB_LIT = linearFromSrgb([0.24, 0.35, 0.13]);
const SHRUB_TOP = linearFromSrgb([0.17, 0.28, 0.11]);
const SHRUB_SKIRT = linearFromSrgb([0.14, 0.23, 0.1]);

export interface CanopyShape {
  /** Superellipse exponent of the mound's outline: 2 round (ledges), about 4 for a squarish pillar top. */
  squareness: number;
  /** Outer radius of the mound at its rim (unit), and how far its skirt hangs below y = 0. */
  rimRadius: number;
  skirtDrop: number;
  /** Height of the dome at its centre and at its rim (unit): the cap is rounded, not a flat mat. */
  domeHeight: number;
  rimHeight: number;
  /** Farthest a tree stands from the centre (unit). */
  treeSpread: number;
  /** How much the outline wanders in and out (fraction): a bush on a ledge is ragged, not a button. */
  lumpiness: number;
  /** Every how many trees one is a tall pine standing well out of the dome (0: none). */
  tallEvery: number;
}

/** Pillar tops: a rounded cap as wide as the rock, its skirt hanging most of a crown height down the faces. */
export const PILLAR_TOP_CANOPY: CanopyShape = {
  squareness: 4,
  rimRadius: 1.12,
  skirtDrop: 0.9,
  domeHeight: 0.8,
  rimHeight: 0.12,
  treeSpread: 0.85,
  lumpiness: 0.2,
  tallEvery: 6,
};
/** Ledge clumps: a round bush half sunk in the rock, with a pine or two. */
export const LEDGE_CANOPY: CanopyShape = {
  squareness: 2,
  rimRadius: 0.85,
  skirtDrop: 0.55,
  domeHeight: 0.55,
  rimHeight: 0.12,
  treeSpread: 0.55,
  lumpiness: 0.45,
  tallEvery: 2,
};

/** Tallest point any part of a canopy reaches (unit), what clearance assumes of a crown. */
const CANOPY_TOP = 1.1;

export function buildPillarCanopyMesh(detail: CrownLodDetail, shape: CanopyShape, seed: number): MeshData {
  const random = createRandom(deriveSeed(seed, `pillar-canopy-${detail.trees}-${detail.layers}-${detail.sides}-${shape.squareness}`));
  const { trees, layers, sides } = detail;
  // A rounded dome needs enough points around for its outline not to turn polygonal up close.
  // Small clumps, drawn by the thousand, keep the few points they had.
  const around = trees > 4 ? Math.max(10, 2 * sides + 4) : Math.max(5, sides + 2);
  // Dome rings from the centre out, then the rim and the hanging skirt; more rings up close.
  const domeRings = trees > 8 ? 3 : trees > 4 ? 2 : trees > 1 ? 1 : 0;
  const rings = domeRings + 2;
  const moundVertices = 1 + around * rings;
  const treeVertices = trees * pineVertexCount(layers, sides);
  const positions = new Float32Array((moundVertices + treeVertices) * 3);
  const colors = new Float32Array((moundVertices + treeVertices) * 3);
  const indices = new Uint32Array((around * (1 + 2 * (rings - 1)) + trees * pineTriangleCount(layers, sides)) * 3);
  const out = arrayMeshWriter(positions, colors, indices);
  const { put, tri } = out;
  // Its own random source, so the trees' shapes do not depend on the dome's.
  const tint = createRandom(deriveSeed(seed, `pillar-canopy-tint-${trees}-${shape.squareness}`));
  const domeRandom = createRandom(deriveSeed(seed, `pillar-canopy-dome-${trees}-${around}-${shape.squareness}`));

  // The outline follows a squarish top with its corners at 45°, as the pillar sections do.
  const n = shape.squareness;
  const outline = (a: number) => {
    const c = Math.abs(Math.cos(a));
    const s = Math.abs(Math.sin(a));
    return (c ** n + s ** n) ** (-1 / n) / (Math.SQRT2 * 2 ** (-1 / n));
  };
  /** Dome height at a fraction rho of the way from the centre to the rim: rounded, steepening towards the edge. */
  const domeAt = (rho: number) => shape.rimHeight + (shape.domeHeight - shape.rimHeight) * Math.sqrt(Math.max(0, 1 - rho * rho));
  // Bumps around the dome: a few crowns' worth around each ring, so the silhouette is lumpy, not a lathe-turned bowl.
  const bumpPhase = domeRandom() * Math.PI * 2;
  const bumpCount = 3 + Math.floor(domeRandom() * 3);
  const colourAt = (lit: number) => {
    const k = Math.min(1, Math.max(0, lit));
    return [0, 1, 2].map((i) => SHRUB_TOP[i] + (SHRUB_LIT[i] - SHRUB_TOP[i]) * k);
  };
  const centre = put(0, shape.domeHeight, 0, colourAt(0.6), 0.9 + 0.2 * domeRandom());
  const ringStart = centre + 1;
  for (let ring = 0; ring < rings; ring++) {
    for (let i = 0; i < around; i++) {
      const a = (i / around) * Math.PI * 2 + (ring % 2) * (Math.PI / around);
      const o = outline(a) * (1 - shape.lumpiness + 2 * shape.lumpiness * domeRandom());
      const shade = 0.85 + 0.3 * domeRandom();
      if (ring < domeRings) {
        const rho = (ring + 1) / (domeRings + 0.6);
        const bump = 0.08 * Math.sin(bumpCount * a + bumpPhase + ring * 1.7) + 0.1 * (domeRandom() - 0.4);
        const r = o * shape.rimRadius * rho;
        put(Math.cos(a) * r, domeAt(rho) + bump, Math.sin(a) * r, colourAt(domeRandom()), shade);
      } else if (ring === domeRings) {
        put(
          Math.cos(a) * o * shape.rimRadius,
          shape.rimHeight * (0.4 + 0.9 * domeRandom()),
          Math.sin(a) * o * shape.rimRadius,
          colourAt(0.3 * domeRandom()),
          shade * 0.9,
        );
      } else {
        // The skirt hangs ragged: some of it nearly to the full drop, some only a little, pulled
        // in below the rim so the cap's sides round over like hanging scrub, not a box.
        put(
          Math.cos(a) * o * shape.rimRadius * 0.92,
          -shape.skirtDrop * (0.3 + 0.7 * domeRandom()),
          Math.sin(a) * o * shape.rimRadius * 0.92,
          SHRUB_SKIRT,
          shade,
        );
      }
    }
  }
  for (let i = 0; i < around; i++) {
    const j = (i + 1) % around;
    tri(centre, ringStart + j, ringStart + i);
    for (let ring = 0; ring < rings - 1; ring++) {
      const a = ringStart + ring * around;
      const b = a + around;
      tri(a + i, a + j, b + i);
      tri(a + j, b + j, b + i);
    }
  }

  for (let k = 0; k < trees; k++) {
    // Sunflower spread keeps trees even over the top at any count; jitter hides the pattern.
    const rho = Math.sqrt((k + 0.5) / trees);
    const spread = shape.treeSpread * rho;
    const angle = k * GOLDEN_ANGLE + random() * 0.6;
    const o = outline(angle);
    // Most trees are small crowns half sunk in the dome, its lumps; a few tall pines stand out.
    const tall = shape.tallEvery > 0 && k % shape.tallEvery === Math.floor(shape.tallEvery / 2);
    const surface = domeAt(Math.min(1, rho));
    // Outer trees grow from the edge, lower, and lean out over the drop as cliff pines do.
    const edge = Math.max(0, rho - 0.6) / 0.4;
    const leanOut = 0.2 * edge;
    // The pads start half way up the trunk: sink the foot so the lowest pads meet the dome.
    const wanted = tall ? 0.7 + 0.3 * random() : 0.3 + 0.25 * random();
    const treeHeight = Math.min(wanted, (CANOPY_TOP - surface + 0.04) / 0.62);
    const treeRadius = (tall ? 0.22 + 0.08 * random() : 0.17 + 0.12 * random()) * (trees > 8 ? 1 : 1.35);
    addPine(out, random, {
      x: Math.cos(angle) * spread * o,
      y: surface - 0.5 * treeHeight - 0.04 - 0.15 * edge,
      z: Math.sin(angle) * spread * o,
      height: treeHeight,
      radius: treeRadius,
      layers,
      sides,
      leanX: Math.cos(angle) * leanOut,
      leanZ: Math.sin(angle) * leanOut,
      shade: 0.8 + 0.4 * random(),
      ...needleColours(tint()),
    });
  }
  return { positions, normals: computeVertexNormals(positions, indices), colors, indices };
}
