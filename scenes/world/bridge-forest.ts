// The forest on the First Bridge's slab: shrub-and-pine clumps along its top, crowding its
// edges and hanging a little over them, so from any distance the slab reads as a strip of
// forest across the cleft, like the walls' tops it joins. Matrices for the ledge clump mesh.
import { FIRST_BRIDGE } from './landmarks';
import { createRandom, deriveSeed } from './random';
import type { StoneBridge } from './stone-bridge';

/** Spacing of clumps along the span, metres. */
const CLUMP_SPACING_M = 6;
/** Tallest a clump stands above the deck: the clearance bound counts it as solid. */
export const BRIDGE_FOREST_HEIGHT_M = 11;
/** Farthest a clump's skirt hangs out past the slab's edge. */
export const BRIDGE_FOREST_OVERHANG_M = 4;

/** Column-major 4x4 per clump, world space. */
export function bridgeForestMatrices(bridge: StoneBridge, seed: number): Float32Array[] {
  const random = createRandom(deriveSeed(seed, 'bridge-forest'));
  const out: Float32Array[] = [];
  const halfSpan = FIRST_BRIDGE.spanM / 2;
  // From wall face to wall face and a little onto the walls' tops, where their own crowns take over.
  for (let x = bridge.centreX - halfSpan - 8; x <= bridge.centreX + halfSpan + 8; x += CLUMP_SPACING_M) {
    for (const side of [-1, 1]) {
      const radiusM = 4 + 3 * random();
      const heightM = Math.min(BRIDGE_FOREST_HEIGHT_M / 1.2, radiusM * (0.9 + 0.5 * random()));
      const cx = x + (random() - 0.5) * CLUMP_SPACING_M * 0.8;
      const cz = bridge.centreZ + side * (bridge.widthM / 2 - radiusM * (0.4 + 0.3 * random()));
      const turn = random() * Math.PI * 2;
      const c = Math.cos(turn) * radiusM;
      const s = Math.sin(turn) * radiusM;
      out.push(new Float32Array([c, 0, -s, 0, 0, heightM, 0, 0, s, 0, c, 0, cx, bridge.deckTopM - 1, cz, 1]));
    }
  }
  return out;
}
