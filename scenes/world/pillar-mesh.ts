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

// Quartz sandstone in a photograph is grey to buff-grey, ochre only in places: under a warm sun a
// creamier palette read as tan hoodoos, and even the last buff read as beige tubes up close. The
// pale tone is the lichen-whitened rock of the photographs; the streaks carry the contrast.
const GREY = linearFromSrgb([0.53, 0.535, 0.53]);
const BUFF = linearFromSrgb([0.63, 0.61, 0.565]);
const PALE = linearFromSrgb([0.75, 0.755, 0.74]);
/** Iron-stained rock: the ochre patches under some ledges. */
const OCHRE = linearFromSrgb([0.62, 0.53, 0.42]);
/** Water-stained rock: grey-black where seepage runs down the face from the top and the ledges. */
const STAIN = linearFromSrgb([0.16, 0.165, 0.165]);
const MOSS = linearFromSrgb([0.19, 0.28, 0.12]);
const SHRUB = linearFromSrgb([0.18, 0.3, 0.1]);
/**
 * Green on a coarse (far) mesh stands for many shrubs at once and must survive haze: darker and
 * more saturated than a single clump, so fog lifts it to a forest green rather than to grey.
 */
const FAR_GREEN = linearFromSrgb([0.14, 0.29, 0.07]);

/** How much each bed's own tone shows where the mesh resolves beds: a faint step, not a stripe. */
const BED_TONE_SHARE = 0.2;

function mix3(a: readonly number[], b: readonly number[], t: number): [number, number, number] {
  return [lerp(a[0], b[0], t), lerp(a[1], b[1], t), lerp(a[2], b[2], t)];
}

/**
 * Value noise on a lattice turned off the section's axes, plus a finer octave weighted by `fine`
 * (what the mesh can resolve): thresholded plain value noise draws axis-aligned squares, which
 * up close read as blurry green squares on a wall; this keeps the patches' edges ragged. Spread
 * back to about plain noise's range, so the thresholds below keep their meaning.
 */
function patchNoise(u: number, v: number, seed: number, fine: number): number {
  const coarse = valueNoise2(0.83 * u + 0.56 * v, -0.56 * u + 0.83 * v, seed);
  const detail = valueNoise2(2.1 * (0.45 * u - 0.89 * v) + 17.3, 2.1 * (0.89 * u + 0.45 * v), seed + 101);
  const w = 0.35 * fine;
  return clamp(0.5 + ((1 - w) * coarse + w * detail - 0.5) * (1 + 0.45 * w), 0, 1);
}

/**
 * Rock colour at a point of the unit pillar: grey to buff strata with ochre patches, long dark
 * water streaks running down from the top and the ledges, shadowed joints, and the green that
 * makes a Wulingyuan pillar: a cap hanging down from the top, shrubs on ledges and in joints.
 * `sampling` is the mesh's vertex spacing, so detail finer than it is filtered, not aliased.
 */
export function rockColourAt(
  shape: PillarShape,
  theta: number,
  yN: number,
  seed: number,
  sampling?: CarvingSampling,
): [number, number, number] {
  const s = deriveSeed(seed, `rock-colour-${shape.spec.salt}`);
  const cx = Math.cos(theta);
  const sz = Math.sin(theta);
  // Colour follows the slabs between vertical joints more than the strata: tones that change
  // around the section and hold down tens of metres of height, with the beds only a faint modulation.
  // On a lattice turned off the section's axes: an axis-aligned one shows, up close on a wide wall,
  // as pale rectangles stacked in rows.
  const band = fbm3(cx * 1.2 + 0.5 * yN * 6, yN * 6 * 0.87 - 0.6 * cx, sz * 1.2, s, 3);
  const slabTone = fbm3(cx * 3.1 + 11, yN * 1.1, sz * 3.1, s + 24, 2);
  const pale = smoothstep(0.55, 0.8, fbm3(cx * 4 * 0.9 + yN * 3 * 0.4 + 7, yN * 3 * 0.9 - cx * 4 * 0.4 + sz * 1.5, sz * 4, s + 1, 2));
  let c = mix3(GREY, BUFF, smoothstep(0.3, 0.8, 0.3 * band + 0.7 * slabTone));
  c = mix3(c, PALE, pale * 0.7);
  // Where the mesh resolves single beds, each bed carries a faint tone of its own and a shadowed
  // parting at its foot: steps in the rock, not the stripes that ruled the shafts into rings.
  const bedsPerRingHere = sampling ? sampling.yStep * shape.spec.beddingCount : 0;
  const bedsResolved = clamp((1.1 - bedsPerRingHere) / 0.6, 0, 1);
  if (bedsResolved > 0) {
    const phase = shape.bedPhaseAt(theta, yN);
    const bed = Math.floor(phase);
    const tone = valueNoise2(bed * 1.37 + 0.3 * cx, 0.7 * sz + 2.1, s + 20);
    const bedColour = tone < 0.45 ? mix3(GREY, STAIN, 0.12) : tone < 0.7 ? BUFF : PALE;
    c = mix3(c, bedColour, BED_TONE_SHARE * bedsResolved);
    const sigma = Math.max(0.09, bedsPerRingHere * 0.6);
    const foot = phase - bed;
    const fromFoot = foot / sigma;
    const fromHead = (1 - foot) / sigma;
    const parting = Math.exp(-fromFoot * fromFoot) + Math.exp(-fromHead * fromHead);
    const partingShade = 1 - 0.14 * bedsResolved * Math.min(1, parting);
    c = [c[0] * partingShade, c[1] * partingShade, c[2] * partingShade];
  }
  const below = shape.belowLedgeAt(theta, yN);
  // Streaks are narrow around the section and long down it: seepage from the top runs most of
  // the height, from a ledge many beds. Noise stretched along the height keeps each one straight.
  // Wide and dark enough to be the face's main pattern: grey-black streaks, not bands, are what a
  // photograph shows.
  const streakBand = smoothstep(0.36, 0.6, valueNoise2(theta * 6.5, yN * 0.6, s + 2));
  const fromTop = Math.exp(-(1 - yN) / (0.45 + 0.9 * valueNoise2(theta * 9, 0.5, s + 3)));
  const fromLedge = Math.exp(-below / (0.9 + 1.6 * valueNoise2(theta * 9, yN * 3, s + 8)));
  const streak = streakBand * Math.max(fromTop, fromLedge * 0.85) * (0.65 + 0.35 * valueNoise2(theta * 14, yN * 3, s + 6));
  const ochre = smoothstep(0.6, 0.8, valueNoise2(theta * 3, yN * 7, s + 7)) * Math.exp(-below * 2);
  c = mix3(c, OCHRE, ochre * 0.35);
  c = mix3(c, STAIN, clamp(streak, 0, 1) * 0.9);
  const carving = shape.carvingAt(theta, yN, sampling);
  // Flute grooves hold shadow and damp, darker than the ribs either side.
  const shade = (1 - 0.6 * carving) * (1 - 0.35 * shape.fluteAt(theta, yN, sampling));
  c = [c[0] * shade, c[1] * shade, c[2] * shade];
  // Shrubs on ledges (more towards the top); a ledge band thinner than the ring spacing would
  // smear green over whole rings, so coarse meshes get patches of the same cover instead.
  // A ledge holds a hanging garden: shrubs on it and trailing down a good part of the bed below.
  // Growth hangs from the ledge by uneven lengths around the section, so a clump's foot is ragged
  // rather than the square-cut bottom of a band.
  const hang = 0.08 + 0.34 * valueNoise2(theta * 23 + 5.1, yN * 3, s + 22);
  // Only some beds hold growth at a given bearing, in runs a few tens of degrees long: with every
  // ledge planted, the clumps lined up in rows one bed apart across the First Bridge's walls.
  const ledgeBed = Math.floor(shape.bedPhaseAt(theta, yN) + 0.15);
  const plantedBed = smoothstep(0.3, 0.52, valueNoise2(theta * 2.3 + ledgeBed * 1.31, ledgeBed * 0.77 + 0.4, s + 23));
  const ledge = Math.exp(-(((below - 0.06) / hang) ** 2)) * plantedBed;
  const bedsPerRing = sampling ? sampling.yStep * shape.spec.beddingCount : 0;
  const ledgeResolved = clamp(0.6 / Math.max(bedsPerRing, 1e-6), 0, 1);
  const coarse = 1 - ledgeResolved;
  // Noise finer than the vertex spacing around the section would hit or miss vertices at random
  // and draw a checkerboard of blotches: where the mesh cannot resolve it, its average stands in.
  const aroundResolved = sampling ? clamp((0.07 / sampling.thetaStep - 0.25) / 0.75, 0, 1) : 1;
  // Growth takes hold in patches a few metres wide, never along a whole ledge: the noise varies fast around the section.
  const cover = patchNoise(theta * 8, yN * 9, s + 4, aroundResolved) + 0.15 * yN;
  // Ledge growth breaks into clumps a few metres wide, so ledges never rule the face into stripes.
  const ledgeClumps = patchNoise(theta * 15, yN * 11, s + 14, aroundResolved) + 0.12 * yN;
  const ledgeGreen = ledge * ledgeResolved * lerp(0.5, smoothstep(0.38, 0.72, ledgeClumps), aroundResolved);
  // Whole slabs of a face are forested, the upper shaft more than the lower: patches a quarter
  // of the way round and tens of metres high, what still reads as green from a kilometre off.
  // Up close a patch is ledges and trails, not a painted sheet; from afar it is one dark mass.
  // Slabs are the exception, not the rule: bare grey-buff rock must dominate a shaft, as in a
  // photograph, and forested slabs keep to the upper shaft where the crown's forest spills down.
  // A second, finer noise breaks each slab into hanging stands with bare rock between them,
  // narrower than they are tall, as growth follows the clefts down a face rather than squares on it.
  // Where the mesh cannot resolve the stands around the section, their share stands in: about
  // half the slab on a mesh with many rings, seen close (the phone's landmarks, whose slabs were
  // otherwise whole green swathes), more on one with few, which stands for a face seen from
  // afar and must keep its green through the haze.
  const unresolvedStands = sampling ? lerp(0.5, 0.85, smoothstep(1 / 64, 1 / 40, sampling.yStep)) : 0.85;
  const slab =
    smoothstep(0.55, 0.74, patchNoise(theta * 3.4 + 1.3, yN * 6, s + 12, aroundResolved) + 0.06 * yN) *
    lerp(unresolvedStands, smoothstep(0.36, 0.58, patchNoise(theta * 11 + 2.7, yN * 7, s + 21, aroundResolved)), aroundResolved);
  const slabTexture = lerp(Math.max(ledge, 0.6), Math.max(ledge, smoothstep(0.3, 0.55, cover)), aroundResolved);
  // Under the crown the slabs thin out: the crown's drapes and the clinging pines carry the green
  // there, and with slabs as well the upper third, seen from below, was one green mass.
  const slabGreen = slab * lerp(slabTexture, 0.75, coarse) * (1 - 0.6 * smoothstep(0.6, 0.85, yN));
  // A coarse mesh cannot draw single ledges, so it draws what they add up to from afar: broad
  // patches of forest on the upper shaft and thinner ones lower down.
  const patchGreen = coarse * smoothstep(0.64, 0.9, cover + 0.15 * yN);
  // Joints hold soil: green creeps down the deeper ones from each ledge, for part of the bed
  // below it. Down a whole joint it drew one unbroken green stripe from top to foot, and the
  // Southern Sky Column read as a green-streaked tower rather than stone with plants on it.
  const fromLedgeDown = 0.3 + 0.7 * Math.exp(-below / 0.45);
  const jointGreen =
    smoothstep(0.2, 0.5, carving) *
    smoothstep(0.45, 0.7, valueNoise2(theta * 4, yN * 5, s + 9) + 0.12 * yN) *
    (1 - 0.5 * coarse) *
    fromLedgeDown;
  // The top's cover hangs down the faces by an uneven few percent of the height; on a coarse mesh
  // it reaches down to the next ring, or the cap would shrink to a tuft on a bare shaft.
  const capDepth = 0.04 + 0.07 * valueNoise2(theta * 4.5, 1.5, s + 5) + 0.14 * coarse;
  const capGreen = smoothstep(1 - capDepth - 0.03, 1 - capDepth + 0.01, yN);
  const footGreen = 1 - smoothstep(0.01, 0.06, yN);
  c = mix3(c, MOSS, clamp(Math.max(capGreen, footGreen) * (0.85 + 0.15 * valueNoise2(theta * 7, yN * 20, s + 10)), 0, 1));
  // Seen from afar, the rock between patches is itself flecked with scrub: a faint green wash.
  c = mix3(c, FAR_GREEN, 0.06 * coarse * (0.5 + yN));
  const green = mix3(SHRUB, FAR_GREEN, coarse);
  // Mixing linear colours towards a dark green mostly darkens the rock; it only turns green near
  // the end, so cover is pushed hard: where there is growth at all, it is mostly leaves.
  // Under the crown, scrub hangs down the upper third in drapes: narrow around the section, long
  // down it, ragged at their feet, so the forested top runs on down the faces instead of ending
  // in a cap on a bare shaft.
  const drape =
    smoothstep(0.58, 0.74, patchNoise(theta * 7 + 3.1, yN * 2.2, s + 15, aroundResolved)) *
    smoothstep(0.8 + 0.08 * valueNoise2(theta * 5, 2.5, s + 16), 0.93, yN);
  const growth = Math.max(ledgeGreen, slabGreen, patchGreen * 0.9, jointGreen, drape);
  // A coarse mesh's vertex stands for a wide stretch of face: only where growth is dense does it
  // stand for forest, or the whole shaft turns green and the rock bands between vanish.
  return mix3(c, green, 0.95 * smoothstep(0.22 + 0.2 * coarse, 0.62 + 0.2 * coarse, growth));
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
