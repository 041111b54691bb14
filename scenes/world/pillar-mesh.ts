// Unit pillar meshes (radius ≤ 1, height 0..1) for instancing: the shape's displacement
// gives the silhouette, vertex colours carry the rock's buff-and-grey banding, dark water
// streaks, shadowed joints and the green of ledges and the top.
import { linearFromSrgb } from './colour';
import { computeVertexNormals, type MeshData } from './mesh-data';
import type { PillarShape } from './pillar-shape';
import { clamp, deriveSeed, fbm3, lerp, smoothstep, valueNoise2 } from './random';
import type { PillarLodDetail } from './world-detail';

/** Height fraction taken by the rounded rim at the top. */
const RIM_FRACTION = 0.012;

const GREY = linearFromSrgb([0.64, 0.62, 0.58]);
const BUFF = linearFromSrgb([0.8, 0.65, 0.45]);
const PALE = linearFromSrgb([0.87, 0.83, 0.74]);
const MOSS = linearFromSrgb([0.2, 0.3, 0.13]);

export function rockColourAt(shape: PillarShape, theta: number, yN: number, seed: number): [number, number, number] {
  const s = deriveSeed(seed, `rock-colour-${shape.spec.salt}`);
  const cx = Math.cos(theta);
  const sz = Math.sin(theta);
  const band = fbm3(cx * 1.4, yN * 5, sz * 1.4, s, 3);
  const pale = smoothstep(0.62, 0.8, fbm3(cx * 2.5 + 7, yN * 12, sz * 2.5, s + 1, 2));
  let r = lerp(GREY[0], BUFF[0], band);
  let g = lerp(GREY[1], BUFF[1], band);
  let b = lerp(GREY[2], BUFF[2], band);
  r = lerp(r, PALE[0], pale * 0.5);
  g = lerp(g, PALE[1], pale * 0.5);
  b = lerp(b, PALE[2], pale * 0.5);
  // Water streaks: long vertical stains, narrow around the section, stretched down the height.
  const streak = smoothstep(0.56, 0.78, valueNoise2(theta * 4.5, yN * 1.6, s + 2)) * (0.55 + 0.45 * valueNoise2(theta * 11, yN * 6, s + 3));
  const carving = shape.carvingAt(theta, yN);
  const darken = (1 - 0.6 * streak) * (1 - 0.55 * carving);
  r *= darken;
  g *= darken;
  b *= darken;
  // Shrubs cling to bedding ledges and the upper rim; the foot disappears into forest.
  const ledgeGreen = carving * smoothstep(0.58, 0.72, valueNoise2(theta * 3, yN * 14, s + 4)) * 0.85;
  const rimGreen = smoothstep(0.965, 0.995, yN) * (0.5 + 0.5 * valueNoise2(theta * 5, yN * 30, s + 5));
  const footGreen = 1 - smoothstep(0.01, 0.06, yN);
  const green = clamp(Math.max(ledgeGreen, rimGreen, footGreen), 0, 1);
  return [lerp(r, MOSS[0], green), lerp(g, MOSS[1], green), lerp(b, MOSS[2], green)];
}

export function buildPillarMesh(shape: PillarShape, detail: PillarLodDetail, seed: number): MeshData {
  const { radialSegments: radial, rings } = detail;
  // Levels: rings+1 along the wall, one rim level, one cap centre.
  const wallLevels = rings + 1;
  const vertexCount = (wallLevels + 1) * radial + 1;
  const positions = new Float32Array(vertexCount * 3);
  const colors = new Float32Array(vertexCount * 3);
  let v = 0;
  const put = (x: number, y: number, z: number, c: readonly number[]) => {
    positions[v * 3] = x;
    positions[v * 3 + 1] = y;
    positions[v * 3 + 2] = z;
    colors[v * 3] = c[0];
    colors[v * 3 + 1] = c[1];
    colors[v * 3 + 2] = c[2];
    v++;
  };
  for (let j = 0; j < wallLevels; j++) {
    const yN = (j / rings) * (1 - RIM_FRACTION);
    for (let i = 0; i < radial; i++) {
      const theta = (i / radial) * Math.PI * 2;
      const r = shape.radiusAt(theta, yN);
      put(r * Math.cos(theta), yN, r * Math.sin(theta), rockColourAt(shape, theta, yN, seed));
    }
  }
  for (let i = 0; i < radial; i++) {
    const theta = (i / radial) * Math.PI * 2;
    const r = shape.radiusAt(theta, 1) * 0.86;
    put(r * Math.cos(theta), 1 - RIM_FRACTION * 0.2, r * Math.sin(theta), MOSS);
  }
  put(0, 1, 0, [MOSS[0] * 0.9, MOSS[1] * 0.9, MOSS[2] * 0.9]);

  const triangleCount = rings * radial * 2 + radial * 2 + radial;
  const indices = new Uint32Array(triangleCount * 3);
  let t = 0;
  const tri = (a: number, b: number, c: number) => {
    indices[t++] = a;
    indices[t++] = b;
    indices[t++] = c;
  };
  // Wall quads including the step up to the rim level.
  for (let j = 0; j < wallLevels; j++) {
    for (let i = 0; i < radial; i++) {
      const a = j * radial + i;
      const b = j * radial + ((i + 1) % radial);
      const c = (j + 1) * radial + i;
      const d = (j + 1) * radial + ((i + 1) % radial);
      tri(a, c, b);
      tri(b, c, d);
    }
  }
  const rim = wallLevels * radial;
  const centre = rim + radial;
  for (let i = 0; i < radial; i++) tri(rim + i, centre, rim + ((i + 1) % radial));
  return { positions, normals: computeVertexNormals(positions, indices), colors, indices };
}
