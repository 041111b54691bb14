// Unit vegetation for the pillars (disc of radius about 1 at y = 0, canopy up to y = 1): a lumpy
// mound of shrubs that covers the whole top and hangs over its edge, with Masson pines standing
// out of it, the outer ones lower and leaning out over the drop. Photographs of Wulingyuan show
// every top as a dark-green cap, never bare rock with a few trees, and a pillar only reads as
// stone-and-forest when that cap is as wide as the rock. Also used, round, for the clumps on ledges.
import { linearFromSrgb } from './colour';
import { computeVertexNormals, type MeshData } from './mesh-data';
import { addPine, arrayMeshWriter, needleColours, pineTriangleCount, pineVertexCount } from './pine-tree';
import { createRandom, deriveSeed } from './random';
import type { CrownLodDetail } from './world-detail';

const GOLDEN_ANGLE = 2.399963229728653;
/** The shrub mound: darker at its hanging skirt, where it is in the rock's shadow (not near black: see pine-tree.ts). */
const SHRUB_TOP = linearFromSrgb([0.2, 0.31, 0.12]);
const SHRUB_SKIRT = linearFromSrgb([0.11, 0.18, 0.08]);

export interface CanopyShape {
  /** Superellipse exponent of the mound's outline: 2 round (ledges), about 4 for a squarish pillar top. */
  squareness: number;
  /** Outer radius of the mound at its rim (unit), and how far its skirt hangs below y = 0. */
  rimRadius: number;
  skirtDrop: number;
  /** Farthest a tree stands from the centre (unit). */
  treeSpread: number;
  /** How much the outline wanders in and out (fraction): a bush on a ledge is ragged, not a button. */
  lumpiness: number;
}

/** Pillar tops: a squarish cap as wide as the rock, its skirt hanging most of a crown height down the faces. */
export const PILLAR_TOP_CANOPY: CanopyShape = { squareness: 4, rimRadius: 1.12, skirtDrop: 0.9, treeSpread: 1.0, lumpiness: 0.25 };
/** Ledge clumps: a round bush half sunk in the rock, with a pine or two. */
export const LEDGE_CANOPY: CanopyShape = { squareness: 2, rimRadius: 0.85, skirtDrop: 0.55, treeSpread: 0.55, lumpiness: 0.45 };

export function buildPillarCanopyMesh(detail: CrownLodDetail, shape: CanopyShape, seed: number): MeshData {
  const random = createRandom(deriveSeed(seed, `pillar-canopy-${detail.trees}-${detail.layers}-${detail.sides}-${shape.squareness}`));
  const { trees, layers, sides } = detail;
  const around = Math.max(5, sides + 2);
  // Mound: centre, an inner ring (only where trees are many enough for the mound to be seen
  // close), the rim, the hanging skirt. Trees: `sides` around plus apex and underside per layer.
  const rings = trees > 4 ? 3 : 2;
  const moundVertices = 1 + around * rings;
  const treeVertices = trees * pineVertexCount(layers, sides);
  const positions = new Float32Array((moundVertices + treeVertices) * 3);
  const colors = new Float32Array((moundVertices + treeVertices) * 3);
  const indices = new Uint32Array((around * (1 + 2 * (rings - 1)) + trees * pineTriangleCount(layers, sides)) * 3);
  const out = arrayMeshWriter(positions, colors, indices);
  const { put, tri } = out;
  // Its own random source, so the trees' shapes stay what they were.
  const tint = createRandom(deriveSeed(seed, `pillar-canopy-tint-${trees}-${shape.squareness}`));

  // The outline follows a squarish top with its corners at 45°, as the pillar sections do.
  const n = shape.squareness;
  const outline = (a: number) => {
    const c = Math.abs(Math.cos(a));
    const s = Math.abs(Math.sin(a));
    return (c ** n + s ** n) ** (-1 / n) / (Math.SQRT2 * 2 ** (-1 / n));
  };
  const centre = put(0, 0.42, 0, SHRUB_TOP, 1);
  const ringStart = centre + 1;
  for (let ring = 3 - rings; ring < 3; ring++) {
    for (let i = 0; i < around; i++) {
      const a = (i / around) * Math.PI * 2;
      const lump = 0.85 + 0.3 * random();
      const o = outline(a) * (1 - shape.lumpiness + 2 * shape.lumpiness * random());
      if (ring === 0) put(Math.cos(a) * o * 0.6, 0.3 + 0.2 * random(), Math.sin(a) * o * 0.6, SHRUB_TOP, lump);
      else if (ring === 1)
        put(Math.cos(a) * o * shape.rimRadius, 0.05 + 0.2 * random(), Math.sin(a) * o * shape.rimRadius, SHRUB_TOP, lump * 0.85);
      // The skirt hangs ragged: some of it nearly to the full drop, some only a little.
      // Pulled in a little below the rim, so the cap's sides slope like hanging scrub, not a box.
      else
        put(
          Math.cos(a) * o * shape.rimRadius * 0.9,
          -shape.skirtDrop * (0.3 + 0.7 * random()),
          Math.sin(a) * o * shape.rimRadius * 0.9,
          SHRUB_SKIRT,
          lump,
        );
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
    const spread = shape.treeSpread * Math.sqrt((k + 0.5) / trees);
    const angle = k * GOLDEN_ANGLE + random() * 0.6;
    const o = outline(angle);
    const treeHeight = 0.6 + 0.5 * random();
    const treeRadius = (0.2 + 0.12 * random()) * (trees > 8 ? 1 : 1.3);
    // Outer trees grow from the edge, lower, and lean out over the drop as cliff pines do.
    const edge = Math.max(0, spread / shape.treeSpread - 0.6) / 0.4;
    const leanOut = 0.35 * edge;
    addPine(out, random, {
      x: Math.cos(angle) * spread * o,
      y: -0.1 - 0.5 * edge,
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
