// Unit vegetation for the pillars (top's rim at radius about 1, y = 0 at the rock's top, canopy
// up to y = 1): a mass of separate crowns, shrub tufts packed over the top and crowding its rim,
// some hanging down the face, with Masson pines standing out of the middle and cliff pines at
// the edge leaning out over the drop (the plan is canopy-layout.ts). Under them a low, dark core
// fills the gaps, so between the crowns the eye sees shadow, not the rock's flat top.
// Photographs of Wulingyuan show every top as dense, dark-green growth whose outline against the
// sky is broken by single crowns; one smooth dome with a hanging skirt read, from any distance,
// as a green cap on a chimney. Also used, rounder and smaller, for the floor groves' trees and the
// First Bridge's slab (LEDGE_CANOPY; the shafts' own pines are cliff-pine.ts).
import { linearFromSrgb } from './colour';
import { canopyOutline, planCanopy, type CanopyShape } from './canopy-layout';
import { computeVertexNormals, type MeshData } from './mesh-data';
import { addPine, arrayMeshWriter, needleColours, pineTriangleCount, pineVertexCount } from './pine-tree';
import { createRandom, deriveSeed } from './random';
import { addShrubTuft, roundTuftNormals, tuftTriangleCount, tuftVertexCount, type TuftSpec } from './shrub-tuft';
import type { CanopyLodDetail } from './world-detail';

/** The core seen between the crowns: deep shade under the canopy, not near black (see pine-tree.ts). */
const CORE_SHADE = linearFromSrgb([0.08, 0.14, 0.07]);

/** Pillar tops: tufts crowding a squarish rim and hanging down the faces, a rounded mass over the top. */
export const PILLAR_TOP_CANOPY: CanopyShape = {
  squareness: 4,
  rimRadius: 1.05,
  domeHeight: 0.8,
  rimHeight: 0.15,
  rimShare: 0.45,
  hangDrop: 0.75,
  tuftAspect: 0.6,
};
/** A round clump: a bush with a pine in it, for the floor groves and the First Bridge's slab. */
export const LEDGE_CANOPY: CanopyShape = {
  squareness: 2,
  rimRadius: 0.8,
  domeHeight: 0.6,
  rimHeight: 0.15,
  rimShare: 0.6,
  hangDrop: 0.35,
  tuftAspect: 0.5,
};

/** Triangles of one canopy mesh: what the budgets count per instance. */
export function canopyTriangleCount(detail: CanopyLodDetail): number {
  return (
    detail.trees * pineTriangleCount(detail.layers, detail.sides) +
    detail.tufts * tuftTriangleCount(detail.tuftSides, detail.tuftRings) +
    3 * detail.coreAround
  );
}

export function buildPillarCanopyMesh(detail: CanopyLodDetail, shape: CanopyShape, seed: number): MeshData {
  const key = `${detail.trees}-${detail.layers}-${detail.sides}-${detail.tufts}-${detail.tuftSides}-${detail.tuftRings}-${shape.squareness}`;
  const random = createRandom(deriveSeed(seed, `pillar-canopy-${key}`));
  // Their own random sources, so the crowns' shapes and tints do not depend on each other.
  const tint = createRandom(deriveSeed(seed, `pillar-canopy-tint-${key}`));
  const coreRandom = createRandom(deriveSeed(seed, `pillar-canopy-core-${key}`));
  const plan = planCanopy(detail, shape, random);
  const { trees, layers, sides, tufts, tuftSides, tuftRings, coreAround } = detail;
  const coreVertices = coreAround > 0 ? 1 + 2 * coreAround : 0;
  const vertexCount = coreVertices + trees * pineVertexCount(layers, sides) + tufts * tuftVertexCount(tuftSides, tuftRings);
  const positions = new Float32Array(vertexCount * 3);
  const colors = new Float32Array(vertexCount * 3);
  const indices = new Uint32Array(canopyTriangleCount(detail) * 3);
  const out = arrayMeshWriter(positions, colors, indices);

  if (coreAround > 0) {
    // A low mound under the crowns and a short lip over the rock's edge, both in shade.
    const centre = out.put(0, shape.domeHeight * 0.45, 0, CORE_SHADE, 1);
    for (let i = 0; i < coreAround; i++) {
      const a = (i / coreAround) * Math.PI * 2;
      const r = canopyOutline(shape.squareness, a) * shape.rimRadius * (0.85 + 0.1 * coreRandom());
      out.put(Math.cos(a) * r, shape.rimHeight, Math.sin(a) * r, CORE_SHADE, 0.9 + 0.2 * coreRandom());
      out.put(Math.cos(a) * r * 0.97, -0.2 - 0.15 * coreRandom(), Math.sin(a) * r * 0.97, CORE_SHADE, 0.75);
    }
    for (let i = 0; i < coreAround; i++) {
      const j = (i + 1) % coreAround;
      const rim = (k: number) => centre + 1 + 2 * k;
      out.tri(centre, rim(j), rim(i));
      out.tri(rim(i), rim(j), rim(i) + 1);
      out.tri(rim(j), rim(j) + 1, rim(i) + 1);
    }
  }
  const tuftSpecs: TuftSpec[] = [];
  for (const t of plan.tufts) {
    // Rim tufts catch more light than the packed ones, which shade each other.
    const spec = { ...t, sides: tuftSides, rings: tuftRings, shade: (t.rim ? 0.8 : 0.7) + 0.3 * random(), ...needleColours(tint()) };
    addShrubTuft(out, random, spec);
    tuftSpecs.push(spec);
  }
  for (const p of plan.pines) {
    addPine(out, random, { ...p, layers, sides, shade: 0.8 + 0.4 * random(), ...needleColours(tint()) });
  }
  const normals = computeVertexNormals(positions, indices);
  tuftSpecs.forEach((spec, k) => roundTuftNormals(positions, normals, coreVertices + k * tuftVertexCount(tuftSides, tuftRings), spec));
  return { positions, normals, colors, indices };
}
