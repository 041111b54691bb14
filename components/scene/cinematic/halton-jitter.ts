// Sub-pixel offsets for the accumulated sub-frames: the Halton (2, 3) sequence, a fixed,
// evenly spread pattern, so a frame's anti-aliasing is the same on every bake.

export function halton(index: number, base: number): number {
  let result = 0;
  let fraction = 1 / base;
  let i = index;
  while (i > 0) {
    result += (i % base) * fraction;
    i = Math.floor(i / base);
    fraction /= base;
  }
  return result;
}

/** Offsets in pixels, each within ±0.5, for sub-frames 0…count−1 (index 0 of Halton is skipped: it is 0, 0). */
export function subPixelJitter(count: number): Array<[number, number]> {
  return Array.from({ length: count }, (_, i) => [halton(i + 1, 2) - 0.5, halton(i + 1, 3) - 0.5] as [number, number]);
}
