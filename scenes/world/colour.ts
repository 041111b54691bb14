// Palette colours are picked by eye in sRGB; meshes carry linear RGB, which is what three's
// lighting expects for vertex colours.

export type Rgb = readonly [number, number, number];

export function linearFromSrgb(c: Rgb): [number, number, number] {
  const f = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return [f(c[0]), f(c[1]), f(c[2])];
}
