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
// Darker again, and wet: the photographs show a dark grey cliff, streaked black where water runs.
// Blue-grey, and the warm patches only neutral grey: under the golden-hour sun and grade a neutral
// grey came out ochre, the whole Tianmen cliff a sandy curtain rather than grey limestone.
const LIMESTONE = linearFromSrgb([0.36, 0.4, 0.46]);
const LIMESTONE_WARM = linearFromSrgb([0.45, 0.46, 0.48]);
const STREAK = linearFromSrgb([0.17, 0.19, 0.21]);
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
export function limestoneReliefM(u: number, y: number, topM: number, seed: number, bedStepM = BED_STEP_M): number {
  const ridge = 1 - Math.abs(2 * valueNoise2(u / 11, y / 260, seed) - 1);
  const flute = 0.55 * ridge * ridge + 0.45 * fbm2(u / 38, y / 200, seed + 1, 3);
  const { phase, index } = bedAt(u, y, seed);
  // A bed juts only in short patches of its own, so the ledges break and overlap like real
  // bedding: long runs of every bed ruled the wall round Heaven's Gate with regular lines.
  const bedPatch = smoothstep(0.56, 0.82, valueNoise2(u / 32, index * 0.37, seed + 2));
  const step = smoothstep(0, 0.88, phase) * (1 - smoothstep(0.9, 1, phase)) * bedPatch;
  const cap = smoothstep(topM - 90, topM - 15, y);
  return FLUTE_M * flute + bedStepM * step + CAP_OVERHANG_M * cap;
}

/**
 * Where the face holds growth at all, 0..1: slanting zones tens to hundreds of metres across,
 * where water seeps and soil lodges. Scrub keyed to each bed's own patches alone lined up, bed
 * over bed, into a regular grid of green dashes on the wall round Heaven's Gate.
 */
function vegetationZone(u: number, y: number, seed: number): number {
  return fbm2((u + 0.55 * y) / 190, (y - 0.35 * u) / 130, seed + 13, 3);
}

/** How much scrub grows at (u, y), 0..1: the tops of jutting beds, in ragged runs gathered into the zones. */
export function limestoneLedgeGreen(u: number, y: number, seed: number): number {
  const { phase, index } = bedAt(u, y, seed);
  const zone = vegetationZone(u, y, seed);
  // Each bed's runs are shifted along it by their own amount, so no two beds' patches stack.
  const shift = 97 * valueNoise2(index * 0.73, 3.3, seed + 14);
  const run = valueNoise2((u + shift) / 17, index * 0.61 + u / 150, seed + 6);
  // Outside the zones the rock is bare: ledges alone, green everywhere, ruled the wall.
  const ledgePatch = smoothstep(0.54, 0.66, zone) * smoothstep(0.3, 0.6, run);
  // In the greenest zones the growth hangs on down most of the bed below the ledge, so green
  // gathers into ragged masses rather than dashes.
  const hang = 0.82 - 0.6 * smoothstep(0.54, 0.7, zone);
  return smoothstep(hang, Math.max(hang + 0.06, 0.9), phase) * ledgePatch;
}

/** Linear RGB of the face at (u, y): grey to buff rock, dark water streaks under ledges, scrub on ledges and the rim. */
export function limestoneColour(u: number, y: number, topM: number, seed: number): [number, number, number] {
  const warm = smoothstep(0.4, 0.9, valueNoise2(u / 70, y / 110, seed + 3));
  const grain = 0.88 + 0.18 * valueNoise2(u / 8, y / 8, seed + 4);
  const { phase } = bedAt(u, y, seed);
  // Water runs off the ledges in streaks that start under a bed's parting and fade downwards.
  const streakBand = smoothstep(0.5, 0.8, valueNoise2(u / 6, y / 170, seed + 5));
  // Darker in the middle of a bed and the same at its foot as at the parting above, so no
  // bed's edge draws a line: darkening towards each parting ruled the wall into bands.
  const streak = streakBand * (0.8 + 0.2 * Math.sin(Math.PI * phase));
  // Scrub clings to the tops of jutting beds in patches, and fringes the rim.
  const ledge = limestoneLedgeGreen(u, y, seed);
  const rim = smoothstep(topM - 14, topM - 3, y) * (0.6 + 0.4 * valueNoise2(u / 9, 0.5, seed + 7));
  // Shrubs also cling in the cracks between the ledges, in clumps a few metres wide hanging down
  // tens of metres, so the face reads as rock hung with green rather than ruled by green lines.
  const zone = vegetationZone(u, y, seed);
  const clinging =
    smoothstep(0.66, 0.82, valueNoise2((u + 0.4 * y) / 12, y / 30, seed + 9)) *
    smoothstep(0.5, 0.72, 0.6 * zone + 0.4 * valueNoise2(u / 90, y / 120, seed + 10));
  // Broad wet zones where seepage darkens whole stretches of the face.
  const wet = smoothstep(0.45, 0.75, fbm2(u / 150 + 4.1, y / 240, seed + 15, 3));
  // The heart of a zone is a hanging mass of scrub tens of metres across, ragged at its edges.
  const mass = smoothstep(0.6, 0.7, zone + 0.12 * (valueNoise2(u / 14, y / 22, seed + 16) - 0.5));
  const green = Math.min(1, Math.max(ledge, rim, clinging, mass));
  const lit = valueNoise2(u / 5, y / 5, seed + 8);
  const out: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    const rock = lerp(lerp(LIMESTONE[k], LIMESTONE_WARM[k], warm), STREAK[k], Math.min(1, 0.65 * streak + 0.45 * wet)) * grain;
    out[k] = lerp(rock, lerp(SCRUB[k], SCRUB_LIT[k], lit), green);
  }
  return out;
}
