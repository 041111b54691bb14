// Unit pillar meshes (radius ≤ 1, height 0..1) for instancing: the shape's displacement
// gives the silhouette, vertex colours carry the rock's buff-and-grey banding, dark water
// streaks, shadowed joints and the green of ledges and the top.
import { linearFromSrgb } from './colour';
import { computeVertexNormals, type MeshData } from './mesh-data';
import type { CarvingSampling, PillarShape } from './pillar-shape';
import { clamp, deriveSeed, fbm3, lerp, smoothstep, valueNoise2 } from './random';
import type { PillarLodDetail } from './world-detail';

/** Height fraction taken by the rounded rim at the top. */
const RIM_FRACTION = 0.012;

const GREY = linearFromSrgb([0.63, 0.61, 0.57]);
const BUFF = linearFromSrgb([0.8, 0.64, 0.44]);
const PALE = linearFromSrgb([0.88, 0.82, 0.7]);
/** Iron-stained rock, the rusty patches under some ledges. */
const RUST = linearFromSrgb([0.66, 0.47, 0.31]);
/** Water-stained rock: dark grey-brown where seepage runs down the face. */
const STAIN = linearFromSrgb([0.3, 0.29, 0.26]);
const MOSS = linearFromSrgb([0.2, 0.3, 0.13]);
const SHRUB = linearFromSrgb([0.12, 0.21, 0.09]);

function mix3(a: readonly number[], b: readonly number[], t: number): [number, number, number] {
  return [lerp(a[0], b[0], t), lerp(a[1], b[1], t), lerp(a[2], b[2], t)];
}

/**
 * Rock colour at a point of the unit pillar: grey to ochre-buff strata, dark water streaks
 * running down from ledges, shadowed joints, and moss and shrubs on a few ledges and the rim.
 * `sampling` is the mesh's vertex spacing, so detail finer than it is filtered, not aliased.
 */
export function rockColourAt(shape: PillarShape, theta: number, yN: number, seed: number, sampling?: CarvingSampling): [number, number, number] {
  const s = deriveSeed(seed, `rock-colour-${shape.spec.salt}`);
  const cx = Math.cos(theta);
  const sz = Math.sin(theta);
  // Colour follows the strata: broad horizontal bands, broken up around the section.
  const band = fbm3(cx * 1.2, yN * 6, sz * 1.2, s, 3);
  const pale = smoothstep(0.6, 0.8, fbm3(cx * 2.5 + 7, yN * 14, sz * 2.5, s + 1, 2));
  let c = mix3(GREY, BUFF, smoothstep(0.25, 0.75, band));
  c = mix3(c, PALE, pale * 0.55);
  const below = shape.belowLedgeAt(theta, yN);
  // Streak mask: narrow around the section, each streak starting under a ledge and fading as it runs down.
  const streakBand = smoothstep(0.5, 0.74, valueNoise2(theta * 5.5, yN * 1.3, s + 2));
  const streakLength = 0.25 + 0.75 * valueNoise2(theta * 9, yN * 3, s + 3);
  const streak = streakBand * Math.exp(-below / streakLength) * (0.55 + 0.45 * valueNoise2(theta * 14, yN * 8, s + 6));
  const rust = smoothstep(0.62, 0.8, valueNoise2(theta * 3, yN * 7, s + 7)) * Math.exp(-below * 2.5);
  c = mix3(c, RUST, rust * 0.5);
  c = mix3(c, STAIN, clamp(streak, 0, 1) * 0.75);
  const carving = shape.carvingAt(theta, yN, sampling);
  const shade = 1 - 0.45 * carving;
  c = [c[0] * shade, c[1] * shade, c[2] * shade];
  // Shrubs cling to a few ledges (more towards the top), the rim is green; the foot disappears into forest.
  const ledge = Math.exp(-(((below - 0.02) / 0.12) ** 2));
  // A ledge band thinner than the ring spacing would smear green over whole rings: fade it with coarseness.
  const bedsPerRing = sampling ? sampling.yStep * shape.spec.beddingCount : 0;
  const ledgeResolved = clamp(0.6 / Math.max(bedsPerRing, 1e-6), 0, 1);
  const ledgeGreen = ledge * ledgeResolved * smoothstep(0.62, 0.8, valueNoise2(theta * 2.5, yN * 9, s + 4) + 0.25 * yN) * 0.9;
  const rimGreen = smoothstep(0.965, 0.995, yN) * (0.5 + 0.5 * valueNoise2(theta * 5, yN * 30, s + 5));
  const footGreen = 1 - smoothstep(0.01, 0.06, yN);
  c = mix3(c, MOSS, clamp(Math.max(rimGreen, footGreen), 0, 1));
  return mix3(c, SHRUB, clamp(ledgeGreen, 0, 1));
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
  const sampling: CarvingSampling = { thetaStep: (Math.PI * 2) / radial, yStep: 1 / rings };
  for (let j = 0; j < wallLevels; j++) {
    const yN = (j / rings) * (1 - RIM_FRACTION);
    for (let i = 0; i < radial; i++) {
      const theta = (i / radial) * Math.PI * 2;
      const r = shape.radiusAt(theta, yN, sampling);
      put(r * Math.cos(theta), yN, r * Math.sin(theta), rockColourAt(shape, theta, yN, seed, sampling));
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
