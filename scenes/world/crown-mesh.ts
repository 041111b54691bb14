// Unit pine stands (disc of radius 1 at y = 0, trees up to y = 1): Masson pines drawn as
// flat-topped, windswept stacks of foliage pads (pine-tree.ts), for Tianmen's plateau forest
// and cliff pines. Wulingyuan's pillar tops and ledges use pillar-canopy-mesh, which adds the
// shrub cover under the pines.
import type { MeshData } from './mesh-data';
import { computeVertexNormals } from './mesh-data';
import { addPine, arrayMeshWriter, needleColours, pineTriangleCount, pineVertexCount } from './pine-tree';
import { createRandom, deriveSeed } from './random';
import type { CrownLodDetail } from './world-detail';

const GOLDEN_ANGLE = 2.399963229728653;

export function buildCrownMesh(detail: CrownLodDetail, seed: number): MeshData {
  const random = createRandom(deriveSeed(seed, `crown-${detail.trees}-${detail.layers}-${detail.sides}`));
  const { trees, layers, sides } = detail;
  const positions = new Float32Array(trees * pineVertexCount(layers, sides) * 3);
  const colors = new Float32Array(trees * pineVertexCount(layers, sides) * 3);
  const indices = new Uint32Array(trees * pineTriangleCount(layers, sides) * 3);
  const out = arrayMeshWriter(positions, colors, indices);
  // Its own random source, so the trees' shapes stay what they were.
  const tint = createRandom(deriveSeed(seed, `crown-tint-${trees}`));
  for (let k = 0; k < trees; k++) {
    // Sunflower spread keeps trees evenly over the top at any count; jitter hides the pattern.
    const spread = 0.82 * Math.sqrt((k + 0.5) / trees);
    const angle = k * GOLDEN_ANGLE + random() * 0.6;
    const treeHeight = 0.55 + 0.45 * random();
    const treeRadius = (0.22 + 0.12 * random()) * (trees > 8 ? 1 : 1.3);
    // Trees at the rim sit lower, following the rounded edge of the top.
    addPine(out, random, {
      x: Math.cos(angle) * spread,
      y: -0.35 - 0.25 * spread,
      z: Math.sin(angle) * spread,
      height: treeHeight,
      radius: treeRadius,
      layers,
      sides,
      leanX: 0,
      leanZ: 0,
      shade: 0.8 + 0.4 * random(),
      ...needleColours(tint()),
    });
  }
  return { positions, normals: computeVertexNormals(positions, indices), colors, indices };
}
