// The First Bridge's rock slab as a unique mesh: a squarish tube along x whose underside
// follows the arch, roughened inward only so the clearance box always contains it.
import { linearFromSrgb } from './colour';
import { computeVertexNormals, type MeshData } from './mesh-data';
import { deriveSeed, fbm3, lerp, smoothstep, valueNoise2 } from './random';
import type { StoneBridge } from './stone-bridge';

const SECTION_SQUARENESS = 4;
const GREY = linearFromSrgb([0.64, 0.62, 0.58]);
const BUFF = linearFromSrgb([0.8, 0.65, 0.45]);
const MOSS = linearFromSrgb([0.2, 0.3, 0.13]);

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
      const shrink = 1 - 0.12 * fbm3(x / 9, c * 1.5, sn * 1.5, s, 3);
      const z = bridge.centreZ + hw * shrink * Math.sign(c) * Math.abs(c) ** (2 / SECTION_SQUARENESS);
      const y = yc + hh * shrink * Math.sign(sn) * Math.abs(sn) ** (2 / SECTION_SQUARENESS);
      positions[v * 3] = x;
      positions[v * 3 + 1] = y;
      positions[v * 3 + 2] = z;
      const buff = valueNoise2(x / 12, phi * 2, s + 1);
      const shade = 1 - 0.35 * smoothstep(0, -0.8, sn);
      const green = smoothstep(0.55, 0.85, sn) * (0.6 + 0.4 * valueNoise2(x / 5, phi, s + 2));
      const rock = [lerp(GREY[0], BUFF[0], buff) * shade, lerp(GREY[1], BUFF[1], buff) * shade, lerp(GREY[2], BUFF[2], buff) * shade];
      colors[v * 3] = lerp(rock[0], MOSS[0], green);
      colors[v * 3 + 1] = lerp(rock[1], MOSS[1], green);
      colors[v * 3 + 2] = lerp(rock[2], MOSS[2], green);
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
      indices[t++] = a;
      indices[t++] = c;
      indices[t++] = b;
      indices[t++] = b;
      indices[t++] = c;
      indices[t++] = d;
    }
  }
  return { positions, normals: computeVertexNormals(positions, indices), colors, indices };
}
