// One Masson pine as the pillar tops, ledges and Tianmen's plateau draw it: a stack of low, ragged
// foliage pads. Photographs of Zhangjiajie show cliff pines as flat-topped, windswept crowns whose
// pads spread sideways in tiers (the Huangshan-pine look), seldom the regular cone of a fir, so
// most trees here are flat-topped umbrellas or windswept, and only a few young ones stay conical.
// Every form uses the same vertices and triangles, so the look changes and the budgets do not.
import { linearFromSrgb } from './colour';

/** Where a mesh builder takes the pine's vertices and triangles. */
export interface PineMeshWriter {
  /** Adds a vertex of colour `colour × shade` and returns its index. */
  put(x: number, y: number, z: number, colour: readonly number[], shade: number): number;
  tri(a: number, b: number, c: number): void;
}

/** A writer into preallocated position, colour and index arrays, as every pine-bearing mesh fills them. */
export function arrayMeshWriter(positions: Float32Array, colors: Float32Array, indices: Uint32Array): PineMeshWriter {
  let v = 0;
  let t = 0;
  return {
    put(x, y, z, c, shade) {
      positions[v * 3] = x;
      positions[v * 3 + 1] = y;
      positions[v * 3 + 2] = z;
      colors[v * 3] = c[0] * shade;
      colors[v * 3 + 1] = c[1] * shade;
      colors[v * 3 + 2] = c[2] * shade;
      return v++;
    },
    tri(a, b, c) {
      indices[t++] = a;
      indices[t++] = b;
      indices[t++] = c;
    },
  };
}

// Masson pine needles. Near black before (sRGB 0.08-0.10 in the shade, so every crown read as a
// dark blot under the cinematic tier's shadows and occlusion); photographs show the crowns as
// mid-dark green, yellow-green where the sun catches the pads' tops, blue-green in their shade,
// and no two trees quite alike.
const NEEDLE_DARK = linearFromSrgb([0.12, 0.21, 0.1]);
const NEEDLE_DARK_BLUE = linearFromSrgb([0.1, 0.19, 0.13]);
const NEEDLE_LIT = linearFromSrgb([0.27, 0.4, 0.16]);
const NEEDLE_LIT_WARM = linearFromSrgb([0.38, 0.46, 0.18]);

/** One tree's needle colours, t in [0, 1]: from a cool, dark blue-green tree to a warm, yellow-green one. */
export function needleColours(t: number): { dark: [number, number, number]; lit: [number, number, number] } {
  const mix = (a: readonly number[], b: readonly number[]): [number, number, number] =>
    [0, 1, 2].map((k) => a[k] + (b[k] - a[k]) * t) as [number, number, number];
  return { dark: mix(NEEDLE_DARK_BLUE, NEEDLE_DARK), lit: mix(NEEDLE_LIT, NEEDLE_LIT_WARM) };
}

export interface PineSpec {
  /** Foot of the trunk, unit space. */
  x: number;
  y: number;
  z: number;
  /** Tree height and crown radius, unit space. */
  height: number;
  radius: number;
  /** Foliage pads, stacked; and the corners of each pad's ragged outline. */
  layers: number;
  sides: number;
  /** Horizontal drift of the crown per unit of height (an edge tree leaning out over the drop). */
  leanX: number;
  leanZ: number;
  shade: number;
  /** Needle colours: the pad's shaded rim and underside, and its lit top. */
  dark: readonly number[];
  lit: readonly number[];
}

/** Vertices and triangles one pine adds: each pad is a ring, a top and an underside point. */
export function pineVertexCount(layers: number, sides: number): number {
  return layers * (sides + 2);
}

export function pineTriangleCount(layers: number, sides: number): number {
  return layers * sides * 2;
}

type PineForm = 'umbrella' | 'windswept' | 'young';

/** Farthest a pad's rim reaches from the (leaning) trunk, in crown radii. */
const MAX_REACH = 1.15;

/**
 * Adds one pine. The pads' tops stay at or below `y + 1.12 × height` and their rims within
 * 1.15 radii of the trunk (what the earlier cone layers reached), so the crown heights and
 * overhangs that clearance bounds assume keep holding.
 */
export function addPine(out: PineMeshWriter, random: () => number, spec: PineSpec): void {
  const roll = random();
  const form: PineForm = roll < 0.55 ? 'umbrella' : roll < 0.88 ? 'windswept' : 'young';
  // The wind (or the light an edge tree reaches for) pushes the crown one way; an edge tree's own lean decides it.
  const leanLength = Math.hypot(spec.leanX, spec.leanZ);
  const windAngle = leanLength > 1e-6 ? Math.atan2(spec.leanZ, spec.leanX) : random() * Math.PI * 2;
  const windX = Math.cos(windAngle);
  const windZ = Math.sin(windAngle);
  const { layers, sides, height: h, radius: R } = spec;
  for (let layer = 0; layer < layers; layer++) {
    const f = layers === 1 ? 0.35 : layer / (layers - 1);
    let padY: number;
    let padRadius: number;
    let thickness: number;
    let shift: number;
    if (form === 'young') {
      // A young pine keeps the pointed tiers of a cone.
      padY = h * (0.35 + 0.45 * f);
      padRadius = R * (1.1 - 0.45 * f);
      thickness = h * (layers === 1 ? 0.6 : 0.32);
      shift = 0;
    } else {
      // Flat, wide pads on a bare trunk; the top pad is as broad as the ones below, so the crown
      // ends in a level table rather than a point. A lone far pad is a squat mound, not a flat tile.
      padY = h * (layers === 1 ? 0.45 : 0.5 + 0.44 * f);
      padRadius = R * (layers === 1 ? 1.1 : (0.8 + 0.45 * random()) * (form === 'windswept' ? 1.1 - 0.25 * f : 1.05 - 0.1 * f));
      thickness = h * (layers === 1 ? 0.55 : 0.12 + 0.06 * random());
      // Windswept pads reach out downwind, higher ones farther; an umbrella's wander a little.
      shift = form === 'windswept' ? R * (0.15 + 0.35 * f) : R * 0.2 * (random() - 0.5);
    }
    const jitterAngle = random() * Math.PI * 2;
    const jitter = form === 'young' ? 0 : R * 0.18 * random();
    const drift = leanLength * padY;
    const cx = spec.x + windX * (shift + drift) + Math.cos(jitterAngle) * jitter;
    const cz = spec.z + windZ * (shift + drift) + Math.sin(jitterAngle) * jitter;
    const baseY = spec.y + padY;
    const trunkX = spec.x + windX * drift;
    const trunkZ = spec.z + windZ * drift;
    // A pad sprawls along the wind more than across it: an ellipse with a ragged rim.
    const stretch = form === 'windswept' ? 1.2 : 1 + 0.15 * random();
    const twist = random() * Math.PI * 2;
    const ring: number[] = [];
    for (let i = 0; i < sides; i++) {
      const a = twist + (i / sides) * Math.PI * 2;
      const ragged = form === 'young' ? 1 : 0.75 + 0.4 * random();
      // Along the wind (a) and across it (b), then into the scene's axes.
      const along = Math.cos(a) * padRadius * ragged * stretch;
      const across = Math.sin(a) * padRadius * ragged;
      const droop = form === 'young' ? 0 : thickness * 0.35 * (random() - 0.3);
      // No pad reaches farther from the trunk than the old cone did, so clearance bounds keep holding.
      let dx = cx + windX * along - windZ * across - trunkX;
      let dz = cz + windZ * along + windX * across - trunkZ;
      const reach = Math.hypot(dx, dz);
      if (reach > MAX_REACH * R) {
        dx *= (MAX_REACH * R) / reach;
        dz *= (MAX_REACH * R) / reach;
      }
      ring.push(out.put(trunkX + dx, baseY - droop, trunkZ + dz, spec.dark, spec.shade));
    }
    const top = out.put(cx, baseY + thickness, cz, spec.lit, spec.shade);
    // Not much darker than the rim: seen from below against the sky, the pads' undersides are what
    // the camera sees of a crown, and at 0.7 every crown read as a black blot.
    const under = out.put(cx, baseY + thickness * 0.15, cz, spec.dark, spec.shade * 0.88);
    for (let i = 0; i < sides; i++) {
      const a = ring[i];
      const b = ring[(i + 1) % sides];
      out.tri(a, top, b);
      out.tri(b, under, a);
    }
  }
}
