// A tileable field of smooth gradient noise, baked once into texels. The cloud shaders
// sample it at several scales (cheaper than noise in the shader on a CPU rasteriser,
// and mipmapped, so distant cloud does not shimmer).
import { latticeHash01 } from './lattice-hash';

export const CLOUD_NOISE_SIZE_PX = 256;
/** Gradient-lattice cells across one tile at the coarsest baked octave. */
export const CLOUD_NOISE_CELLS = 8;

function quintic(t: number): number {
  return t * t * t * (t * (t * 6 - 15) + 10);
}

/** Periodic Perlin noise at (x, y) in lattice units, repeating every `period` cells; about -0.7..0.7. */
function periodicGradientNoise(x: number, y: number, period: number, seed: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const corner = (ci: number, cj: number): number => {
    const angle = latticeHash01((((x0 + ci) % period) + period) % period, (((y0 + cj) % period) + period) % period, seed) * Math.PI * 2;
    return Math.cos(angle) * (fx - ci) + Math.sin(angle) * (fy - cj);
  };
  const u = quintic(fx);
  const v = quintic(fy);
  const bottom = corner(0, 0) + (corner(1, 0) - corner(0, 0)) * u;
  const top = corner(0, 1) + (corner(1, 1) - corner(0, 1)) * u;
  return bottom + (top - bottom) * v;
}

/**
 * Square single-channel texels (row-major, `sizePx` × `sizePx`) of two-octave gradient noise
 * that tiles seamlessly, stretched to the full 0–255 range.
 */
export function cloudNoiseTexels(sizePx: number = CLOUD_NOISE_SIZE_PX, seed: number = 0x5eed): Uint8Array {
  const values = new Float32Array(sizePx * sizePx);
  let min = Infinity;
  let max = -Infinity;
  for (let row = 0; row < sizePx; row++) {
    for (let col = 0; col < sizePx; col++) {
      const u = col / sizePx;
      const v = row / sizePx;
      const coarse = periodicGradientNoise(u * CLOUD_NOISE_CELLS, v * CLOUD_NOISE_CELLS, CLOUD_NOISE_CELLS, seed);
      const fine = periodicGradientNoise(u * CLOUD_NOISE_CELLS * 2, v * CLOUD_NOISE_CELLS * 2, CLOUD_NOISE_CELLS * 2, seed + 1);
      const value = coarse * 0.7 + fine * 0.3;
      values[row * sizePx + col] = value;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  const texels = new Uint8Array(sizePx * sizePx);
  const span = max - min || 1;
  for (let k = 0; k < values.length; k++) {
    texels[k] = Math.round(((values[k] - min) / span) * 255);
  }
  return texels;
}
