// First Bridge Under Heaven: a thick, flat slab of rock across the cleft between two rock walls.
// Its underside is flat over the span and only swells down where the slab grows out of the walls,
// so it reads as a slab, not an arch; the cleft below stays open to fly through.
import { BRIDGE_FOREST_HEIGHT_M, BRIDGE_FOREST_OVERHANG_M } from './bridge-forest';
import { FIRST_BRIDGE } from './landmarks';
import { smoothstep } from './random';

export interface StoneBridge {
  centreX: number;
  centreZ: number;
  spanM: number;
  widthM: number;
  deckTopM: number;
  /** Underside at mid-span. */
  slabUndersideM: number;
  /** Ends of the slab, buried in the two walls. */
  westEndX: number;
  eastEndX: number;
  /** Centres of the two walls it joins (x), and where they stand along the cleft (z). */
  westPillarX: number;
  eastPillarX: number;
  wallCentreZ: number;
  /** Height of the slab's underside at x: the most the drawn rock reaches down. */
  undersideAt(x: number): number;
}

/** How far the underside swells down where it meets a wall face, and over how many metres of the span. */
const FILLET_DROP_M = 7;
const FILLET_RUN_M = 7;
/** Sampling step of the underside in the signed distance; the error it allows is taken off. */
const UNDERSIDE_STEP_M = 0.5;
/** Beyond this the box bound is answer enough: no route cares how far past it the rock is. */
const NEAR_M = 40;

/**
 * Where the wall faces stand from a wall's centre, as a fraction of its bounding half-thickness:
 * the flat side of the walls' squarish section (pillar-shape's section for their squareness).
 */
export function createStoneBridge(wallFaceFraction: number): StoneBridge {
  const half = FIRST_BRIDGE.spanM / 2;
  const wallOffsetM = half + wallFaceFraction * FIRST_BRIDGE.wallHalfThicknessM;
  const undersideAt = (x: number): number => {
    const fromCentre = Math.abs(x - FIRST_BRIDGE.x);
    return FIRST_BRIDGE.slabUndersideM - FILLET_DROP_M * smoothstep(half - FILLET_RUN_M, half, fromCentre) ** 2;
  };
  return {
    centreX: FIRST_BRIDGE.x,
    centreZ: FIRST_BRIDGE.z,
    spanM: FIRST_BRIDGE.spanM,
    widthM: FIRST_BRIDGE.deckWidthM,
    deckTopM: FIRST_BRIDGE.deckTopM,
    slabUndersideM: FIRST_BRIDGE.slabUndersideM,
    // Into each wall up to its middle, so the slab meets rock however far the face steps back.
    westEndX: FIRST_BRIDGE.x - wallOffsetM,
    eastEndX: FIRST_BRIDGE.x + wallOffsetM,
    westPillarX: FIRST_BRIDGE.x - wallOffsetM,
    eastPillarX: FIRST_BRIDGE.x + wallOffsetM,
    wallCentreZ: FIRST_BRIDGE.wallCentreZ,
    undersideAt,
  };
}

/** Signed distance in metres to the slab (negative inside); never more than the truth. */
export function bridgeSignedDistanceM(b: StoneBridge, px: number, py: number, pz: number): number {
  const halfLength = (b.eastEndX - b.westEndX) / 2;
  const qx = Math.abs(px - b.centreX) - halfLength;
  const qz = Math.abs(pz - b.centreZ) - b.widthM / 2;
  const ox = Math.max(qx, 0);
  const oz = Math.max(qz, 0);
  if (py >= b.slabUndersideM) {
    // Above the whole underside the slab and the forest on it are as near as a box.
    const qy = py - b.deckTopM - BRIDGE_FOREST_HEIGHT_M;
    const qzForest = qz - BRIDGE_FOREST_OVERHANG_M;
    const outside = Math.hypot(ox, Math.max(qy, 0), Math.max(qzForest, 0));
    return outside > 0 ? outside : Math.max(qx, qy, qzForest);
  }
  // Below it: the box down to the lowest underside is a lower bound; near enough to matter, find the curve's nearest point.
  const boxM = Math.hypot(ox, Math.max(b.undersideAt(b.westEndX) - py, 0), oz);
  if (boxM > NEAR_M) return boxM;
  let best = Infinity;
  for (let x = b.westEndX; x <= b.eastEndX; x += UNDERSIDE_STEP_M) {
    best = Math.min(best, Math.hypot(x - px, Math.max(0, b.undersideAt(x) - py), oz));
  }
  return best - UNDERSIDE_STEP_M;
}
