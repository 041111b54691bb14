// Unit pine stands (disc of radius 1 at y = 0, trees up to y = 1): Masson pines drawn as
// stacked flat umbrella layers, for Tianmen's plateau forest and cliff pines. Wulingyuan's
// pillar tops and ledges use pillar-canopy-mesh, which adds the shrub cover under the pines.
import { linearFromSrgb } from './colour';
import type { MeshData } from './mesh-data';
import { computeVertexNormals } from './mesh-data';
import { createRandom, deriveSeed } from './random';
import type { CrownLodDetail } from './world-detail';

const GOLDEN_ANGLE = 2.399963229728653;
const NEEDLE_DARK = linearFromSrgb([0.1, 0.19, 0.09]);
const NEEDLE_LIT = linearFromSrgb([0.24, 0.36, 0.15]);

export function buildCrownMesh(detail: CrownLodDetail, seed: number): MeshData {
  const random = createRandom(deriveSeed(seed, `crown-${detail.trees}-${detail.layers}-${detail.sides}`));
  const { trees, layers, sides } = detail;
  const conesTotal = trees * layers;
  const verticesPerCone = sides + 2;
  const positions = new Float32Array(conesTotal * verticesPerCone * 3);
  const colors = new Float32Array(conesTotal * verticesPerCone * 3);
  const indices = new Uint32Array(conesTotal * sides * 2 * 3);
  let v = 0;
  let t = 0;
  const put = (x: number, y: number, z: number, c: readonly number[], shade: number) => {
    positions[v * 3] = x;
    positions[v * 3 + 1] = y;
    positions[v * 3 + 2] = z;
    colors[v * 3] = c[0] * shade;
    colors[v * 3 + 1] = c[1] * shade;
    colors[v * 3 + 2] = c[2] * shade;
    v++;
  };
  for (let k = 0; k < trees; k++) {
    // Sunflower spread keeps trees evenly over the top at any count; jitter hides the pattern.
    const spread = 0.82 * Math.sqrt((k + 0.5) / trees);
    const angle = k * GOLDEN_ANGLE + random() * 0.6;
    const cx = Math.cos(angle) * spread;
    const cz = Math.sin(angle) * spread;
    const treeHeight = 0.55 + 0.45 * random();
    const treeRadius = (0.22 + 0.12 * random()) * (trees > 8 ? 1 : 1.3);
    const shade = 0.8 + 0.4 * random();
    // Trees at the rim sit lower, following the rounded edge of the top.
    const footY = -0.35 - 0.25 * spread;
    for (let layer = 0; layer < layers; layer++) {
      const f = layers === 1 ? 0.35 : layer / (layers - 1);
      const baseY = footY + treeHeight * (0.35 + 0.45 * f);
      const apexY = baseY + treeHeight * (layers === 1 ? 0.6 : 0.32);
      const r = treeRadius * (1.1 - 0.45 * f);
      const first = v;
      const twist = random() * Math.PI * 2;
      for (let i = 0; i < sides; i++) {
        const a = twist + (i / sides) * Math.PI * 2;
        put(cx + Math.cos(a) * r, baseY, cz + Math.sin(a) * r, NEEDLE_DARK, shade);
      }
      const apex = v;
      put(cx, apexY, cz, NEEDLE_LIT, shade);
      const under = v;
      put(cx, baseY + (apexY - baseY) * 0.15, cz, NEEDLE_DARK, shade * 0.7);
      for (let i = 0; i < sides; i++) {
        const a = first + i;
        const b = first + ((i + 1) % sides);
        indices[t++] = a;
        indices[t++] = apex;
        indices[t++] = b;
        indices[t++] = b;
        indices[t++] = under;
        indices[t++] = a;
      }
    }
  }
  return { positions, normals: computeVertexNormals(positions, indices), colors, indices };
}
