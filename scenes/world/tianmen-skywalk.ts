// The cliff-hanging glass skywalk: a narrow walkway bolted to the west face about 1,430 m up,
// following the face in and out round its flutes, as the curated cliff route passes it.
import { CLIFF_FACE_OFFSET_M, type RimPoint, type TianmenCliffs } from './tianmen-cliffs';
import { CLIFF_WALKWAY } from './tianmen-landmarks';

export const SKYWALK_LAYOUT = {
  /** Metres of walkway either side of the point nearest the landmark. */
  halfLengthM: 330,
  stepM: 3,
  widthM: 3,
  /** The deck keeps off the face this much where the face juts most, metres. */
  standOffM: 0.5,
  /** Railings and brackets reach this far from the deck's outer edge; the clearance query allows for it. */
  reachM: 4,
} as const;

export interface SkywalkStation {
  /** Inner and outer edge of the deck, at deck level. */
  inner: readonly [number, number, number];
  outer: readonly [number, number, number];
  rim: RimPoint;
}

export interface TianmenSkywalk {
  deckM: number;
  stations: readonly SkywalkStation[];
  /** Metres from p to the walkway, never more than the truth. */
  distanceM(x: number, y: number, z: number): number;
}

export function createTianmenSkywalk(cliffs: TianmenCliffs): TianmenSkywalk {
  const L = SKYWALK_LAYOUT;
  const deckM = CLIFF_WALKWAY.heightM;
  let centre = cliffs.rim[0];
  for (const r of cliffs.rim) {
    if (Math.hypot(r.x - CLIFF_WALKWAY.x, r.z - CLIFF_WALKWAY.z) < Math.hypot(centre.x - CLIFF_WALKWAY.x, centre.z - CLIFF_WALKWAY.z))
      centre = r;
  }
  // How far the face juts near each station, over the deck's height and a few metres along: the deck must clear it all.
  const jut: number[] = [];
  const us: number[] = [];
  for (let u = centre.u - L.halfLengthM; u <= centre.u + L.halfLengthM; u += L.stepM) {
    const r = cliffs.rimAt(u);
    let most = 0;
    for (const du of [-1.5, 0, 1.5]) for (const dy of [-4, 0, 4]) most = Math.max(most, cliffs.reliefM(u + du, deckM + dy, r.topM));
    us.push(u);
    jut.push(most);
  }
  const stations: SkywalkStation[] = us.map((u, i) => {
    // The widest jut of the neighbours keeps the deck from cutting a flute's corner between stations.
    const out = CLIFF_FACE_OFFSET_M + L.standOffM + Math.max(jut[Math.max(0, i - 1)], jut[i], jut[Math.min(jut.length - 1, i + 1)]);
    const r = cliffs.rimAt(u);
    return {
      inner: [r.x + r.nx * out, deckM, r.z + r.nz * out],
      outer: [r.x + r.nx * (out + L.widthM), deckM, r.z + r.nz * (out + L.widthM)],
      rim: r,
    };
  });

  const minX = Math.min(...stations.map((s) => Math.min(s.inner[0], s.outer[0])));
  const maxX = Math.max(...stations.map((s) => Math.max(s.inner[0], s.outer[0])));
  const minZ = Math.min(...stations.map((s) => Math.min(s.inner[2], s.outer[2])));
  const maxZ = Math.max(...stations.map((s) => Math.max(s.inner[2], s.outer[2])));
  function distanceM(x: number, y: number, z: number): number {
    const box = Math.hypot(Math.max(minX - x, 0, x - maxX), Math.max(y - deckM - 2, 0, deckM - 8 - y), Math.max(minZ - z, 0, z - maxZ));
    if (box > 40) return box - L.reachM;
    let best = Infinity;
    for (let i = 0; i + 1 < stations.length; i++) {
      const a = stations[i].outer;
      const b = stations[i + 1].outer;
      const ex = b[0] - a[0],
        ez = b[2] - a[2];
      const t = Math.max(0, Math.min(1, ((x - a[0]) * ex + (z - a[2]) * ez) / (ex * ex + ez * ez || 1)));
      best = Math.min(best, Math.hypot(x - a[0] - ex * t, y - deckM, z - a[2] - ez * t));
    }
    return best - L.reachM - L.widthM;
  }
  return { deckM, stations, distanceM };
}
