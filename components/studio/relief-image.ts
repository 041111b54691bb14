// The map's base layer: the terrain as a shaded relief picture (hillshade from the
// north-west over height tints), computed from the world's height field. Pure.
export interface ReliefImage {
  sizePx: number;
  /** RGBA, row by row from the north-west corner. */
  pixels: Uint8ClampedArray;
}

interface TintStop {
  heightM: number;
  rgb: [number, number, number];
}

// Valley greens up to ochre plateau tops, matching the site's moss and ochre palette.
const TINTS: TintStop[] = [
  { heightM: 380, rgb: [38, 66, 54] },
  { heightM: 560, rgb: [58, 92, 72] },
  { heightM: 760, rgb: [96, 118, 86] },
  { heightM: 980, rgb: [150, 140, 100] },
  { heightM: 1250, rgb: [196, 172, 126] },
];

function tintAt(heightM: number): [number, number, number] {
  if (heightM <= TINTS[0].heightM) return TINTS[0].rgb;
  for (let i = 1; i < TINTS.length; i++) {
    const a = TINTS[i - 1];
    const b = TINTS[i];
    if (heightM <= b.heightM) {
      const f = (heightM - a.heightM) / (b.heightM - a.heightM);
      return [a.rgb[0] + (b.rgb[0] - a.rgb[0]) * f, a.rgb[1] + (b.rgb[1] - a.rgb[1]) * f, a.rgb[2] + (b.rgb[2] - a.rgb[2]) * f];
    }
  }
  return TINTS[TINTS.length - 1].rgb;
}

export function buildReliefImage(heightAt: (x: number, z: number) => number, halfExtentM: number, sizePx: number): ReliefImage {
  const cellM = (2 * halfExtentM) / sizePx;
  const heights = new Float32Array((sizePx + 1) * (sizePx + 1));
  for (let row = 0; row <= sizePx; row++) {
    for (let col = 0; col <= sizePx; col++) {
      heights[row * (sizePx + 1) + col] = heightAt(-halfExtentM + col * cellM, -halfExtentM + row * cellM);
    }
  }
  const pixels = new Uint8ClampedArray(sizePx * sizePx * 4);
  // Light from the north-west, 45° up: the cartographer's convention, so slopes read the right way round.
  const light = normalize([-1, 1.4, -1]);
  for (let row = 0; row < sizePx; row++) {
    for (let col = 0; col < sizePx; col++) {
      const h = (r: number, c: number) => heights[clampIndex(r, sizePx) * (sizePx + 1) + clampIndex(c, sizePx)];
      const here = h(row, col);
      // Central differences two cells wide: the slope of the land, not of its fine grain.
      const dx = (h(row, col + 2) - h(row, col - 2)) / (4 * cellM);
      const dz = (h(row + 2, col) - h(row - 2, col)) / (4 * cellM);
      const normal = normalize([-dx * 1.5, 1, -dz * 1.5]);
      const shade = Math.max(0, normal[0] * light[0] + normal[1] * light[1] + normal[2] * light[2]);
      const tint = tintAt(here);
      const brightness = 0.55 + 0.6 * shade;
      const offset = (row * sizePx + col) * 4;
      pixels[offset] = tint[0] * brightness;
      pixels[offset + 1] = tint[1] * brightness;
      pixels[offset + 2] = tint[2] * brightness;
      pixels[offset + 3] = 255;
    }
  }
  return { sizePx, pixels };
}

function clampIndex(value: number, max: number): number {
  return Math.max(0, Math.min(max, value));
}

function normalize(v: [number, number, number]): [number, number, number] {
  const length = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / length, v[1] / length, v[2] / length];
}
