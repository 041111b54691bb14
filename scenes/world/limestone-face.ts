// Tianmen's sheer limestone faces, shared by the gate's wall and the massif's cliffs: deep
// vertical flutes, beds that step out towards their tops with undercut partings, a cap rock
// that overhangs, and the colour that goes with them (scrub on ledges, dark streaks below).
import { linearFromSrgb } from './colour';
import { fbm2, lerp, smoothstep, valueNoise2 } from './random';

/** Most a face stands out from its base surface, metres; distance bounds allow for it. */
export const FACE_RELIEF_MAX_M = 14;
const FLUTE_M = 7;
const BED_STEP_M = 3;
const CAP_OVERHANG_M = 4;
/** Mean thickness of a bed, metres (they waver around it). */
const BED_THICKNESS_M = 24;

// Tianmen's limestone is a dark, damp grey, warming to buff only in patches: paler, it drew the
// cliff round Heaven's Gate as a sunlit sandy wall.
const LIMESTONE = linearFromSrgb([0.49, 0.49, 0.48]);
const LIMESTONE_WARM = linearFromSrgb([0.58, 0.55, 0.49]);
const STREAK = linearFromSrgb([0.22, 0.22, 0.21]);
const SCRUB = linearFromSrgb([0.17, 0.27, 0.11]);
const SCRUB_LIT = linearFromSrgb([0.27, 0.37, 0.15]);

/** Where (u, y) lies within its bed: 0 at the bed's foot, 1 at the parting above it, and which bed. */
function bedAt(u: number, y: number, seed: number): { phase: number; index: number } {
  // Beds undulate and pinch out along the face, so their partings never stack like a ladder.
  const warp = 34 * (valueNoise2(u / 120, y / 320, seed + 11) - 0.5) + 9 * (valueNoise2(u / 40, y / 90, seed + 12) - 0.5);
  const coord = (y + warp) / BED_THICKNESS_M;
  const index = Math.floor(coord);
  return { phase: coord - index, index };
}

/**
 * Metres the face stands out at u metres along it and y up, in [0, FACE_RELIEF_MAX_M]:
 * ridged flutes narrower than a bed, beds leaning out to an undercut parting, and a cap
 * overhang in the last tens of metres under `topM`.
 */
export function limestoneReliefM(u: number, y: number, topM: number, seed: number): number {
  const ridge = 1 - Math.abs(2 * valueNoise2(u / 11, y / 260, seed) - 1);
  const flute = 0.55 * ridge * ridge + 0.45 * fbm2(u / 38, y / 200, seed + 1, 3);
  const { phase, index } = bedAt(u, y, seed);
  // A bed juts only in patches of its own, so the ledges break and overlap like real bedding.
  const bedPatch = smoothstep(0.45, 0.75, valueNoise2(u / 55, index * 0.37, seed + 2));
  const step = smoothstep(0, 0.88, phase) * (1 - smoothstep(0.9, 1, phase)) * bedPatch;
  const cap = smoothstep(topM - 90, topM - 15, y);
  return FLUTE_M * flute + BED_STEP_M * step + CAP_OVERHANG_M * cap;
}

/** How much scrub grows at (u, y), 0..1: the tops of jutting beds in patches. */
export function limestoneLedgeGreen(u: number, y: number, seed: number): number {
  const { phase, index } = bedAt(u, y, seed);
  const ledgePatch = smoothstep(0.4, 0.7, valueNoise2(u / 30, index * 0.61, seed + 6));
  return smoothstep(0.82, 0.9, phase) * ledgePatch;
}

/** Linear RGB of the face at (u, y): grey to buff rock, dark water streaks under ledges, scrub on ledges and the rim. */
export function limestoneColour(u: number, y: number, topM: number, seed: number): [number, number, number] {
  const warm = smoothstep(0.4, 0.9, valueNoise2(u / 70, y / 110, seed + 3));
  const grain = 0.88 + 0.18 * valueNoise2(u / 8, y / 8, seed + 4);
  const { phase } = bedAt(u, y, seed);
  // Water runs off the ledges in streaks that start under a bed's parting and fade downwards.
  const streakBand = smoothstep(0.5, 0.8, valueNoise2(u / 6, y / 170, seed + 5));
  const streak = streakBand * (0.5 + 0.5 * phase);
  // Scrub clings to the tops of jutting beds in patches, and fringes the rim.
  const ledge = limestoneLedgeGreen(u, y, seed);
  const rim = smoothstep(topM - 14, topM - 3, y) * (0.6 + 0.4 * valueNoise2(u / 9, 0.5, seed + 7));
  // Shrubs also cling in the cracks between the ledges, in clumps a few metres wide hanging down
  // tens of metres, so the face reads as rock hung with green rather than ruled by green lines.
  const clinging =
    smoothstep(0.7, 0.84, valueNoise2(u / 12, y / 30, seed + 9)) * smoothstep(0.35, 0.65, valueNoise2(u / 90, y / 120, seed + 10));
  const green = Math.min(1, Math.max(ledge, rim, clinging));
  const lit = valueNoise2(u / 5, y / 5, seed + 8);
  const out: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    const rock = lerp(lerp(LIMESTONE[k], LIMESTONE_WARM[k], warm), STREAK[k], 0.65 * streak) * grain;
    out[k] = lerp(rock, lerp(SCRUB[k], SCRUB_LIT[k], lit), green);
  }
  return out;
}
