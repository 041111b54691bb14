// First Bridge Under Heaven: a natural slab of rock spanning the slot between two pillars.
// The underside arches up to archUndersideM at mid-span; the slot below stays open to fly through.
import { FIRST_BRIDGE } from './landmarks';

export interface StoneBridge {
  centreX: number;
  centreZ: number;
  spanM: number;
  widthM: number;
  deckTopM: number;
  archUndersideM: number;
  /** Ends of the slab, buried in the two pillars. */
  westEndX: number;
  eastEndX: number;
  /** Centres of the two pillars it joins. */
  westPillarX: number;
  eastPillarX: number;
  /** Height of the slab's underside at x. */
  undersideAt(x: number): number;
}

/** How far the underside drops from mid-span to the pillar faces: the arch's rise. */
const ARCH_RISE_M = 22;
/** How deep the slab reaches into each pillar. */
const EMBED_M = 14;

export function createStoneBridge(): StoneBridge {
  const half = FIRST_BRIDGE.spanM / 2;
  const undersideAt = (x: number): number => {
    const u = Math.min(1, Math.abs(x - FIRST_BRIDGE.x) / half);
    return FIRST_BRIDGE.archUndersideM - ARCH_RISE_M * u * u;
  };
  return {
    centreX: FIRST_BRIDGE.x,
    centreZ: FIRST_BRIDGE.z,
    spanM: FIRST_BRIDGE.spanM,
    widthM: FIRST_BRIDGE.deckWidthM,
    deckTopM: FIRST_BRIDGE.deckTopM,
    archUndersideM: FIRST_BRIDGE.archUndersideM,
    westEndX: FIRST_BRIDGE.x - half - EMBED_M,
    eastEndX: FIRST_BRIDGE.x + half + EMBED_M,
    westPillarX: FIRST_BRIDGE.x - half - FIRST_BRIDGE.pillarRadiusM,
    eastPillarX: FIRST_BRIDGE.x + half + FIRST_BRIDGE.pillarRadiusM,
    undersideAt,
  };
}

/** Signed distance in metres to the slab (negative inside); conservative under the curved arch. */
export function bridgeSignedDistanceM(b: StoneBridge, px: number, py: number, pz: number): number {
  const halfLength = (b.eastEndX - b.westEndX) / 2;
  const qx = Math.abs(px - b.centreX) - halfLength;
  const qz = Math.abs(pz - b.centreZ) - b.widthM / 2;
  const u = Math.min(1, Math.abs(px - b.centreX) / (b.spanM / 2));
  const undersideSlope = (2 * ARCH_RISE_M * u) / (b.spanM / 2);
  const belowM = (b.undersideAt(px) - py) / Math.sqrt(1 + undersideSlope * undersideSlope);
  const qy = Math.max(py - b.deckTopM, belowM);
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  const oz = Math.max(qz, 0);
  const outside = Math.sqrt(ox * ox + oy * oy + oz * oz);
  return outside + Math.min(Math.max(qx, qy, qz), 0);
}
