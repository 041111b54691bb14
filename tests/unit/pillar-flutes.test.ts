// Near pillar faces are fluted: narrow vertical grooves between rounded ribs, running down tens of
// metres, in the geometry of every mesh fine enough around its section to draw them, and left out
// (not aliased) where a mesh is too coarse.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BRIDGE_PILLAR_SHAPE_SPEC, HALLELUJAH_SHAPE_SPEC, PILLAR_ARCHETYPE_SPECS } from '@/scenes/world/pillar-archetypes';
import { createPillarShape } from '@/scenes/world/pillar-shape';
import { TIER_DETAIL } from '@/scenes/world/world-detail';

const SEED = 20261126;
const SPECS = [...PILLAR_ARCHETYPE_SPECS, HALLELUJAH_SHAPE_SPEC, BRIDGE_PILLAR_SHAPE_SPEC];

/** Bearings (of `samples` around the section) where a groove cuts at least `minDepth` at height yN. */
function grooveCount(spec: (typeof SPECS)[number], yN: number, samples: number, minDepth: number): number {
  const shape = createPillarShape(spec, SEED);
  let grooves = 0;
  let inGroove = false;
  for (let i = 0; i < samples; i++) {
    const deep = shape.fluteAt((i / samples) * Math.PI * 2, yN) >= minDepth;
    if (deep && !inGroove) grooves++;
    inGroove = deep;
  }
  return grooves;
}

describe('pillar flutes', () => {
  test('every form has several deep grooves around its section, and they run down the height', () => {
    SPECS.forEach((spec, k) => {
      const counts = [0.3, 0.5, 0.7].map((yN) => grooveCount(spec, yN, 720, 0.5));
      assert.ok(
        counts.every((c) => c >= 3),
        `form ${k}: grooves at 30/50/70 % of the height ${counts.join(', ')}`,
      );
      // A groove is a cleft, not a dash: where one is deep, it is still cut a few metres lower.
      const shape = createPillarShape(spec, SEED);
      let deep = 0;
      let held = 0;
      for (let i = 0; i < 720; i++) {
        const theta = (i / 720) * Math.PI * 2;
        if (shape.fluteAt(theta, 0.5) < 0.6) continue;
        deep++;
        if (shape.fluteAt(theta, 0.515) > 0.2) held++;
      }
      assert.ok(deep > 0 && held / deep >= 0.7, `form ${k}: ${held} of ${deep} grooves still cut 1.5 % lower`);
    });
  });

  test("a mesh too coarse around its section draws no grooves; the bake tier's landmarks draw them", () => {
    const shape = createPillarShape(HALLELUJAH_SHAPE_SPEC, SEED);
    const sampling = (radial: number, rings: number) => ({ thetaStep: (Math.PI * 2) / radial, yStep: 1 / rings });
    const phone = TIER_DETAIL.phone.landmarkPillar;
    const bake = TIER_DETAIL.bake.landmarkPillar;
    let phoneMax = 0;
    let bakeMax = 0;
    for (let i = 0; i < 360; i++) {
      const theta = (i / 360) * Math.PI * 2;
      phoneMax = Math.max(phoneMax, shape.fluteAt(theta, 0.5, sampling(phone.radialSegments, phone.rings)));
      bakeMax = Math.max(bakeMax, shape.fluteAt(theta, 0.5, sampling(bake.radialSegments, bake.rings)));
    }
    assert.equal(phoneMax, 0);
    assert.ok(bakeMax > 0.8, `bake landmark groove depth ${bakeMax.toFixed(2)}`);
  });
});
