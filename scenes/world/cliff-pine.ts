// One Masson pine clinging to a pillar's face, as a unit mesh for instancing: rooted in a crack at
// the origin, the face behind it (x < 0), its crooked trunk growing out over the drop (+x) and
// turning up (+y), with flat pads of needles in tiers on short branches, spread along the face
// (±z). Photographs of the pillars show exactly this on every ledge and up every crack: small
// pines leaning out and up from the stone, lit on top and dark underneath, breaking the shaft's
// outline. The round bush half sunk in the rock it replaces read as a bracket fungus.
import { computeVertexNormals, type MeshData } from './mesh-data';
import { arrayMeshWriter, needleColours, type PineMeshWriter } from './pine-tree';
import { linearFromSrgb } from './colour';
import { createRandom, deriveSeed } from './random';
import { addShrubTuft, roundTuftNormals, tuftTriangleCount, tuftVertexCount, type TuftSpec } from './shrub-tuft';

export interface CliffPineDetail {
  /** Draw the trunk (three bends of a three-sided prism); too thin to see beyond a few hundred metres. */
  trunk: boolean;
  /** Needle pads, 1 to 4: the top one first, then a side branch, a low branch, a bush at the root. */
  pads: number;
  padSides: number;
  /** 2 rounds a pad's shoulder up close. */
  padRings: number;
}

/** Farthest the tree reaches out from the face, up and along it, in unit lengths (the instance scales these to metres). */
export const CLIFF_PINE_REACH = { out: 1.1, up: 1, along: 0.7 };

/** The trunk's centre line: out of the crack nearly level, then kinked up towards the light. */
const TRUNK: readonly (readonly [number, number, number])[] = [
  [-0.12, -0.06, 0],
  [0.28, 0.1, 0.06],
  [0.46, 0.42, -0.05],
  [0.54, 0.7, 0.02],
];
const TRUNK_RADIUS = [0.06, 0.045, 0.032, 0.02];
/** The prism's three corners round the trunk, as exact constants (no trig: see canopyOutline). */
const PRISM = [
  [1, 0],
  [-0.5, 0.8660254037844386],
  [-0.5, -0.8660254037844386],
] as const;

/** Pads in tiers: centre, radius, height (unit). The top one is the broadest, a flat table. */
const PADS: readonly { x: number; y: number; z: number; radius: number; height: number }[] = [
  { x: 0.6, y: 0.72, z: 0.02, radius: 0.42, height: 0.15 },
  { x: 0.5, y: 0.5, z: 0.26, radius: 0.34, height: 0.12 },
  { x: 0.36, y: 0.26, z: -0.24, radius: 0.3, height: 0.11 },
  { x: 0.06, y: -0.02, z: 0.04, radius: 0.26, height: 0.2 },
];

const BARK = linearFromSrgb([0.2, 0.17, 0.13]);

export function cliffPineTriangleCount(detail: CliffPineDetail): number {
  return (detail.trunk ? (TRUNK.length - 1) * 6 : 0) + detail.pads * tuftTriangleCount(detail.padSides, detail.padRings);
}

function addTrunk(out: PineMeshWriter): void {
  const rings: number[][] = [];
  TRUNK.forEach(([x, y, z], i) => {
    // The prism's cross-section lies across the trunk's direction here; y and z swap for a near-level segment.
    const [nx, ny, nz] = TRUNK[Math.min(i + 1, TRUNK.length - 1)].map((v, k) => v - TRUNK[Math.max(i - 1, 0)][k]);
    const length = Math.sqrt(nx * nx + ny * ny + nz * nz);
    // One side vector across the trunk in its vertical plane, the other along the face.
    const ax = -ny / length;
    const ay = nx / length;
    const ring = PRISM.map(([u, w]) =>
      out.put(x + TRUNK_RADIUS[i] * u * ax, y + TRUNK_RADIUS[i] * u * ay, z + TRUNK_RADIUS[i] * w, BARK, 1),
    );
    rings.push(ring);
  });
  for (let i = 0; i + 1 < rings.length; i++) {
    for (let k = 0; k < 3; k++) {
      const a = rings[i][k];
      const b = rings[i][(k + 1) % 3];
      const c = rings[i + 1][k];
      const d = rings[i + 1][(k + 1) % 3];
      out.tri(a, b, d);
      out.tri(a, d, c);
    }
  }
}

export function buildCliffPineMesh(detail: CliffPineDetail, seed: number): MeshData {
  if (detail.pads < 1 || detail.pads > PADS.length) throw new Error(`A cliff pine has 1 to ${PADS.length} pads, not ${detail.pads}`);
  const key = `${detail.trunk}-${detail.pads}-${detail.padSides}-${detail.padRings}`;
  const random = createRandom(deriveSeed(seed, `cliff-pine-${key}`));
  const trunkVertices = detail.trunk ? TRUNK.length * 3 : 0;
  const padVertices = tuftVertexCount(detail.padSides, detail.padRings);
  const vertexCount = trunkVertices + detail.pads * padVertices;
  const positions = new Float32Array(vertexCount * 3);
  const colors = new Float32Array(vertexCount * 3);
  const indices = new Uint32Array(cliffPineTriangleCount(detail) * 3);
  const out = arrayMeshWriter(positions, colors, indices);
  if (detail.trunk) addTrunk(out);
  const specs: TuftSpec[] = [];
  for (let k = 0; k < detail.pads; k++) {
    // A warm, sunlit top pad and cooler ones in its shade, so the tiers read apart.
    const spec: TuftSpec = {
      ...PADS[k],
      sides: detail.padSides,
      rings: detail.padRings,
      shade: k === 0 ? 1.05 : 0.85 + 0.1 * random(),
      ...needleColours(k === 0 ? 0.8 : 0.3 * random()),
    };
    addShrubTuft(out, random, spec);
    specs.push(spec);
  }
  const normals = computeVertexNormals(positions, indices);
  specs.forEach((spec, k) => roundTuftNormals(positions, normals, trunkVertices + k * padVertices, spec));
  return { positions, normals, colors, indices };
}
