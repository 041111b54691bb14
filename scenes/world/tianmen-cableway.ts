// The Tianmen cableway: from a valley station towards the city up the forested slopes to a top
// station on the plateau's rim, on masts placed wherever the sagging cable would come too near
// the ground or the cliff. Two cables, a few cabins; deterministic from the world, no noise.
import type { TerrainField } from './terrain';
import type { TianmenCliffs } from './tianmen-cliffs';
import { TIANMEN_MASSIF } from './tianmen-landmarks';

/** Valley station, towards the city to the south, and the x where the line meets the rim. */
export const CABLEWAY_LAYOUT = {
  bottomX: 780,
  bottomZ: 2250,
  rimX: 640,
  /** Top station this far inside the rim, metres. */
  topInsetM: 70,
  /** The mast on the cliff's edge that lifts the cable over the rim: metres inside it, and its height. */
  rimMastInsetM: 6,
  rimMastHeightM: 96,
  /** Height of a mast above the ground, metres. */
  mastHeightM: 42,
  /** The cable keeps at least this far above ground, metres… */
  clearanceM: 28,
  /** …and this far from the cliff face (whose distance is already a conservative bound). */
  cliffClearanceM: 10,
  /** Sag at mid-span as a share of the span. */
  sagShare: 0.025,
  /** Half the distance between the up and down cables, metres. */
  cableHalfGapM: 5,
  cabinsPerCable: 6,
  /** Cabins and hangers reach this far from a cable; the clearance query allows for it. */
  reachM: 8,
} as const;

export interface CablewayMast {
  x: number;
  z: number;
  footM: number;
  /** Where the cables ride. */
  topM: number;
}

export interface TianmenCableway {
  /** Valley station, masts in order, top station (first and last are the stations). */
  masts: readonly CablewayMast[];
  /** Unit horizontal direction of the line, and its horizontal left-hand normal. */
  direction: readonly [number, number];
  side: readonly [number, number];
  /** A point of the centre line at t in [0, 1] of the whole horizontal length. */
  pointAt(t: number): [number, number, number];
  /** Metres from p to a cable, mast or cabin, never more than the truth. */
  distanceM(x: number, y: number, z: number): number;
}

const SPAN_SAMPLES = 24;
const MIN_SPAN_M = 90;
/** Real lines rarely span more than this between masts. */
const MAX_SPAN_M = 520;

function sagged(a: CablewayMast, b: CablewayMast, t: number): [number, number, number] {
  const span = Math.hypot(b.x - a.x, b.z - a.z);
  const sag = CABLEWAY_LAYOUT.sagShare * span;
  return [a.x + (b.x - a.x) * t, a.topM + (b.topM - a.topM) * t - 4 * sag * t * (1 - t), a.z + (b.z - a.z) * t];
}

export function createTianmenCableway(terrain: TerrainField, cliffs: TianmenCliffs): TianmenCableway {
  const L = CABLEWAY_LAYOUT;
  // The rim point on the south side nearest the line's x.
  let rimPoint = cliffs.rim[0];
  for (const r of cliffs.rim) {
    if (r.z > TIANMEN_MASSIF.centreZ && Math.abs(r.x - L.rimX) < Math.abs(rimPoint.x - L.rimX)) rimPoint = r;
  }
  const topX = rimPoint.x - rimPoint.nx * L.topInsetM;
  const topZ = rimPoint.z - rimPoint.nz * L.topInsetM;
  const station = (x: number, z: number): CablewayMast => {
    const footM = terrain.heightAt(x, z);
    return { x, z, footM, topM: footM + 12 };
  };
  const cableFree = (p: [number, number, number]) =>
    Math.min(p[1] - terrain.heightAt(p[0], p[2]) - L.clearanceM, cliffs.distanceM(p[0], p[1], p[2]) - L.cliffClearanceM);

  // Split a span with a mast (at its worst point when it comes too near) until every span is short and clear.
  const spans = (a: CablewayMast, b: CablewayMast, depth: number): CablewayMast[] => {
    let worst = Infinity;
    let worstT = 0.5;
    for (let i = 1; i < SPAN_SAMPLES; i++) {
      const t = i / SPAN_SAMPLES;
      const free = cableFree(sagged(a, b, t));
      if (free < worst) {
        worst = free;
        worstT = t;
      }
    }
    const span = Math.hypot(b.x - a.x, b.z - a.z);
    if ((worst >= 0 && span <= MAX_SPAN_M) || depth > 8 || span < MIN_SPAN_M * 2) return [a];
    const t = worst >= 0 ? 0.5 : Math.min(0.8, Math.max(0.2, worstT));
    const x = a.x + (b.x - a.x) * t;
    const z = a.z + (b.z - a.z) * t;
    const footM = terrain.heightAt(x, z);
    const mast: CablewayMast = { x, z, footM, topM: footM + L.mastHeightM };
    return [...spans(a, mast, depth + 1), ...spans(mast, b, depth + 1)];
  };
  const bottom = station(L.bottomX, L.bottomZ);
  const top = station(topX, topZ);
  const rimMastX = rimPoint.x - rimPoint.nx * L.rimMastInsetM;
  const rimMastZ = rimPoint.z - rimPoint.nz * L.rimMastInsetM;
  const rimFootM = terrain.heightAt(rimMastX, rimMastZ);
  const rimMast: CablewayMast = { x: rimMastX, z: rimMastZ, footM: rimFootM, topM: rimFootM + L.rimMastHeightM };
  const masts = [...spans(bottom, rimMast, 0), rimMast, top];

  const dx = top.x - bottom.x;
  const dz = top.z - bottom.z;
  const length = Math.hypot(dx, dz);
  const direction: [number, number] = [dx / length, dz / length];
  const side: [number, number] = [-direction[1], direction[0]];

  function pointAt(t: number): [number, number, number] {
    const along = t * length;
    for (let i = 0; i + 1 < masts.length; i++) {
      const a = masts[i];
      const b = masts[i + 1];
      const from = (a.x - bottom.x) * direction[0] + (a.z - bottom.z) * direction[1];
      const to = (b.x - bottom.x) * direction[0] + (b.z - bottom.z) * direction[1];
      if (along <= to || i + 2 === masts.length) return sagged(a, b, Math.max(0, Math.min(1, (along - from) / (to - from))));
    }
    return [top.x, top.topM, top.z];
  }

  // Capsules round the centre line (both cables and their cabins lie within the gap plus reach) and the masts.
  const segments: Array<[number, number, number, number, number, number]> = [];
  for (let i = 0; i + 1 < masts.length; i++) {
    let prev = sagged(masts[i], masts[i + 1], 0);
    for (let k = 1; k <= SPAN_SAMPLES; k++) {
      const next = sagged(masts[i], masts[i + 1], k / SPAN_SAMPLES);
      segments.push([...prev, ...next]);
      prev = next;
    }
  }
  for (const m of masts) segments.push([m.x, m.footM, m.z, m.x, m.topM, m.z]);
  const radiusM = L.cableHalfGapM + L.reachM;
  const box = segments.reduce(
    (b, s) => [
      Math.min(b[0], s[0], s[3]),
      Math.min(b[1], s[1], s[4]),
      Math.min(b[2], s[2], s[5]),
      Math.max(b[3], s[0], s[3]),
      Math.max(b[4], s[1], s[4]),
      Math.max(b[5], s[2], s[5]),
    ],
    [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity],
  );

  function distanceM(x: number, y: number, z: number): number {
    const outside = Math.hypot(
      Math.max(box[0] - x, 0, x - box[3]),
      Math.max(box[1] - y, 0, y - box[4]),
      Math.max(box[2] - z, 0, z - box[5]),
    );
    if (outside > radiusM + 50) return outside - radiusM;
    let best = Infinity;
    for (const [ax, ay, az, bx, by, bz] of segments) {
      const ex = bx - ax,
        ey = by - ay,
        ez = bz - az;
      const t = Math.max(0, Math.min(1, ((x - ax) * ex + (y - ay) * ey + (z - az) * ez) / (ex * ex + ey * ey + ez * ez)));
      best = Math.min(best, Math.hypot(x - ax - ex * t, y - ay - ey * t, z - az - ez * t));
    }
    return best - radiusM;
  }

  return { masts, direction, side, pointAt, distanceM };
}
