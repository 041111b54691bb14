// The bare rock of a near pillar, as its vertex colours paint it: grey to buff-grey quartz sandstone
// whose tone follows the slabs between its vertical joints, not beige rock ruled into horizontal
// bands. Judged where the colour is rock, not growth, on every pillar form and landmark.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BRIDGE_PILLAR_SHAPE_SPEC,
  GOLDEN_WHIP_ROCK_SHAPE_SPEC,
  HALLELUJAH_SHAPE_SPEC,
  PILLAR_ARCHETYPE_SPECS,
} from '@/scenes/world/pillar-archetypes';
import { rockColourAt } from '@/scenes/world/pillar-mesh';
import { createPillarShape, type PillarShapeSpec } from '@/scenes/world/pillar-shape';

const SEED = 20261126;
/** A typical near pillar, metres: the colour rule is in unit space, so distances need a size. */
const RADIUS_M = 40;
const HEIGHT_M = 280;
const STEP_M = 4;

const luminance = (c: readonly number[]) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
/** The rock shader's and the green test's own reading of a vertex colour as leaves. */
const isGreen = (c: readonly number[]) => c[1] / Math.max(c[0], 1e-6) > 1.15;

interface RockStats {
  /** Mean |Δ luminance| a step around the section over the same step down it. */
  aroundOverDown: number;
  /** Mean (red − blue) / luminance: 0 is neutral grey; beige sandstone is about 0.2. */
  warmth: number;
  samples: number;
}

function rockStats(spec: PillarShapeSpec): RockStats {
  const shape = createPillarShape(spec, SEED);
  let around = 0;
  let down = 0;
  let warmth = 0;
  let samples = 0;
  for (let a = 0; a < 72; a++) {
    for (let j = 0; j < 50; j++) {
      const theta = (a / 72) * Math.PI * 2;
      const yN = 0.1 + 0.7 * (j / 50);
      const here = rockColourAt(shape, theta, yN, SEED);
      const beside = rockColourAt(shape, theta + STEP_M / RADIUS_M, yN, SEED);
      const below = rockColourAt(shape, theta, yN + STEP_M / HEIGHT_M, SEED);
      if (isGreen(here) || isGreen(beside) || isGreen(below)) continue;
      samples++;
      around += Math.abs(luminance(here) - luminance(beside));
      down += Math.abs(luminance(here) - luminance(below));
      warmth += (here[0] - here[2]) / luminance(here);
    }
  }
  return { aroundOverDown: around / down, warmth: warmth / samples, samples };
}

const FORMS: ReadonlyArray<[string, PillarShapeSpec]> = [
  ...PILLAR_ARCHETYPE_SPECS.map((spec, a): [string, PillarShapeSpec] => [`archetype ${a}`, spec]),
  ['Hallelujah Mountain', HALLELUJAH_SHAPE_SPEC],
  ['First Bridge walls', BRIDGE_PILLAR_SHAPE_SPEC],
  ['Golden Whip Rock', GOLDEN_WHIP_ROCK_SHAPE_SPEC],
];

describe('bare pillar rock', () => {
  for (const [name, spec] of FORMS) {
    test(`${name}: grey to buff-grey, its tone changing more across the face than down it`, () => {
      const stats = rockStats(spec);
      assert.ok(stats.samples > 1000, `${name}: only ${stats.samples} bare-rock samples`);
      // Beige read as smooth tan tubes; the photographs' rock is nearly neutral with a trace of buff.
      assert.ok(stats.warmth <= 0.14, `${name}: warmth ${stats.warmth.toFixed(3)} (beige rock)`);
      assert.ok(stats.warmth >= 0.03, `${name}: warmth ${stats.warmth.toFixed(3)} (no buff left at all)`);
      // Vertical joints, slabs and streaks dominate; the beds are only faint steps. With the beds'
      // own tones strong, the colour changed as much down a face as across it: a banded chimney.
      assert.ok(stats.aroundOverDown >= 1.6, `${name}: around / down ${stats.aroundOverDown.toFixed(2)}`);
    });
  }
});
