// One rounded tuft of shrub or small pine crown, the unit a pillar's canopy is packed from: a
// ragged ring round its widest part, optionally a narrower ring above it that rounds its
// shoulder, a lit top and a shallow shaded underside. Dozens of these, of uneven size and
// height, touching and overlapping, are what make a pillar top read as a mass of separate
// crowns with a broken skyline, where one smooth dome read as a green cap.
import type { PineMeshWriter } from './pine-tree';

export interface TuftSpec {
  /** Centre of the tuft's widest ring, unit space. */
  x: number;
  y: number;
  z: number;
  /** Horizontal radius, and how far the top stands above the ring (the underside hangs TUFT_UNDERSIDE of that below). */
  radius: number;
  height: number;
  /** Corners of each ring, and rings (1, or 2 for a rounded shoulder up close). */
  sides: number;
  rings: number;
  shade: number;
  dark: readonly number[];
  lit: readonly number[];
}

/** Farthest a tuft's ring or top reaches from its centre, in radii. */
export const TUFT_REACH = 1.12;

export function tuftVertexCount(sides: number, rings: number): number {
  return sides * rings + 2;
}

export function tuftTriangleCount(sides: number, rings: number): number {
  return sides * 2 * rings;
}

/**
 * How far below its ring a tuft's underside hangs, as a share of its height: shallow, since from
 * below (how a flight mostly sees a pillar's top) a deep underside drew every tuft as a shard.
 */
export const TUFT_UNDERSIDE = 0.3;

export function addShrubTuft(out: PineMeshWriter, random: () => number, spec: TuftSpec): void {
  const { sides, radius, height } = spec;
  const twist = random() * Math.PI * 2;
  // Dark at the rim and underneath, yellow-green only on the plate's upper face: the sunlit top
  // against a dark underside is what makes a flat crown read as a pine's plate of needles.
  const mix = (t: number) => [0, 1, 2].map((k) => spec.dark[k] + (spec.lit[k] - spec.dark[k]) * t);
  const rings: number[][] = [];
  for (let r = 0; r < spec.rings; r++) {
    // A single ring is the widest part; a second, narrower and higher, turned half a step, rounds
    // the shoulder (with one ring and a point above it, every tuft up close was a green pyramid).
    const shoulder = r > 0;
    const colour = mix(shoulder ? 0.6 : 0.2);
    const ring: number[] = [];
    for (let i = 0; i < sides; i++) {
      const a = twist + ((i + (shoulder ? 0.5 : 0) + 0.3 * (random() - 0.5)) / sides) * Math.PI * 2;
      const reach = radius * (TUFT_REACH - 0.34 * random()) * (shoulder ? 0.72 : 1);
      const y = spec.y + (shoulder ? height * (0.55 + 0.1 * random()) : height * 0.2 * (random() - 0.5));
      ring.push(out.put(spec.x + Math.cos(a) * reach, y, spec.z + Math.sin(a) * reach, colour, spec.shade));
    }
    rings.push(ring);
  }
  // The top leans a little off centre, so no two tufts are the same.
  const lean = radius * 0.2;
  const leanAngle = random() * Math.PI * 2;
  const top = out.put(spec.x + Math.cos(leanAngle) * lean, spec.y + height, spec.z + Math.sin(leanAngle) * lean, mix(0.9), spec.shade);
  // Not black: seen from below against the sky (how a flight sees most crowns and every clinging
  // pine) the undersides, already in shade, at 0.6 drew each crown as a cluster of dark plates.
  const under = out.put(spec.x, spec.y - height * TUFT_UNDERSIDE, spec.z, spec.dark, spec.shade * 0.85);
  const widest = rings[0];
  const highest = rings[rings.length - 1];
  for (let i = 0; i < sides; i++) {
    const j = (i + 1) % sides;
    out.tri(widest[j], under, widest[i]);
    out.tri(highest[i], top, highest[j]);
    if (rings.length > 1) {
      // The band between the widest ring and the shoulder, whose corners sit half a step round.
      out.tri(widest[i], highest[i], widest[j]);
      out.tri(widest[j], highest[i], highest[j]);
    }
  }
}

/**
 * Normals of a ball, not of the facets: pointing out from a point a little below the ring, so a
 * tuft of a few corners shades like a round crown (lit on top and sunward, dark under), where
 * the facets' own normals drew every tuft as a cut green crystal. `first` is its first vertex.
 */
export function roundTuftNormals(positions: Float32Array, normals: Float32Array, first: number, spec: TuftSpec): void {
  // The ball's centre and size as float32, like the positions: the plan's doubles can differ in
  // their last bits between Node and Chromium (their sin, cos and pow do, now and then), and the
  // normals must come out byte-identical wherever the world is built.
  const [x, z, radius, height] = [spec.x, spec.z, spec.radius, spec.height].map(Math.fround);
  const cy = Math.fround(spec.y - spec.height * 0.15);
  for (let v = first; v < first + tuftVertexCount(spec.sides, spec.rings); v++) {
    const dx = (positions[v * 3] - x) / radius;
    const dy = (positions[v * 3 + 1] - cy) / height;
    const dz = (positions[v * 3 + 2] - z) / radius;
    // sqrt of the sum, not Math.hypot: hypot's last bits differ between Node's V8 and Chromium's.
    const length = Math.sqrt(dx * dx + dy * dy + dz * dz) || 1;
    normals[v * 3] = dx / length;
    normals[v * 3 + 1] = dy / length;
    normals[v * 3 + 2] = dz / length;
  }
}
