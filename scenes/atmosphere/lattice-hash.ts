// Integer hashing for the atmosphere's procedural parts: the same inputs give the same
// bits in every JavaScript engine, so browser and render server draw identical clouds.

/** Mixes a 32-bit integer into a well-distributed 32-bit unsigned integer (lowbias32 by Chris Wellons). */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hash of an integer lattice point and a seed, as a number in [0, 1). */
export function latticeHash01(i: number, j: number, seed: number): number {
  const h = mix32(mix32(mix32(seed) ^ (i | 0)) ^ Math.imul(j | 0, 0x27d4eb2d));
  return h / 4294967296;
}

/** Stable 32-bit seed from a name (FNV-1a), so a layer's look follows from its id. */
export function seedFromName(name: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < name.length; k++) {
    h ^= name.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
