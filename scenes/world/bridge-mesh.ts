// The First Bridge's rock slab as a unique mesh: a boxy section swept along the span, its flat
// underside swelling down into the walls at the ends, roughened inward only so the clearance
// bound always contains it. Grey-buff beds on the sides, damp shadow under it, and the forest
// soil of its top spilling over the edges in patches.
import { linearFromSrgb } from './colour';
import { computeVertexNormals, putQuad, type MeshData } from './mesh-data';
import { clamp, deriveSeed, fbm3, lerp, smoothstep, valueNoise2 } from './random';
import type { StoneBridge } from './stone-bridge';

/** Superellipse exponent of the section: a slab with rounded edges, not a tube. */
const SECTION_SQUARENESS = 7;
const GREY = linearFromSrgb([0.54, 0.53, 0.5]);
const BUFF = linearFromSrgb([0.7, 0.6, 0.46]);
const DAMP = linearFromSrgb([0.3, 0.3, 0.28]);
const SOIL_GREEN = linearFromSrgb([0.1, 0.18, 0.07]);
const MOSS = linearFromSrgb([0.2, 0.3, 0.13]);
/** Beds of the slab's sandstone, metres: a few across its thickness. */
const BED_M = 7;

export function buildBridgeMesh(bridge: StoneBridge, segments: number, around: number, seed: number): MeshData {
  const s = deriveSeed(seed, 'bridge-rock');
  const vertexCount = (segments + 1) * around;
  const positions = new Float32Array(vertexCount * 3);
  const colors = new Float32Array(vertexCount * 3);
  let v = 0;
  for (let k = 0; k <= segments; k++) {
    const x = lerp(bridge.westEndX, bridge.eastEndX, k / segments);
    const top = bridge.deckTopM;
    const under = bridge.undersideAt(x);
    const yc = (top + under) / 2;
    const hh = (top - under) / 2;
    const hw = bridge.widthM / 2;
    for (let i = 0; i < around; i++) {
      const phi = (i / around) * Math.PI * 2;
      const c = Math.cos(phi);
      const sn = Math.sin(phi);
      // Rough, broken rock: blocks fallen from the underside and edges, never beyond the bound.
      const shrink = 1 - 0.16 * fbm3(x / 6, c * 1.5, sn * 1.5, s, 3) - 0.08 * smoothstep(0.5, 0.8, valueNoise2(x / 4, phi * 1.3, s + 5));
      const z = bridge.centreZ + hw * shrink * Math.sign(c) * Math.abs(c) ** (2 / SECTION_SQUARENESS);
      const y = yc + hh * (1 - (1 - shrink) * 0.5) * Math.sign(sn) * Math.abs(sn) ** (2 / SECTION_SQUARENESS);
      positions[v * 3] = x;
      positions[v * 3 + 1] = y;
      positions[v * 3 + 2] = z;
      // Sides: grey and buff beds; the underside dark and damp; the top soil green, spilling down the edges in patches.
      const bedPhase = (y + 3 * valueNoise2(x / 15, 0.5, s + 1)) / BED_M;
      const bed = valueNoise2(Math.floor(bedPhase) * 1.7, 0.3, s + 2);
      const parting = smoothstep(0.8, 1, bedPhase - Math.floor(bedPhase)) * 0.4;
      let rock = [0, 1, 2].map((j) => lerp(GREY[j], BUFF[j], smoothstep(0.25, 0.85, bed)) * (1 - parting));
      const underside = smoothstep(-0.3, -0.8, sn);
      rock = rock.map((value, j) => lerp(value, DAMP[j], underside * 0.8));
      const spill = smoothstep(0.35, 0.75, valueNoise2(x / 6, phi * 2, s + 3));
      const green = clamp(smoothstep(0.75, 0.9, sn) + smoothstep(-0.1, 0.6, sn) * spill, 0, 1);
      const greenColour = [0, 1, 2].map((j) => lerp(SOIL_GREEN[j], MOSS[j], valueNoise2(x / 3, phi * 4, s + 4)));
      for (let j = 0; j < 3; j++) colors[v * 3 + j] = lerp(rock[j], greenColour[j], green);
      v++;
    }
  }
  const indices = new Uint32Array(segments * around * 6);
  let t = 0;
  for (let k = 0; k < segments; k++) {
    for (let i = 0; i < around; i++) {
      const a = k * around + i;
      const b = k * around + ((i + 1) % around);
      const c = (k + 1) * around + i;
      const d = (k + 1) * around + ((i + 1) % around);
      t = putQuad(indices, t, a, b, c, d);
    }
  }
  return { positions, normals: computeVertexNormals(positions, indices), colors, indices };
}
