// Seeded randomness for the world generator: a small PRNG and value noise built only
// from integer hashing, so Node and every browser produce bit-identical worlds.

/** mulberry32: a fast 32-bit PRNG; returns numbers in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives an independent stream seed from a base seed and a label, so adding a stream never shifts another. */
export function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hash of an integer lattice point to [0, 1). */
export function latticeHash(ix: number, iy: number, iz: number, seed: number): number {
  const h = seed ^ Math.imul(ix, 0x27d4eb2d) ^ Math.imul(iy, 0x165667b1) ^ Math.imul(iz, 0x61c88647);
  return mix32(h) / 4294967296;
}

function fade(t: number): number {
  return t * t * t * (t * (t * 6 - 15) + 10);
}

/** Smooth 2D value noise in [0, 1]. */
export function valueNoise2(x: number, z: number, seed: number): number {
  const ix = Math.floor(x);
  const iz = Math.floor(z);
  const fx = fade(x - ix);
  const fz = fade(z - iz);
  const a = latticeHash(ix, 0, iz, seed);
  const b = latticeHash(ix + 1, 0, iz, seed);
  const c = latticeHash(ix, 0, iz + 1, seed);
  const d = latticeHash(ix + 1, 0, iz + 1, seed);
  const top = a + (b - a) * fx;
  const bottom = c + (d - c) * fx;
  return top + (bottom - top) * fz;
}

/** Smooth 3D value noise in [0, 1]. */
export function valueNoise3(x: number, y: number, z: number, seed: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const iz = Math.floor(z);
  const fx = fade(x - ix);
  const fy = fade(y - iy);
  const fz = fade(z - iz);
  const c000 = latticeHash(ix, iy, iz, seed);
  const c100 = latticeHash(ix + 1, iy, iz, seed);
  const c010 = latticeHash(ix, iy + 1, iz, seed);
  const c110 = latticeHash(ix + 1, iy + 1, iz, seed);
  const c001 = latticeHash(ix, iy, iz + 1, seed);
  const c101 = latticeHash(ix + 1, iy, iz + 1, seed);
  const c011 = latticeHash(ix, iy + 1, iz + 1, seed);
  const c111 = latticeHash(ix + 1, iy + 1, iz + 1, seed);
  const x00 = c000 + (c100 - c000) * fx;
  const x10 = c010 + (c110 - c010) * fx;
  const x01 = c001 + (c101 - c001) * fx;
  const x11 = c011 + (c111 - c011) * fx;
  const y0 = x00 + (x10 - x00) * fy;
  const y1 = x01 + (x11 - x01) * fy;
  return y0 + (y1 - y0) * fz;
}

/** Fractal sum of 2D value noise, normalised to [0, 1]. */
export function fbm2(x: number, z: number, seed: number, octaves = 5, lacunarity = 2, gain = 0.5): number {
  let sum = 0;
  let amplitude = 1;
  let norm = 0;
  let frequency = 1;
  for (let o = 0; o < octaves; o++) {
    sum += amplitude * valueNoise2(x * frequency, z * frequency, seed + o * 1013);
    norm += amplitude;
    amplitude *= gain;
    frequency *= lacunarity;
  }
  return sum / norm;
}

/** Fractal sum of 3D value noise, normalised to [0, 1]. */
export function fbm3(x: number, y: number, z: number, seed: number, octaves = 4, lacunarity = 2, gain = 0.5): number {
  let sum = 0;
  let amplitude = 1;
  let norm = 0;
  let frequency = 1;
  for (let o = 0; o < octaves; o++) {
    sum += amplitude * valueNoise3(x * frequency, y * frequency, z * frequency, seed + o * 1013);
    norm += amplitude;
    amplitude *= gain;
    frequency *= lacunarity;
  }
  return sum / norm;
}

/**
 * Ridged fractal noise in [0, 1]: 1 along crest lines, falling away to both sides, so the hills
 * form ridges and spurs with valleys between rather than round blobs. Only arithmetic, so Node
 * and Chromium sample the same heights.
 */
export function ridgedNoise2(x: number, z: number, seed: number, octaves: number): number {
  let sum = 0;
  let amplitude = 1;
  let norm = 0;
  let frequency = 1;
  for (let o = 0; o < octaves; o++) {
    const crest = 1 - Math.abs(2 * valueNoise2(x * frequency, z * frequency, seed + o * 1013) - 1);
    sum += amplitude * crest * crest;
    norm += amplitude;
    amplitude *= 0.5;
    frequency *= 2;
  }
  return sum / norm;
}

export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
