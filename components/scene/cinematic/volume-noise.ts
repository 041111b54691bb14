// A small tileable cube of smooth 3D value noise (two octaves), baked once: the cloud sea's
// billows and the mist's torn edges in the volumetric pass. Seeded lattice hashes only, so
// every renderer bakes the same texels.
import { latticeHash01 } from '@/scenes/atmosphere/lattice-hash';

export const VOLUME_NOISE_SIZE_PX = 48;
/** Lattice cells across the cube at the coarse octave; the fine octave has twice as many. */
const CELLS = 6;

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}

/** The three lattice coordinates folded into two for the shared 2D hash. */
function hash3(i: number, j: number, k: number, period: number, seed: number): number {
  const w = (n: number) => ((n % period) + period) % period;
  return latticeHash01(w(i) + w(k) * 1024, w(j), seed);
}

function valueNoise(x: number, y: number, z: number, period: number, seed: number): number {
  const i = Math.floor(x);
  const j = Math.floor(y);
  const k = Math.floor(z);
  const u = smooth(x - i);
  const v = smooth(y - j);
  const w = smooth(z - k);
  const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
  const c = (di: number, dj: number, dk: number) => hash3(i + di, j + dj, k + dk, period, seed);
  return lerp(
    lerp(lerp(c(0, 0, 0), c(1, 0, 0), u), lerp(c(0, 1, 0), c(1, 1, 0), u), v),
    lerp(lerp(c(0, 0, 1), c(1, 0, 1), u), lerp(c(0, 1, 1), c(1, 1, 1), u), v),
    w,
  );
}

/** size³ single-channel texels, x fastest, stretched to 0–255. */
export function volumeNoiseTexels(size: number = VOLUME_NOISE_SIZE_PX, seed = 0xc10d): Uint8Array {
  const values = new Float32Array(size * size * size);
  let min = Infinity;
  let max = -Infinity;
  for (let z = 0; z < size; z++) {
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const s = CELLS / size;
        const value =
          valueNoise(x * s, y * s, z * s, CELLS, seed) * 0.65 + valueNoise(x * s * 2, y * s * 2, z * s * 2, CELLS * 2, seed + 1) * 0.35;
        values[(z * size + y) * size + x] = value;
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
    }
  }
  const texels = new Uint8Array(values.length);
  const range = max - min || 1;
  for (let i = 0; i < values.length; i++) texels[i] = Math.round(((values[i] - min) / range) * 255);
  return texels;
}
